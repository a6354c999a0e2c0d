// Arithmetic and logic: the ALU group, test, inc/dec, unary ops, imul, shifts, bit ops,
// setcc/cmovcc.
import {
  type Cond, ah, al, ax, bh, bl, bx, cl, cx, di, dl, dx, eax, ebp, ebx, ecx, edi, edx, esi, esp,
  byte, dword, mem, sym, word,
} from '../../../image-builder/x86/index.ts';
import type { Case } from './types.ts';

const ALU = ['add', 'or', 'adc', 'sbb', 'and', 'sub', 'xor', 'cmp'] as const;

// Immediates around the sign-extended imm8 boundary, and values that are imm8 only once
// truncated to the operand size (GNU as treats 0xffffffff as -1 for a 32-bit operand).
const IMM32 = [1, 127, 128, -128, -129, 0x12345, 0x7fffffff, 0x80000000, 0xffffffff, 0xffffff80, 0xffffff7f];
const IMM16 = [5, 127, 128, -128, -129, 0x1234, 0x7fff, 0x8000, 0xffff, 0xff80, -32768];
const IMM8 = [5, 127, 128, 255, -1, -128];

const hex = (v: number) => (v < 0 ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);

const aluCases = ALU.flatMap((mn): Case[] => [
  [`${mn} eax, ebx`, (a) => a[mn](eax, ebx)],
  [`${mn} esp, ebp`, (a) => a[mn](esp, ebp)],
  [`${mn} ax, bx`, (a) => a[mn](ax, bx)],
  [`${mn} al, bl`, (a) => a[mn](al, bl)],
  [`${mn} bh, ah`, (a) => a[mn](bh, ah)],
  [`${mn} ecx, dword ptr [ebx]`, (a) => a[mn](ecx, mem(ebx))],
  [`${mn} cx, word ptr [ebx+4]`, (a) => a[mn](cx, word(ebx, 4))],
  [`${mn} cl, byte ptr [ebx]`, (a) => a[mn](cl, mem(ebx))],
  [`${mn} dword ptr [ebx], ecx`, (a) => a[mn](mem(ebx), ecx)],
  [`${mn} word ptr [ebx], cx`, (a) => a[mn](mem(ebx), cx)],
  [`${mn} byte ptr [ebx+1], cl`, (a) => a[mn](byte(ebx, 1), cl)],
  [`${mn} dword ptr [table], eax`, (a) => a[mn](mem(sym('table')), eax)],
  ...IMM32.map((v): Case => [`${mn} ecx, ${hex(v)}`, (a) => a[mn](ecx, v)]),
  ...IMM32.map((v): Case => [`${mn} eax, ${hex(v)}`, (a) => a[mn](eax, v)]),
  ...IMM16.map((v): Case => [`${mn} cx, ${hex(v)}`, (a) => a[mn](cx, v)]),
  ...IMM16.map((v): Case => [`${mn} ax, ${hex(v)}`, (a) => a[mn](ax, v)]),
  ...IMM8.map((v): Case => [`${mn} cl, ${hex(v)}`, (a) => a[mn](cl, v)]),
  ...IMM8.map((v): Case => [`${mn} al, ${hex(v)}`, (a) => a[mn](al, v)]),
  [`${mn} dword ptr [ebx], 5`, (a) => a[mn](dword(ebx), 5)],
  [`${mn} dword ptr [ebx+8], -129`, (a) => a[mn](dword(ebx, 8), -129)],
  [`${mn} dword ptr [ebx], 0x12345`, (a) => a[mn](dword(ebx), 0x12345)],
  [`${mn} word ptr [ebx], 5`, (a) => a[mn](word(ebx), 5)],
  [`${mn} word ptr [ebx], 0x1234`, (a) => a[mn](word(ebx), 0x1234)],
  [`${mn} byte ptr [ebx], 5`, (a) => a[mn](byte(ebx), 5)],
  [`${mn} byte ptr [ebx], 200`, (a) => a[mn](byte(ebx), 200)],
  [`${mn} eax, offset table`, (a) => a[mn](eax, sym('table'))],
  [`${mn} ecx, offset table+4`, (a) => a[mn](ecx, sym('table').plus(4))],
  [`${mn} dword ptr [table], 1`, (a) => a[mn](dword(sym('table')), 1)],
]);

