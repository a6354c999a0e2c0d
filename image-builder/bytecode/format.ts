// The compiled module: its in-memory form (what the compiler produces) and its binary
// container (.tsbc), which is what the image embeds and the guest's loader reads.
//
// Container layout (all integers little-endian):
//   header (32 bytes):
//     u32 magic 'TSBC'   u16 version   u16 reserved
//     u32 functionCount  u32 constantCount  u32 fileCount  u32 entryFunction
//     u32 totalSize      u32 fileTableOffset (fileCount u32 offsets of string records)
//   function records, 32 bytes each:
//     u32 codeOffset (from container start)  u32 codeLength
//     u32 nameConstant (0xFFFFFFFF: anonymous)
//     u16 paramCount  u16 registerCount  u16 icCount  u16 flags
//     u32 sourceMapOffset  u32 sourceMapCount  u16 length  u16 calleeNameCount
//     (length: the function's `length` property, the number of parameters before the
//     first one with a default or the rest parameter; not paramCount)
//   constant records, 8 bytes each: u32 (offset of the value's record | kind), u32 hash
//     kind Number (1): the offset of its double in the doubles table; hash 0
//     kind String (2): the offset of its string record; hash = the string's guest hash
//     (guestStringHash: FNV-1a over the units, never 0), so the loader interns the
//     constants without hashing them or touching their records
//     (records are 8-aligned, so the kind sits in the offset's low bits)
//   string table, right after the constant records: u32 mask (capacity - 1, the capacity a
//     power of two at least twice the string constants), then capacity u32 entries: the
//     offset of a string record, or 0. Every distinct string constant is in it, put by
//     linear probing from (its guest hash & mask) in constant order: the machine looks a
//     string up here before its own intern table, so the constants are interned without
//     the loader doing anything; 4 bytes of padding follow the entries
//   doubles table: 8-byte IEEE doubles (the Number constants, in order of appearance)
//   string records: each a String heap object exactly as the machine lays one out
//     (STRING_RECORD; docs/bytecode.md "Heap objects"), 8-aligned: u32 kind 1 | flags
//     (0x200 interned, 0x100 two bytes per unit), u32 size in bytes (a multiple of 8),
//     u32 length in UTF-16 code units, u32 the guest hash, then the units (Latin-1, or
//     UTF-16LE with the two-byte flag), zero-padded. The machine uses them in place: a
//     string constant is a cell pointing into the container (outside the heap, so the
//     collector never moves it), never copied. One record per distinct string (constants
//     and file names share them), so each is the interned string of its contents.
//   file names: string records, and the file table pointing at them
//   code: each function's bytecode
//   source maps: per function, sourceMapCount entries of 12 bytes:
//     u32 pcOffset (within the function's code), u16 fileIndex, u16 column (0-based),
//     u32 line (1-based); sorted by pcOffset; an instruction's position is the last
//     entry at or before it.
//   callee names: right after each function's source map, calleeNameCount entries of 8
//     bytes: u32 pcOffset of a call instruction (Call, CallSpread, New, NewSpread), u32
//     index of a String constant rendering its callee as V8 does in "... is not a
//     function" ("o.a.b", "f(...)", "(intermediate value)"); sorted by pcOffset. A last
//     entry with pcOffset 0xFFFFFFFF holds the function's source text instead (what
//     Function.prototype.toString gives; the native functionSource reads it).

export const TSBC_MAGIC = 0x43425354; // 'TSBC'
export const TSBC_VERSION = 4;
export const HEADER_SIZE = 32;
export const FUNCTION_RECORD_SIZE = 32;
export const CONSTANT_RECORD_SIZE = 8;
export const SOURCE_MAP_ENTRY_SIZE = 12;
export const CALLEE_NAME_ENTRY_SIZE = 8;
export const NO_NAME = 0xffffffff;

export const enum ConstantKind {
  Number = 1,
  String = 2,
}
/** The low bits of a constant record's first word that hold its kind (the rest: the offset). */
export const CONSTANT_KIND_MASK = 7;

/**
 * A string record is a String heap object as the machine lays it out (boot/interp/layout.ts
 * KIND.String, STRING_TWO_BYTE, STRING_INTERNED, STR; the interpreter generator checks
 * that they agree): header word 0 = kind | flags, word 1 = size, then length, hash, units.
 */
export const STRING_RECORD = { kind: 1, twoByte: 1 << 8, interned: 1 << 9, length: 8, hash: 12, units: 16 } as const;

