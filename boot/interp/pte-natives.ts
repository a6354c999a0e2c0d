// Page-table range natives for kernel/mm (natives.ts, "kernel/mm page-table ranges"): the
// per-entry loops of fork (pteCopy), munmap/exit (pteZap) and mprotect (pteUpdate), one
// native call per page table instead of a chain of bytecode calls per page. kernel/mm
// decides everything else (which areas, which bits, when a table is allocated or freed,
// TLB invalidation); these only walk entries and frame-table counts. Entries are PAE
// (8 bytes); only the low dword is read or written. Physical addresses are reached through
// the direct map (virtual = physical + KERNEL_BASE); an entry range beyond it stops the
// machine. The frame table (kernel/mm/frames.ts) holds one 32-bit count per frame,
// 0xFFFFFFFF for frames the allocator does not own.

import { KERNEL_BASE } from '../layout.ts';
import { dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, type X86Assembler } from '../../image-builder/x86/index.ts';
import type { NativeName } from '../../image-builder/bytecode/index.ts';
import { var32 } from './asm.ts';
import { H } from './helpers.ts';
import { intArg, storeInt } from './builtin-natives.ts';
import { fatal } from './runtime.ts';

const UNMANAGED = -1;
const FRAME_MASK = 0xffff_f000 | 0;
/** PTE bits whose loss needs an invalidation (kernel/mm/page-table.ts needsFlush): RW US A D. */
const FLUSH_BITS = 0x2 | 0x4 | 0x20 | 0x40;

/** Pushes arguments last..1 (so argument 1 ends on top), leaves argument 0 in eax. */
function pushArgs(h: H, argc: number): void {
  for (let i = argc - 1; i >= 1; i--) {
    intArg(h, i);
    h.a.push(eax);
  }
  intArg(h, 0);
}

/**
 * The common frame: the arguments pushed, then esi, ebx, ebp, then two locals: [esp] the
 * number of present entries changed, [esp + 4] the bitmap of those among the first 32
 * (ebp is the running bit). Argument k >= 1 is at [esp + arg(k)].
 */
const arg = (k: number): number => 16 + 4 * k;
function enter(a: X86Assembler): void {
  a.push(esi).push(ebx).push(ebp).sub(esp, 8);
  a.mov(dword(esp), 0).mov(dword(esp, 4), 0).mov(ebp, 1);
}
function leave(a: X86Assembler, argc: number): void {
  a.add(esp, 8).pop(ebp).pop(ebx).pop(esi).add(esp, 4 * (argc - 1));
}
/** A present entry changed (the page needs an invalidation): count it and set its bit. */
function changed(a: X86Assembler): void {
  a.inc(dword(esp)).or(dword(esp, 4), ebp);
}
/** Stores the bitmap at out[3] (edx = out, physical). Clobbers ecx. */
function storeBitmap(a: X86Assembler): void {
  a.mov(ecx, dword(esp, 4)).mov(dword(edx, KERNEL_BASE + 12), ecx);
}

/** Jumps to `bad` unless [p, p + 8 * n) lies inside the direct map (n <= 512). Clobbers eax. */
function entriesCheck(a: X86Assembler, p: typeof esi, n: typeof ecx, bad: string): void {
  a.cmp(n, 512).ja(bad);
  a.lea(eax, mem({ base: p, index: n, scale: 8 }));
  a.cmp(eax, var32('ram_top')).ja(bad);
  a.cmp(p, eax).ja(bad);
}

/** Jumps to `bad` unless the 16-byte out block at eax lies inside the direct map. Clobbers edx. */
function outCheck(a: X86Assembler, bad: string): void {
  a.cmp(eax, var32('ram_top')).jae(bad);
  a.mov(edx, var32('ram_top')).sub(edx, eax).cmp(edx, 16).jb(bad);
}

/**
 * edx = an entry; table at [esp + tableAt], limit at [esp + limitAt]. When the entry's frame
 * is counted, edx = the direct-map address of its frame-table word; else jumps to `skip`.
 * Clobbers eax.
 */
