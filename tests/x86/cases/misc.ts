// Stack, indirect control flow, exchange, string, I/O and system instructions.
import {
  al, ax, bl, bx, cl, cs, cx, dl, ds, dx, eax, ebp, ebx, ecx, edi, edx, es, esi, esp, fs, gs, ss,
  byte, dword, mem, sym, word,
} from '../../../image-builder/x86/index.ts';
import type { Case } from './types.ts';

const GPR32 = [eax, ecx, edx, ebx, esp, ebp, esi, edi];

const stackCases: Case[] = [
  ...GPR32.map((r): Case => [`push ${r.name}`, (a) => a.push(r)]),
  ...GPR32.map((r): Case => [`pop ${r.name}`, (a) => a.pop(r)]),
  ['push ax', (a) => a.push(ax)],
  ['push bx', (a) => a.push(bx)],
  ['pop ax', (a) => a.pop(ax)],
  ['pop cx', (a) => a.pop(cx)],
  ['push 5', (a) => a.push(5)],
  ['push 0', (a) => a.push(0)],
  ['push 127', (a) => a.push(127)],
  ['push 128', (a) => a.push(128)],
  ['push -128', (a) => a.push(-128)],
  ['push -129', (a) => a.push(-129)],
  ['push 0x12345678', (a) => a.push(0x12345678)],
  ['push 0xffffffff', (a) => a.push(0xffffffff)],
  ['push 0xff', (a) => a.push(0xff)],
  ['push offset table', (a) => a.push(sym('table'))],
  ['push offset table+12', (a) => a.push(sym('table').plus(12))],
  ['push dword ptr [ebx]', (a) => a.push(dword(ebx))],
  ['push dword ptr [ebx]', (a) => a.push(mem(ebx))],
  ['push dword ptr [esp+8]', (a) => a.push(mem(esp, 8))],
  ['push dword ptr [table]', (a) => a.push(dword(sym('table')))],
  ['push word ptr [ebx]', (a) => a.push(word(ebx))],
  ['pop dword ptr [ebx]', (a) => a.pop(dword(ebx))],
  ['pop dword ptr [ebx]', (a) => a.pop(mem(ebx))],
  ['pop word ptr [ebx+2]', (a) => a.pop(word(ebx, 2))],
  ...[es, cs, ss, ds, fs, gs].map((s): Case => [`push ${s.name}`, (a) => a.push(s)]),
  ...[es, ss, ds, fs, gs].map((s): Case => [`pop ${s.name}`, (a) => a.pop(s)]),
  ['pushfd', (a) => a.pushfd()],
  ['popfd', (a) => a.popfd()],
  ['pushad', (a) => a.pushad()],
  ['popad', (a) => a.popad()],
  ['leave', (a) => a.leave()],
];

const controlCases: Case[] = [
  ['jmp eax', (a) => a.jmp(eax)],
  ['jmp edi', (a) => a.jmp(edi)],
  ['jmp dword ptr [eax]', (a) => a.jmp(mem(eax))],
  ['jmp dword ptr [eax+8]', (a) => a.jmp(dword(eax, 8))],
  ['jmp dword ptr [table]', (a) => a.jmp(mem(sym('table')))],
  ['jmp [table + eax*4]', (a) => a.jmp(mem({ index: eax, scale: 4, disp: sym('table') }))],
  ['jmp dword ptr [ebx+ecx*4+8]', (a) => a.jmp(mem({ base: ebx, index: ecx, scale: 4, disp: 8 }))],
  ['call eax', (a) => a.call(eax)],
  ['call esi', (a) => a.call(esi)],
  ['call dword ptr [eax]', (a) => a.call(mem(eax))],
  ['call dword ptr [table]', (a) => a.call(dword(sym('table')))],
  ['call [table + ebx*4]', (a) => a.call(mem({ index: ebx, scale: 4, disp: sym('table') }))],
  ['call dword ptr [esp+4]', (a) => a.call(mem(esp, 4))],
  ['ret', (a) => a.ret()],
  ['ret 8', (a) => a.ret(8)],
  ['ret 0', (a) => a.ret(0)],
  ['ret 0xffff', (a) => a.ret(0xffff)],
  ['int 0x80', (a) => a.int(0x80)],
  ['int 0', (a) => a.int(0)],
  ['int 255', (a) => a.int(255)],
  ['int 3', (a) => a.int(3)],
  ['int3', (a) => a.int3()],
  ['iret', (a) => a.iret()],
  ['jmp 0x08:0x1000', (a) => a.jmpFar(0x08, 0x1000)],
  ['jmp 0x10:0x12345678', (a) => a.jmpFar(0x10, 0x12345678)],
  ['jmp 0x08:table', (a) => a.jmpFar(0x08, 'table')],
  ['jmp 0x08:table+4', (a) => a.jmpFar(0x08, sym('table').plus(4))],
];

