// ModRM/SIB addressing, carried by `mov ecx, [..]` (8B /r, never the moffs form).
import {
  type Reg, type SegReg, cs, ds, eax, ebp, ebx, ecx, edi, edx, es, esi, esp, fs, gs, ss, dword, mem, sym,
} from '../../../image-builder/x86/index.ts';
import type { Case } from './types.ts';

const GPR32 = [eax, ecx, edx, ebx, esp, ebp, esi, edi];
const SEGS = [es, cs, ss, ds, fs, gs];
const hex = (v: number) => (v < 0 ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`);
const load = (text: string, spec: Parameters<typeof mem>[0], disp?: number): Case =>
  [`mov ecx, dword ptr ${text}`, (a) => a.mov(ecx, mem(spec, disp))];
const withSeg = (s: SegReg, base?: Reg, index?: Reg): Case => {
  const inner = [base?.name, index && `${index.name}*1`].filter(Boolean).join('+') || '0x10';
  return load(`${s.name}:[${inner}]`, { base, index, disp: base || index ? 0 : 0x10, seg: s });
};

export const addressingCases: Case[] = [
  // absolute
  load('[0x12345678]', 0x12345678),
  load('[0]', 0),
  load('[0x10]', 0x10),
  load('[table]', sym('table')),
  load('[table+8]', sym('table').plus(8)),
  load('[table-4]', sym('table').minus(4)),
  // every base register, no displacement (esp needs a SIB byte, ebp a zero disp8)
  ...GPR32.map((r) => load(`[${r.name}]`, r)),
  // displacement size boundaries for every base
  ...GPR32.flatMap((r) => [127, 128, -128, -129, 1].map((d) => load(`[${r.name}${d < 0 ? '' : '+'}${d}]`, r, d))),
  load('[ebx+0x7fffffff]', ebx, 0x7fffffff),
  load('[ebx-0x80000000]', ebx, -0x80000000),
  // displacements given as unsigned 32-bit numbers wrap like GNU as does
  load('[ebx+0xffffffff]', ebx, 0xffffffff),
  load('[ebx+0xffffff80]', ebx, 0xffffff80),
  load('[ebx+0xffffff7f]', ebx, 0xffffff7f),
  load('[ebx+0x80000000]', ebx, 0x80000000),
  // base + index*scale + disp, all scales and displacement sizes
  ...([1, 2, 4, 8] as const).flatMap((scale) => [0, 4, -8, 0x1000].map((disp) =>
    load(`[eax+ebx*${scale}${disp ? hex(disp).replace(/^0/, '+0') : ''}]`, { base: eax, index: ebx, scale, disp }))),
  // index*scale + disp without a base: always disp32
  ...([1, 2, 4, 8] as const).flatMap((scale) => [0, 8, 0x1000].map((disp) =>
    load(`[ebx*${scale}+${disp}]`, { index: ebx, scale, disp }))),
  load('[ebp*4+0]', { index: ebp, scale: 4 }),
  load('[esi*8+table]', { index: esi, scale: 8, disp: sym('table') }),
  // ebp and esp as base with an index, every register as index
  load('[ebp+eax]', { base: ebp, index: eax }),
  load('[ebp+eax*4+8]', { base: ebp, index: eax, scale: 4, disp: 8 }),
  load('[ebp+ecx*2+0x200]', { base: ebp, index: ecx, scale: 2, disp: 0x200 }),
  load('[esp+eax*2]', { base: esp, index: eax, scale: 2 }),
  load('[esp+ebp]', { base: esp, index: ebp }),
  ...GPR32.filter((r) => r !== esp).map((r) => load(`[edi+${r.name}*4]`, { base: edi, index: r, scale: 4 })),
  ...GPR32.map((r) => load(`[${r.name}+esi]`, { base: r, index: esi })),
  // segment overrides; GNU as omits the prefix when it names the default segment
  // (ss for esp/ebp bases, ds otherwise)
  ...SEGS.map((s) => withSeg(s, eax)),
  ...SEGS.map((s) => withSeg(s, ebp)),
  ...SEGS.map((s) => withSeg(s, esp)),
  ...SEGS.map((s) => withSeg(s)),
  ...SEGS.map((s) => withSeg(s, ebp, eax)),
  ...SEGS.map((s) => withSeg(s, eax, ebp)),
  ...SEGS.map((s) => withSeg(s, undefined, ebp)),
  load('fs:[table]', { disp: sym('table'), seg: fs }),
  // symbolic displacements always take 32 bits, even next to a base
  load('[ebx+table]', { base: ebx, disp: sym('table') }),
  load('[ebp+table]', { base: ebp, disp: sym('table') }),
  load('[esp+table]', { base: esp, disp: sym('table') }),
  load('[ebx+ecx*4+table]', { base: ebx, index: ecx, scale: 4, disp: sym('table') }),
  load('[ebx+table+4]', { base: ebx, disp: sym('table').plus(4) }),
  // the same addresses with a sized builder and another instruction
  ['mov dword ptr [esp+4], ecx', (a) => a.mov(dword(esp, 4), ecx)],
  ['add edx, dword ptr [ebp-4]', (a) => a.add(edx, dword(ebp, -4))],
];
