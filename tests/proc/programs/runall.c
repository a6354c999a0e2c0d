// Runs every program named in /progs/LIST (one name a line) in turn, as a shell would:
// fork, execve("/progs/NAME") (a "#!/bin/tsvm" bytecode file), wait. Before each it writes
// "@@PROG NAME" and after it "@@STATUS NAME S" (S: the shell's status, 128 + N for signal N)
// on stdout and stderr, so the host can cut the two streams into programs.
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/wait.h>

static void both(const char *s) {
  write(1, s, strlen(s));
  write(2, s, strlen(s));
}

int main(void) {
  static char list[65536];
  int fd = open("/progs/LIST", O_RDONLY);
  if (fd < 0) { perror("/progs/LIST"); return 1; }
  ssize_t n = read(fd, list, sizeof list - 1);
  close(fd);
  if (n < 0) return 1;
  list[n] = 0;
  char line[256];
  for (char *name = strtok(list, "\n"); name; name = strtok(NULL, "\n")) {
    snprintf(line, sizeof line, "@@PROG %s\n", name);
    both(line);
    char path[300];
    snprintf(path, sizeof path, "/progs/%s", name);
    pid_t c = fork();
    if (c == 0) {
      char *argv[] = {path, NULL};
      char *envp[] = {"HOME=/", NULL};
      execve(path, argv, envp);
      perror("execve");
      _exit(127);
    }
    int st = 0;
    waitpid(c, &st, 0);
    int status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    snprintf(line, sizeof line, "@@STATUS %s %d\n", name, status);
    both(line);
  }
  return 0;
}