/** Function flags. */
export const FunctionFlag = {
  /** An arrow function: `this`, `arguments` and `new.target` come from the enclosing function. */
  Arrow: 1 << 0,
  /** A class constructor: calling it without `new` throws TypeError. */
  ClassConstructor: 1 << 1,
  /** A derived class constructor: `this` is uninitialised until super() returns. */
  Derived: 1 << 2,
  /** A method (has a home object for `super`); not constructible. */
  Method: 1 << 3,
  /** An async function (issue 4). */
  Async: 1 << 4,
  /** The module's top-level code. */
  TopLevel: 1 << 5,
  /** A generator function (issue 13): not a constructor; its `prototype` is made by Intrinsic.GeneratorFunctionInit. */
  Generator: 1 << 6,
} as const;

export interface SourcePosition {
  /** Byte offset within the function's code. */
  pc: number;
  file: number;
  /** 1-based. */
  line: number;
  /** 0-based. */
  column: number;
}

export interface CompiledFunction {
  name: string | undefined;
  /** Registers r0..paramCount-1 receive the arguments (every non-rest parameter). */
  paramCount: number;
  /**
   * The function's `length` property: the parameters before the first one with a default
   * value or the rest parameter (`function (a, b = 1, c)` has 1). Absent: paramCount
   * (hand-built modules); the compiler always sets it.
   */
  length?: number;
  registerCount: number;
  icCount: number;
  flags: number;
  code: Uint8Array;
  sourceMap: SourcePosition[];
  /** For the machine's "X is not a function" errors: the callee text of call sites, by pc. */
  calleeNames?: CalleeName[];
}

export interface CalleeName {
  /** Byte offset of the call instruction within the function's code. */
  pc: number;
  /** Index of a String constant. */
  constant: number;
}

export type Constant = number | string;

export interface CompiledModule {
  functions: CompiledFunction[];
  constants: Constant[];
  /** Source file names, as the source map refers to them. */
  files: string[];
  /** Index of the top-level function. */
  entry: number;
}

/** The source position of an instruction, for stack traces. */
export function positionAt(fn: CompiledFunction, pc: number): SourcePosition | undefined {
  let best: SourcePosition | undefined;
  for (const p of fn.sourceMap) {
    if (p.pc > pc) break;
    best = p;
  }
  return best;
}

function isOneByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return false;
  return true;
}

/** The guest's string hash (boot/interp/runtime.ts str_hash): FNV-1a over the UTF-16 unit
 *  values, never 0. */
export function guestStringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) || 1;
}

/** A string record (STRING_RECORD): the String heap object of s, interned, 8-aligned in size. */
function stringRecord(s: string): Buffer {
  const one = isOneByte(s);
  const body = one ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf16le');
  const size = (STRING_RECORD.units + body.length + 7) & ~7;
  const out = Buffer.alloc(size);
  out.writeUInt32LE(STRING_RECORD.kind | STRING_RECORD.interned | (one ? 0 : STRING_RECORD.twoByte), 0);
  out.writeUInt32LE(size, 4);
  out.writeUInt32LE(s.length, STRING_RECORD.length);
  out.writeUInt32LE(guestStringHash(s), STRING_RECORD.hash);
  body.copy(out, STRING_RECORD.units);
  return out;
}

function readStringRecord(b: Buffer, off: number): string {
  const flags = b.readUInt32LE(off), len = b.readUInt32LE(off + STRING_RECORD.length), at = off + STRING_RECORD.units;
  if ((flags & 0xff) !== STRING_RECORD.kind) throw new Error(`bytecode module: no string record at ${off}`);
  return flags & STRING_RECORD.twoByte ? b.toString('utf16le', at, at + 2 * len) : b.toString('latin1', at, at + len);
}

/** The string table's capacity for n distinct string constants: a power of two, at least 2n (and 16). */
export function stringTableCapacity(n: number): number {
  let c = 16;
  while (c < 2 * n) c *= 2;
  return c;
}

/** The string table (u32 mask, then the entries) of these records, by linear probing from hash & mask. */
function fillStringTable(table: Buffer, records: { hash: number; offset: number }[]): void {
  const mask = (table.length - 8) / 4 - 1;
  table.writeUInt32LE(mask, 0);
  for (const r of records) {
    let i = r.hash & mask;
    while (table.readUInt32LE(4 + 4 * i) !== 0) i = (i + 1) & mask;
    table.writeUInt32LE(r.offset, 4 + 4 * i);
  }
}

