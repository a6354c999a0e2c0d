// Inline caches for named properties: GetProp, SetProp, GetGlobal and SetGlobal.
//
// Objects have no shapes: a property table is a list of (key, value, attributes) in
// insertion order. The cache remembers *where* an instruction last found its key: an
// entry of `ic_table` (one dword per `ic` operand value, 65536 of them) holds the
// property's index in the holder's table (bits 0-15) and the holder's distance from the
// receiver along the prototype chain (bits 16-23). A hit is validated every time: the
// objects in front of the holder must not have the key (their tables are searched), and the
// holder's table must have more entries than the index and the key at the index. Objects
// built the same way (same class, same literal) put their properties at the same indices,
// so one entry serves all of them; a stale or shared entry is only slower, never wrong,
// and nothing needs to be flushed (not even by the collector: the entry has no addresses).

import { X86Assembler, al, byte, dword, eax, ecx, edi, edx, esp, mem, sym, word } from '../../image-builder/x86/index.ts';
import type { OpcodeName } from '../../image-builder/bytecode/index.ts';
import { routine } from '../asm-util.ts';
import { jumpUnlessTyped } from './view-check.ts';
import { T, V, root } from './asm.ts';
import {
  ARRAY_LENGTH, ATTR_ACCESSOR, KIND, PROPS, PROTO, PT_COUNT, PT_ENTRIES, STR, TAG, TAG_ACCESSOR, VIEW_LENGTH, slot,
} from './layout.ts';
import { at, copyValue, copyValue8, rootW } from './runtime.ts';
import { H, loadTag, valueAt } from './helpers.ts';
import { assignWithKey, constKey, finishGet, getWithKey, storeValue, throwTmp3 } from './properties.ts';
import { callFromHandler } from './calls.ts';

export const IC_TABLE = 'ic_table';
/** Cache entries: the `ic` operand is a u16. */
export const IC_ENTRIES = 0x10000;
const ATTR_WRITABLE = 0b0010;
/** 3 * 0xAAAAAAAB = 1 (mod 2^32): exact division of a multiple of 3. */
const INV3 = 0xaaaaaaab | 0;

const icEntry = (r: typeof ecx) => dword({ index: r, scale: 4, disp: sym(IC_TABLE) });

export function emitInlineCacheRoutines(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(4).label(IC_TABLE).space(4 * IC_ENTRIES);
  a.label('ic_depth').space(4);
  a.section('.text');

  // ic_locate: eax = an Object, Array or Function, edx = a key (an interned string other
  // than `length`). Looks the key up along the prototype chain as get_prop does and says
  // where it is:
  //   eax = the property's entry, ecx = the cache entry (depth << 16 | index);
  //   eax = 0: no object on the chain has it (the value is undefined);
  //   eax = 1: get_prop must answer (a function's virtual `name`/`prototype`, a prototype
  //            that is not an Object/Array/Function, a chain or table too long to cache).
  // Preserves edx and the rest.
  routine(a, 'ic_locate', () => {
    a.push(edi).push(0); // [esp] = depth
    a.mov(edi, eax);
    a.label('icl_loop');
    a.mov(eax, edi).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jnz('icl_found');
    a.cmp(byte(edi), KIND.Function).jne('icl_proto');
    a.cmp(edx, root('sName')).je('icl_generic').cmp(edx, root('sPrototype')).je('icl_generic');
    a.label('icl_proto');
    a.cmp(dword(edi, PROTO + 4), TAG.cell).jne('icl_absent');
    a.mov(edi, dword(edi, PROTO));
    a.cmp(byte(edi), KIND.Object).jb('icl_generic').cmp(byte(edi), KIND.Function).ja('icl_generic');
    a.add(dword(esp), 1).cmp(dword(esp), 0xff).ja('icl_generic');
    a.jmp('icl_loop');
    a.label('icl_found');
    a.mov(ecx, eax).sub(ecx, dword(edi, PROPS)).sub(ecx, PT_ENTRIES).shr(ecx, 3).imul(ecx, ecx, INV3);
    a.cmp(ecx, 0xffff).ja('icl_generic');
    a.mov(edi, dword(esp)).shl(edi, 16).or(ecx, edi);
    a.add(esp, 4).pop(edi).ret();
    a.label('icl_absent').xor(eax, eax).add(esp, 4).pop(edi).ret();
    a.label('icl_generic').mov(eax, 1).add(esp, 4).pop(edi).ret();
  });

  // ic_own_index: eax = an Object, Array or Function, edx = a key (a string cell). eax = the
  // index of its own data property with that key, or -1. Preserves the rest.
  routine(a, 'ic_own_index', () => {
    a.push(ecx).push(edi);
    a.mov(edi, eax).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jz('icoi_none');
    a.sub(eax, dword(edi, PROPS)).sub(eax, PT_ENTRIES).shr(eax, 3).imul(eax, eax, INV3);
    a.cmp(eax, 0xffff).jbe('icoi_ret');
    a.label('icoi_none').mov(eax, -1);
    a.label('icoi_ret').pop(edi).pop(ecx).ret();
  });
}

