// Linux system calls for TypeScript user programs running on tsvm (the user build of the
// interpreter), the way kernel/arch/intrinsics.ts is the kernel's door to the hardware.
//
// Three natives carry everything (image-builder/bytecode/natives.ts): `syscall(nr, a..f)`
// (int 0x80 with numbers; the result as Linux returns it), `memRead(address, length)` and
// `memWrite(address, bytes)` (copies between this process's memory and byte strings, one
// string unit per byte). Strings and buffers reach the kernel through a scratch mapping of
// this module: a path or the bytes to write are copied there and the call gets its address.
//
// Convention (kernel/mm/errno.ts): every call returns a non-negative result or -errno, as
// the system call does; nothing throws for a failing call. Byte buffers are byte strings
// (units 0..255) until typed arrays exist; `utf8Encode`/`utf8Decode` convert text.
//
// Only tsvm has these natives: compile user programs with `tskern compile` (target 'user').

/** Linux i386 system call numbers (arch/x86/entry/syscalls/syscall_32.tbl). */
export enum Sys {
  exit = 1, fork = 2, read = 3, write = 4, open = 5, close = 6, waitpid = 7, unlink = 10,
  execve = 11, chdir = 12, lseek = 19, getpid = 20, kill = 37, mkdir = 39, pipe = 42, brk = 45,
  dup2 = 63, getppid = 64, munmap = 91, wait4 = 114, mprotect = 125, getcwd = 183, mmap2 = 192,
  exit_group = 252, clock_gettime = 265, pread64 = 180,
}

export enum OpenFlag { O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0o100, O_EXCL = 0o200, O_TRUNC = 0o1000, O_APPEND = 0o2000 }
export enum Prot { NONE = 0, READ = 1, WRITE = 2, EXEC = 4 }
export enum MapFlag { SHARED = 0x01, PRIVATE = 0x02, FIXED = 0x10, ANONYMOUS = 0x20 }
export enum Signal { SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGKILL = 9, SIGSEGV = 11, SIGPIPE = 13, SIGTERM = 15, SIGCHLD = 17 }

const PAGE = 4096;

/** The raw system call: arguments go through ToUint32; missing ones are 0. */
export function syscall(nr: number, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0): number {
  return __native.syscall(nr, a, b, c, d, e, f);
}

/** The bytes (units 0..255) of `length` bytes of memory at address. A bad address kills the process (SIGSEGV). */
export function readMemory(address: number, length: number): string {
  return __native.memRead(address, length);
}

/** Store a byte string at address; returns the number of bytes written. */
export function writeMemory(address: number, bytes: string): number {
  return __native.memWrite(address, bytes);
}

// ---- the scratch mapping that carries strings and structures to the kernel -------------

let scratch = 0;
let scratchSize = 0;

/** The address of a scratch area of at least `size` bytes (mapped, or grown, on demand), or -errno. */
function scratchArea(size: number): number {
  if (size <= scratchSize) return scratch;
  const want = Math.max(PAGE * 16, Math.ceil(size / PAGE) * PAGE);
  const addr = mmap(0, want, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS, -1, 0);
  if (addr < 0) return addr;
  if (scratchSize > 0) munmap(scratch, scratchSize);
  scratch = addr;
  scratchSize = want;
  return scratch;
}

/** Copy a NUL-terminated UTF-8 string into the scratch area at offset; returns its address or -errno. */
function cString(text: string, offset = 0): number {
  const bytes = utf8Encode(text) + '\0';
  const base = scratchArea(offset + bytes.length);
  if (base < 0) return base;
  writeMemory(base + offset, bytes);
  return base + offset;
}

/** A 32-bit little-endian word as 4 bytes. */
function word32(v: number): string {
  return String.fromCharCode(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
}

function readWord32(address: number): number {
  const b = readMemory(address, 4);
  return (b.charCodeAt(0) | (b.charCodeAt(1) << 8) | (b.charCodeAt(2) << 16) | (b.charCodeAt(3) << 24)) >>> 0;
}

// ---- text ----------------------------------------------------------------------------------

/** Text as UTF-8 bytes (a byte string). Lone surrogates become U+FFFD, as Node writes them. */
export function utf8Encode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) { out += text[i]; continue; }
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      continue;
    }
    if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
    if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** UTF-8 bytes (a byte string) as text; a malformed sequence gives U+FFFD for its first byte. */