function frameWord(a: X86Assembler, tableAt: number, limitAt: number, skip: string): void {
  a.mov(eax, dword(esp, tableAt)).test(eax, eax).jz(skip);
  a.and(edx, FRAME_MASK);
  a.cmp(edx, dword(esp, limitAt)).jae(skip);
  a.shr(edx, 12);
  a.lea(edx, mem({ base: eax, index: edx, scale: 4, disp: KERNEL_BASE }));
  a.cmp(dword(edx), UNMANAGED).je(skip);
}

export function emitPteNative(h: H, name: NativeName): boolean {
  const a = h.a;
  const bad = () => h.label('range');
  switch (name) {
    case 'pteCopy': {
      // pteCopy(src, dst, n, clear, table, limit, out)
      const range = bad(), loop = h.label('loop'), next = h.label('next'), same = h.label('same');
      const done = h.label('done'), freeFrame = h.label('free'), out = h.label('out');
      const DST = arg(1), N = arg(2), CLEAR = arg(3), TABLE = arg(4), LIMIT = arg(5), OUT = arg(6);
      pushArgs(h, 7);
      enter(a);
      a.mov(esi, eax).mov(ecx, dword(esp, N));
      entriesCheck(a, esi, ecx, range);
      a.mov(edi, dword(esp, DST));
      entriesCheck(a, edi, ecx, range);
      a.mov(eax, dword(esp, OUT));
      outCheck(a, range);
      a.add(esi, KERNEL_BASE).add(edi, KERNEL_BASE);
      a.not(dword(esp, CLEAR)); // the mask of bits kept
      a.xor(ebx, ebx); // copied
      a.label(loop);
      a.test(ecx, ecx).jz(done);
      a.mov(eax, dword(esi)).test(eax, eax).jz(next);
      a.mov(edx, eax).and(edx, dword(esp, CLEAR));
      a.cmp(edx, eax).je(same);
      a.mov(dword(esi), edx);
      a.test(eax, 1).jz(same);
      changed(a);
      a.label(same);
      a.mov(dword(edi), edx);
      a.inc(ebx);
      frameWord(a, TABLE, LIMIT, next);
      a.mov(eax, dword(edx)).test(eax, eax).jz(freeFrame);
      a.inc(eax).mov(dword(edx), eax);
      a.label(next);
      a.add(esi, 8).add(edi, 8).shl(ebp, 1).dec(ecx).jmp(loop);
      a.label(done);
      a.mov(edx, dword(esp, OUT));
      storeBitmap(a);
      a.mov(eax, dword(esp)).shl(eax, 16).add(eax, ebx).jmp(out);
      a.label(freeFrame).mov(eax, -1);
      a.label(out);
      leave(a, 7);
      storeInt(h);
      a.label(range);
      leave(a, 7); // the interpreter's ebp, ebx, esi back: the fatal report reads them
      fatal(a, 'pteCopy: entries beyond the direct map');
      return true;
    }
    case 'pteZap': {
      // pteZap(slot, n, table, limit, out)
      const range = bad(), loop = h.label('loop'), next = h.label('next'), kept = h.label('kept');
      const done = h.label('done'), freeFrame = h.label('free'), out = h.label('out'), notFirst = h.label('nf');
      const N = arg(1), TABLE = arg(2), LIMIT = arg(3), OUT = arg(4);
      pushArgs(h, 5);
      enter(a);
      a.mov(esi, eax).mov(ecx, dword(esp, N));
      entriesCheck(a, esi, ecx, range);
      a.mov(eax, dword(esp, OUT));
      outCheck(a, range);
      a.add(esi, KERNEL_BASE);
      a.lea(edi, mem({ base: eax, disp: KERNEL_BASE })); // edi = the out block
      a.mov(dword(edi), 0).mov(dword(edi, 4), 0).mov(dword(edi, 8), 0);
      a.xor(ebx, ebx); // cleared
      a.label(loop);
      a.test(ecx, ecx).jz(done);
      a.mov(edx, dword(esi)).test(edx, edx).jz(next);
      a.mov(dword(esi), 0);
      a.inc(ebx);
      a.test(edx, 1).jz(kept);
      changed(a);
      a.label(kept);
      frameWord(a, TABLE, LIMIT, next);
      a.mov(eax, dword(edx)).test(eax, eax).jz(freeFrame);
      a.dec(eax).mov(dword(edx), eax).jnz(next);
      // the count reached 0: the frame (from its table word) goes to the head of the chain
      a.mov(eax, edx).sub(eax, dword(esp, TABLE)).sub(eax, KERNEL_BASE).shl(eax, 10);
      a.mov(edx, dword(edi)).mov(dword(eax, KERNEL_BASE), edx);
      a.mov(dword(edi), eax);
      a.cmp(dword(edi, 4), 0).jne(notFirst).mov(dword(edi, 4), eax);
      a.label(notFirst);
      a.inc(dword(edi, 8));
      a.label(next);
      a.add(esi, 8).shl(ebp, 1).dec(ecx).jmp(loop);
      a.label(done);
      a.mov(edx, dword(esp, OUT));
      storeBitmap(a);
      a.mov(eax, dword(esp)).shl(eax, 16).add(eax, ebx).jmp(out);
      a.label(freeFrame).mov(eax, -1);
      a.label(out);
      leave(a, 5);
      storeInt(h);
      a.label(range);
      leave(a, 5); // the interpreter's ebp, ebx, esi back: the fatal report reads them
      fatal(a, 'pteZap: entries beyond the direct map');
      return true;
    }
    case 'pteUpdate': {
      // pteUpdate(slot, n, set, clear, mask, match, out)
      const range = bad(), loop = h.label('loop'), next = h.label('next'), flush = h.label('flush');
      const done = h.label('done');
      const N = arg(1), SET = arg(2), CLEAR = arg(3), MASK = arg(4), MATCH = arg(5), OUT = arg(6);
      pushArgs(h, 7);
      enter(a);
      a.mov(esi, eax).mov(ecx, dword(esp, N));
      entriesCheck(a, esi, ecx, range);
      a.mov(eax, dword(esp, OUT));
      outCheck(a, range);
      a.add(esi, KERNEL_BASE);
      a.not(dword(esp, CLEAR)); // the mask of bits kept
      a.label(loop);
      a.test(ecx, ecx).jz(done);
      a.mov(eax, dword(esi)).test(eax, eax).jz(next);
      a.mov(edx, eax).and(edx, dword(esp, MASK)).cmp(edx, dword(esp, MATCH)).jne(next);
      a.mov(edx, eax).and(edx, dword(esp, CLEAR)).or(edx, dword(esp, SET));
      a.cmp(edx, eax).je(next);
      a.mov(dword(esi), edx);
      // needsFlush(old = eax, new = edx)
      a.test(eax, 1).jz(next);
      a.test(edx, 1).jz(flush);
      a.mov(ebx, eax).xor(ebx, edx).test(ebx, FRAME_MASK).jnz(flush);
      a.mov(ebx, edx).not(ebx).and(ebx, eax).test(ebx, FLUSH_BITS).jz(next);
      a.label(flush);
      changed(a);
      a.label(next);
      a.add(esi, 8).shl(ebp, 1).dec(ecx).jmp(loop);
      a.label(done);
      a.mov(edx, dword(esp, OUT));
      storeBitmap(a);
      a.mov(eax, dword(esp));
      leave(a, 7);
      storeInt(h);
      a.label(range);
      leave(a, 7); // the interpreter's ebp, ebx, esi back: the fatal report reads them
      fatal(a, 'pteUpdate: entries beyond the direct map');
      return true;
    }
    default:
      return false;
  }
}