/** Serialise a module into a .tsbc container. */
export function encodeModule(m: CompiledModule): Uint8Array {
  const names = new Map<string, number>();
  const constants = [...m.constants];
  const constIndex = (s: string) => {
    let i = names.get(s);
    if (i === undefined) {
      i = constants.indexOf(s);
      if (i < 0) { i = constants.length; constants.push(s); }
      names.set(s, i);
    }
    return i;
  };
  const nameConsts = m.functions.map((f) => (f.name === undefined ? NO_NAME : constIndex(f.name)));

  const parts: Buffer[] = [];
  const distinct = [...new Set(constants.filter((c): c is string => typeof c === 'string'))];
  const tableAt = HEADER_SIZE + FUNCTION_RECORD_SIZE * m.functions.length + CONSTANT_RECORD_SIZE * constants.length;
  const table = Buffer.alloc(8 + 4 * stringTableCapacity(distinct.length)); // (4 bytes of padding at the end: 8-aligned)
  let size = tableAt + table.length;
  const place = (b: Buffer) => { const at = size; parts.push(b); size += b.length; return at; };

  const doubles: number[] = [];
  const constRecords = Buffer.alloc(CONSTANT_RECORD_SIZE * constants.length);
  const doubleIndex: number[] = [];
  for (const c of constants) if (typeof c === 'number') { doubleIndex.push(doubles.length); doubles.push(c); } else doubleIndex.push(-1);
  const dbl = Buffer.alloc(8 * doubles.length);
  doubles.forEach((d, i) => dbl.writeDoubleLE(d, i * 8));
  const doublesAt = place(dbl);
  // one record per distinct string: the machine takes each for the interned string of its contents
  const records = new Map<string, number>();
  const recordOf = (s: string) => {
    let at = records.get(s);
    if (at === undefined) {
      if (size % 8) place(Buffer.alloc(8 - (size % 8))); // records are heap objects: 8-aligned
      at = place(stringRecord(s));
      records.set(s, at);
    }
    return at;
  };
  constants.forEach((c, i) => {
    if (typeof c === 'number') {
      constRecords.writeUInt32LE((doublesAt + doubleIndex[i] * 8) | ConstantKind.Number, i * 8);
    } else {
      constRecords.writeUInt32LE(recordOf(c) | ConstantKind.String, i * 8);
      constRecords.writeUInt32LE(guestStringHash(c), i * 8 + 4);
    }
  });
  fillStringTable(table, distinct.map((c) => ({ hash: guestStringHash(c), offset: recordOf(c) })));
  const fileOffsets = m.files.map((f) => recordOf(f));
  const fileTable = Buffer.alloc(4 * m.files.length);
  fileOffsets.forEach((o, i) => fileTable.writeUInt32LE(o, i * 4));
  const fileTableAt = place(fileTable);
  const codeAt = m.functions.map((f) => place(Buffer.from(f.code)));
  const calleeNames = m.functions.map((f) => (f.calleeNames ?? []).slice(0, 0xffff));
  const mapAt = m.functions.map((f, fi) => {
    const names = calleeNames[fi];
    const mapSize = SOURCE_MAP_ENTRY_SIZE * f.sourceMap.length;
    const b = Buffer.alloc(mapSize + CALLEE_NAME_ENTRY_SIZE * names.length);
    f.sourceMap.forEach((p, i) => {
      b.writeUInt32LE(p.pc, i * 12);
      b.writeUInt16LE(p.file, i * 12 + 4);
      b.writeUInt16LE(Math.min(p.column, 0xffff), i * 12 + 6);
      b.writeUInt32LE(p.line, i * 12 + 8);
    });
    names.forEach((c, i) => {
      b.writeUInt32LE(c.pc, mapSize + i * CALLEE_NAME_ENTRY_SIZE);
      b.writeUInt32LE(c.constant, mapSize + i * CALLEE_NAME_ENTRY_SIZE + 4);
    });
    return place(b);
  });

  const head = Buffer.alloc(HEADER_SIZE + FUNCTION_RECORD_SIZE * m.functions.length);
  head.writeUInt32LE(TSBC_MAGIC, 0);
  head.writeUInt16LE(TSBC_VERSION, 4);
  head.writeUInt32LE(m.functions.length, 8);
  head.writeUInt32LE(constants.length, 12);
  head.writeUInt32LE(m.files.length, 16);
  head.writeUInt32LE(m.entry, 20);
  head.writeUInt32LE(size, 24);
  head.writeUInt32LE(fileTableAt, 28);
  m.functions.forEach((f, i) => {
    const o = HEADER_SIZE + i * FUNCTION_RECORD_SIZE;
    head.writeUInt32LE(codeAt[i], o);
    head.writeUInt32LE(f.code.length, o + 4);
    head.writeUInt32LE(nameConsts[i], o + 8);
    head.writeUInt16LE(f.paramCount, o + 12);
    head.writeUInt16LE(f.registerCount, o + 14);
    head.writeUInt16LE(f.icCount, o + 16);
    head.writeUInt16LE(f.flags, o + 18);
    head.writeUInt32LE(mapAt[i], o + 20);
    head.writeUInt32LE(f.sourceMap.length, o + 24);
    head.writeUInt16LE(f.length ?? f.paramCount, o + 28);
    head.writeUInt16LE(calleeNames[i].length, o + 30);
  });
  const out = Buffer.concat([head, constRecords, table, ...parts]);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/**
 * The first line `tskern compile` gives a bytecode file: a kernel's execve runs the file
 * with /bin/tsvm, which skips the line (as every loader of a container does).
 */
export const TSVM_SHEBANG = '#!/bin/tsvm\n';

/**
 * Where the container starts in a file `withShebang` writes: one page in, so that tsvm can
 * map the file (MAP_PRIVATE) with the container page-aligned at its fixed address instead
 * of reading it, and processes running it share the page cache's frames.
 */
export const CONTAINER_OFFSET = 4096;

/**
 * The container in a file that may start with a `#!...` line ending in a newline: the bytes
 * after that line and the NULs that follow it (withShebang's padding; a container starts
 * with its magic, never with a NUL).
 */
export function stripShebang(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2 || bytes[0] !== 0x23 || bytes[1] !== 0x21) return bytes;
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) throw new Error('bytecode file: the #! line does not end');
  let start = nl + 1;
  while (start < bytes.length && bytes[start] === 0) start++;
  return bytes.subarray(start);
}

