// Port I/O natives (outb/inb/outw/inw/outl/inl): the hardware door of kernel drivers
// (kernel/arch/intrinsics.ts). Arguments go through ToInt32 and are masked to the width.

import { al, ax, dx, eax, edx } from '../../image-builder/x86/index.ts';
import type { NativeName } from '../../image-builder/bytecode/index.ts';
import { H, loadTag } from './handlers.ts';
import { TAG } from './layout.ts';
import { intArg, storeInt } from './objects.ts';

export function emitPortNative(h: H, name: NativeName): boolean {
  const a = h.a;
  switch (name) {
    case 'outb':
    case 'outw':
    case 'outl': {
      intArg(h, 1);
      a.push(eax);
      intArg(h, 0);
      a.mov(edx, eax).pop(eax);
      a.out(dx, name === 'outb' ? al : name === 'outw' ? ax : eax);
      loadTag(h, TAG.undef);
      return true;
    }
    case 'inb':
    case 'inw': {
      intArg(h, 0);
      a.mov(edx, eax).xor(eax, eax).in(name === 'inb' ? al : ax, dx);
      storeInt(h);
      return true;
    }
    case 'inl': {
      const high = h.label('inl_high');
      intArg(h, 0);
      a.mov(edx, eax).in(eax, dx);
      // Values >= 2^31 carry the uint32 tag (docs/bytecode.md), never a negative int32.
      a.test(eax, eax).js(high);
      storeInt(h);
      a.label(high);
      h.storeTag(0, TAG.uint);
      h.next();
      return true;
    }
    default:
      return false;
  }
}
