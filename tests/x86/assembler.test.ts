// The assembler as a container: labels, sections and placement, data directives,
// relaxation, and the errors it reports. Encodings are checked in encodings.test.ts.
import { describe, expect, test } from 'vitest';
import {
  AsmError, X86Assembler, type SectionPlacement,
  al, ax, bl, cl, cs, cx, dx, eax, ebx, ecx, esp, xmm0, byte, dword, mem, sym, word,
} from '../../image-builder/x86/index.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const text = (a: X86Assembler, vaddr = 0) => hex(a.link([{ name: '.text', vaddr }]).sections[0].data);
const at0 = (a: X86Assembler) => a.link([{ name: '.text', vaddr: 0 }]);

/** Expect an AsmError whose message contains `msg`. */
function throwsAsm(f: () => unknown, msg: string | RegExp): void {
  let err: unknown;
  try { f(); } catch (e) { err = e; }
  expect(err, 'expected an AsmError').toBeInstanceOf(AsmError);
  if (typeof msg === 'string') expect((err as Error).message).toContain(msg);
  else expect((err as Error).message).toMatch(msg);
}

describe('labels', () => {
  test('forward and backward references resolve', () => {
    const a = new X86Assembler();
    a.label('top').jmp('end').mov(eax, sym('end')).dd(sym('top'), sym('end')).label('end').jmp('top');
    // jmp short +13 | mov eax, 0x0f | dd 0, 0x0f | jmp short -0x11
    expect(text(a)).toBe('eb0d' + 'b80f000000' + '00000000' + '0f000000' + 'ebef');
  });

  test('label addresses are reported, relative to the section address', () => {
    const a = new X86Assembler();
    a.nop().label('one').nop().nop().label('three');
    const img = a.link([{ name: '.text', vaddr: 0x1000 }]);
    expect(img.symbols.get('one')).toBe(0x1001);
    expect(img.symbols.get('three')).toBe(0x1003);
  });

  test('a label defined twice is an error', () => {
    const a = new X86Assembler();
    a.label('x');
    throwsAsm(() => a.label('x'), 'label x defined twice');
    a.equ('k', 1);
    throwsAsm(() => a.label('k'), 'label k defined twice');
    throwsAsm(() => a.equ('k', 2), 'symbol k defined twice');
    throwsAsm(() => a.equ('x', 2), 'symbol x defined twice');
  });

  test('an undefined symbol is named, wherever it is used', () => {
    const uses: ((a: X86Assembler) => unknown)[] = [
      (a) => a.jmp('nowhere'),
      (a) => a.je('nowhere'),
      (a) => a.call('nowhere'),
      (a) => a.dd(sym('nowhere')),
      (a) => a.dw(sym('here').minus('nowhere')),
      (a) => a.mov(eax, mem(sym('nowhere').plus(4))),
      (a) => a.push(sym('nowhere')),
    ];
    for (const use of uses) {
      const a = new X86Assembler();
      a.label('here');
      use(a);
      throwsAsm(() => at0(a), 'undefined symbol nowhere');
    }
  });

  test('newLabel gives fresh names; hasLabel sees labels and constants', () => {
    const a = new X86Assembler();
    const l1 = a.newLabel();
    const l2 = a.newLabel('loop');
    expect(l1).not.toBe(l2);
    expect(a.hasLabel(l1)).toBe(false);
    a.label(l1).equ('K', 3);
    expect(a.hasLabel(l1) && a.hasLabel('K')).toBe(true);
  });
});

