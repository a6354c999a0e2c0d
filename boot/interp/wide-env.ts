// Environments with more than 256 slots (a bundle's top level holds every captured
// top-level binding of the program and the runtime): EnvNewWide / EnvLoadWide /
// EnvStoreWide, the EnvNew / EnvLoad / EnvStore handlers with an int32 count or index.

import { dword, eax, ecx, edi, edx, mem } from '../../image-builder/x86/index.ts';
import type { OpcodeName } from '../../image-builder/bytecode/index.ts';
import { V, opDword } from './asm.ts';
import { H, storeCell, valueAt } from './helpers.ts';
import { ENV_PARENT, ENV_SLOTS, KIND } from './layout.ts';
import { at, copyValue } from './runtime.ts';

const imm = (h: H, r: typeof eax, i: number) => h.a.mov(r, opDword(h.off(i)));

export const WIDE_ENV_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  EnvNewWide: (h) => {
    const a = h.a;
    imm(h, ecx, 2);
    a.lea(ecx, mem({ index: ecx, scale: 8, disp: ENV_SLOTS })).mov(edx, KIND.Env).call('heap_alloc');
    h.reg(ecx, 1);
    copyValue(a, at(eax, ENV_PARENT), valueAt(ecx), edx);
    imm(h, ecx, 2);
    a.lea(edx, mem(eax, ENV_SLOTS)).call('fill_hole');
    storeCell(h, 0);
    h.next();
  },
  EnvLoadWide: (h) => {
    const a = h.a;
    h.reg(eax, 1).reg(edx, 0);
    imm(h, ecx, 2);
    a.mov(eax, V(eax));
    copyValue(a, valueAt(edx), (w) => dword({ base: eax, index: ecx, scale: 8, disp: ENV_SLOTS + w }), edi);
    h.next();
  },
  EnvStoreWide: (h) => {
    const a = h.a;
    h.reg(eax, 0).reg(edx, 2);
    imm(h, ecx, 1);
    a.mov(eax, V(eax));
    copyValue(a, (w) => dword({ base: eax, index: ecx, scale: 8, disp: ENV_SLOTS + w }), valueAt(edx), edi);
    h.next();
  },
};
