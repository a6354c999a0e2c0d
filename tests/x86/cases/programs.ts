// Whole programs with labels, compared with GNU as's .text for the same source: branch
// relaxation (short/near at the exact boundaries, chains), label references and data.
// GNU as relaxes jumps to local labels of the same section just like link() does.
import {
  type Cond, type X86Assembler, eax, ecx, edx, esi, mem, sym,
} from '../../../image-builder/x86/index.ts';
import { CONDS } from './alu.ts';

export interface ProgramCase {
  name: string;
  /** GNU as source (Intel syntax, .text). */
  gas: string[];
  build: (a: X86Assembler) => unknown;
}

const fill = (n: number) => `.fill ${n}, 1, 0x90`;

/** A forward or backward branch whose displacement from the short form is exactly `disp`. */
function boundary(kind: 'jmp' | 'je', disp: number): ProgramCase {
  const emit = (a: X86Assembler) => (kind === 'jmp' ? a.jmp('L') : a.je('L'));
  if (disp >= 0) {
    return {
      name: `${kind} forward, short displacement ${disp}`,
      gas: [`${kind} L`, fill(disp), 'L:', 'ret'],
      build: (a) => { emit(a); a.space(disp, 0x90).label('L').ret(); },
    };
  }
  const n = -disp - 2; // the 2-byte short branch itself is part of the distance
  return {
    name: `${kind} backward, short displacement ${disp}`,
    gas: ['L:', fill(n), `${kind} L`],
    build: (a) => { a.label('L').space(n, 0x90); emit(a); },
  };
}

/** Deterministic pseudo-random numbers (mulberry32), so generated programs are stable. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

/** Labels, padding and branches in random order: branches push each other out of range. */
export function randomProgram(seed: number, aligns: boolean): ProgramCase {
  const r = rng(seed);
  const nLabels = 12;
  const gas: string[] = [];
  const steps: ((a: X86Assembler) => unknown)[] = [];
  const placed = new Set<number>();
  for (let i = 0; i < 90; i++) {
    const k = r(10);
    const l = r(nLabels);
    if (k === 0 && !placed.has(l)) {
      placed.add(l);
      gas.push(`lbl${l}:`);
      steps.push((a) => a.label(`lbl${l}`));
    } else if (k <= 3) {
      const n = r(40);
      gas.push(fill(n));
      steps.push((a) => a.space(n, 0x90));
    } else if (k <= 5) {
      gas.push(`jmp lbl${l}`);
      steps.push((a) => a.jmp(`lbl${l}`));
    } else if (k <= 7) {
      const cc = CONDS[r(CONDS.length)];
      gas.push(`j${cc} lbl${l}`);
      steps.push((a) => a.jcc(cc, `lbl${l}`));
    } else if (k === 8) {
      gas.push(`call lbl${l}`);
      steps.push((a) => a.call(`lbl${l}`));
    } else if (aligns) {
      const p = 1 + r(4);
      // int3 padding: GNU as pads code with multi-byte nops even when asked for 0x90.
      gas.push(`.p2align ${p}, 0xcc`);
      steps.push((a) => a.align(1 << p, 0xcc));
    }
  }
  for (let l = 0; l < nLabels; l++) {
    if (!placed.has(l)) { gas.push(`lbl${l}:`, 'nop'); steps.push((a) => a.label(`lbl${l}`).nop()); }
  }
  return { name: `random branches, seed ${seed}${aligns ? ', with alignment' : ''}`, gas, build: (a) => steps.forEach((s) => s(a)) };
}

const NAMED = ['je', 'jne', 'jz', 'jnz', 'jb', 'jae', 'jbe', 'ja', 'jl', 'jge', 'jle', 'jg',
  'js', 'jns', 'jo', 'jno', 'jc', 'jnc', 'jp', 'jnp'] as const;

