// Killed by SIGABRT: the status is 128 + 6 as a shell reports it.
#include <stdio.h>
#include <stdlib.h>
int main(void) { printf("about to abort\n"); fflush(stdout); abort(); }