describe('sections', () => {
  test('placed at given addresses, with load offsets', () => {
    const a = new X86Assembler();
    a.section('.boot').label('entry').jmp('main');
    a.section('.text').label('main').mov(eax, mem(sym('counter'))).ret();
    a.section('.data').label('counter').dd(7);
    const placements: SectionPlacement[] = [
      { name: '.boot', vaddr: 0x100000 },
      // higher half: runs at 0xc0101000, loaded at 0x101000
      { name: '.text', vaddr: 0xc0101000, loadOffset: -0xc0000000 },
      { name: '.data', align: 0x1000 }, // follows .text, same load offset
    ];
    const img = a.link(placements);
    const [boot, txt, data] = img.sections;
    expect([boot.vaddr, boot.paddr]).toEqual([0x100000, 0x100000]);
    expect([txt.vaddr, txt.paddr]).toEqual([0xc0101000, 0x101000]);
    expect([data.vaddr, data.paddr, data.size]).toEqual([0xc0102000, 0x102000, 4]);
    // A branch to another section is relaxed by address like any other: near here.
    expect(hex(boot.data)).toBe('e9' + Buffer.from(Uint32Array.of(0xc0101000 - 0x100005).buffer).toString('hex'));
    expect(hex(txt.data)).toBe('a1' + '002010c0' + 'c3');
    expect(img.symbols.get('counter')).toBe(0xc0102000);
  });

  test('addresses above 2^31 in displacements and rel32 fields', () => {
    const a = new X86Assembler();
    a.call('hi').jmp('hi').mov(eax, mem({ base: ebx, disp: sym('hi') }));
    a.section('.high').label('hi').call('low').label('low');
    const img = a.link([{ name: '.text', vaddr: 0x100000 }, { name: '.high', vaddr: 0xc0000000 }]);
    // 0xc0000000 - 0x100005 = 0xbfeffffb, above 2^31; then 0xc0000000 - 0x10000a
    expect(hex(img.sections[0].data)).toBe('e8fbffefbf' + 'e9f6ffefbf' + '8b83000000c0');
    // and back down, from 0xc0000005 to 0x100000: -0xbff00005 wraps to 0x400ffffb
    const b = new X86Assembler();
    b.label('low').section('.high').call('low');
    const img2 = b.link([{ name: '.text', vaddr: 0x100000 }, { name: '.high', vaddr: 0xc0000000 }]);
    expect(hex(img2.sections[1].data)).toBe('e8' + 'fbff0f40');
  });

  test('sections without a vaddr follow the previous one', () => {
    const a = new X86Assembler();
    a.section('.a').db(1, 2, 3);
    a.section('.b').label('b').db(4);
    a.section('.c').label('c');
    const img = a.link([{ name: '.a', vaddr: 0x500 }, { name: '.b' }, { name: '.c', align: 16 }]);
    expect(img.sections.map((s) => s.vaddr)).toEqual([0x500, 0x503, 0x510]);
  });

  test('every section with content must be placed, and placed sections must exist', () => {
    const a = new X86Assembler();
    a.nop().section('.data').db(1);
    throwsAsm(() => a.link([{ name: '.text', vaddr: 0 }]), 'section .data is not placed');
    throwsAsm(() => a.link([{ name: '.text', vaddr: 0 }, { name: '.data' }, { name: '.nope' }]), 'no section .nope');
  });

  test('nobits sections take memory but no file bytes', () => {
    const a = new X86Assembler();
    a.mov(esp, sym('stack_top'));
    a.section('.bss', { nobits: true }).label('stack').space(0x4000).align(16).label('stack_top').dd(0);
    const img = a.link([{ name: '.text', vaddr: 0x100000 }, { name: '.bss', align: 0x1000 }]);
    const bss = img.sections[1];
    expect(bss).toMatchObject({ nobits: true, vaddr: 0x101000, size: 0x4004 });
    expect(bss.data.length).toBe(0);
    expect(img.symbols.get('stack_top')).toBe(0x105000);
    throwsAsm(() => a.db(1), 'section .bss holds no data');
    throwsAsm(() => a.nop(), 'section .bss holds no data');
  });

  test('currentSection follows section()', () => {
    const a = new X86Assembler();
    expect(a.currentSection).toBe('.text');
    a.section('.rodata');
    expect(a.currentSection).toBe('.rodata');
  });
});

describe('align and space', () => {
  test('align pads code with nop and data with zeros, to absolute addresses', () => {
    const a = new X86Assembler();
    a.ret().align(4).ret().align(8, 0xcc).ret();
    a.section('.data').db(1).align(4).db(2);
    const img = a.link([{ name: '.text', vaddr: 0x1002 }, { name: '.data', vaddr: 0x2000 }]);
    // 0x1002: ret, pad to 0x1004, ret at 0x1004, int3 pad to 0x1008, ret
    expect(hex(img.sections[0].data)).toBe('c3' + '90' + 'c3' + 'cccccc' + 'c3');
    expect(hex(img.sections[1].data)).toBe('01000000' + '02');
  });

  test('align needs a power of two', () => {
    const a = new X86Assembler();
    throwsAsm(() => a.align(3), 'alignment 3 is not a power of two');
    throwsAsm(() => a.align(0), 'alignment 0');
  });

  test('space reserves bytes with an optional fill', () => {
    const a = new X86Assembler();
    a.space(3).space(2, 0xab).label('end');
    expect(text(a)).toBe('000000abab');
    throwsAsm(() => a.space(-1), 'negative space -1');
  });
});

