// uname, time, clock_gettime monotonic, getrusage faults, environment, isatty.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <sys/resource.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <errno.h>
int main(int argc, char **argv, char **envp) {
  struct utsname u;
  uname(&u);
  printf("sysname %s machine-ok %d\n", u.sysname, strcmp(u.machine, "i686") == 0 || strcmp(u.machine, "i386") == 0 || strcmp(u.machine, "x86_64") == 0);
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec d = {0, 20 * 1000 * 1000};
  nanosleep(&d, NULL);
  clock_gettime(CLOCK_MONOTONIC, &b);
  double ms = (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6;
  printf("slept at least 20ms: %d\n", ms >= 19.9);
  printf("time plausible: %d\n", time(NULL) > 1600000000);
  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  char *p = mmap(NULL, 100 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (int i = 0; i < 100; i++) p[i * 4096] = 1;
  getrusage(RUSAGE_SELF, &r1);
  // at least one each (the oracle, qemu-user, sometimes counts one of its own as well)
  long faults = r1.ru_minflt - r0.ru_minflt;
  printf("minor faults for 100 pages: %s\n", faults >= 100 && faults <= 110 ? "100 or a few more" : "wrong");
  printf("argc %d\n", argc);
  for (int i = 1; i < argc; i++) printf("arg %s\n", argv[i]);
  printf("FOO=%s\n", getenv("FOO") ? getenv("FOO") : "(unset)");
  printf("pid positive %d\n", getpid() > 0);
  // clock_gettime's timespec across a fresh mapping's page boundary (the kernel faults it in
  // and waits), in resident memory (answered at once), at a bad address (EFAULT)
  char *fresh = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned *cross = (unsigned *)(fresh + 4096 - 4);
  long rc = syscall(SYS_clock_gettime, CLOCK_REALTIME, cross);
  printf("timespec across pages: %ld, plausible %d\n", rc, cross[0] > 1600000000u && cross[1] < 1000000000u);
  unsigned *whole = (unsigned *)(fresh + 64);
  rc = syscall(SYS_clock_gettime, CLOCK_MONOTONIC, whole);
  long rc2 = syscall(SYS_clock_gettime, CLOCK_MONOTONIC, whole + 2);
  printf("resident: %ld %ld, monotonic %d\n", rc, rc2, whole[2] > whole[0] || (whole[2] == whole[0] && whole[3] >= whole[1]));
  rc = syscall(SYS_clock_gettime, CLOCK_REALTIME, (void *)8);
  printf("bad timespec: %ld errno %s\n", rc, errno == EFAULT ? "EFAULT" : "other");
  return 0;
}