/**
 * A file for `tskern compile`: TSVM_SHEBANG, NULs up to CONTAINER_OFFSET, then the
 * container. The line stays short (Linux reads at most 256 bytes of a `#!` line).
 */
export function withShebang(container: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(TSVM_SHEBANG);
  const out = new Uint8Array(CONTAINER_OFFSET + container.length); // zero-filled: the padding
  out.set(head, 0);
  out.set(container, CONTAINER_OFFSET);
  return out;
}

/** Read a .tsbc container back (the disassembler and the tests use this); a leading `#!` line is skipped. */
export function decodeModule(file: Uint8Array): CompiledModule {
  const bytes = stripShebang(file);
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.readUInt32LE(0) !== TSBC_MAGIC) throw new Error('not a tskern bytecode module (bad magic)');
  if (b.readUInt16LE(4) !== TSBC_VERSION) throw new Error(`bytecode version ${b.readUInt16LE(4)}, expected ${TSBC_VERSION}`);
  const nf = b.readUInt32LE(8), nc = b.readUInt32LE(12), nfiles = b.readUInt32LE(16), entry = b.readUInt32LE(20);
  const constBase = HEADER_SIZE + FUNCTION_RECORD_SIZE * nf;
  const constants: Constant[] = [];
  for (let i = 0; i < nc; i++) {
    const word = b.readUInt32LE(constBase + i * 8), kind = word & CONSTANT_KIND_MASK, off = word - kind;
    constants.push(kind === ConstantKind.Number ? b.readDoubleLE(off) : readStringRecord(b, off));
  }
  const functions: CompiledFunction[] = [];
  for (let i = 0; i < nf; i++) {
    const o = HEADER_SIZE + i * FUNCTION_RECORD_SIZE;
    const codeOff = b.readUInt32LE(o), codeLen = b.readUInt32LE(o + 4), nameC = b.readUInt32LE(o + 8);
    const mapOff = b.readUInt32LE(o + 20), mapCount = b.readUInt32LE(o + 24);
    const sourceMap: SourcePosition[] = [];
    for (let k = 0; k < mapCount; k++) {
      const e = mapOff + k * 12;
      sourceMap.push({ pc: b.readUInt32LE(e), file: b.readUInt16LE(e + 4), column: b.readUInt16LE(e + 6), line: b.readUInt32LE(e + 8) });
    }
    const calleeNames: CalleeName[] = [];
    for (let k = 0, e = mapOff + mapCount * 12; k < b.readUInt16LE(o + 30); k++, e += CALLEE_NAME_ENTRY_SIZE) {
      calleeNames.push({ pc: b.readUInt32LE(e), constant: b.readUInt32LE(e + 4) });
    }
    functions.push({
      name: nameC === NO_NAME ? undefined : (constants[nameC] as string),
      paramCount: b.readUInt16LE(o + 12), length: b.readUInt16LE(o + 28), registerCount: b.readUInt16LE(o + 14), icCount: b.readUInt16LE(o + 16),
      flags: b.readUInt16LE(o + 18), code: new Uint8Array(b.subarray(codeOff, codeOff + codeLen)), sourceMap, calleeNames,
    });
  }
  const fileTable = b.readUInt32LE(28);
  const files = Array.from({ length: nfiles }, (_, i) => readStringRecord(b, b.readUInt32LE(fileTable + i * 4)));
  return { functions, constants, files, entry };
}
