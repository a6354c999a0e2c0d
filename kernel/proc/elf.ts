// ELF32 i386 executables: the header and program headers of a static program (ET_EXEC, or
// ET_DYN for static-PIE), read through the file's pages. Anything else is -ENOEXEC.

import { physRead8, physRead16, physRead32 } from '../arch/intrinsics.ts';
import { Errno } from '../mm/errno.ts';
import type { MappedFile } from '../mm/vma.ts';

export enum ElfType { EXEC = 2, DYN = 3 }
export enum Pt { LOAD = 1, DYNAMIC = 2, INTERP = 3, PHDR = 6, TLS = 7, GNU_STACK = 0x6474e551 }
export enum Pf { X = 1, W = 2, R = 4 }

export interface ProgramHeader {
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  flags: number;
  align: number;
}

export interface ElfImage {
  type: number;
  entry: number;
  phoff: number;
  phnum: number;
  phdrs: ProgramHeader[];
}

const PAGE = 4096;

/** Reads bytes of a file through its pages (the page cache's frames). */
export class FileReader {
  constructor(private readonly file: MappedFile, private readonly size: number) {}

  /**
   * Makes the pages of [offset, offset + length) present in the file's cache (a file on a
   * disk may have to be read first), so the synchronous reads below find them; 0 or -errno.
   */
  async load(offset: number, length: number): Promise<number> {
    const end = offset + length < this.size ? offset + length : this.size;
    for (let page = Math.floor(offset / PAGE); page * PAGE < end; page++) {
      const got = this.file.getPage(page);
      const frame = typeof got === 'number' ? got : await got;
      if (frame < 0) return frame;
    }
    return 0;
  }

  /** load() of the ELF header and the program headers it points to. */
  async loadHeaders(): Promise<number> {
    const r = await this.load(0, PAGE);
    if (r < 0) return r;
    const phoff = this.u32(28), phnum = this.u16(44);
    if (phoff < 0 || phnum < 0 || phoff + phnum * 32 <= PAGE) return 0;
    return this.load(phoff, phnum * 32);
  }

  private at(offset: number): number {
    const frame = this.file.getPage(Math.floor(offset / PAGE));
    if (typeof frame !== 'number' || frame < 0) return -1;
    return frame + (offset % PAGE);
  }

  u8(offset: number): number {
    if (offset < 0 || offset + 1 > this.size) return -1;
    const p = this.at(offset);
    return p < 0 ? -1 : physRead8(p);
  }

  u16(offset: number): number {
    if (offset % PAGE > PAGE - 2) return this.u8(offset) | (this.u8(offset + 1) << 8);
    if (offset < 0 || offset + 2 > this.size) return -1;
    const p = this.at(offset);
    return p < 0 ? -1 : physRead16(p);
  }

  u32(offset: number): number {
    if (offset % PAGE > PAGE - 4) return (this.u16(offset) | (this.u16(offset + 2) << 16)) >>> 0;
    if (offset < 0 || offset + 4 > this.size) return -1;
    const p = this.at(offset);
    return p < 0 ? -1 : physRead32(p);
  }
}

/**
 * The file's `#!` line for execve: its first bytes up to and including the first newline,
 * at most n; only the first two when they are not `#!` (an ELF program has no line to read,
 * and a byte at a time through the page cache costs thousands of instructions each).
 */
export function fileHead(r: FileReader, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const b = r.u8(i);
    if (b < 0) break;
    s += String.fromCharCode(b);
    if (b === 0x0a || (i === 1 && s !== '#!')) break;
  }
  return s;
}

/** The parsed executable, or -ENOEXEC when it is not a static ELF32 i386 program we can load. */
export function parseElf(r: FileReader): ElfImage | number {
  if (r.u32(0) !== 0x464c457f) return -Errno.ENOEXEC; // \x7fELF
  if (r.u8(4) !== 1 || r.u8(5) !== 1 || r.u8(6) !== 1) return -Errno.ENOEXEC; // ELFCLASS32, little-endian, version 1
  const type = r.u16(16), machine = r.u16(18);
  if (machine !== 3) return -Errno.ENOEXEC; // EM_386
  if (type !== ElfType.EXEC && type !== ElfType.DYN) return -Errno.ENOEXEC;
  const entry = r.u32(24), phoff = r.u32(28), phentsize = r.u16(42), phnum = r.u16(44);
  if (phentsize !== 32 || phnum === 0 || phnum > 64) return -Errno.ENOEXEC;
  const phdrs: ProgramHeader[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * 32;
    const ph: ProgramHeader = {
      type: r.u32(o), offset: r.u32(o + 4), vaddr: r.u32(o + 8), filesz: r.u32(o + 16),
      memsz: r.u32(o + 20), flags: r.u32(o + 24), align: r.u32(o + 28),
    };
    if (ph.type < 0 || ph.memsz < 0 || ph.flags < 0) return -Errno.ENOEXEC; // truncated file
    if (ph.type === Pt.INTERP) return -Errno.ENOEXEC; // dynamically linked: no loader here
    if (ph.type === Pt.LOAD) {
      if (ph.filesz > ph.memsz) return -Errno.ENOEXEC;
      if ((ph.vaddr % PAGE) !== (ph.offset % PAGE)) return -Errno.ENOEXEC;
      if (ph.vaddr + ph.memsz > 0xc000_0000 || ph.vaddr + ph.memsz < ph.vaddr) return -Errno.ENOEXEC;
    }
    phdrs.push(ph);
  }
  if (!phdrs.some((p) => p.type === Pt.LOAD)) return -Errno.ENOEXEC;
  return { type, entry, phoff, phnum, phdrs };
}
