// SSE2 scalar-double instructions, register and memory forms.
import {
  eax, ebx, ecx, edx, esp, fs, gs, xmm0, xmm1, xmm2, xmm3, xmm5, xmm7, dword, mem, qword, sym,
} from '../../../image-builder/x86/index.ts';
import type { Case } from './types.ts';

const ARITH = ['addsd', 'subsd', 'mulsd', 'divsd', 'sqrtsd', 'minsd', 'maxsd', 'ucomisd', 'comisd'] as const;

export const sseCases: Case[] = [
  ...ARITH.flatMap((mn): Case[] => [
    [`${mn} xmm0, xmm1`, (a) => a[mn](xmm0, xmm1)],
    [`${mn} xmm7, xmm3`, (a) => a[mn](xmm7, xmm3)],
    [`${mn} xmm1, qword ptr [eax]`, (a) => a[mn](xmm1, qword(eax))],
    [`${mn} xmm2, qword ptr [ebx+ecx*8+16]`, (a) => a[mn](xmm2, mem({ base: ebx, index: ecx, scale: 8, disp: 16 }))],
    [`${mn} xmm5, qword ptr [table]`, (a) => a[mn](xmm5, qword(sym('table')))],
  ]),
  ...(['xorpd', 'andpd'] as const).flatMap((mn): Case[] => [
    [`${mn} xmm0, xmm1`, (a) => a[mn](xmm0, xmm1)],
    [`${mn} xmm7, xmm2`, (a) => a[mn](xmm7, xmm2)],
    [`${mn} xmm0, [eax]`, (a) => a[mn](xmm0, mem(eax))],
    [`${mn} xmm3, [table]`, (a) => a[mn](xmm3, mem(sym('table')))],
  ]),
  ['movsd xmm0, xmm1', (a) => a.movsd(xmm0, xmm1)],
  ['movsd xmm7, xmm0', (a) => a.movsd(xmm7, xmm0)],
  ['movsd xmm0, qword ptr [eax]', (a) => a.movsd(xmm0, qword(eax))],
  ['movsd xmm3, qword ptr [esp+8]', (a) => a.movsd(xmm3, mem(esp, 8))],
  ['movsd qword ptr [eax], xmm0', (a) => a.movsd(qword(eax), xmm0)],
  ['movsd qword ptr [esp+8], xmm3', (a) => a.movsd(mem(esp, 8), xmm3)],
  ['movsd qword ptr [table], xmm1', (a) => a.movsd(qword(sym('table')), xmm1)],
  ['movsd xmm0, qword ptr fs:[eax]', (a) => a.movsd(xmm0, qword({ base: eax, seg: fs }))],
  ['movq xmm0, xmm1', (a) => a.movq(xmm0, xmm1)],
  ['movq xmm5, qword ptr [eax]', (a) => a.movq(xmm5, qword(eax))],
  ['movq qword ptr [eax], xmm0', (a) => a.movq(qword(eax), xmm0)],
  ['movq qword ptr [ebx+8], xmm7', (a) => a.movq(mem(ebx, 8), xmm7)],
  ['movdqu xmm0, xmm1', (a) => a.movdqu(xmm0, xmm1)],
  ['movdqu xmm5, xmmword ptr [eax]', (a) => a.movdqu(xmm5, mem(eax))],
  ['movdqu xmm2, xmmword ptr [ebx+ecx*8+104]', (a) => a.movdqu(xmm2, mem({ base: ebx, index: ecx, scale: 8, disp: 104 }))],
  ['movdqu xmmword ptr [eax+16], xmm3', (a) => a.movdqu(mem(eax, 16), xmm3)],
  ['movdqu xmmword ptr [table], xmm7', (a) => a.movdqu(mem(sym('table')), xmm7)],
  ['movd xmm0, eax', (a) => a.movd(xmm0, eax)],
  ['movd xmm3, edx', (a) => a.movd(xmm3, edx)],
  ['movd xmm1, dword ptr [eax]', (a) => a.movd(xmm1, dword(eax))],
  ['movd xmm1, dword ptr [eax+4]', (a) => a.movd(xmm1, mem(eax, 4))],
  ['movd eax, xmm0', (a) => a.movd(eax, xmm0)],
  ['movd ebx, xmm7', (a) => a.movd(ebx, xmm7)],
  ['movd dword ptr [eax], xmm1', (a) => a.movd(dword(eax), xmm1)],
  ['cvtsi2sd xmm0, eax', (a) => a.cvtsi2sd(xmm0, eax)],
  ['cvtsi2sd xmm2, ecx', (a) => a.cvtsi2sd(xmm2, ecx)],
  ['cvtsi2sd xmm0, dword ptr [eax]', (a) => a.cvtsi2sd(xmm0, dword(eax))],
  ['cvtsi2sd xmm1, dword ptr [esp+4]', (a) => a.cvtsi2sd(xmm1, mem(esp, 4))],
  ...(['cvttsd2si', 'cvtsd2si'] as const).flatMap((mn): Case[] => [
    [`${mn} eax, xmm0`, (a) => a[mn](eax, xmm0)],
    [`${mn} edx, xmm7`, (a) => a[mn](edx, xmm7)],
    [`${mn} eax, qword ptr [eax]`, (a) => a[mn](eax, qword(eax))],
    [`${mn} ecx, qword ptr [esp+8]`, (a) => a[mn](ecx, mem(esp, 8))],
  ]),
  ['ucomisd xmm0, qword ptr gs:[eax]', (a) => a.ucomisd(xmm0, qword({ base: eax, seg: gs }))],
  ['addsd xmm0, qword ptr fs:[0x10]', (a) => a.addsd(xmm0, qword({ disp: 0x10, seg: fs }))],
];
