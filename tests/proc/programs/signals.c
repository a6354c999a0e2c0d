// SIGSEGV handler with siglongjmp, SA_SIGINFO's si_addr and si_code, sigprocmask,
// raise/kill to self, SIGFPE from a division, SIGILL from ud2, SIGALRM-free.
#include <stdio.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <errno.h>

static sigjmp_buf jb;
static volatile void *fault_addr;
static volatile int fault_code, got;

static void on_segv(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  fault_addr = si->si_addr;
  fault_code = si->si_code;
  siglongjmp(jb, sig);
}

static void on_usr1(int sig) { got += sig; }

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGSEGV, &sa, NULL);
  sigaction(SIGFPE, &sa, NULL);
  sigaction(SIGILL, &sa, NULL);
  sigaction(SIGBUS, &sa, NULL);

  int r = sigsetjmp(jb, 1);
  if (r == 0) { *(volatile int *)0x1234 = 5; }
  printf("caught %d at %p code %s\n", r, fault_addr, fault_code == SEGV_MAPERR ? "SEGV_MAPERR" : "other");

  char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  r = sigsetjmp(jb, 1);
  if (r == 0) { ro[10] = 1; }
  printf("caught %d at offset %ld code %s\n", r, (long)((char *)fault_addr - ro), fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other");

  r = sigsetjmp(jb, 1);
  if (r == 0) { volatile int z = 0; volatile int x = 10 / z; (void)x; }
  printf("caught %d (SIGFPE=%d)\n", r, SIGFPE);

  r = sigsetjmp(jb, 1);
  if (r == 0) { __asm__ volatile("ud2"); }
  printf("caught %d (SIGILL=%d)\n", r, SIGILL);

  signal(SIGUSR1, on_usr1);
  raise(SIGUSR1);
  kill(getpid(), SIGUSR1);
  printf("usr1 handler ran: got=%d\n", got);

  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR1);
  printf("blocked: got=%d\n", got);
  sigset_t pend;
  sigpending(&pend);
  printf("pending usr1: %d\n", sigismember(&pend, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: got=%d\n", got);
  signal(SIGUSR1, SIG_IGN);
  raise(SIGUSR1);
  printf("ignored: got=%d\n", got);
  // a handler that returns normally after a plain signal (sigreturn path)
  signal(SIGUSR2, on_usr1);
  for (int i = 0; i < 100; i++) raise(SIGUSR2);
  printf("after 100 raises: got=%d\n", got);
  // rt_sigaction/rt_sigprocmask on memory the kernel must fault in first (a fresh mapping,
  // a struct across its page boundary: the waiting path), on the same memory resident
  // (the immediate path), and on a bad address (EFAULT)
  char *fresh = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned *cross = (unsigned *)(fresh + 4096 - 8);
  long sr = syscall(SYS_rt_sigaction, SIGUSR2, NULL, cross, 8);
  printf("old action across pages: %ld, handler ok %d\n", sr, cross[0] == (unsigned)(unsigned long)on_usr1);
  cross[0] = (unsigned)(unsigned long)SIG_IGN;
  sr = syscall(SYS_rt_sigaction, SIGUSR2, cross, NULL, 8);
  raise(SIGUSR2);
  printf("set from resident memory: %ld, got=%d\n", sr, got);
  char *fresh2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned *mask = (unsigned *)fresh2;
  sr = syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, mask, 8);
  printf("old mask into a fresh page: %ld, %u %u\n", sr, mask[0], mask[1]);
  mask[0] = 1u << (SIGUSR1 - 1);
  sr = syscall(SYS_rt_sigprocmask, SIG_BLOCK, mask, mask + 2, 8);
  printf("block from resident memory: %ld, old %u\n", sr, mask[2]);
  sr = syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, mask + 4, 8);
  printf("now blocked: %ld, %u\n", sr, mask[4]);
  sr = syscall(SYS_rt_sigaction, SIGUSR2, (void *)8, NULL, 8);
  printf("bad act: %ld errno %s\n", sr, errno == EFAULT ? "EFAULT" : "other");
  sr = syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, (void *)8, 8);
  printf("bad old mask: %ld errno %s\n", sr, errno == EFAULT ? "EFAULT" : "other");
  return 0;
}