/**
 * edi = a property table, ecx = an index (any value), edx = a key (a string cell): jumps
 * to `miss` unless the table has an entry at the index with that key; then edi = the
 * entry's address - PT_ENTRIES. Clobbers ecx.
 */
function probe(a: X86Assembler, miss: string): void {
  a.cmp(ecx, dword(edi, PT_COUNT)).jae(miss);
  a.lea(ecx, mem({ base: ecx, index: ecx, scale: 2 })).lea(edi, mem({ base: edi, index: ecx, scale: 8 }));
  a.cmp(dword(edi, PT_ENTRIES), edx).jne(miss).cmp(dword(edi, PT_ENTRIES + 4), TAG.cell).jne(miss);
}

/** edx = the key of constant operand i (an interned string). Clobbers ecx. */
function keyOnly(h: H, i: number): void {
  h.u16(edx, i);
  h.a.mov(ecx, root('constants')).mov(edx, dword({ base: ecx, index: edx, scale: 8, disp: 8 }));
}

/** Jump to `bad` unless the object at r is an Object, Array or Function. */
function propObject(a: X86Assembler, r: typeof edi, bad: string): void {
  a.cmp(byte(r), KIND.Object).jb(bad).cmp(byte(r), KIND.Function).ja(bad);
}

const globalThisValue = (w: number) => root('global', w);

