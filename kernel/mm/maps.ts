// Introspection: /proc/PID/maps text for an address space, and a dump of its page tables.

import { physRead32 } from '../arch/intrinsics.ts';
import type { AddressSpace } from './address-space.ts';
import { Layout, Page } from './page.ts';
import { Pte, pteFrame } from './page-table.ts';
import { Vm, type Vma } from './vma.ts';


/** The digits as an array: indexing it is far cheaper than a string's charAt. */
const HEX_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'];

/** '00'..'ff' by byte value, made on first use (hex's common case: 32-bit values, 8 digits). */
let byteHex: string[] | null = null;

/** n (a non-negative integer below 2^53) in lower-case hex, at least `width` digits. */
export function hex(n: number, width: number): string {
  if (width === 8 && n >= 0 && n <= 0xffff_ffff && Number.isInteger(n)) {
    // four table lookups instead of eight digits prepended one at a time (/proc/PID/maps and
    // the inspect channel format every area's three addresses this way)
    let t = byteHex;
    if (t === null) {
      t = [];
      for (let i = 0; i < 256; i++) t[i] = HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      byteHex = t;
    }
    return t[n >>> 24] + t[(n >>> 16) & 0xff] + t[(n >>> 8) & 0xff] + t[n & 0xff];
  }
  let s = '';
  do {
    s = '0123456789abcdef'.charAt(n % 16) + s;
    n = Math.floor(n / 16);
  } while (n > 0);
  while (s.length < width) s = '0' + s;
  return s;
}

function decimal(n: number): string {
  let s = '';
  do {
    s = '0123456789abcdef'.charAt(n % 10) + s;
    n = Math.floor(n / 10);
  } while (n > 0);
  return s;
}

enum Maps {
  /** Where Linux pads the fixed columns to before the name (25 + 6 * sizeof(void *) - 1 on i386). */
  NAME_COLUMN = 48,
}

/**
 * The areas in /proc/PID/maps format, one line each:
 * `start-end perms offset major:minor inode name`, perms `rwxp` / `rwxs`, the offset in
 * bytes (0 for anonymous memory), the name of the file, the memory object's owner, or
 * [heap] / [stack] for the anonymous areas that hold them.
 */
export function formatMaps(space: AddressSpace): string {
  const all = space.vmas.toArray();
  let out = '';
  for (let i = 0; i < all.length; i++) out += mapsLine(space, all[i]) + '\n';
  return out;
}

function mapsLine(space: AddressSpace, v: Vma): string {
  const f = v.flags;
  const perms = ((f & Vm.READ) !== 0 ? 'r' : '-') + ((f & Vm.WRITE) !== 0 ? 'w' : '-') +
    ((f & Vm.EXEC) !== 0 ? 'x' : '-') + ((f & Vm.MAYSHARE) !== 0 ? 's' : 'p');
  let dev = 0, inode = 0, offset = 0, name = '';
  if (v.file !== null) {
    dev = v.file.dev;
    inode = v.file.inode;
    offset = v.pgoff * Page.SIZE;
    name = v.file.path;
  } else if (v.object !== null) {
    dev = v.object.dev;
    inode = v.object.inode;
    offset = v.pgoff * Page.SIZE;
    name = v.object.ownerName;
  } else if (v.start <= space.brkEnd && v.end >= space.brkStart && space.brkEnd > space.brkStart) {
    name = '[heap]';
  } else if (space.stackStart !== 0 && v.start <= space.stackStart && v.end >= space.stackStart) {
    name = '[stack]';
  }
  let line = hex(v.start, 8) + '-' + hex(v.end, 8) + ' ' + perms + ' ' + hex(offset, 8) + ' ' +
    hex((dev >>> 8) & 0xff, 2) + ':' + hex(dev & 0xff, 2) + ' ' + decimal(inode);
  if (name === '') return line;
  while (line.length < Maps.NAME_COLUMN) line += ' ';
  return line + ' ' + name;
}

function entryFlags(e: number): string {
  return ((e & Pte.P) !== 0 ? 'P' : '-') + ' ' + ((e & Pte.RW) !== 0 ? 'RW' : '--') + ' ' +
    ((e & Pte.US) !== 0 ? 'US' : '--') + ' ' + ((e & Pte.A) !== 0 ? 'A' : '-') + ' ' +
    ((e & Pte.D) !== 0 ? 'D' : '-') + ((e & Pte.PROTNONE) !== 0 ? ' NONE' : '');
}

/**
 * The page-table entries covering the user range [start, end), one line per non-empty entry,
 * indented by level:
 *   PDPT[i] <entry>  va <first address>  P
 *     PD[j] <entry>  va <first address>  P RW US A D
 *       PT[k] <entry>  va <page>  P RW US A D
 * Entries are the low dwords in hex (frame | flags); NONE marks a PROT_NONE entry (P clear,
 * frame kept).
 */
export function dumpPageTables(space: AddressSpace, start: number, end: number): string {
  if (end > Layout.USER_END) end = Layout.USER_END;
  const root = space.pt.root;
  let out = 'CR3 ' + hex(root, 8) + '\n';
  for (let i = Math.floor(start / 0x4000_0000); i * 0x4000_0000 < end; i++) {
    const pdpte = physRead32(root + i * 8);
    if ((pdpte & Pte.P) === 0) continue;
    out += 'PDPT[' + i + '] ' + hex(pdpte, 8) + '  va ' + hex(i * 0x4000_0000, 8) + '  P\n';
    const pd = pteFrame(pdpte);
    for (let j = 0; j < 512; j++) {
      const base = i * 0x4000_0000 + j * 0x20_0000;
      if (base + 0x20_0000 <= start || base >= end) continue;
      const pde = physRead32(pd + j * 8);
      if ((pde & Pte.P) === 0) continue;
      out += '  PD[' + j + '] ' + hex(pde, 8) + '  va ' + hex(base, 8) + '  ' + entryFlags(pde) + '\n';
      const pt = pteFrame(pde);
      for (let k = 0; k < 512; k++) {
        const va = base + k * Page.SIZE;
        if (va < start || va >= end) continue;
        const pte = physRead32(pt + k * 8);
        if (pte === 0) continue;
        out += '    PT[' + k + '] ' + hex(pte, 8) + '  va ' + hex(va, 8) + '  ' + entryFlags(pte) + '\n';
      }
    }
  }
  return out;
}
