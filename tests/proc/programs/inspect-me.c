// For the VM inspector's test: maps 8 private pages at a fixed place, writes pages 0-3,
// reads pages 4-5 (the zero page), forks; the child writes page 0 (its own copy), then both
// say where they are and wait on a pipe that the host never closes... for a while.
#include <stdio.h>
#include <unistd.h>
#include <time.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  volatile char *p = mmap((void *)0x40000000, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  for (int i = 0; i < 4; i++) p[i * 4096] = 1;
  int sink = 0;
  for (int i = 4; i < 6; i++) sink += p[i * 4096];
  pid_t c = fork();
  if (c == 0) {
    p[0] = 2;
    printf("child %d ready\n", getpid());
    struct timespec t = {3, 0};
    nanosleep(&t, NULL);
    _exit(0);
  }
  printf("parent %d ready %d\n", getpid(), sink);
  int st;
  waitpid(c, &st, 0);
  return 0;
}
