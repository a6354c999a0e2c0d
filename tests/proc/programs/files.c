#define _FILE_OFFSET_BITS 64
// Files on the root ramfs: create, write, read back, lseek, stat, rename, unlink, mkdir,
// readdir, getcwd/chdir, O_APPEND, O_EXCL, errors; /proc/self.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/syscall.h>

static const char *en(int e) {
  switch (e) { case ENOENT: return "ENOENT"; case EEXIST: return "EEXIST"; case EISDIR: return "EISDIR";
    case ENOTDIR: return "ENOTDIR"; case EBADF: return "EBADF"; case ENOTEMPTY: return "ENOTEMPTY";
    case ENOEXEC: return "ENOEXEC"; case EACCES: return "EACCES"; default: return strerror(e); }
}

/* Prints a call's result and, when it failed, its errno (read after the call returned). */
static void show(const char *what, long r) { printf("%s: %ld %s\n", what, r, r < 0 ? en(errno) : "ok"); }

int main(int argc, char **argv) {
  // everything happens in the directory named by argv[1] (made empty by the caller)
  if (argc < 2 || chdir(argv[1]) != 0) { printf("usage: files DIR\n"); return 2; }
  int fd = open("a.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  printf("open: %d\n", fd >= 0);
  for (int i = 0; i < 1000; i++) dprintf(fd, "%04d\n", i);
  close(fd);
  struct stat st;
  stat("a.txt", &st);
  printf("size %ld regular %d\n", (long)st.st_size, S_ISREG(st.st_mode));
  fd = open("a.txt", O_RDONLY);
  char buf[16];
  lseek(fd, 5 * 500, SEEK_SET);
  read(fd, buf, 5);
  buf[4] = 0;
  printf("line 500: %s\n", buf);
  printf("seek end: %ld\n", (long)lseek(fd, 0, SEEK_END));
  close(fd);
  fd = open("a.txt", O_WRONLY | O_APPEND);
  write(fd, "tail\n", 5);
  close(fd);
  stat("a.txt", &st);
  printf("after append %ld\n", (long)st.st_size);
  show("excl", open("a.txt", O_CREAT | O_EXCL | O_WRONLY, 0600));
  show("missing", open("none", O_RDONLY));
  show("dir write", open(".", O_WRONLY));
  show("bad fd", read(77, buf, 1));
  printf("rename: %d\n", rename("a.txt", "b.txt"));
  show("old gone", access("a.txt", F_OK));
  show("mkdir", mkdir("d", 0755));
  show("mkdir again", mkdir("d", 0755));
  close(open("d/x", O_CREAT | O_WRONLY, 0644));
  show("rmdir nonempty", rmdir("d"));
  char top[256], cwd[256];
  getcwd(top, sizeof top);
  printf("chdir: %d\n", chdir("d"));
  getcwd(cwd, sizeof cwd);
  printf("cwd is top/d: %d\n", strncmp(cwd, top, strlen(top)) == 0 && strcmp(cwd + strlen(top), "/d") == 0);
  printf("relative stat: %d\n", stat("x", &st));
  show("unlink", unlink("x"));
  chdir(top);
  show("rmdir", rmdir("d"));
  DIR *d = opendir(".");
  int n = 0; struct dirent *e;
  char names[256] = "";
  while ((e = readdir(d)) != NULL) { n++; if (e->d_name[0] != '.') { strcat(names, e->d_name); strcat(names, " "); } }
  closedir(d);
  printf("readdir: %d entries\n", n);
  printf("truncate: %d\n", truncate("b.txt", 10));
  stat("b.txt", &st);
  printf("size now %ld\n", (long)st.st_size);
  // programs the kernel cannot run: ENOEXEC, never a crash
  int bad = open("bad", O_CREAT | O_WRONLY | O_TRUNC, 0755);
  write(bad, "\x7f" "ELF garbage, not a program", 27);
  close(bad);
  char *bargv[] = {"bad", NULL}, *benv[] = {NULL};
  show("execve of a damaged ELF", execve("./bad", bargv, benv));
  show("execve of a directory", execve(".", bargv, benv));
  show("execve of a missing file", execve("./nothing-here", bargv, benv));
  char link[64];
  ssize_t ln = readlink("/proc/self", link, sizeof link);
  printf("proc self readlink ok: %d\n", ln > 0);
  FILE *m = fopen("/proc/self/maps", "r");
  int lines = 0; char l[256];
  while (fgets(l, sizeof l, m)) lines++;
  fclose(m);
  printf("maps has lines: %d\n", lines > 3);
  // getcwd into resident memory (answered at once), across a fresh mapping's page boundary
  // (the kernel faults it in first), a bad address, a buffer too small
  char *fresh = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  long n1 = syscall(SYS_getcwd, fresh + 4096 - 2, 256);
  printf("getcwd across pages: length ok %d, same %d\n", n1 == (long)strlen(top) + 1, strcmp(fresh + 4096 - 2, top) == 0);
  long n2 = syscall(SYS_getcwd, fresh, 256);
  printf("getcwd resident: length ok %d, same %d\n", n2 == (long)strlen(top) + 1, strcmp(fresh, top) == 0);
  show("getcwd bad address", syscall(SYS_getcwd, (char *)8, 256));
  show("getcwd too small", syscall(SYS_getcwd, fresh, 1));
  return 0;
}
