// /proc/PID/maps text and the page-table dump.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { MapFlag, Prot } from '../../kernel/mm/mman.ts';
import { dumpPageTables, formatMaps, hex } from '../../kernel/mm/maps.ts';
import { TestDevice, TestFile, store } from './helpers.ts';
import { boot, newSpace, type Booted } from './setup.ts';

const P = 4096;
let b: Booted;
beforeEach(() => {
  b = boot(8);
});
afterEach(() => b.restore());

test('hex pads and handles values beyond 32 bits', () => {
  expect(hex(0, 8)).toBe('00000000');
  expect(hex(0xbfff_f000, 8)).toBe('bffff000');
  expect(hex(0x1_2345_6789, 8)).toBe('123456789');
  expect(hex(0xa, 2)).toBe('0a');
});

test('maps lists every area as Linux does', () => {
  const s = newSpace(b.shared, { mmapBase: 0xb000_0000 });
  const prog = new TestFile(b.frames, b.m, 4, '/bin/sh', 8312);
  const fb = new TestDevice(0x18_0000, 16);
  expect(s.mmap(0x0804_8000, 2 * P, Prot.READ | Prot.EXEC, MapFlag.PRIVATE | MapFlag.FIXED, { file: prog }, 0)).toBe(0x0804_8000);
  expect(s.mmap(0x0804_a000, P, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.FIXED, { file: prog }, 2)).toBe(0x0804_a000);
  s.setBrkBase(0x0804_b123);
  s.brk(0x0806_0000);
  s.mmap(0, 2 * P, Prot.READ | Prot.WRITE, MapFlag.SHARED, { object: fb }, 1);
  s.mmap(0, P, Prot.READ, MapFlag.SHARED | MapFlag.ANONYMOUS);
  s.mmap(0, 3 * P, Prot.NONE, MapFlag.PRIVATE | MapFlag.ANONYMOUS);
  s.mmap(0xbffd_e000, 0x21000, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED | MapFlag.GROWSDOWN);
  s.stackStart = 0xbfff_e8a0;
  const inode = String(s.vmas.find(0xafff_d000)!.object!.inode);
  const pad = (fixed: string, name: string) => fixed.padEnd(48) + ' ' + name;
  expect(formatMaps(s)).toBe([
    pad('08048000-0804a000 r-xp 00000000 08:01 8312', '/bin/sh'),
    pad('0804a000-0804b000 rw-p 00002000 08:01 8312', '/bin/sh'),
    pad('0804c000-08060000 rw-p 00000000 00:00 0', '[heap]'),
    'afffa000-afffd000 ---p 00000000 00:00 0',
    pad('afffd000-afffe000 r--s 00000000 00:00 ' + inode, '/dev/zero (deleted)'),
    pad('afffe000-b0000000 rw-s 00001000 1d:00 77', '/dev/fb0'),
    pad('bffde000-bffff000 rw-p 00000000 00:00 0', '[stack]'),
    '',
  ].join('\n'));
  // The format of a real i386 line: the name starts in column 49.
  expect(pad('08048000-08056000 r-xp 00000000 03:0c 64593', '/usr/sbin/gpm')).toBe('08048000-08056000 r-xp 00000000 03:0c 64593      /usr/sbin/gpm');
});

test('the page-table dump shows each level with P, RW, US, A, D', () => {
  const s = newSpace(b.shared);
  s.mmap(0x0804_8000, 2 * P, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED);
  s.mmap(0x4000_0000, P, Prot.READ | Prot.WRITE, MapFlag.PRIVATE | MapFlag.ANONYMOUS | MapFlag.FIXED);
  store(b.m, s, 0x0804_9010, 1);
  store(b.m, s, 0x4000_0000, 1);
  s.mprotect(0x4000_0000, P, Prot.NONE);
  s.fault(0x0804_8000, 4); // a read: the zero page, not accessed yet
  const e = (va: number) => hex(s.pt.entry(va), 8);
  const pde = (i: number, j: number) => hex(b.m.physRead32((b.m.physRead32(s.pt.root + i * 8) & ~0xfff) + j * 8), 8);
  expect(dumpPageTables(s, 0, 0xc000_0000)).toBe([
    'CR3 ' + hex(s.pt.root, 8),
    'PDPT[0] ' + hex(b.m.physRead32(s.pt.root), 8) + '  va 00000000  P',
    '  PD[64] ' + pde(0, 64) + '  va 08000000  P RW US - -',
    '    PT[72] ' + e(0x0804_8000) + '  va 08048000  P -- US - -',
    '    PT[73] ' + e(0x0804_9000) + '  va 08049000  P RW US A D',
    'PDPT[1] ' + hex(b.m.physRead32(s.pt.root + 8), 8) + '  va 40000000  P',
    '  PD[0] ' + pde(1, 0) + '  va 40000000  P RW US - -',
    '    PT[0] ' + e(0x4000_0000) + '  va 40000000  - -- US A D NONE',
    '',
  ].join('\n'));
  expect(dumpPageTables(s, 0x0804_9000, 0x0804_a000).split('\n').length).toBe(5);
});
