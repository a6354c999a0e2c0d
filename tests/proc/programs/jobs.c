// Job control: SIGSTOP stops a child, wait4 reports it once with WUNTRACED
// (and not again), SIGCONT continues it (WCONTINUED, once), the parent's SIGCHLD carries
// CLD_STOPPED and CLD_CONTINUED, a read blocked in the stopped child goes on as if nothing
// happened (restarted, no EINTR), /proc shows the stopped state, and SIGKILL ends a stopped
// child.
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int codes[16];
static volatile int ncodes;

static void on_chld(int sig, siginfo_t *si, void *uc) {
  (void)sig; (void)uc;
  if (ncodes < 16) codes[ncodes++] = si->si_code;
}

static const char *code_name(int c) {
  switch (c) {
    case CLD_EXITED: return "CLD_EXITED";
    case CLD_KILLED: return "CLD_KILLED";
    case CLD_STOPPED: return "CLD_STOPPED";
    case CLD_CONTINUED: return "CLD_CONTINUED";
    default: return "other";
  }
}

static void show(const char *what, pid_t r, int st) {
  if (r <= 0) { printf("%s: waitpid returned %d\n", what, (int)r); return; }
  if (WIFSTOPPED(st)) printf("%s: stopped by %s\n", what, strsignal(WSTOPSIG(st)));
  else if (WIFCONTINUED(st)) printf("%s: continued\n", what);
  else if (WIFEXITED(st)) printf("%s: exited %d\n", what, WEXITSTATUS(st));
  else if (WIFSIGNALED(st)) printf("%s: killed by %s\n", what, strsignal(WTERMSIG(st)));
}

static char proc_state(pid_t pid) {
  char path[64], buf[256];
  snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
  int fd = open(path, O_RDONLY);
  if (fd < 0) return '?';
  int n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return '?';
  buf[n] = 0;
  char *p = strrchr(buf, ')');
  return p && p[1] == ' ' ? p[2] : '?';
}

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_chld;
  sa.sa_flags = SA_SIGINFO | SA_RESTART;
  sigaction(SIGCHLD, &sa, NULL);

  int fds[2];
  pipe(fds);
  pid_t child = fork();
  if (child == 0) {
    close(fds[1]);
    char buf[16];
    ssize_t n = read(fds[0], buf, sizeof buf); // blocked here while stopped and continued
    printf("child: read %d bytes \"%.*s\" (errno %s)\n", (int)n, n > 0 ? (int)n : 0, buf, n < 0 ? strerror(errno) : "none");
    _exit(7);
  }
  close(fds[0]);
  int st = 0;
  pid_t r;

  kill(child, SIGSTOP);
  r = waitpid(child, &st, WUNTRACED);
  show("SIGSTOP", r, st);
  printf("state while stopped: %c\n", proc_state(child));
  r = waitpid(child, &st, WUNTRACED | WNOHANG);
  printf("reported again: %s\n", r == 0 ? "no" : "yes");

  kill(child, SIGCONT);
  r = waitpid(child, &st, WCONTINUED);
  show("SIGCONT", r, st);
  r = waitpid(child, &st, WCONTINUED | WNOHANG);
  printf("continue reported again: %s\n", r == 0 ? "no" : "yes");

  write(fds[1], "go", 2);
  r = waitpid(child, &st, 0);
  show("end", r, st);

  // (SIGTSTP's default stop is the same code path; it is checked by the shell's ^Z test in
  // tests/user/shell.test.ts: qemu-user, the oracle here, does not stop reliably on it.)

  // a stopped child killed
  pid_t second = fork();
  if (second == 0) {
    for (;;) pause();
  }
  kill(second, SIGSTOP);
  r = waitpid(second, &st, WUNTRACED);
  show("second SIGSTOP", r, st);
  kill(second, SIGKILL);
  r = waitpid(second, &st, 0);
  show("second SIGKILL", r, st);

  // SIGCONT to a process that is not stopped does nothing visible
  pid_t third = fork();
  if (third == 0) {
    for (;;) pause();
  }
  kill(third, SIGCONT);
  r = waitpid(third, &st, WUNTRACED | WNOHANG);
  printf("third after a plain SIGCONT: waitpid returned %d\n", (int)r);
  kill(third, SIGTERM);
  r = waitpid(third, &st, 0);
  show("third SIGTERM", r, st);

  // SIGCHLD is a standard signal: two changes before the handler runs make one delivery, so
  // only whether each kind was seen is compared
  int seen[8] = {0};
  for (int i = 0; i < ncodes; i++) if (codes[i] > 0 && codes[i] < 8) seen[codes[i]] = 1;
  printf("SIGCHLD seen:");
  for (int c = 1; c < 8; c++) if (seen[c]) printf(" %s", code_name(c));
  printf("\n");
  return 0;
}
