// Device and shared-memory mappings from a process:
//  - /dev/fb0: the mode from FBIOGET_VSCREENINFO/FBIOGET_FSCREENINFO, a 320x200x32 mode set
//    with FBIOPUT_VSCREENINFO, a MAP_SHARED mapping drawn into (the host reads the display
//    memory back), its /proc/self/maps line;
//  - /dev/zero: MAP_SHARED is shared with a fork child, MAP_PRIVATE is not;
//  - memfd_create: a page written by the child is seen by the parent through the mapping
//    and through read(2);
//  - shm_open: a second process opens the same name in /dev/shm and writes; the first sees it.
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <linux/fb.h>

static void mapsLines(const char *what) {
  char buf[8192];
  int fd = open("/proc/self/maps", O_RDONLY);
  int n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n < 0) n = 0;
  buf[n] = 0;
  for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
    if (strstr(line, what)) printf("maps: %s\n", line);
}

static uint32_t pattern(int x, int y) {
  return ((uint32_t)((x * 3) & 0xff) << 16) | ((uint32_t)((y * 2) & 0xff) << 8) | (uint32_t)((x + y) & 0xff);
}

static void child(void (*fn)(void)) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) { fn(); _exit(0); }
  waitpid(pid, NULL, 0);
}

static volatile int *zeroShared, *zeroPrivate;
static char *memfdMap;
static void zeroChild(void) { zeroShared[0] = 1234; zeroPrivate[0] = 99; }
static void memfdChild(void) { strcpy(memfdMap + 4096, "memfd page written by the child"); }
static void shmChild(void) {
  int fd = shm_open("/tskern-test", O_RDWR, 0);
  if (fd < 0) { perror("child shm_open"); return; }
  char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  strcpy(m, "shm page written by another process");
  munmap(m, 4096);
  close(fd);
}

int main(void) {
  int fb = open("/dev/fb0", O_RDWR);
  if (fb < 0) { perror("open /dev/fb0"); return 1; }
  struct fb_var_screeninfo v;
  struct fb_fix_screeninfo fx;
  if (ioctl(fb, FBIOGET_VSCREENINFO, &v) < 0 || ioctl(fb, FBIOGET_FSCREENINFO, &fx) < 0) { perror("ioctl"); return 1; }
  printf("fb0: %ux%u %ubpp line %u id %s red %u/%u\n", v.xres, v.yres, v.bits_per_pixel, fx.line_length, fx.id, v.red.offset, v.red.length);
  v.xres = v.xres_virtual = 320;
  v.yres = v.yres_virtual = 200;
  v.bits_per_pixel = 32;
  if (ioctl(fb, FBIOPUT_VSCREENINFO, &v) < 0) { perror("FBIOPUT_VSCREENINFO"); return 1; }
  ioctl(fb, FBIOGET_VSCREENINFO, &v);
  ioctl(fb, FBIOGET_FSCREENINFO, &fx);
  printf("fb0: %ux%u %ubpp line %u\n", v.xres, v.yres, v.bits_per_pixel, fx.line_length);
  size_t len = (size_t)fx.line_length * v.yres;
  uint8_t *pix = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fb, 0);
  if (pix == MAP_FAILED) { perror("mmap /dev/fb0"); return 1; }
  void *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fb, 0);
  printf("fb0 MAP_PRIVATE writable: %s\n", priv == MAP_FAILED ? "refused" : "mapped");
  for (unsigned y = 0; y < v.yres; y++)
    for (unsigned x = 0; x < v.xres; x++)
      *(volatile uint32_t *)(pix + y * fx.line_length + x * 4) = pattern(x, y);
  mapsLines("/dev/fb0");

  int z = open("/dev/zero", O_RDWR);
  zeroShared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, z, 0);
  zeroPrivate = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, z, 0);
  if (zeroShared == MAP_FAILED || zeroPrivate == MAP_FAILED) { perror("mmap /dev/zero"); return 1; }
  zeroPrivate[0] = 5;
  child(zeroChild);
  printf("zero: shared %d private %d\n", zeroShared[0], zeroPrivate[0]);
  mapsLines("/dev/zero");

  int mf = memfd_create("tskern", 0);
  if (mf < 0) { perror("memfd_create"); return 1; }
  ftruncate(mf, 8192);
  memfdMap = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, mf, 0);
  if (memfdMap == MAP_FAILED) { perror("mmap memfd"); return 1; }
  child(memfdChild);
  char buf[64] = {0};
  pread(mf, buf, 31, 4096);
  printf("memfd: map \"%s\" read \"%s\"\n", memfdMap + 4096, buf);
  mapsLines("memfd:");

  int s = shm_open("/tskern-test", O_CREAT | O_EXCL | O_RDWR, 0600);
  if (s < 0) { perror("shm_open"); return 1; }
  ftruncate(s, 4096);
  char *sm = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
  if (sm == MAP_FAILED) { perror("mmap shm"); return 1; }
  child(shmChild);
  printf("shm: \"%s\"\n", sm);
  mapsLines("/dev/shm");
  printf("shm_unlink: %d\n", shm_unlink("/tskern-test"));
  printf("shm_open after unlink: %d\n", shm_open("/tskern-test", O_RDWR, 0));
  return 0;
}
