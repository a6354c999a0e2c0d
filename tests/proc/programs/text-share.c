// Program text from the page cache: two processes exec /mnt/textshare (this program, on
// the ext2 disk) and stay alive; the parent reads /proc/PID/maps (the text area names the
// file) and /proc/PID/pagemap for the page holding main in each: one frame for both. A
// data page each child wrote is a private copy: two frames.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile int written = 1;

static uint64_t pagemap(pid_t pid, uintptr_t va) {
  char path[64];
  snprintf(path, sizeof path, "/proc/%d/pagemap", pid);
  int fd = open(path, O_RDONLY);
  uint64_t e = 0;
  if (pread(fd, &e, 8, (off_t)(va / 4096) * 8) != 8) e = 0;
  close(fd);
  return e;
}

static void textLine(pid_t pid) {
  char path[64], buf[4096];
  snprintf(path, sizeof path, "/proc/%d/maps", pid);
  int fd = open(path, O_RDONLY);
  int n = read(fd, buf, sizeof buf - 1);
  close(fd);
  buf[n > 0 ? n : 0] = 0;
  for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
    if (strstr(line, "r-xp")) { printf("child text: %s\n", line + 9); return; }
}

int main(int argc, char **argv) {
  if (argc > 1) { // a child: dirty a data page, say so, wait to be killed
    written = getpid();
    write(1, "", 0);
    char c = 'r';
    write(3, &c, 1);
    pause();
    return 0;
  }
  int fds[2];
  pipe(fds);
  pid_t kids[2];
  for (int k = 0; k < 2; k++) {
    kids[k] = fork();
    if (kids[k] == 0) {
      dup2(fds[1], 3);
      execl("/mnt/textshare", "textshare", "child", (char *)NULL);
      perror("exec /mnt/textshare");
      _exit(127);
    }
  }
  char c;
  for (int k = 0; k < 2; k++) if (read(fds[0], &c, 1) != 1) { printf("a child did not start\n"); return 1; }
  textLine(kids[0]);
  uint64_t t0 = pagemap(kids[0], (uintptr_t)main), t1 = pagemap(kids[1], (uintptr_t)main);
  uint64_t d0 = pagemap(kids[0], (uintptr_t)&written), d1 = pagemap(kids[1], (uintptr_t)&written);
  const uint64_t pfn = (1ULL << 55) - 1;
  printf("text: present %d %d, file %d, same frame %d\n", (int)(t0 >> 63), (int)(t1 >> 63), (int)((t0 >> 61) & 1), (t0 & pfn) == (t1 & pfn) && (t0 & pfn) != 0);
  printf("data: present %d %d, same frame %d\n", (int)(d0 >> 63), (int)(d1 >> 63), (d0 & pfn) == (d1 & pfn));
  for (int k = 0; k < 2; k++) { kill(kids[k], SIGKILL); waitpid(kids[k], NULL, 0); }
  return 0;
}
