// Writes a file larger than the free memory (mem= on the kernel command line) through a
// MAP_SHARED mapping of /mnt/big.bin: dirty pages must be written back and evicted, not
// fail. Word i of page p is p * 1024 + i. Then reads the file back with read(2) and
// checks every word; prints the /proc/vmstat figures that moved.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
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

int main(int argc, char **argv) {
  long pages = argc > 1 ? atol(argv[1]) : 6144;
  long free0 = vmstat("nr_free_pages");
  printf("free pages %ld, file pages %ld\n", free0, pages);
  int fd = open("/mnt/big.bin", O_CREAT | O_RDWR | O_TRUNC, 0644);
  if (fd < 0 || ftruncate(fd, pages * 4096) < 0) { perror("create"); return 1; }
  uint32_t *m = mmap(NULL, pages * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (m == MAP_FAILED) { perror("mmap"); return 1; }
  for (long p = 0; p < pages; p++)
    for (int i = 0; i < 1024; i++) m[p * 1024 + i] = (uint32_t)(p * 1024 + i);
  munmap(m, pages * 4096);
  long bad = 0;
  static uint32_t buf[1024];
  for (long p = 0; p < pages; p++) {
    if (pread(fd, buf, 4096, p * 4096) != 4096) { bad++; continue; }
    for (int i = 0; i < 1024; i++) if (buf[i] != (uint32_t)(p * 1024 + i)) { bad++; break; }
  }
  close(fd);
  printf("bad pages %ld\n", bad);
  printf("written back %ld evicted %ld\n", vmstat("pgwriteback"), vmstat("pgevict"));
  return bad == 0 ? 0 : 1;
}