describe('data', () => {
  test('db/dw/dd with numbers, strings and symbol expressions', () => {
    const a = new X86Assembler();
    a.label('a').db(1, 0xff, -1, 'AB').dw(0x1234, -2).dd(0xdeadbeef, -1);
    a.label('b').dd(sym('a').minus('b').plus(-1), sym('b').plus(2)).dw(sym('b').minus('a')).db(sym('b').minus('a'));
    expect(text(a, 0x100)).toBe('01ffff4142' + '3412feff' + 'efbeadde' + 'ffffffff'
      + 'eeffffff' + '13010000' + '1100' + '11');
  });

  test('dq, double, ascii, asciz', () => {
    const a = new X86Assembler();
    a.dq(1, -1, 0x123456789abcdef0n).double(1.5).ascii('é!').asciz('ok');
    expect(text(a)).toBe('0100000000000000' + 'ffffffffffffffff' + 'f0debc9a78563412'
      + '000000000000f83f' + 'c3a921' + '6f6b00');
  });

  test('data that does not fit is refused: numbers at once, symbols at link', () => {
    const a = new X86Assembler();
    throwsAsm(() => a.db(256), 'immediate 256 does not fit in 8 bits');
    throwsAsm(() => a.db(-129), 'does not fit in 8 bits');
    throwsAsm(() => a.dw(0x10000), 'does not fit in 16 bits');
    throwsAsm(() => a.dd(2 ** 32), 'does not fit in 32 bits');
    throwsAsm(() => a.dd(1.5), 'does not fit');
    throwsAsm(() => a.dq(1.5), 'dq 1.5');
    throwsAsm(() => a.dq(1n << 64n), 'does not fit in 64 bits');
    const b = new X86Assembler();
    b.db(sym('far')).space(0x200).label('far');
    throwsAsm(() => at0(b), 'value 513 of far does not fit in 8 bits');
  });

  test('equ defines absolute symbols usable anywhere', () => {
    const a = new X86Assembler();
    a.equ('KERNEL_BASE', 0xc0000000).equ('SIZE', 16);
    a.mov(eax, sym('KERNEL_BASE').plus(4)).mov(ecx, mem(sym('SIZE'))).dd(sym('KERNEL_BASE').minus('SIZE'));
    const img = at0(a);
    expect(hex(img.sections[0].data)).toBe('b8040000c0' + '8b0d10000000' + 'f0ffffbf');
    expect(img.symbols.get('KERNEL_BASE')).toBe(0xc0000000);
  });
});

describe('branches', () => {
  test('numeric targets are absolute addresses', () => {
    const a = new X86Assembler();
    a.jmp(0x1000).call(0x1000).jmp(0x100000 + 0x20);
    // at 0x100000: near jmp (far away), call, then a short jmp to 0x100020
    expect(text(a, 0x100000)).toBe('e9fb0ff0ff' + 'e8f60ff0ff' + 'eb14');
  });

  test('a chain of branches pushing each other out of range', () => {
    // b3 does not reach; once it is near, b2 does not reach; then b1.
    const a = new X86Assembler();
    a.label('b1').jmp('t1').label('b2').jne('t2').label('b3').jmp('t3').label('after').space(118, 0x90)
      .label('t1').space(5, 0x90).label('t2').space(124, 0x90).label('t3');
    const s = at0(a).symbols;
    expect([s.get('b2')! - s.get('b1')!, s.get('b3')! - s.get('b2')!, s.get('after')! - s.get('b3')!]).toEqual([5, 6, 5]);
  });

  test('a branch just in reach stays short when nothing pushes it', () => {
    const a = new X86Assembler();
    a.jmp('t1').label('b2').jne('t2').space(123, 0x90).label('t1').space(4, 0x90).label('t2');
    const s = at0(a).symbols;
    expect(s.get('b2')).toBe(2); // jmp t1 is short: displacement 125
    expect(s.get('t2')! - (s.get('b2')! + 2)).toBe(127); // jne t2 is short: displacement 127
  });

  test('random programs: no short branch out of reach, no near branch that could be short', () => {
    let seed = 12345;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let round = 0; round < 40; round++) {
      const a = new X86Assembler();
      const branches: { i: number; target: string }[] = [];
      const nLabels = 10;
      for (let i = 0; i < 80; i++) {
        const r = rand(6);
        if (r === 0) a.space(rand(60), 0x90);
        else if (r === 1 && !a.hasLabel(`t${i % nLabels}`)) a.label(`t${i % nLabels}`);
        else {
          const target = `t${rand(nLabels)}`;
          a.label(`s${i}`);
          if (r < 4) a.jmp(target); else a.jcc('le', target);
          a.label(`e${i}`);
          branches.push({ i, target });
        }
      }
      for (let l = 0; l < nLabels; l++) if (!a.hasLabel(`t${l}`)) a.label(`t${l}`).nop();
      const addr = at0(a).symbols;
      for (const { i, target } of branches) {
        const start = addr.get(`s${i}`)!;
        const end = addr.get(`e${i}`)!;
        const t = addr.get(target)!;
        const len = end - start;
        if (len === 2) {
          expect(t - end).toBeGreaterThanOrEqual(-128);
          expect(t - end).toBeLessThanOrEqual(127);
        } else {
          // Were this branch short (len - 2 bytes less), would its target be out of reach?
          const shortDisp = (t >= end ? t - (len - 2) : t) - (start + 2);
          expect(shortDisp < -128 || shortDisp > 127, `branch s${i} could be short`).toBe(true);
        }
      }
    }
  });

  test('link() gives the same result when called again, also at another address', () => {
    const build = () => {
      const a = new X86Assembler();
      a.jmp('end').align(64).space(100, 0x90).align(32).label('end').ret();
      return a;
    };
    const a = build();
    const first = text(a, 0);
    expect(text(a, 0)).toBe(first);
    expect(text(a, 40)).toBe(text(build(), 40));
    expect(text(a, 0)).toBe(first);
  });
});

