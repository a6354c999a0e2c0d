/*
 * File faults and reads from a process on the ext2 disk at /mnt (bench/filefault.ts runs
 * it under `tskern exec --disk`): major faults from the disk touching every other page
 * (no read-ahead: never the page after the last one) and touching pages in order
 * (read-ahead), minor faults on pages already in the page cache (a fresh mapping of the
 * same pages), and sequential read(2) of 4 KiB. Segments are marked "@@B name" /
 * "@@E name n" on stdout (shared/bench/linux-anchor.sh's protocol); each also prints its
 * time on the guest clock: "name: n pages in U us".
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>

#define PAGE 4096
static char line[128];
static void out(const char *s) { write(1, s, strlen(s)); }
static void begin(const char *name) { snprintf(line, sizeof line, "@@B %s\n", name); out(line); }
static void end(const char *name, long n) { snprintf(line, sizeof line, "@@E %s %ld\n", name, n); out(line); }
static long long usNow(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000LL + t.tv_nsec / 1000; }
static void report(const char *name, long n, long long us) { snprintf(line, sizeof line, "%s: %ld pages in %lld us\n", name, n, us); out(line); }

int main(void) {
  for (int i = 0; i < 8; i++) { begin("calib"); end("calib", 1); }
  int fd = open("/mnt/data.bin", O_RDONLY);
  if (fd < 0) { out("no /mnt/data.bin\n"); return 1; }
  long pages = lseek(fd, 0, SEEK_END) / PAGE;
  long part = pages / 3; // three cold regions: strided, sequential, read(2)
  volatile const uint8_t *m = mmap(NULL, pages * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
  if (m == MAP_FAILED) { out("mmap failed\n"); return 1; }
  unsigned sum = 0;
  long n = 0;
  long long t = usNow();
  begin("file_major_fault");
  for (long p = 0; p < part; p += 2, n++) sum += m[p * PAGE];
  end("file_major_fault", n);
  report("file_major_fault", n, usNow() - t);

  t = usNow();
  begin("file_major_fault_readahead");
  for (long p = part; p < 2 * part; p++) sum += m[p * PAGE];
  end("file_major_fault_readahead", part);
  report("file_major_fault_readahead", part, usNow() - t);

  munmap((void *)m, pages * PAGE);
  m = mmap(NULL, pages * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
  t = usNow();
  begin("file_minor_fault");
  for (long p = part; p < 2 * part; p++) sum += m[p * PAGE];
  end("file_minor_fault", part);
  report("file_minor_fault", part, usNow() - t);

  static char buf[PAGE];
  lseek(fd, 2 * part * PAGE, SEEK_SET);
  t = usNow();
  begin("read_seq_4K");
  for (long p = 0; p < part; p++) if (read(fd, buf, PAGE) != PAGE) break; else sum += buf[0];
  end("read_seq_4K", part);
  report("read_seq_4K", part, usNow() - t);
  snprintf(line, sizeof line, "sum %u\n", sum);
  out(line);
  return 0;
}