export function utf8Decode(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes.charCodeAt(i);
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    let cp = n === 0 ? b : n === 1 ? b & 0x1f : n === 2 ? b & 0x0f : b & 0x07;
    let ok = n >= 0 && i + n < bytes.length;
    for (let k = 1; ok && k <= n; k++) {
      const c = bytes.charCodeAt(i + k);
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && ((n === 2 && (cp < 0x800 || (cp >= 0xd800 && cp < 0xe000))) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (!ok) { out += '\ufffd'; i += 1; continue; }
    out += String.fromCodePoint(cp);
    i += n + 1;
  }
  return out;
}

// ---- files -------------------------------------------------------------------------------

/** open(2): a file descriptor or -errno. */
export function open(path: string, flags: number, mode = 0o666): number {
  const p = cString(path);
  return p < 0 ? p : syscall(Sys.open, p, flags, mode);
}

/** read(2) of at most `max` bytes: the bytes read (a byte string; "" at the end of the file) or -errno. */
export function read(fd: number, max: number): string | number {
  const buf = scratchArea(max);
  if (buf < 0) return buf;
  const n = syscall(Sys.read, fd, buf, max);
  return n < 0 ? n : readMemory(buf, n);
}

/** pread64(2) of at most `max` bytes at `offset` (below 2^53): the bytes read or -errno. */
export function pread(fd: number, max: number, offset: number): string | number {
  const buf = scratchArea(max);
  if (buf < 0) return buf;
  const n = syscall(Sys.pread64, fd, buf, max, offset % 0x1_0000_0000, Math.floor(offset / 0x1_0000_0000));
  return n < 0 ? n : readMemory(buf, n);
}

/** write(2) of a byte string: the number of bytes written (maybe fewer) or -errno. */
export function writeBytes(fd: number, bytes: string): number {
  const buf = scratchArea(bytes.length);
  if (buf < 0) return buf;
  writeMemory(buf, bytes);
  return syscall(Sys.write, fd, buf, bytes.length);
}

/** Write all of `text` (as UTF-8), retrying short writes: the byte count or -errno. */
export function write(fd: number, text: string): number {
  let bytes = utf8Encode(text);
  const total = bytes.length;
  while (bytes.length > 0) {
    const n = writeBytes(fd, bytes);
    if (n < 0) return n;
    bytes = bytes.slice(n);
  }
  return total;
}

export function close(fd: number): number { return syscall(Sys.close, fd); }
export function lseek(fd: number, offset: number, whence: number): number { return syscall(Sys.lseek, fd, offset, whence); }
export function unlink(path: string): number { const p = cString(path); return p < 0 ? p : syscall(Sys.unlink, p); }
export function mkdir(path: string, mode = 0o777): number { const p = cString(path); return p < 0 ? p : syscall(Sys.mkdir, p, mode); }
export function chdir(path: string): number { const p = cString(path); return p < 0 ? p : syscall(Sys.chdir, p); }
export function dup2(fd: number, to: number): number { return syscall(Sys.dup2, fd, to); }

/** pipe(2): [read end, write end] or -errno. */
export function pipe(): [number, number] | number {
  const buf = scratchArea(8);
  if (buf < 0) return buf;
  const r = syscall(Sys.pipe, buf);
  return r < 0 ? r : [readWord32(buf), readWord32(buf + 4)];
}

/** Read a whole file as a byte string, or -errno. */
export function readFile(path: string): string | number {
  const fd = open(path, OpenFlag.O_RDONLY);
  if (fd < 0) return fd;
  let data = '';
  for (;;) {
    const chunk = read(fd, 65536);
    if (typeof chunk === 'number') { close(fd); return chunk; }
    if (chunk === '') break;
    data += chunk;
  }
  close(fd);
  return data;
}

// ---- processes ---------------------------------------------------------------------------

export function getpid(): number { return syscall(Sys.getpid); }
export function getppid(): number { return syscall(Sys.getppid); }
/** fork(2): the child's pid in the parent, 0 in the child, or -errno. */
export function fork(): number { return syscall(Sys.fork); }
export function kill(pid: number, signal: number): number { return syscall(Sys.kill, pid, signal); }

/** exit_group(2): ends the process at once with status & 0xff (no event loop, no process.exitCode). */
export function exit(status: number): never {
  syscall(Sys.exit_group, status);
  throw new Error('exit_group returned');
}

/**
 * execve(2): replace this process by `path` with argv and the environment (default: this
 * process's, from process.env). Returns only on failure, with -errno.
 */
export function execve(path: string, argv: string[], env?: Record<string, string>): number {
  const envp = Object.entries(env ?? (process.env as Record<string, string>)).map(([k, v]) => `${k}=${v}`);
  // layout in the scratch area: the pointer arrays, then the strings
  const strings = [path, ...argv, ...envp].map((s) => utf8Encode(s) + '\0');
  const table = 4 * (argv.length + 1 + envp.length + 1);
  const size = table + strings.reduce((n, s) => n + s.length, 0);
  const base = scratchArea(size);
  if (base < 0) return base;
  let at = base + table;
  const addrs: number[] = [];
  for (const s of strings) { addrs.push(at); writeMemory(at, s); at += s.length; }
  const argvAddrs = addrs.slice(1, 1 + argv.length), envAddrs = addrs.slice(1 + argv.length);
  writeMemory(base, [...argvAddrs, 0, ...envAddrs, 0].map(word32).join(''));
  return syscall(Sys.execve, addrs[0], base, base + 4 * (argv.length + 1));
}

/** wait4(2) for `pid` (-1: any child): the child's pid and its raw wait status, or -errno. */
export function wait4(pid: number, options = 0): { pid: number; status: number } | number {
  const buf = scratchArea(4);
  if (buf < 0) return buf;
  const r = syscall(Sys.wait4, pid, buf, options, 0);
  return r < 0 ? r : { pid: r, status: readWord32(buf) };
}

/** The parts of a wait status (WIFEXITED/WEXITSTATUS, WIFSIGNALED/WTERMSIG). */
export function exitStatus(status: number): { exited: boolean; code: number; signal: number } {
  const signal = status & 0x7f;
  return { exited: signal === 0, code: (status >> 8) & 0xff, signal: signal === 0 || signal === 0x7f ? 0 : signal };
}

// ---- memory ------------------------------------------------------------------------------

/** mmap2(2) with a byte offset (a page multiple): the address or -errno. */
export function mmap(addr: number, length: number, prot: number, flags: number, fd: number, offset: number): number {
  return syscall(Sys.mmap2, addr, length, prot, flags, fd, Math.floor(offset / PAGE));
}
export function munmap(addr: number, length: number): number { return syscall(Sys.munmap, addr, length); }
export function mprotect(addr: number, length: number, prot: number): number { return syscall(Sys.mprotect, addr, length, prot); }
