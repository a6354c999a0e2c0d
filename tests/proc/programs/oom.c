// The out-of-memory killer: a child touches anonymous memory until the kernel kills it
// (no swap: nothing can be freed); the parent, smaller, survives and reports how the
// child ended, then allocates and touches a little memory of its own.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    for (long mib = 0;; mib++) {
      char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) { printf("child: mmap failed after %ld MiB\n", mib); return 2; }
      memset(p, 1, 1 << 20);
    }
  }
  printf("child %d started\n", pid);
  fflush(stdout);
  int status;
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status)) printf("child killed by signal %d\n", WTERMSIG(status));
  else printf("child exited %d\n", WEXITSTATUS(status));
  char *q = malloc(4 << 20);
  memset(q, 2, 4 << 20);
  printf("parent survives: %d\n", q[12345]);
  return 0;
}
