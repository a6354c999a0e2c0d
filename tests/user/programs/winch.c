// SIGWINCH and TIOCGWINSZ on the console: prints the size, then the new size each time
// the window changes (the host's ESC [ 8 ; R ; C t report, or stty rows/cols), until a line
// is read on stdin.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static volatile int changes;
static void on_winch(int sig) { (void)sig; changes++; }

static void show(const char *what) {
  struct winsize w;
  if (ioctl(0, TIOCGWINSZ, &w) < 0) { perror("TIOCGWINSZ"); return; }
  printf("%s: %d rows %d cols\n", what, w.ws_row, w.ws_col);
  fflush(stdout);
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_winch; // no SA_RESTART: the read below returns EINTR at each change
  sigaction(SIGWINCH, &sa, NULL);
  show("start");
  char buf[64];
  int seen = 0;
  for (;;) {
    // A change that came before the read (the host sends as soon as "start" shows) is
    // reported here; one during the read interrupts it (EINTR).
    if (changes != seen) {
      seen = changes;
      printf("SIGWINCH %d\n", changes);
      show("now");
      continue;
    }
    ssize_t n = read(0, buf, sizeof buf);
    if (n >= 0) break;
  }
  printf("done after %d changes\n", changes);
  return 0;
}
