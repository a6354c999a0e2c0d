// ELF32 (i386) executable writer. One PT_LOAD program header per allocated section, so
// a multiboot loader places each at its physical address (p_paddr) while the symbols and
// p_vaddr carry the virtual ones. Section headers and a symbol table are included so
// binutils (objdump -d, nm, readelf) and gdb can read the image.

import type { LinkedSection } from './x86/index.ts';

export interface ElfInput {
  /** Entry point (for multiboot: a physical address, since paging is off at entry). */
  entry: number;
  sections: LinkedSection[];
  /** Symbols to list in .symtab (name -> virtual address). */
  symbols?: Map<string, number>;
}

const EHDR_SIZE = 52;
const PHDR_SIZE = 32;
const SHDR_SIZE = 40;
const PAGE = 0x1000;

const PT_LOAD = 1;
const PF_X = 1, PF_W = 2, PF_R = 4;
const SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_NOBITS = 8;
const SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4;

/** A string table: offsets of names in a NUL-separated blob. */
class StringTable {
  private parts: Buffer[] = [Buffer.from([0])];
  private size = 1;
  add(s: string): number {
    const off = this.size;
    const b = Buffer.from(s + '\0', 'utf8');
    this.parts.push(b);
    this.size += b.length;
    return off;
  }
  bytes(): Buffer { return Buffer.concat(this.parts); }
}

function sectionFlags(s: LinkedSection): { sh: number; ph: number } {
  if (s.name.startsWith('.text') || s.name.startsWith('.boot')) return { sh: SHF_ALLOC | SHF_EXECINSTR, ph: PF_R | PF_X };
  if (s.name.startsWith('.rodata')) return { sh: SHF_ALLOC, ph: PF_R };
  return { sh: SHF_ALLOC | SHF_WRITE, ph: PF_R | PF_W };
}

export function writeElf32(input: ElfInput): Uint8Array {
  const secs = input.sections.filter((s) => s.size > 0);
  const phnum = secs.length;

  // File layout: headers, then each section's bytes at an offset congruent to its vaddr
  // modulo the page size (required of PT_LOAD segments), then the symbol tables.
  let off = EHDR_SIZE + PHDR_SIZE * phnum;
  const offsets: number[] = [];
  for (const s of secs) {
    off = alignCongruent(off, s.vaddr, PAGE);
    offsets.push(off);
    if (!s.nobits) off += s.data.length;
  }

  const strtab = new StringTable();
  const symEntries: Buffer[] = [Buffer.alloc(16)];
  const symbols = [...(input.symbols ?? new Map())].sort((a, b) => a[1] - b[1]);
  for (const [name, value] of symbols) {
    const e = Buffer.alloc(16);
    e.writeUInt32LE(strtab.add(name), 0);
    e.writeUInt32LE(value >>> 0, 4);
    const shndx = secs.findIndex((s) => value >= s.vaddr && value <= s.vaddr + s.size);
    e.writeUInt8(0x10, 12); // STB_GLOBAL, STT_NOTYPE
    e.writeUInt16LE(shndx >= 0 ? shndx + 1 : 0xfff1 /* SHN_ABS */, 14);
    symEntries.push(e);
  }
  const symtab = Buffer.concat(symEntries);
  const strtabBytes = strtab.bytes();

  const shstr = new StringTable();
  const secNames = secs.map((s) => shstr.add(s.name));
  const symtabName = shstr.add('.symtab');
  const strtabName = shstr.add('.strtab');
  const shstrName = shstr.add('.shstrtab');
  const shstrBytes = shstr.bytes();

  off = align(off, 4);
  const symtabOff = off; off += symtab.length;
  const strtabOff = off; off += strtabBytes.length;
  const shstrOff = off; off += shstrBytes.length;
  off = align(off, 4);
  const shoff = off;
  const shnum = secs.length + 4; // null, sections, .symtab, .strtab, .shstrtab
  const total = shoff + shnum * SHDR_SIZE;

  const out = Buffer.alloc(total);
  // ELF header
  out.set([0x7f, 0x45, 0x4c, 0x46, 1 /* 32-bit */, 1 /* LE */, 1 /* version */], 0);
  out.writeUInt16LE(2, 16); // ET_EXEC
  out.writeUInt16LE(3, 18); // EM_386
  out.writeUInt32LE(1, 20);
  out.writeUInt32LE(input.entry >>> 0, 24);
  out.writeUInt32LE(EHDR_SIZE, 28); // phoff
  out.writeUInt32LE(shoff, 32);
  out.writeUInt32LE(0, 36); // flags
  out.writeUInt16LE(EHDR_SIZE, 40);
  out.writeUInt16LE(PHDR_SIZE, 42);
  out.writeUInt16LE(phnum, 44);
  out.writeUInt16LE(SHDR_SIZE, 46);
  out.writeUInt16LE(shnum, 48);
  out.writeUInt16LE(shnum - 1, 50); // shstrndx

  secs.forEach((s, i) => {
    const p = EHDR_SIZE + i * PHDR_SIZE;
    out.writeUInt32LE(PT_LOAD, p);
    out.writeUInt32LE(offsets[i], p + 4);
    out.writeUInt32LE(s.vaddr >>> 0, p + 8);
    out.writeUInt32LE(s.paddr >>> 0, p + 12);
    out.writeUInt32LE(s.nobits ? 0 : s.data.length, p + 16);
    out.writeUInt32LE(s.size, p + 20);
    out.writeUInt32LE(sectionFlags(s).ph, p + 24);
    out.writeUInt32LE(PAGE, p + 28);
    if (!s.nobits) out.set(s.data, offsets[i]);
  });

  out.set(symtab, symtabOff);
  out.set(strtabBytes, strtabOff);
  out.set(shstrBytes, shstrOff);

  const shdr = (i: number, f: number[]) => f.forEach((v, k) => out.writeUInt32LE(v >>> 0, shoff + i * SHDR_SIZE + k * 4));
  secs.forEach((s, i) => {
    shdr(i + 1, [secNames[i], s.nobits ? SHT_NOBITS : SHT_PROGBITS, sectionFlags(s).sh, s.vaddr, offsets[i], s.size, 0, 0, 16, 0]);
  });
  const n = secs.length;
  shdr(n + 1, [symtabName, SHT_SYMTAB, 0, 0, symtabOff, symtab.length, n + 2 /* link: .strtab */, 1 /* first global */, 4, 16]);
  shdr(n + 2, [strtabName, SHT_STRTAB, 0, 0, strtabOff, strtabBytes.length, 0, 0, 1, 0]);
  shdr(n + 3, [shstrName, SHT_STRTAB, 0, 0, shstrOff, shstrBytes.length, 0, 0, 1, 0]);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

function align(v: number, a: number): number {
  return Math.ceil(v / a) * a;
}

/** The smallest offset >= off with offset ≡ vaddr (mod a). */
function alignCongruent(off: number, vaddr: number, a: number): number {
  const want = vaddr % a;
  const have = off % a;
  return off + ((want - have + a) % a);
}
