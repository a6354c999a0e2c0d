// pipe between processes, dup2, EOF when writers close, SIGPIPE on a closed reader.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <errno.h>
#include <sys/wait.h>

int main(void) {
  int fd[2];
  if (pipe(fd) < 0) return 1;
  pid_t c = fork();
  if (c == 0) {
    close(fd[0]);
    dup2(fd[1], 1);
    close(fd[1]);
    for (int i = 0; i < 1000; i++) printf("line %d of the child\n", i);
    return 0;
  }
  close(fd[1]);
  char buf[512];
  long total = 0, lines = 0;
  ssize_t n;
  while ((n = read(fd[0], buf, sizeof buf)) > 0) {
    total += n;
    for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
  }
  int st;
  waitpid(c, &st, 0);
  printf("read %ld bytes, %ld lines, eof=%zd, child status %d\n", total, lines, n, WEXITSTATUS(st));
  // writing to a pipe with no reader: EPIPE, and SIGPIPE (ignored here)
  signal(SIGPIPE, SIG_IGN);
  int q[2];
  pipe(q);
  close(q[0]);
  ssize_t w = write(q[1], "x", 1);
  printf("write to closed pipe: %zd errno=%s\n", w, errno == EPIPE ? "EPIPE" : strerror(errno));
  // the default SIGPIPE kills
  pid_t d = fork();
  if (d == 0) { signal(SIGPIPE, SIG_DFL); int r[2]; pipe(r); close(r[0]); write(r[1], "y", 1); _exit(0); }
  waitpid(d, &st, 0);
  printf("sigpipe child: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
  return 0;
}
