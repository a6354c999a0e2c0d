// N fork+exit+wait cycles (argv[1], default 1000): every child's status must come back
// right, and the free memory (MemFree of /proc/meminfo, i.e. free frames) must be what it
// was before the cycles. Prints the two figures; exits 0 only if all is well.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>

static long mem_free_kb(void) {
  char buf[512];
  int fd = open("/proc/meminfo", O_RDONLY);
  if (fd < 0) return -1;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  char *p = strstr(buf, "MemFree:");
  return p ? atol(p + 8) : -1;
}

static int cycle(int i) {
  pid_t c = fork();
  if (c < 0) return -1;
  if (c == 0) {
    volatile char stack[8192];
    stack[i % 8192] = (char)i; // a private page or two to copy
    _exit(i & 0x7f);
  }
  int st;
  if (waitpid(c, &st, 0) != c || !WIFEXITED(st) || WEXITSTATUS(st) != (i & 0x7f)) return -1;
  return 0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1000;
  // warm up: every code path and stack page the loop uses is touched once (the first touch
  // of a program page puts it in the page cache, which keeps it)
  for (int i = 0; i < 3; i++) if (cycle(i) < 0 || mem_free_kb() < 0) { printf("warm-up cycle %d failed\n", i); return 1; }
  long before = mem_free_kb();
  int bad = 0;
  for (int i = 0; i < n; i++) if (cycle(i) < 0) bad++;
  long after = mem_free_kb();
  printf("%d cycles, %d failed, free kB before=%ld after=%ld\n", n, bad, before, after);
  return bad == 0 && before == after && before > 0 ? 0 : 1;
}
