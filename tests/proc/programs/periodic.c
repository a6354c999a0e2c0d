// Periodic writeback: a store through MAP_SHARED, no msync, fsync, sync or exit; after a
// few seconds the process reports the writeback passes it saw and stays alive (pause) while
// the host reads the disk image.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>

static long vmstat(const char *name) {
  char buf[2048];
  int fd = open("/proc/vmstat", O_RDONLY);
  int n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  size_t len = strlen(name);
  for (char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : p)
    if (strncmp(p, name, len) == 0 && p[len] == ' ') return atol(p + len + 1);
  return -1;
}

int main(void) {
  int fd = open("/mnt/periodic.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  if (fd < 0 || ftruncate(fd, 4096) < 0) { perror("create"); return 1; }
  char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (m == MAP_FAILED) { perror("mmap"); return 1; }
  long runs = vmstat("writeback_runs");
  strcpy(m, "stored through MAP_SHARED, never synced\n");
  sleep(3);
  printf("writeback runs %ld\nready\n", vmstat("writeback_runs") - runs);
  fflush(stdout);
  pause();
  return 0;
}