export const programCases: ProgramCase[] = [
  ...[0, 1, 127, 128, 200].map((d) => boundary('jmp', d)),
  ...[0, 1, 127, 128, 200].map((d) => boundary('je', d)),
  ...[-2, -128, -129, -300].map((d) => boundary('jmp', d)),
  ...[-2, -128, -129, -300].map((d) => boundary('je', d)),
  {
    name: 'every condition code, short backward and near forward',
    gas: ['back:', ...CONDS.flatMap((cc) => [`j${cc} back`, `j${cc} fwd`]), fill(130), 'fwd:'],
    build: (a) => {
      a.label('back');
      for (const cc of CONDS) a.jcc(cc as Cond, 'back').jcc(cc as Cond, 'fwd');
      a.space(130, 0x90).label('fwd');
    },
  },
  {
    name: 'every named jcc method',
    gas: ['back:', ...NAMED.flatMap((j) => [`${j} back`, `${j} fwd`]), fill(130), 'fwd:'],
    build: (a) => {
      a.label('back');
      for (const j of NAMED) a[j]('back')[j]('fwd');
      a.space(130, 0x90).label('fwd');
    },
  },
  {
    name: 'call forward and backward',
    gas: ['f:', 'ret', 'call f', 'call g', fill(300), 'g:', 'ret'],
    build: (a) => a.label('f').ret().call('f').call('g').space(300, 0x90).label('g').ret(),
  },
  {
    // b3 is out of range; growing it pushes b2 out, growing b2 pushes b1 out.
    name: 'chain of forward branches pushing each other out of range',
    gas: ['jmp t1', fill(2), 'jne t2', fill(3), 'jmp t3', fill(114), 't1:', fill(7), 't2:', fill(124), 't3:', 'ret'],
    build: (a) => a.jmp('t1').space(2, 0x90).jne('t2').space(3, 0x90).jmp('t3').space(114, 0x90)
      .label('t1').space(7, 0x90).label('t2').space(124, 0x90).label('t3').ret(),
  },
  {
    // The forward jmp grows; the backward one to `b` (after it) must stay short: its real
    // displacement is -127 whatever the forward jump's size.
    name: 'backward branch after a grown forward branch stays short',
    gas: ['jmp tgt', 'b:', fill(125), 'jmp b', fill(130), 'tgt:', 'ret'],
    build: (a) => a.jmp('tgt').label('b').space(125, 0x90).jmp('b').space(130, 0x90).label('tgt').ret(),
  },
  {
    name: 'chain of backward branches',
    gas: ['t1:', fill(100), 't2:', fill(20), 'jmp t3', fill(2), 'jmp t1', fill(1), 'jmp t2', fill(120), 't3:', 'ret'],
    build: (a) => a.label('t1').space(100, 0x90).label('t2').space(20, 0x90).jmp('t3').space(2, 0x90)
      .jmp('t1').space(1, 0x90).jmp('t2').space(120, 0x90).label('t3').ret(),
  },
  {
    name: 'jump table with label addresses',
    gas: ['jmp [table + eax*4]', '.p2align 2, 0xcc', 'table:', '.long c0, c1, c2',
      'c0:', 'mov eax, 1', 'ret', 'c1:', 'mov eax, offset table', 'ret', 'c2:', 'jmp c0'],
    build: (a) => {
      a.jmp(mem({ index: eax, scale: 4, disp: sym('table') })).align(4, 0xcc);
      a.label('table').dd(sym('c0'), sym('c1'), sym('c2'));
      a.label('c0').mov(eax, 1).ret().label('c1').mov(eax, sym('table')).ret().label('c2').jmp('c0');
    },
  },
  {
    name: 'label references and data',
    gas: ['start:', 'mov eax, offset msg', 'push offset msg+1', 'lea esi, [msg]', 'mov ecx, dword ptr [len]',
      'mov edx, dword ptr [esi+msg]', 'jmp done',
      'msg:', '.ascii "hi\\n"', '.asciz "ok"', 'len:', '.long msg_end - msg, done, done - start - 1',
      '.word msg_end - msg, 0xbeef', '.byte 1, 2, msg_end - msg', 'msg_end:',
      '.double 1.5', '.quad 0x123456789abcdef0', '.p2align 3, 0xcc', 'done:', 'ret'],
    build: (a) => {
      a.label('start').mov(eax, sym('msg')).push(sym('msg').plus(1)).lea(esi, mem(sym('msg')))
        .mov(ecx, mem(sym('len'))).mov(edx, mem({ base: esi, disp: sym('msg') })).jmp('done');
      a.label('msg').ascii('hi\n').asciz('ok').label('len')
        .dd(sym('msg_end').minus('msg'), sym('done'), sym('done').minus('start').plus(-1))
        .dw(sym('msg_end').minus('msg'), 0xbeef).db(1, 2, sym('msg_end').minus('msg')).label('msg_end');
      a.double(1.5).dq(0x123456789abcdef0n).align(8, 0xcc).label('done').ret();
    },
  },
  ...[1, 2, 3, 4, 5, 6].map((s) => randomProgram(s, false)),
  ...[7, 8, 9].map((s) => randomProgram(s, true)),
];
