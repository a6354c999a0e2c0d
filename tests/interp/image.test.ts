// The interpreter's image side: the dispatch table is generated from the opcode table,
// the program is embedded as given, and a kernel without a program is unchanged.
import { describe, expect, test } from 'vitest';
import { OPCODES, decodeModule } from '../../image-builder/bytecode/index.ts';
import { assembleKernel } from '../../image-builder/build.ts';
import { checkProgram } from '../../image-builder/program-image.ts';
import { IMPLEMENTED_OPCODES } from '../../boot/interp/index.ts';
import { handlerTable } from '../../boot/interp/handlers.ts';
import { ModuleBuilder } from './bytecode-builder.ts';

function program(): Uint8Array {
  const mb = new ModuleBuilder();
  mb.fn('main', 0, 2).f.loadConst(0, 'hi').loadConst(1, 2.5).op('Return', 0);
  return mb.encode();
}

function readSection(img: ReturnType<typeof assembleKernel>, addr: number, len: number): Uint8Array {
  const s = img.linked.sections.find((x) => addr >= x.vaddr && addr + len <= x.vaddr + x.size)!;
  return s.data.subarray(addr - s.vaddr, addr - s.vaddr + len);
}

describe('interpreter image', () => {
  const bytes = program();
  const img = assembleKernel({ program: bytes });
  const sym = (n: string) => img.linked.symbols.get(n)! >>> 0;

  test('the dispatch table maps every opcode number to its handler', () => {
    const table = readSection(img, sym('interp_dispatch'), 1024);
    const view = new DataView(table.buffer, table.byteOffset, 1024);
    for (let i = 0; i < 256; i++) {
      const expected = i < OPCODES.length ? sym(`op_${OPCODES[i].name}`) : sym('op_invalid');
      expect(view.getUint32(i * 4, true)).toBe(expected);
    }
  });

  test('embeds the container byte for byte', () => {
    expect([...readSection(img, sym('tsbc_image'), bytes.length)]).toEqual([...bytes]);
    expect(sym('tsbc_image') % 16).toBe(0);
    expect(decodeModule(bytes).constants).toEqual(['hi', 2.5, 'main']);
  });

  test('rejects a container that is not one', () => {
    expect(() => checkProgram(new Uint8Array(40))).toThrow(/bad magic/);
    expect(() => assembleKernel({ program: bytes.subarray(0, 40) })).toThrow(/header says/);
  });

  test('the core opcodes have handlers', () => {
    for (const name of ['LoadConst', 'Add', 'Call', 'Return', 'TryEnter', 'GetProp', 'SetElem', 'CallNative'] as const) {
      expect(IMPLEMENTED_OPCODES).toContain(name);
    }
  });

  test('an opcode handled by two tables is an error naming both, not the last one winning', () => {
    const emit = () => {};
    expect(() => handlerTable({ A: { Add: emit, Sub: emit }, B: { Mul: emit }, C: { Sub: emit } }))
      .toThrow('opcode Sub has two handlers: in A and in C');
    expect(Object.keys(handlerTable({ A: { Add: emit }, B: { Sub: emit } }))).toEqual(['Add', 'Sub']);
  });

});
