// Linux i386 system calls for tsvm, the user build of the interpreter: the numbers it uses
// (arch/x86/entry/syscalls/syscall_32.tbl) and routines around the ones several files need.
// int 0x80: eax = number, ebx, ecx, edx, esi, edi, ebp = arguments; eax = result, -errno
// (-4095..-1) on failure. The kernel preserves every other register.

import { X86Assembler, eax, ebp, ebx, ecx, edi, edx, esi } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';

export const SYS = {
  read: 3, write: 4, open: 5, close: 6, lseek: 19, munmap: 91, nanosleep: 162, mmap2: 192,
  exit_group: 252, clock_gettime: 265, clock_gettime64: 403,
} as const;

export const EINTR = 4;
export const ENOSYS = 38;
export const PROT_READ = 1, PROT_WRITE = 2;
export const MAP_PRIVATE = 0x02, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20;

/** eax = nr; int 0x80 (the arguments are already in ebx..ebp). */
export function sys(a: X86Assembler, nr: number): void {
  a.mov(eax, nr).int(0x80);
}

/** A result in eax is an error (-4095..-1 as unsigned) when above this. */
export const ERR_MIN = -4096 >>> 0;

export function emitSyscallRoutines(a: X86Assembler): void {
  // tsvm_mmap_anon: ecx = length (page multiple). eax = the address of a new private
  // anonymous read/write mapping (demand-zero), or -errno. Preserves the other registers.
  routine(a, 'tsvm_mmap_anon', () => {
    a.push(ebx).push(edx).push(esi).push(edi).push(ebp);
    a.xor(ebx, ebx).mov(edx, PROT_READ | PROT_WRITE).mov(esi, MAP_PRIVATE | MAP_ANONYMOUS);
    a.mov(edi, -1).xor(ebp, ebp);
    sys(a, SYS.mmap2);
    a.pop(ebp).pop(edi).pop(esi).pop(edx).pop(ebx).ret();
  });
  // tsvm_munmap: eax = address, ecx = length. Preserves every register but eax.
  routine(a, 'tsvm_munmap', () => {
    a.push(ebx).mov(ebx, eax);
    sys(a, SYS.munmap);
    a.pop(ebx).ret();
  });
}
