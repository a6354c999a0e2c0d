// A system-call fuzzer: children make random system calls (random numbers, wild pointers,
// huge lengths) until argv[1] calls (default 100000) have been made in all. A child that
// dies (it may unmap its own code) or stops making progress (a call that blocks forever,
// as on Linux) is replaced. Meanwhile a bystander process checksums its own memory over
// and over. At the end: the bystander's memory must be intact, and free memory (MemFree)
// must be what it was before. Exit 0 only then.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* Free memory plus the page cache (MemFree + Cached): files the fuzzers create keep their
   pages in the root file system, which is memory in use, not lost. */
static long mem_free_kb(void) {
  char buf[512];
  int fd = open("/proc/meminfo", O_RDONLY);
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return -1;
  buf[n] = 0;
  char *f = strstr(buf, "MemFree:"), *c = strstr(buf, "Cached:");
  return f && c ? atol(f + 8) + atol(c + 7) : -1;
}

static unsigned rng = 12345;
static unsigned next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static unsigned wild(char *valid) {
  switch (next() % 10) {
    case 0: return 0;
    case 1: return 0xffffffffu;
    case 2: return next() % 64;
    case 3: return (unsigned)(unsigned long)valid + next() % 8192;
    case 4: return 0xc0000000u + next() % 0x1000000;
    case 5: return 0xbffff000u + next() % 0x1000;
    case 6: return next();
    case 7: return 1u << (next() % 32);
    case 8: return 0x08048000u + next() % 0x100000;
    default: return next() % 4096;
  }
}

/* Calls that end or stop the caller, or that only wait, are left out (as Linux fuzzers do):
   exit, fork/vfork/clone, execve, pause, kill/tkill/tgkill (could hit the supervisor),
   reboot, sigreturn, rt_sigsuspend, alarm, sleeps, futex waits, polls, wait for children. */
static int excluded(unsigned nr) {
  static const unsigned x[] = {1, 2, 7, 11, 27, 29, 37, 88, 114, 119, 120, 162, 168, 173, 179, 190, 238, 240, 252, 267, 270,
    308, 309, 407, 414, 422};
  for (unsigned i = 0; i < sizeof x / sizeof x[0]; i++) if (x[i] == nr) return 1;
  return 0;
}

static void fuzzer(volatile unsigned *progress, unsigned target, unsigned seed) {
  rng = seed * 2654435761u + 1;
  char *valid = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  for (int s = 1; s < 32; s++) if (s != SIGKILL && s != SIGSTOP) signal(s, SIG_IGN);
  while (*progress < target) {
    unsigned nr = next() % 450;
    if (excluded(nr)) continue;
    unsigned a = wild(valid), b = wild(valid), c = wild(valid), d = wild(valid), e = wild(valid), f = wild(valid);
    syscall(nr, a, b, c, d, e, f);
    __sync_fetch_and_add(progress, 1);
  }
  _exit(0);
}

/* The whole run (bystander, fuzzers, their supervision) in one process, so PID 1 only
   measures memory before and after it, unchanged in between. */
static int session(unsigned target) {
  volatile unsigned *progress = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  volatile unsigned *verdict = progress + 1;
  // the bystander: fills a buffer, then checks it until told to stop
  pid_t by = fork();
  if (by == 0) {
    static unsigned buf[16384];
    for (unsigned i = 0; i < 16384; i++) buf[i] = i * 2654435761u;
    unsigned rounds = 0;
    while (!verdict[1]) {
      for (unsigned i = 0; i < 16384; i++) if (buf[i] != i * 2654435761u) { verdict[0] = 2; _exit(1); }
      rounds++;
    }
    verdict[0] = rounds > 0 ? 1 : 3;
    _exit(0);
  }
  /* Each fuzzing child counts its calls in a page of its own, which its wild calls may well
     overwrite: the supervisor keeps the total itself and takes only plausible increments. */
  unsigned children = 0, seed = 1, total = 0;
  while (total < target) {
    volatile unsigned *count = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    *count = 0;
    pid_t c = fork();
    if (c == 0) fuzzer(count, target - total, seed);
    seed++;
    children++;
    unsigned last = 0;
    int stalled = 0;
    for (;;) {
      struct timespec t = {0, 20 * 1000 * 1000};
      nanosleep(&t, NULL);
      int st;
      unsigned now = *count;
      int done = waitpid(c, &st, WNOHANG) == c;
      if (now > last && now - last <= 100000) { total += now - last; last = now; stalled = 0; }
      else if (!done && ++stalled >= 25) { kill(c, SIGKILL); waitpid(c, &st, 0); done = 1; }
      if (done || total >= target) { if (!done) { kill(c, SIGKILL); waitpid(c, &st, 0); } break; }
    }
    munmap((void *)count, 4096);
  }
  *progress = total;
  verdict[1] = 1;
  int st;
  waitpid(by, &st, 0);
  printf("%u calls by %u fuzzing processes; bystander %s\n", *progress, children, verdict[0] == 1 ? "intact" : "DAMAGED");
  fflush(stdout);
  return verdict[0] == 1 ? 0 : 1;
}

int main(int argc, char **argv) {
  unsigned target = argc > 1 ? (unsigned)atoi(argv[1]) : 100000;
  setvbuf(stdout, NULL, _IONBF, 0);
  // warm up what PID 1 itself does (a fork, a wait, reading /proc/meminfo)
  int st;
  if (fork() == 0) _exit(0);
  wait(&st);
  mem_free_kb();
  long before = mem_free_kb();
  pid_t s = fork();
  if (s == 0) _exit(session(target));
  waitpid(s, &st, 0);
  long after = mem_free_kb();
  printf("session %s; free kB (MemFree + Cached) before=%ld after=%ld\n", WIFEXITED(st) && WEXITSTATUS(st) == 0 ? "ok" : "FAILED", before, after);
  return WIFEXITED(st) && WEXITSTATUS(st) == 0 && before == after ? 0 : 1;
}