const xchgCases: Case[] = [
  ['xchg eax, ebx', (a) => a.xchg(eax, ebx)],
  ['xchg ebx, eax', (a) => a.xchg(ebx, eax)],
  ['xchg eax, edi', (a) => a.xchg(eax, edi)],
  ['xchg eax, eax', (a) => a.xchg(eax, eax)],
  ['xchg ax, bx', (a) => a.xchg(ax, bx)],
  ['xchg bx, ax', (a) => a.xchg(bx, ax)],
  ['xchg ecx, ebx', (a) => a.xchg(ecx, ebx)],
  ['xchg cx, bx', (a) => a.xchg(cx, bx)],
  ['xchg al, bl', (a) => a.xchg(al, bl)],
  ['xchg bl, al', (a) => a.xchg(bl, al)],
  ['xchg cl, dl', (a) => a.xchg(cl, dl)],
  ['xchg dword ptr [ebx], eax', (a) => a.xchg(mem(ebx), eax)],
  ['xchg eax, dword ptr [ebx]', (a) => a.xchg(eax, mem(ebx))],
  ['xchg dword ptr [ebx+4], ecx', (a) => a.xchg(dword(ebx, 4), ecx)],
  ['xchg byte ptr [ebx], cl', (a) => a.xchg(byte(ebx), cl)],
  ['xchg cx, word ptr [ebx]', (a) => a.xchg(cx, word(ebx))],
  ['cmpxchg dword ptr [ebx], ecx', (a) => a.cmpxchg(mem(ebx), ecx)],
  ['cmpxchg ebx, ecx', (a) => a.cmpxchg(ebx, ecx)],
  ['cmpxchg byte ptr [ebx], cl', (a) => a.cmpxchg(byte(ebx), cl)],
  ['cmpxchg bl, cl', (a) => a.cmpxchg(bl, cl)],
  ['cmpxchg word ptr [ebx], cx', (a) => a.cmpxchg(word(ebx), cx)],
  ['lock cmpxchg dword ptr [ebx], ecx', (a) => a.cmpxchg(mem(ebx), ecx, { lock: true })],
  ['lock cmpxchg byte ptr [ebx], cl', (a) => a.cmpxchg(mem(ebx), cl, { lock: true })],
  ['lock cmpxchg word ptr [ebx+2], cx', (a) => a.cmpxchg(mem(ebx, 2), cx, { lock: true })],
  ['lock cmpxchg dword ptr fs:[ebx], ecx', (a) => a.cmpxchg(mem({ base: ebx, seg: fs }), ecx, { lock: true })],
  ['lock cmpxchg dword ptr [table], edx', (a) => a.cmpxchg(dword(sym('table')), edx, { lock: true })],
];

const SIZES = [[8, 'b'], [16, 'w'], [32, 'd']] as const;

const stringCases = SIZES.flatMap(([n, s]): Case[] => [
  [`movs${s}`, (a) => a.movs(n)],
  [`stos${s}`, (a) => a.stos(n)],
  [`lods${s}`, (a) => a.lods(n)],
  [`rep movs${s}`, (a) => a.repMovs(n)],
  [`rep stos${s}`, (a) => a.repStos(n)],
  [`rep ins${s}`, (a) => a.repIns(n)],
  [`rep outs${s}`, (a) => a.repOuts(n)],
]);

const ioCases: Case[] = [
  ['in al, 0x60', (a) => a.in(al, 0x60)],
  ['in al, 255', (a) => a.in(al, 255)],
  ['in ax, 0x60', (a) => a.in(ax, 0x60)],
  ['in eax, 0x60', (a) => a.in(eax, 0x60)],
  ['in al, dx', (a) => a.in(al, dx)],
  ['in ax, dx', (a) => a.in(ax, dx)],
  ['in eax, dx', (a) => a.in(eax, dx)],
  ['out 0x80, al', (a) => a.out(0x80, al)],
  ['out 0, al', (a) => a.out(0, al)],
  ['out 0x80, ax', (a) => a.out(0x80, ax)],
  ['out 0x80, eax', (a) => a.out(0x80, eax)],
  ['out dx, al', (a) => a.out(dx, al)],
  ['out dx, ax', (a) => a.out(dx, ax)],
  ['out dx, eax', (a) => a.out(dx, eax)],
];

const simpleCases: Case[] = (
  ['cli', 'sti', 'hlt', 'cld', 'std', 'clc', 'stc', 'nop', 'pause', 'ud2', 'cpuid', 'rdtsc'] as const
).map((mn): Case => [mn, (a) => a[mn]()]);

const systemCases: Case[] = [
  ['lgdt [eax]', (a) => a.lgdt(mem(eax))],
  ['lgdt [table]', (a) => a.lgdt(mem(sym('table')))],
  ['lidt [table+8]', (a) => a.lidt(mem(sym('table').plus(8)))],
  ['lidt [esp+2]', (a) => a.lidt(mem(esp, 2))],
  ['sgdt [eax]', (a) => a.sgdt(mem(eax))],
  ['sidt [ebx+4]', (a) => a.sidt(mem(ebx, 4))],
  ['ltr ax', (a) => a.ltr(ax)],
  ['ltr cx', (a) => a.ltr(cx)],
  ['ltr word ptr [eax]', (a) => a.ltr(word(eax))],
  ['ltr word ptr [eax]', (a) => a.ltr(mem(eax))],
  ['invlpg [eax]', (a) => a.invlpg(mem(eax))],
  ['invlpg [ebx+0x1000]', (a) => a.invlpg(mem(ebx, 0x1000))],
  ['invlpg [table]', (a) => a.invlpg(byte(sym('table')))],
  ['fxsave [eax]', (a) => a.fxsave(mem(eax))],
  ['fxsave [ecx+512]', (a) => a.fxsave(mem(ecx, 512))],
  ['fxrstor [eax]', (a) => a.fxrstor(mem(eax))],
  ['fxrstor [ecx+512]', (a) => a.fxrstor(mem(ecx, 512))],
  ['fxrstor [table]', (a) => a.fxrstor(mem(sym('table')))],
  ['ldmxcsr [esp]', (a) => a.ldmxcsr(mem(esp))],
  ['ldmxcsr [table+4]', (a) => a.ldmxcsr(mem(sym('table').plus(4)))],
  ['stmxcsr [ebx+8]', (a) => a.stmxcsr(mem(ebx, 8))],
];

export const miscCases: Case[] = [
  ...stackCases, ...controlCases, ...xchgCases, ...stringCases, ...ioCases, ...simpleCases, ...systemCases,
];
