// mmap/munmap/mprotect/mremap/brk with their errors, file-backed private mappings,
#define _GNU_SOURCE
// /proc/self/maps, MAP_SHARED anonymous memory across fork.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void) {
  size_t len = 64 * 4096;
  char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return 1;
  long sum = 0;
  for (size_t i = 0; i < len; i += 4096) sum += p[i];
  for (size_t i = 0; i < len; i += 4096) p[i] = (char)(i / 4096);
  for (size_t i = 0; i < len; i += 4096) sum += p[i];
  printf("anon sum %ld\n", sum);
  printf("munmap middle: %d\n", munmap(p + 4096 * 8, 4096 * 8));
  printf("mprotect ok: %d\n", mprotect(p, 4096 * 8, PROT_READ));
  void *bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("zero-length mmap: %p errno=%s\n", bad, errno == EINVAL ? "EINVAL" : "?");
  bad = mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0);
  printf("no type: %p errno=%s\n", bad, errno == EINVAL ? "EINVAL" : "?");
  int u = munmap(p + 1, 4096);
  printf("unaligned munmap: %d errno=%s\n", u, errno == EINVAL ? "EINVAL" : "?");
  char *q = mremap(p + 4096 * 16, 4096 * 4, 4096 * 40, MREMAP_MAYMOVE);
  printf("mremap moved: %d content %d\n", q != MAP_FAILED, q != MAP_FAILED ? q[0] : -1);
  // brk
  void *b0 = sbrk(0);
  char *b = sbrk(1 << 20);
  memset(b, 7, 1 << 20);
  printf("brk grew by %ld, last byte %d\n", (long)((char *)sbrk(0) - (char *)b0), b[(1 << 20) - 1]);
  // shared anonymous memory across fork
  int *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  int *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  *shared = 1; *priv = 1;
  if (fork() == 0) { *shared = 42; *priv = 42; _exit(0); }
  int st; wait(&st);
  printf("after child: shared=%d private=%d\n", *shared, *priv);
  // big malloc goes through mmap
  char *big = malloc(8 << 20);
  memset(big, 1, 8 << 20);
  long s2 = 0;
  for (int i = 0; i < (8 << 20); i += 4096) s2 += big[i];
  free(big);
  printf("big malloc sum %ld\n", s2);
  return 0;
}
