// Preemption and FPU/SSE state: two CPU-bound processes compute with doubles (SSE2 and
// x87) at the same time; each result must be the one it gets alone. A third process
// spins forever and is killed by the parent after a short sleep, which only works if the
// timer takes the CPU from the spinner.
#include <stdio.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static double work(int seed) {
  double x = seed;
  long double y = seed;
  for (int i = 1; i < 300000; i++) { x = x * 1.0000001 + 1.0 / i; y = y * 0.9999999L + (long double)i / 7; }
  return x + (double)y;
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  double alone1 = work(1), alone2 = work(2);
  int fd[2];
  pipe(fd);
  pid_t a = fork();
  if (a == 0) { double r = work(1); write(fd[1], &r, sizeof r); _exit(0); }
  pid_t b = fork();
  if (b == 0) { double r = work(2); write(fd[1], &r, sizeof r); _exit(0); }
  double r1, r2;
  read(fd[0], &r1, sizeof r1);
  read(fd[0], &r2, sizeof r2);
  waitpid(a, NULL, 0);
  waitpid(b, NULL, 0);
  int same = (r1 == alone1 && r2 == alone2) || (r1 == alone2 && r2 == alone1);
  printf("concurrent results equal the lone ones: %d\n", same);
  pid_t spin = fork();
  if (spin == 0) { for (;;) { } }
  struct timespec t = {0, 50 * 1000 * 1000};
  nanosleep(&t, NULL);
  kill(spin, SIGKILL);
  int st;
  waitpid(spin, &st, 0);
  printf("spinner killed by signal %d\n", WTERMSIG(st));
  return 0;
}
