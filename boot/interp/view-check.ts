// The test every typed-array fast path starts with (boot/interp/typed.ts has the rest);
// its own module so that runtime.ts, objects.ts and ic.ts can use it without importing typed.ts.

import { byte, dword, type Reg, type X86Assembler } from '../../image-builder/x86/index.ts';
import { KIND, OBJ_VIEW, VIEW_TYPE } from './layout.ts';

/** Jumps to `no` unless the heap object at r is a typed array (an OBJ_VIEW Object of type 0-8). Clobbers nothing. */
export function jumpUnlessTyped(a: X86Assembler, r: Reg, no: string): void {
  a.cmp(byte(r), KIND.Object).jne(no);
  a.test(byte(r, 1), OBJ_VIEW >> 8).jz(no);
  a.cmp(dword(r, VIEW_TYPE), 9).jae(no);
}
