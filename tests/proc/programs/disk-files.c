// Files on the ext2 disk mounted at /mnt (tskern exec --disk): reads a file the host put
// there, writes a new one, stores through MAP_SHARED (must reach the disk) and MAP_PRIVATE
// (must not), makes a directory, renames, syncs.
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
int main(void) {
  char buf[128] = {0};
  int fd = open("/mnt/hello.txt", O_RDONLY);
  read(fd, buf, sizeof buf - 1); close(fd);
  printf("read: %s", buf);
  fd = open("/mnt/new.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
  dprintf(fd, "written by the guest\n");
  ftruncate(fd, 8192);
  char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  strcpy(m + 4096, "shared mapping store\n");
  msync(m, 8192, MS_SYNC);
  munmap(m, 8192);
  char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  strcpy(q, "PRIVATE STORE");
  munmap(q, 4096);
  close(fd);
  mkdir("/mnt/dir", 0755);
  rename("/mnt/hello.txt", "/mnt/dir/moved.txt");
  sync();
  printf("done\n");
  return 0;
}
