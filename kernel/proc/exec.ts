// execve's loader: a new address space for a static ELF program. PT_LOAD segments become
// private mappings of the program's file (paged in on demand from its pages, shared with
// every other process running it until written); the part of a segment's last file page
// beyond its file bytes is zeroed, and the rest of its memory (bss) is anonymous. The
// break starts after the highest segment. The stack is a grows-down area ending at the
// top of the user half, holding Linux's initial stack: argc, argv, envp, the auxiliary
// vector and the strings they point to.

import { AddressSpace } from '../mm/address-space.ts';
import { MapFlag, Prot } from '../mm/mman.ts';
import { Layout, pageDown, pageUp } from '../mm/page.ts';
import type { MappedFile } from '../mm/vma.ts';
import { writeBytes, writeWords } from '../syscall/user-memory.ts';
import { utf8Encode } from '../lib/utf8.ts';
import { ElfType, Pf, Pt, type ElfImage } from './elf.ts';
import { kernel } from './kernel-state.ts';

const PAGE = 4096;
/** Where a static-PIE (ET_DYN) program is placed (ELF_ET_DYN_BASE of a 3 GiB i386 Linux). */
export const DYN_BASE = 0x8000_0000;
/** The stack area a program starts with (it grows down from there on demand). */
const INITIAL_STACK = 128 * 1024;

export enum At {
  NULL = 0, PHDR = 3, PHENT = 4, PHNUM = 5, PAGESZ = 6, BASE = 7, FLAGS = 8, ENTRY = 9,
  UID = 11, EUID = 12, GID = 13, EGID = 14, PLATFORM = 15, HWCAP = 16, CLKTCK = 17,
  SECURE = 23, RANDOM = 25, HWCAP2 = 26, EXECFN = 31,
}

/** CPUID(1).EDX of the CPUs v86 and QEMU emulate for us: fpu..sse2 (what AT_HWCAP reports on i386). */
const HWCAP = 0x0781_abfd;

export interface LoadedProgram {
  space: AddressSpace;
  entry: number;
  sp: number;
}

function protOf(flags: number): number {
  return ((flags & Pf.R) !== 0 ? Prot.READ : 0) | ((flags & Pf.W) !== 0 ? Prot.WRITE : 0) | ((flags & Pf.X) !== 0 ? Prot.EXEC : 0);
}

/** Maps the segments of `elf` (from `file`) into a new space; the space or -errno. */
async function mapSegments(elf: ElfImage, file: MappedFile, bias: number): Promise<{ space: AddressSpace; brk: number; phdrAddr: number } | number> {
  const k = kernel();
  const made = AddressSpace.create(k.mmShared);
  if (typeof made === 'number') return made;
  const space = made;
  let brk = 0, phdrAddr = 0;
  for (let i = 0; i < elf.phdrs.length; i++) {
    const ph = elf.phdrs[i];
    if (ph.type === Pt.PHDR) phdrAddr = ph.vaddr + bias;
    if (ph.type !== Pt.LOAD || ph.memsz === 0) continue;
    const prot = protOf(ph.flags);
    const vaddr = ph.vaddr + bias;
    const start = pageDown(vaddr);
    const fileEnd = vaddr + ph.filesz;
    const memEnd = vaddr + ph.memsz;
    if (phdrAddr === 0 && elf.phoff >= ph.offset && elf.phoff < ph.offset + ph.filesz) phdrAddr = vaddr + (elf.phoff - ph.offset);
    if (ph.filesz > 0) {
      const r = space.mmap(start, pageUp(fileEnd) - start, prot | (ph.memsz > ph.filesz ? Prot.WRITE : 0),
        MapFlag.PRIVATE | MapFlag.FIXED, { file }, pageDown(ph.offset) / PAGE);
      if (r < 0) return fail(space, r);
      if (ph.memsz > ph.filesz && fileEnd % PAGE !== 0) {
        // the bss starts inside the last file page: those bytes must read as zero
        const zeros: number[] = [];
        const n = (pageUp(fileEnd) < memEnd ? pageUp(fileEnd) : memEnd) - fileEnd;
        for (let z = 0; z < n; z++) zeros.push(0);
        const w = await writeBytes(space, fileEnd, zeros);
        if (w < 0) return fail(space, w);
      }
      if ((prot & Prot.WRITE) === 0 && ph.memsz > ph.filesz) space.mprotect(start, pageUp(fileEnd) - start, prot);
    }
    const anonStart = ph.filesz > 0 ? pageUp(fileEnd) : start;
    if (pageUp(memEnd) > anonStart) {
      const r = space.mmap(anonStart, pageUp(memEnd) - anonStart, prot, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED);
      if (r < 0) return fail(space, r);
    }
    if (memEnd > brk) brk = memEnd;
  }
  return { space, brk: pageUp(brk), phdrAddr };
}