const testCases: Case[] = [
  ['test eax, ebx', (a) => a.test(eax, ebx)],
  ['test ax, bx', (a) => a.test(ax, bx)],
  ['test al, bl', (a) => a.test(al, bl)],
  ['test ah, bh', (a) => a.test(ah, bh)],
  ['test dword ptr [ebx], eax', (a) => a.test(mem(ebx), eax)],
  ['test word ptr [ebx], cx', (a) => a.test(word(ebx), cx)],
  ['test byte ptr [ebx], cl', (a) => a.test(mem(ebx), cl)],
  ['test ecx, dword ptr [ebx]', (a) => a.test(ecx, mem(ebx))],
  ['test eax, 1', (a) => a.test(eax, 1)],
  ['test eax, 0x12345', (a) => a.test(eax, 0x12345)],
  ['test ax, 0x1234', (a) => a.test(ax, 0x1234)],
  ['test al, 5', (a) => a.test(al, 5)],
  ['test al, 0xff', (a) => a.test(al, 0xff)],
  ['test ecx, 5', (a) => a.test(ecx, 5)],
  ['test ecx, 0x80000000', (a) => a.test(ecx, 0x80000000)],
  ['test cx, 5', (a) => a.test(cx, 5)],
  ['test cl, 5', (a) => a.test(cl, 5)],
  ['test bh, 0x80', (a) => a.test(bh, 0x80)],
  ['test dword ptr [ebx], 5', (a) => a.test(dword(ebx), 5)],
  ['test word ptr [ebx], 5', (a) => a.test(word(ebx), 5)],
  ['test byte ptr [ebx+4], 5', (a) => a.test(byte(ebx, 4), 5)],
];

const incDecCases = (['inc', 'dec'] as const).flatMap((mn): Case[] => [
  ...[eax, ecx, edx, ebx, esp, ebp, esi, edi].map((r): Case => [`${mn} ${r.name}`, (a) => a[mn](r)]),
  [`${mn} ax`, (a) => a[mn](ax)],
  [`${mn} di`, (a) => a[mn](di)],
  [`${mn} al`, (a) => a[mn](al)],
  [`${mn} bh`, (a) => a[mn](bh)],
  [`${mn} dword ptr [ebx]`, (a) => a[mn](dword(ebx))],
  [`${mn} word ptr [ebx]`, (a) => a[mn](word(ebx))],
  [`${mn} byte ptr [ebx+1]`, (a) => a[mn](byte(ebx, 1))],
  [`${mn} dword ptr [table]`, (a) => a[mn](dword(sym('table')))],
]);

const unaryCases = (['neg', 'not', 'mul', 'div', 'idiv'] as const).flatMap((mn): Case[] => [
  [`${mn} eax`, (a) => a[mn](eax)],
  [`${mn} esi`, (a) => a[mn](esi)],
  [`${mn} bx`, (a) => a[mn](bx)],
  [`${mn} cl`, (a) => a[mn](cl)],
  [`${mn} ah`, (a) => a[mn](ah)],
  [`${mn} dword ptr [ebx]`, (a) => a[mn](dword(ebx))],
  [`${mn} word ptr [ebx+2]`, (a) => a[mn](word(ebx, 2))],
  [`${mn} byte ptr [ebx]`, (a) => a[mn](byte(ebx))],
]);

const imulCases: Case[] = [
  ['imul ebx', (a) => a.imul(ebx)],
  ['imul bx', (a) => a.imul(bx)],
  ['imul bl', (a) => a.imul(bl)],
  ['imul dword ptr [ebx]', (a) => a.imul(dword(ebx))],
  ['imul word ptr [ebx]', (a) => a.imul(word(ebx))],
  ['imul byte ptr [ebx]', (a) => a.imul(byte(ebx))],
  ['imul eax, ebx', (a) => a.imul(eax, ebx)],
  ['imul edi, esi', (a) => a.imul(edi, esi)],
  ['imul ax, bx', (a) => a.imul(ax, bx)],
  ['imul eax, dword ptr [ebx]', (a) => a.imul(eax, mem(ebx))],
  ['imul ecx, dword ptr [ebx+4]', (a) => a.imul(ecx, dword(ebx, 4))],
  ['imul cx, word ptr [ebx]', (a) => a.imul(cx, mem(ebx))],
  ['imul eax, ebx, 5', (a) => a.imul(eax, ebx, 5)],
  ['imul eax, ebx, 127', (a) => a.imul(eax, ebx, 127)],
  ['imul eax, ebx, 128', (a) => a.imul(eax, ebx, 128)],
  ['imul eax, ebx, -128', (a) => a.imul(eax, ebx, -128)],
  ['imul eax, ebx, -129', (a) => a.imul(eax, ebx, -129)],
  ['imul eax, ebx, 0x12345', (a) => a.imul(eax, ebx, 0x12345)],
  ['imul eax, ebx, 0xffffffff', (a) => a.imul(eax, ebx, 0xffffffff)],
  ['imul eax, dword ptr [ebx], 5', (a) => a.imul(eax, mem(ebx), 5)],
  ['imul edx, dword ptr [ebx+8], 300', (a) => a.imul(edx, dword(ebx, 8), 300)],
  ['imul ax, bx, 5', (a) => a.imul(ax, bx, 5)],
  ['imul ax, bx, 0x1234', (a) => a.imul(ax, bx, 0x1234)],
  ['imul ax, bx, 0xffff', (a) => a.imul(ax, bx, 0xffff)],
  ['imul eax, 5', (a) => a.imul(eax, 5)],
  ['imul ecx, 1000', (a) => a.imul(ecx, 1000)],
  ['imul ecx, -1', (a) => a.imul(ecx, -1)],
  ['imul cx, 1000', (a) => a.imul(cx, 1000)],
  ['cdq', (a) => a.cdq()],
  ['cwde', (a) => a.cwde()],
];

