// Assembly helpers on numbers shared by the natives and the machine's own methods
// (machine-methods.ts). (A string's units are read through string-units.ts.)

import { X86Assembler, cl, dword, eax, ecx, edx, esp, qword, xmm0 } from '../../image-builder/x86/index.ts';

/** Trunc of xmm0 by clearing its fraction bits (exact for every double). */
export function truncXmm0(a: X86Assembler): void {
  const done = a.newLabel('trunc_done'), zero = a.newLabel('trunc_zero'), low = a.newLabel('trunc_low');
  a.push(eax).push(ecx).push(edx);
  a.sub(esp, 8).movsd(qword(esp), xmm0);
  a.mov(edx, dword(esp, 4));
  a.mov(ecx, edx).shr(ecx, 20).and(ecx, 0x7ff).sub(ecx, 1023).jl(zero);
  a.cmp(ecx, 52).jge(done);
  a.neg(ecx).add(ecx, 52); // fraction bits to clear
  a.cmp(ecx, 32).jb(low);
  a.mov(dword(esp), 0).sub(ecx, 32);
  a.mov(eax, -1).shl(eax, cl).and(dword(esp, 4), eax).jmp(done);
  a.label(low).mov(eax, -1).shl(eax, cl).and(dword(esp), eax).jmp(done);
  a.label(zero).mov(dword(esp), 0).and(dword(esp, 4), 0x8000_0000);
  a.label(done);
  a.movsd(xmm0, qword(esp)).add(esp, 8);
  a.pop(edx).pop(ecx).pop(eax);
}
