// fork, exit statuses, wait4 status encoding, getppid, orphans, zombies reaped in order.
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  pid_t me = getpid();
  for (int i = 0; i < 5; i++) {
    pid_t c = fork();
    if (c < 0) { perror("fork"); return 1; }
    if (c == 0) {
      if (getppid() != me) { printf("child %d: wrong parent\n", i); _exit(99); }
      _exit(10 + i);
    }
    int st;
    pid_t w = waitpid(c, &st, 0);
    printf("child %d: reaped=%d exited=%d status=%d\n", i, w == c, WIFEXITED(st), WEXITSTATUS(st));
  }
  pid_t k = fork();
  if (k == 0) { for (;;) pause(); }
  kill(k, SIGTERM);
  int st;
  waitpid(k, &st, 0);
  printf("killed: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
  // a child that dies of SIGSEGV
  pid_t s = fork();
  if (s == 0) { volatile int *p = (int *)16; *p = 1; _exit(0); }
  waitpid(s, &st, 0);
  printf("segv child: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
  // no children left
  printf("wait with none: %d\n", wait(&st));
  // many children, reaped with wait()
  int n = 0;
  for (int i = 0; i < 20; i++) if (fork() == 0) _exit(i);
  int sum = 0;
  while (wait(&st) > 0) { n++; sum += WEXITSTATUS(st); }
  printf("reaped %d children, statuses sum %d\n", n, sum);
  return 3;
}
