// The natives of the weak collections (runtime/prelude/weak.ts): ephemeron vectors, which
// the collector treats specially (boot/interp/runtime.ts, gc_collect: a pair's value lives
// only while its key does; a dead key's pair becomes (null, undefined)), and a collection
// on request. Layout (layout.ts KIND.Ephemeron): header, the collector's link slot, then
// the pairs from EPHEMERON_FIRST.

import { byte, dword, eax, ebp, ecx, edi, edx, mem } from '../../image-builder/x86/index.ts';
import type { NativeName } from '../../image-builder/bytecode/index.ts';
import { H, loadTag, valueAt } from './helpers.ts';
import { EPHEMERON_FIRST, KIND, TAG } from './layout.ts';
import { copyValue, fatal } from './runtime.ts';
import { intArg } from './builtin-natives.ts';

/** The most pairs weakNew makes (the prelude's tables stay far below). */
const MAX_PAIRS = 1 << 24;

/** eax = the ephemeron vector in argument i, else jump to bad. Clobbers ecx. */
function vectorArg(h: H, i: number, bad: string): void {
  const a = h.a;
  h.reg(ecx, 2);
  a.lea(ecx, mem({ base: ebp, index: ecx, scale: 8, disp: 8 * i }));
  a.cmp(dword(ecx, 4), TAG.cell).jne(bad).mov(eax, dword(ecx));
  a.cmp(byte(eax), KIND.Ephemeron).jne(bad);
}

/** edi = the vector (eax), eax = slot index argument 1; jump to bad when out of range. Clobbers ecx. */
function slotArg(h: H, bad: string): void {
  const a = h.a;
  a.mov(edi, eax);
  intArg(h, 1);
  a.mov(ecx, dword(edi, 4)).sub(ecx, EPHEMERON_FIRST).shr(ecx, 3);
  a.cmp(eax, ecx).jae(bad);
}

export function emitWeakNative(h: H, name: NativeName): boolean {
  const a = h.a;
  const lab = (s: string) => h.lbl(`${name}_${s}`);
  switch (name) {
    case 'weakNew': {
      const bad = lab('bad');
      intArg(h, 0);
      a.cmp(eax, MAX_PAIRS).ja(bad);
      a.shl(eax, 4).lea(ecx, mem(eax, EPHEMERON_FIRST)).mov(edx, KIND.Ephemeron).call('heap_alloc');
      // ecx = the size still: every slot undefined but the link (an int32)
      a.shr(ecx, 3).sub(ecx, 1).lea(edx, mem(eax, 8)).call('fill_undefined');
      a.mov(dword(eax, 8), 0).mov(dword(eax, 12), TAG.int);
      h.storeTag(0, TAG.cell);
      h.next();
      a.label(bad);
      fatal(a, 'weakNew: bad size');
      return true;
    }
    case 'weakGet': {
      const none = lab('none');
      vectorArg(h, 0, none);
      slotArg(h, none);
      h.reg(ecx, 0);
      copyValue(a, valueAt(ecx), (w) => dword({ base: edi, index: eax, scale: 8, disp: EPHEMERON_FIRST + w }), edx);
      h.next();
      a.label(none);
      loadTag(h, TAG.undef);
      return true;
    }
    case 'weakSet': {
      const done = lab('done');
      vectorArg(h, 0, done);
      slotArg(h, done);
      h.reg(ecx, 2);
      copyValue(a, (w) => dword({ base: edi, index: eax, scale: 8, disp: EPHEMERON_FIRST + w }), (w) => dword({ base: ebp, index: ecx, scale: 8, disp: 16 + w }), edx);
      a.label(done);
      loadTag(h, TAG.undef);
      return true;
    }
    case 'collectGarbage':
      a.xor(ecx, ecx).call('gc_collect');
      loadTag(h, TAG.undef);
      return true;
    default:
      return false;
  }
}