function fail(space: AddressSpace, r: number): number {
  space.free();
  return r;
}

/** Random bytes for AT_RANDOM (the stack protector's canary and pointer guard). */
function randomBytes(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.floor(Math.random() * 256));
  return out;
}

/**
 * Loads the program: a new address space with its segments, break and initial stack.
 * `execPath` is AT_EXECFN. Returns the space (not yet current) and where to start, or -errno.
 */
export async function loadProgram(elf: ElfImage, file: MappedFile, execPath: string, argv: string[], envp: string[]): Promise<LoadedProgram | number> {
  const bias = elf.type === ElfType.DYN ? DYN_BASE : 0;
  const mapped = await mapSegments(elf, file, bias);
  if (typeof mapped === 'number') return mapped;
  const { space, brk, phdrAddr } = mapped;
  space.setBrkBase(brk);

  const top = Layout.USER_END;
  const r = space.mmap(top - INITIAL_STACK, INITIAL_STACK, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED | MapFlag.GROWSDOWN);
  if (r < 0) return fail(space, r);

  // The strings, from the top down: execfn, envp, argv, the platform, then 16 random bytes.
  const strings: string[] = [execPath];
  for (let i = envp.length - 1; i >= 0; i--) strings.push(envp[i]);
  for (let i = argv.length - 1; i >= 0; i--) strings.push(argv[i]);
  strings.push('i686');
  let sp = top - 4; // Linux leaves the top word of the stack empty
  const addrs: number[] = [];
  for (let i = 0; i < strings.length; i++) {
    const b = utf8Encode(strings[i]);
    b.push(0);
    sp -= b.length;
    addrs.push(sp);
    const w = await writeBytes(space, sp, b);
    if (w < 0) return fail(space, w);
  }
  const execfnAddr = addrs[0];
  const envAddrs = addrs.slice(1, 1 + envp.length).reverse();
  const argAddrs = addrs.slice(1 + envp.length, 1 + envp.length + argv.length).reverse();
  const platformAddr = addrs[addrs.length - 1];
  sp -= 16;
  const randomAddr = sp;
  const rw = await writeBytes(space, sp, randomBytes(16));
  if (rw < 0) return fail(space, rw);

  const phdr = phdrAddr !== 0 ? phdrAddr : 0;
  const auxv = [
    At.HWCAP, HWCAP, At.PAGESZ, PAGE, At.CLKTCK, 100, At.PHDR, phdr, At.PHENT, 32, At.PHNUM, elf.phnum,
    At.BASE, 0, At.FLAGS, 0, At.ENTRY, elf.entry + bias, At.UID, 0, At.EUID, 0, At.GID, 0, At.EGID, 0,
    At.SECURE, 0, At.RANDOM, randomAddr, At.HWCAP2, 0, At.EXECFN, execfnAddr, At.PLATFORM, platformAddr, At.NULL, 0,
  ];
  const words: number[] = [argv.length];
  for (let i = 0; i < argAddrs.length; i++) words.push(argAddrs[i]);
  words.push(0);
  for (let i = 0; i < envAddrs.length; i++) words.push(envAddrs[i]);
  words.push(0);
  for (let i = 0; i < auxv.length; i++) words.push(auxv[i]);
  sp -= words.length * 4;
  sp -= sp % 16; // argc 16-byte aligned, as the i386 ABI wants at _start
  const ww = await writeWords(space, sp, words);
  if (ww < 0) return fail(space, ww);
  space.stackStart = sp;
  return { space, entry: elf.entry + bias, sp };
}