const shiftCases = (['shl', 'shr', 'sar', 'rol', 'ror', 'rcl', 'rcr'] as const).flatMap((mn): Case[] => [
  [`${mn} eax, 1`, (a) => a[mn](eax, 1)],
  [`${mn} ebx, 5`, (a) => a[mn](ebx, 5)],
  [`${mn} edx, 31`, (a) => a[mn](edx, 31)],
  [`${mn} esi, cl`, (a) => a[mn](esi, cl)],
  [`${mn} ax, 1`, (a) => a[mn](ax, 1)],
  [`${mn} bx, 5`, (a) => a[mn](bx, 5)],
  [`${mn} cx, cl`, (a) => a[mn](cx, cl)],
  [`${mn} al, 1`, (a) => a[mn](al, 1)],
  [`${mn} bh, 5`, (a) => a[mn](bh, 5)],
  [`${mn} dl, cl`, (a) => a[mn](dl, cl)],
  [`${mn} dword ptr [ebx], 1`, (a) => a[mn](dword(ebx), 1)],
  [`${mn} dword ptr [ebx], 5`, (a) => a[mn](dword(ebx), 5)],
  [`${mn} dword ptr [ebx], cl`, (a) => a[mn](dword(ebx), cl)],
  [`${mn} word ptr [ebx], 1`, (a) => a[mn](word(ebx), 1)],
  [`${mn} word ptr [ebx], cl`, (a) => a[mn](word(ebx), cl)],
  [`${mn} byte ptr [ebx], 5`, (a) => a[mn](byte(ebx), 5)],
  [`${mn} byte ptr [ebx+1], 1`, (a) => a[mn](byte(ebx, 1), 1)],
]);

const dshiftCases = (['shld', 'shrd'] as const).flatMap((mn): Case[] => [
  [`${mn} eax, ebx, 5`, (a) => a[mn](eax, ebx, 5)],
  [`${mn} eax, ebx, cl`, (a) => a[mn](eax, ebx, cl)],
  [`${mn} ax, bx, 5`, (a) => a[mn](ax, bx, 5)],
  [`${mn} ax, bx, cl`, (a) => a[mn](ax, bx, cl)],
  [`${mn} dword ptr [ecx], ebx, 5`, (a) => a[mn](mem(ecx), ebx, 5)],
  [`${mn} dword ptr [ecx+4], edx, cl`, (a) => a[mn](dword(ecx, 4), edx, cl)],
  [`${mn} word ptr [ecx], bx, 1`, (a) => a[mn](word(ecx), bx, 1)],
]);

const bitCases = (['bt', 'bts', 'btr', 'btc'] as const).flatMap((mn): Case[] => [
  [`${mn} eax, ebx`, (a) => a[mn](eax, ebx)],
  [`${mn} ax, bx`, (a) => a[mn](ax, bx)],
  [`${mn} dword ptr [eax], ebx`, (a) => a[mn](mem(eax), ebx)],
  [`${mn} word ptr [eax], cx`, (a) => a[mn](mem(eax), cx)],
  [`${mn} eax, 31`, (a) => a[mn](eax, 31)],
  [`${mn} ax, 3`, (a) => a[mn](ax, 3)],
  [`${mn} dword ptr [eax], 5`, (a) => a[mn](dword(eax), 5)],
  [`${mn} word ptr [eax+2], 3`, (a) => a[mn](word(eax, 2), 3)],
]);

const bswapCases = [eax, ecx, edx, ebx, esp, ebp, esi, edi].map((r): Case => [`bswap ${r.name}`, (a) => a.bswap(r)]);

const CONDS: Cond[] = [
  'o', 'no', 'b', 'c', 'nae', 'ae', 'nb', 'nc', 'e', 'z', 'ne', 'nz', 'be', 'na', 'a', 'nbe',
  's', 'ns', 'p', 'pe', 'np', 'po', 'l', 'nge', 'ge', 'nl', 'le', 'ng', 'g', 'nle',
];

const condCases = CONDS.flatMap((cc): Case[] => [
  [`set${cc} al`, (a) => a.setcc(cc, al)],
  [`set${cc} bh`, (a) => a.setcc(cc, bh)],
  [`set${cc} byte ptr [ebx]`, (a) => a.setcc(cc, byte(ebx))],
  [`cmov${cc} eax, ebx`, (a) => a.cmovcc(cc, eax, ebx)],
  [`cmov${cc} cx, dx`, (a) => a.cmovcc(cc, cx, dx)],
  [`cmov${cc} esi, dword ptr [ebx+4]`, (a) => a.cmovcc(cc, esi, mem(ebx, 4))],
]);

export { CONDS };

export const aluAllCases: Case[] = [
  ...aluCases, ...testCases, ...incDecCases, ...unaryCases, ...imulCases, ...shiftCases,
  ...dshiftCases, ...bitCases, ...bswapCases, ...condCases,
];