describe('errors at the call', () => {
  test('immediates and displacements that do not fit', () => {
    const a = new X86Assembler();
    const cases: [() => unknown, string][] = [
      [() => a.mov(al, 256), 'immediate 256 does not fit in 8 bits'],
      [() => a.mov(ax, 0x10000), 'immediate 65536 does not fit in 16 bits'],
      [() => a.mov(eax, 2 ** 32), 'does not fit in 32 bits'],
      [() => a.mov(eax, 1.5), 'immediate 1.5 does not fit'],
      [() => a.mov(byte(eax), -129), 'does not fit in 8 bits'],
      [() => a.add(al, 256), 'does not fit in 8 bits'],
      [() => a.add(ax, 0x10000), 'does not fit in 16 bits'],
      [() => a.add(eax, 2 ** 32), 'does not fit in 32 bits'],
      [() => a.add(eax, -(2 ** 31) - 1), 'does not fit in 32 bits'],
      [() => a.imul(eax, ebx, 2 ** 32), 'does not fit in 32 bits'],
      [() => a.push(2 ** 32), 'does not fit in 32 bits'],
      [() => a.test(al, 0x100), 'does not fit in 8 bits'],
      [() => a.shl(eax, 256), 'does not fit in 8 bits'],
      [() => a.bt(eax, 256), 'does not fit in 8 bits'],
      [() => a.ret(0x10000), 'does not fit in 16 bits'],
      [() => a.int(256), 'does not fit in 8 bits'],
      [() => a.in(al, 0x100), 'does not fit in 8 bits'],
      [() => a.out(0x100, al), 'does not fit in 8 bits'],
      [() => a.jmpFar(0x10000, 0), 'does not fit in 16 bits'],
      [() => a.mov(eax, dword(ebx, 2 ** 32)), 'does not fit in 32 bits'],
      [() => a.mov(eax, mem(2 ** 32)), 'does not fit in 32 bits'],
    ];
    for (const [f, msg] of cases) throwsAsm(f, msg);
  });

  test('invalid forms name the mnemonic and the operands', () => {
    const a = new X86Assembler();
    const as = <T>(o: unknown) => o as T;
    const cases: [() => unknown, string][] = [
      [() => a.mov(mem(eax), mem(ebx)), 'mov [eax], [ebx]: no such form'],
      [() => a.mov(dword(eax), dword(ebx, 4)), 'mov dword [eax], dword [ebx+4]: no such form'],
      [() => a.mov(5, eax), 'mov 0x5, eax: no such form'],
      [() => a.mov(cs, ax), 'mov cs, ax: no such form'],
      [() => a.mov(cs, mem(eax)), 'mov cs, [eax]: no such form'],
      [() => a.mov(dword(eax), cs), 'mov dword [eax], cs: no such form'],
      [() => a.lea(eax, as(ebx)), 'lea eax, ebx: no such form'],
      [() => a.lea(al, mem(ebx)), 'lea al, [ebx]: no such form'],
      [() => a.push(al), 'push al: no such form'],
      [() => a.push(byte(eax)), 'push byte [eax]: no such form'],
      [() => a.pop(cs), 'pop cs: no such form'],
      [() => a.pop(al), 'pop al: no such form'],
      [() => a.in(ebx, dx), 'in ebx, dx: no such form'],
      [() => a.in(al, cx), 'in al, cx: no such form'],
      [() => a.out(dx, bl), 'out dx, bl: no such form'],
      [() => a.add(5, eax), 'add 0x5, eax: no such form'],
      [() => a.xor(mem(eax), mem(ebx)), 'xor [eax], [ebx]: no such form'],
      [() => a.test(mem(eax), as(mem(ebx))), 'test [eax], [ebx]: no such form'],
      [() => a.xchg(mem(eax), mem(ebx)), 'xchg [eax], [ebx]: no such form'],
      [() => a.shl(eax, ebx), 'shl eax, ebx: no such form'],
      [() => a.shld(eax, ebx, ecx), 'shld eax, ebx, ecx: no such form'],
      [() => a.shld(al, bl, 1), 'shld al, bl: no such form'],
      [() => a.movzx(eax, eax), 'movzx eax, eax: no such form'],
      [() => a.movzx(al, bl), 'movzx al, bl: no such form'],
      [() => a.movsx(ax, ax), 'movsx ax, ax: no such form'],
      [() => a.movzx(eax, mem(ebx)), 'movzx eax, [ebx]: no such form'],
      [() => a.imul(al, bl), 'imul al, bl: no such form'],
      [() => a.imul(mem(eax), ebx), 'imul [eax], ebx: no such form'],
      [() => a.bt(al, 1), 'bt al, 0x1: no such form'],
      [() => a.bswap(ax), 'bswap ax: no such form'],
      [() => a.setcc('e', eax), 'sete eax: no such form'],
      [() => a.cmovcc('ne', al, bl), 'cmovne al, bl: no such form'],
      [() => a.jmp(ax), 'jmp ax: no such form'],
      [() => a.call(word(eax)), 'call word [eax]: no such form'],
      [() => a.ltr(al), 'ltr al: no such form'],
      [() => a.lgdt(as(eax)), 'lgdt eax: no such form'],
      [() => a.invlpg(as(eax)), 'invlpg eax: no such form'],
      [() => a.movsd(mem(eax), mem(ebx)), 'movsd [eax], [ebx]: no such form'],
      [() => a.movd(xmm0, ax), 'movd ax: no such form'],
      [() => a.cvttsd2si(ax, xmm0), 'cvttsd2si ax, xmm0: no such form'],
      [() => a.addsd(xmm0, word(eax)), 'addsd xmm0, word [eax]: no such form'],
    ];
    for (const [f, msg] of cases) throwsAsm(f, msg);
  });

  test('operand sizes that differ', () => {
    const a = new X86Assembler();
    throwsAsm(() => a.mov(eax, bl), 'mov eax, bl: operand sizes differ');
    throwsAsm(() => a.add(ax, dword(ebx)), 'add ax, dword [ebx]: operand sizes differ');
    throwsAsm(() => a.xchg(eax, cx), 'xchg');
    throwsAsm(() => a.cmpxchg(byte(eax), ecx), 'cmpxchg byte [eax], ecx: operand sizes differ');
  });

  test('memory operands whose size is unknown', () => {
    const a = new X86Assembler();
    const m = mem(eax);
    const cases: [() => unknown, string][] = [
      [() => a.mov(m, 5), 'mov [eax], 0x5'],
      [() => a.add(m, 1), 'add [eax], 0x1'],
      [() => a.test(m, 1), 'test [eax], 0x1'],
      [() => a.inc(m), 'inc [eax]'],
      [() => a.neg(m), 'neg [eax]'],
      [() => a.imul(m), 'imul [eax]'],
      [() => a.shl(m, 1), 'shl [eax], 0x1'],
      [() => a.sar(m, cl), 'sar [eax]'],
      [() => a.bt(m, 3), 'bt [eax], 0x3'],
      [() => a.setcc('z', m), 'setz [eax]'],
    ];
    for (const [f, msg] of cases) throwsAsm(f, new RegExp(`^${msg.replace(/[[\]]/g, '\\$&')}.*operand size unknown`));
  });

  test('bad addresses', () => {
    throwsAsm(() => mem(ax), 'address register must be 32-bit, got ax');
    throwsAsm(() => mem({ base: eax, index: esp }), 'esp cannot be an index register');
    throwsAsm(() => mem({ base: eax, index: ebx, scale: 3 as 1 }), 'bad scale 3');
    throwsAsm(() => mem(sym('x'), 4), 'a displacement was given twice');
    throwsAsm(() => sym('a').minus('b').minus('c'), 'expression already subtracts b');
  });
});
