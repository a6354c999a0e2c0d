// Reads stdin to its end and reports what came, then echoes lines upper-cased.
#include <stdio.h>
#include <ctype.h>
int main(void) {
  int c; long n = 0, lines = 0;
  while ((c = getchar()) != EOF) { n++; if (c == '\n') lines++; putchar(toupper(c)); }
  printf("%ld bytes, %ld lines\n", n, lines);
  return (int)(lines % 256);
}