export const IC_HANDLERS: Partial<Record<OpcodeName, (h: H) => void>> = {
  GetProp: (h) => {
    const a = h.a, icOp = 3;
    const slow = h.label('slow'), length = h.label('length'), deeper = h.label('deeper'), holder = h.label('holder');
    const walk = h.label('walk'), accessor = h.label('accessor'), strProto = h.label('strproto'), got = h.label('got');
    const objectCase = h.label('object'), arrayCase = h.label('array'), stringCase = h.label('string'), kinds = h.label('kinds');
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(slow);
    a.mov(edi, V(eax));
    keyOnly(h, 2);
    // by the receiver's kind: Object and Function walk, Array and String first check for
    // `length`, the rest is slow
    a.movzx(eax, byte(edi)).jmp(mem({ index: eax, scale: 4, disp: sym(kinds) }));
    a.section('.rodata').align(4).label(kinds);
    for (let k = 0; k < 256; k++) {
      a.dd(sym(k === KIND.Object ? objectCase : k === KIND.Function ? walk : k === KIND.Array ? arrayCase : k === KIND.String ? stringCase : slow));
    }
    a.section('.text');
    // a typed array's length is read directly (its getter on %TypedArray%.prototype gives the same)
    a.label(objectCase).cmp(edx, root('sLength')).jne(walk);
    jumpUnlessTyped(a, edi, walk);
    a.mov(eax, dword(edi, VIEW_LENGTH)).mov(edx, TAG.int);
    storeValue(h, 0);
    h.next();
    a.label(arrayCase).cmp(edx, root('sLength')).je(length);
    a.label(walk); // edi = where the lookup starts (String.prototype for a string)
    h.u16(ecx, icOp);
    a.mov(ecx, icEntry(ecx));
    a.test(ecx, 0xffff_0000).jnz(deeper);
    a.label(holder); // edi = the holder, ecx = the index
    a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(slow);
    a.mov(edi, dword(edi, PROPS));
    probe(a, slow);
    a.test(byte(edi, PT_ENTRIES + 16), ATTR_ACCESSOR).jnz(accessor);
    h.reg(ecx, 0);
    copyValue8(a, valueAt(ecx), at(edi, PT_ENTRIES + 8));
    h.next();
    h.later.add(() => {
      const notFn = h.label('notfn'), notStr = h.label('notstr'), generic = h.label('generic'), undef = h.label('undef');
      const found = h.label('found'), foundAcc = h.label('foundacc'), learn = h.label('learn');
      a.label(accessor);
      a.mov(eax, dword(edi, PT_ENTRIES + 8)).mov(edx, TAG_ACCESSOR).jmp(got);
      // the holder is further up: the objects in front of it must not have the key
      a.label(deeper);
      a.mov(eax, ecx).shr(eax, 16).mov(dword(sym('ic_depth')), eax);
      const step = h.label('step');
      a.label(step);
      a.cmp(byte(edi), KIND.Function).jne(notFn);
      a.cmp(edx, root('sName')).je(slow).cmp(edx, root('sPrototype')).je(slow);
      a.label(notFn);
      a.mov(eax, edi).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jnz(slow);
      a.cmp(dword(edi, PROTO + 4), TAG.cell).jne(slow);
      a.mov(edi, dword(edi, PROTO));
      propObject(a, edi, slow);
      a.sub(dword(sym('ic_depth')), 1).jnz(step);
      h.u16(ecx, icOp);
      a.movzx(ecx, word({ index: ecx, scale: 4, disp: sym(IC_TABLE) }));
      a.jmp(holder);
      a.label(stringCase).cmp(edx, root('sLength')).je(length);
      a.label(strProto);
      a.mov(edi, root('intrinsics'));
      a.cmp(dword(edi, slot(3) + 4), TAG.cell).jne(slow);
      a.mov(edi, dword(edi, slot(3)));
      propObject(a, edi, slow);
      a.jmp(walk);
      a.label(length);
      a.cmp(byte(edi), KIND.String).jne(notStr);
      a.mov(eax, dword(edi, STR.length)).mov(edx, TAG.int);
      storeValue(h, 0);
      h.next();
      a.label(notStr).cmp(byte(edi), KIND.Array).jne(slow);
      a.mov(eax, dword(edi, ARRAY_LENGTH)).mov(edx, dword(edi, ARRAY_LENGTH + 4));
      storeValue(h, 0);
      h.next();
      // a miss: look the key up where the fast path would have, and remember where it is
      a.label(slow);
      h.reg(eax, 1);
      a.cmp(T(eax), TAG.cell).jne(generic);
      a.mov(edi, V(eax));
      keyOnly(h, 2);
      a.cmp(edx, root('sLength')).je(generic);
      a.cmp(byte(edi), KIND.String).jne(learn);
      a.mov(edi, root('intrinsics'));
      a.cmp(dword(edi, slot(3) + 4), TAG.cell).jne(generic);
      a.mov(edi, dword(edi, slot(3)));
      a.label(learn);
      propObject(a, edi, generic);
      a.mov(eax, edi).call('ic_locate');
      a.cmp(eax, 1).je(generic);
      a.test(eax, eax).jz(undef);
      h.u16(edi, icOp);
      a.mov(icEntry(edi), ecx);
      a.label(found);
      a.test(byte(eax, 16), ATTR_ACCESSOR).jnz(foundAcc);
      a.mov(edx, dword(eax, 12)).mov(eax, dword(eax, 8)).jmp(got);
      a.label(foundAcc).mov(eax, dword(eax, 8)).mov(edx, TAG_ACCESSOR);
      a.label(got);
      finishGet(h, 0, 1);
      a.label(undef);
      loadTag(h, TAG.undef);
      a.label(generic);
      constKey(h, 2);
      getWithKey(h, 0, 1);
    });
  },

  SetProp: (h) => {
    const a = h.a, icOp = 3, slow = h.label('slow'), ok = h.label('ok');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(slow);
    a.mov(edi, V(eax));
    a.cmp(byte(edi), KIND.Object).je(ok).cmp(byte(edi), KIND.Function).jne(slow); // not arrays (length)
    a.label(ok);
    a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(slow);
    a.mov(edi, dword(edi, PROPS));
    keyOnly(h, 1);
    h.u16(ecx, icOp);
    a.mov(ecx, icEntry(ecx));
    probe(a, slow);
    a.mov(al, byte(edi, PT_ENTRIES + 16)).and(al, ATTR_ACCESSOR | ATTR_WRITABLE).cmp(al, ATTR_WRITABLE).jne(slow);
    h.reg(ecx, 2);
    copyValue8(a, at(edi, PT_ENTRIES + 8), valueAt(ecx));
    h.next();
    h.later.add(() => {
      const generic = h.label('generic');
      a.label(slow);
      h.reg(eax, 0);
      a.cmp(T(eax), TAG.cell).jne(generic);
      a.mov(eax, V(eax));
      a.cmp(byte(eax), KIND.Object).je(h.lbl('learn')).cmp(byte(eax), KIND.Function).jne(generic);
      a.label(h.lbl('learn'));
      keyOnly(h, 1);
      a.call('ic_own_index').cmp(eax, -1).je(generic);
      h.u16(ecx, icOp);
      a.mov(icEntry(ecx), eax);
      a.label(generic);
      constKey(h, 1);
      a.mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
      assignWithKey(h, 0, 2);
    });
  },

  GetGlobal: (h) => {
    const a = h.a, icOp = 2, slow = h.label('slow');
    a.mov(edi, root('global'));
    a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(slow);
    a.mov(edi, dword(edi, PROPS));
    keyOnly(h, 1);
    h.u16(ecx, icOp);
    a.mov(ecx, icEntry(ecx));
    probe(a, slow);
    a.test(byte(edi, PT_ENTRIES + 16), ATTR_ACCESSOR).jnz(slow);
    h.reg(ecx, 0);
    copyValue8(a, valueAt(ecx), at(edi, PT_ENTRIES + 8));
    h.next();
    h.later.add(() => {
      const missing = h.label('missing'), noLearn = h.label('nolearn');
      a.label(slow);
      constKey(h, 1);
      a.mov(eax, root('global')).call('has_prop').test(eax, eax).jz(missing);
      a.mov(eax, root('global')).call('ic_own_index').cmp(eax, -1).je(noLearn);
      h.u16(edi, icOp);
      a.mov(icEntry(edi), eax);
      a.label(noLearn);
      a.mov(eax, root('global')).call('get_prop');
      finishGet(h, 0, globalThisValue);
      a.label(missing);
      notDefined(h, 1);
    });
  },

  SetGlobal: (h) => {
    const a = h.a, icOp = 2, slow = h.label('slow');
    a.mov(edi, root('global'));
    a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(slow);
    a.mov(edi, dword(edi, PROPS));
    keyOnly(h, 0);
    h.u16(ecx, icOp);
    a.mov(ecx, icEntry(ecx));
    probe(a, slow);
    a.mov(al, byte(edi, PT_ENTRIES + 16)).and(al, ATTR_ACCESSOR | ATTR_WRITABLE).cmp(al, ATTR_WRITABLE).jne(slow);
    h.reg(ecx, 1);
    copyValue8(a, at(edi, PT_ENTRIES + 8), valueAt(ecx));
    h.next();
    h.later.add(() => {
      const missing = h.label('missing'), noLearn = h.label('nolearn'), setter = h.label('setter');
      a.label(slow);
      constKey(h, 0);
      a.mov(eax, root('global')).call('has_prop').test(eax, eax).jz(missing);
      a.mov(eax, root('global')).call('ic_own_index').cmp(eax, -1).je(noLearn);
      h.u16(edi, icOp);
      a.mov(icEntry(edi), eax);
      a.label(noLearn);
      copyValue(a, rootW('tmp0'), rootW('global'), eax);
      a.mov(root('tmp1'), edx).mov(root('tmp1', 4), ecx);
      h.reg(eax, 1);
      copyValue(a, rootW('tmp2'), valueAt(eax), ecx);
      a.call('assign_prop').test(eax, eax).jnz(setter);
      h.next();
      a.label(setter);
      callFromHandler(h, globalThisValue, { firstOp: 1, argc: 1 });
      a.label(missing);
      notDefined(h, 0);
    });
  },
};

/** ReferenceError "<name> is not defined" for the name in constant operand i. */
function notDefined(h: H, i: number): void {
  keyOnly(h, i);
  h.a.mov(root('tmp3'), edx).mov(root('tmp3', 4), TAG.cell);
  throwTmp3(h.a, 'ReferenceError: ', ' is not defined');
}
