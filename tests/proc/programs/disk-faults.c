// The fault path on a file of the ext2 disk at /mnt (tskern exec --disk), in two phases.
//  1. Two processes (fork) touch one cold page of a shared file mapping at the same time:
//     the disk is read once (/proc/vmstat pgread +1) and only one of the two faults is
//     major (their ru_majflt from wait4 add up to 1).
//  2. One process touches another cold page while a second process spins: the spinner
//     keeps running (and says so) while the faulting process sleeps on the disk.
// Lines: "phase1 pgread=N majflt=N coalesced=N ok=N", the phase 2 lines, "phase2 ...".
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>

static long vmstat(const char *name) {
  char buf[2048];
  int fd = open("/proc/vmstat", O_RDONLY);
  int n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  size_t len = strlen(name);
  for (char *p = buf; *p; p = strchr(p, '\n') + 1) {
    if (strncmp(p, name, len) == 0 && p[len] == ' ') return atol(p + len + 1);
    if (!strchr(p, '\n')) break;
  }
  return -1;
}

static void say(const char *s) { write(1, s, strlen(s)); }

int main(void) {
  int fd = open("/mnt/big.bin", O_RDONLY);
  if (fd < 0) { say("open failed\n"); return 1; }
  // page 60 through read(2): its indirect block (shared with pages 20 and 40) is then
  // cached, so the faults below read nothing but their own page
  char tmp[16];
  pread(fd, tmp, sizeof tmp, 60 * 4096);
  const unsigned char *m = mmap(NULL, 64 * 4096, PROT_READ, MAP_SHARED, fd, 0);
  volatile long *sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || sh == MAP_FAILED) { say("mmap failed\n"); return 1; }

  // phase 1: two faults on page 20
  long read0 = vmstat("pgread"), coal0 = vmstat("pgcoalesced");
  pid_t kids[2];
  for (int k = 0; k < 2; k++) {
    kids[k] = fork();
    if (kids[k] == 0) {
      while (sh[0] == 0) {}
      _exit(*(volatile const int *)(m + 20 * 4096) == 20 ? 0 : 1);
    }
  }
  sh[0] = 1;
  long maj = 0, ok = 0;
  for (int k = 0; k < 2; k++) {
    int status; struct rusage ru;
    wait4(kids[k], &status, 0, &ru);
    maj += ru.ru_majflt;
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) ok++;
  }
  printf("phase1 pgread=%ld majflt=%ld coalesced=%ld ok=%ld\n", vmstat("pgread") - read0, maj, vmstat("pgcoalesced") - coal0, ok);
  fflush(stdout);

  // phase 2: sh[1] the spinner's progress, sh[2] set while the fault is in progress,
  // sh[3] the spinner's progress while it is set, sh[4] tells the spinner to stop
  pid_t spinner = fork();
  if (spinner == 0) {
    int told = 0;
    while (sh[4] == 0) {
      sh[1]++;
      if (sh[2]) {
        sh[3]++;
        if (!told) { say("spinner: running while the other process waits for the disk\n"); told = 1; }
      }
    }
    _exit(0);
  }
  pid_t faulter = fork();
  if (faulter == 0) {
    say("faulter: touching a cold page\n");
    sh[2] = 1;
    int v = *(volatile const int *)(m + 40 * 4096);
    sh[2] = 0;
    say("faulter: got the page\n");
    _exit(v == 40 ? 0 : 1);
  }
  int status; struct rusage ru;
  wait4(faulter, &status, 0, &ru);
  sh[4] = 1;
  waitpid(spinner, NULL, 0);
  printf("phase2 majflt=%ld during=%ld ok=%d\n", ru.ru_majflt, sh[3], WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return 0;
}
