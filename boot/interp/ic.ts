// Inline caches for named properties: GetProp, SetProp, GetGlobal and SetGlobal.
//
// Property tables have shapes (boot/interp/shapes.ts): equal shape ids mean the same keys in
// the same order with the same attributes. A cache entry (one per `ic` operand value below
// IC_NONE = 0x3fff; the compiler gives IC_NONE, never learned, to every site past those) is:
//   ic_table[i] = (own shape, value offset): an own data property. A hit compares the
//     receiver table's shape with the entry and reads the value at the offset: no key read.
//     SetProp learns only writable data properties, so a hit can store.
//   ic_proto[i] = (receiver shape, holder shape), with the offset in ic_table[i] (whose own
//     shape is then 0, which no table has): a property of the receiver's prototype. The
//     receiver's shape proves it still lacks the key, the prototype's (read from the
//     receiver, so setPrototypeOf is seen) that it has it at the offset. Depth 1 only;
//     deeper holders take the slow path, which looks the key up.
// An object without a table has SHAPE_EMPTY. Entries hold no addresses (nothing for the
// collector) and are never flushed: a stale entry cannot match a table whose shape changed.
// Keys the tables do not hold are never learned: `length` (arrays, strings, typed arrays,
// functions), and a function's virtual `name`/`prototype` when it has no own one (a
// function receiver's prototype hit checks the key first). The shapecheck build variant
// (setShapeCheckBuild) checks every hit against the key as well and stops the machine on a
// difference.

import { X86Assembler, al, bl, byte, cl, dword, eax, ecx, edi, edx, esp, mem, sym } from '../../image-builder/x86/index.ts';
import { IC_NONE, type OpcodeName } from '../../image-builder/bytecode/index.ts';
import { routine } from '../asm-util.ts';
import { jumpUnlessTyped } from './view-check.ts';
import { T, V, root } from './asm.ts';
import {
  ARRAY_LENGTH, ATTR_ACCESSOR, KIND, PROPS, PROTO, PT_COUNT, PT_ENTRIES, PT_SHAPE, SHAPE_EMPTY, SHAPE_ID_LIMIT, STR, TAG, TAG_ACCESSOR,
  VIEW_LENGTH, slot,
} from './layout.ts';
import { at, copyValue, copyValue8, fatal, rootW } from './runtime.ts';
import { H, loadTag, valueAt } from './helpers.ts';
import { assignWithKey, constKey, finishGet, getWithKey, storeValue, throwTmp3 } from './properties.ts';
import { callFromHandler } from './calls.ts';

export const IC_TABLE = 'ic_table';
const IC_PROTO = 'ic_proto';
/** Cache entries: one per `ic` operand value up to IC_NONE (image-builder/bytecode/opcodes.ts). */
export const IC_ENTRIES = IC_NONE + 1;
const ATTR_WRITABLE = 0b0010;
/** 3 * 0xAAAAAAAB = 1 (mod 2^32): exact division of a multiple of 3. */
const INV3 = 0xaaaaaaab | 0;

/** ic_table[i]: word 0 = own shape, word 4 = the value's offset in the table. */
const icShape = (r: typeof ecx) => dword({ index: r, scale: 8, disp: sym(IC_TABLE) });
const icOffset = (r: typeof ecx) => dword({ index: r, scale: 8, disp: sym(IC_TABLE).plus(4) });
/** ic_proto[i]: word 0 = receiver shape, word 4 = holder (prototype) shape. */
const icRecv = (r: typeof ecx) => dword({ index: r, scale: 8, disp: sym(IC_PROTO) });
const icHolder = (r: typeof ecx) => dword({ index: r, scale: 8, disp: sym(IC_PROTO).plus(4) });
/** GetGlobal/SetGlobal keep the global's entry index in word 4 (validated by the key). */
const icEntry = icOffset;

let shapeCheckBuild = false;
/** The shapecheck variant: every shape-validated hit also checks the key (see the header). */
export function setShapeCheckBuild(on: boolean): void { shapeCheckBuild = on; }

export function emitInlineCacheRoutines(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(4).label(IC_TABLE).space(8 * IC_ENTRIES);
  a.label(IC_PROTO).space(8 * IC_ENTRIES);
  a.section('.text');

  // ic_locate: eax = an Object, Array or Function, edx = a key (an interned string other
  // than `length`). Looks the key up along the prototype chain as get_prop does and says
  // where it is:
  //   eax = the property's entry, ecx = depth << 16 | index, edi = the holder;
  //   eax = 0: no object on the chain has it (the value is undefined);
  //   eax = 1: get_prop must answer (a function's virtual `name`/`prototype`, a prototype
  //            that is not an Object/Array/Function, a chain or table too long to cache).
  // Preserves edx and the rest.
  routine(a, 'ic_locate', () => {
    a.push(0); // [esp] = depth
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
    a.push(edi).mov(edi, dword(esp, 4)).shl(edi, 16).or(ecx, edi).pop(edi);
    a.add(esp, 4).ret();
    a.label('icl_absent').xor(eax, eax).add(esp, 4).ret();
    a.label('icl_generic').mov(eax, 1).add(esp, 4).ret();
  });

  // ic_shape_of: edi = an Object, Array or Function. eax = its shape. Preserves the rest.
  routine(a, 'ic_shape_of', () => {
    a.mov(eax, SHAPE_EMPTY);
    a.cmp(dword(edi, PROPS + 4), TAG.cell).jne('iso_ret');
    a.mov(eax, dword(edi, PROPS)).mov(eax, dword(eax, PT_SHAPE));
    a.label('iso_ret').ret();
  });

  // ic_learn_get: eax = where a GetProp's lookup starts (an Object, Array or Function; a
  // string's String.prototype), edx = the key (not `length`), ecx = the ic number. Does
  // ic_locate (same results in eax) and remembers an own data property or a property of the
  // prototype in the cache. Clobbers ecx, edi.
  routine(a, 'ic_learn_get', () => {
    a.push(ecx).push(eax); // [esp] = start, [esp+4] = ic
    a.call('ic_locate');
    a.cmp(eax, 1).jbe('ilg_ret');
    a.cmp(dword(esp, 4), IC_NONE).je('ilg_ret');
    a.test(ecx, 0xfe_0000).jnz('ilg_ret'); // deeper than the prototype
    a.push(eax).push(edx); // [esp] = key, [esp+4] = entry, [esp+8] = start, [esp+12] = ic
    a.mov(edx, dword(esp, 12)); // edx = ic
    a.mov(eax, dword(esp, 4)).sub(eax, dword(edi, PROPS)).add(eax, 8).mov(icOffset(edx), eax);
    a.test(ecx, 0xff_0000).jnz('ilg_proto');
    a.mov(eax, dword(esp, 4)).test(byte(eax, 16), ATTR_ACCESSOR).jnz('ilg_forget'); // own accessors: the slow path
    a.call('ic_shape_of').mov(icShape(edx), eax).mov(icRecv(edx), 0);
    a.jmp('ilg_done');
    a.label('ilg_forget').mov(icShape(edx), 0).mov(icRecv(edx), 0).jmp('ilg_done');
    a.label('ilg_proto'); // edi = the holder; an accessor's shape is marked
    a.call('ic_shape_of');
    a.mov(ecx, dword(esp, 4)).test(byte(ecx, 16), ATTR_ACCESSOR).jz('ilg_data');
    a.or(eax, SHAPE_ID_LIMIT);
    a.label('ilg_data').mov(icHolder(edx), eax);
    a.mov(edi, dword(esp, 8)).call('ic_shape_of').mov(icRecv(edx), eax);
    a.mov(icShape(edx), 0);
    a.label('ilg_done').pop(edx).pop(eax);
    a.label('ilg_ret').add(esp, 4).pop(ecx).ret();
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

  // ic_learn_set: eax = an Object or Function, edx = a key, ecx = the ic number. Remembers
  // its own writable data property with that key, if it has one. Preserves the rest.
  routine(a, 'ic_learn_set', () => {
    a.cmp(ecx, IC_NONE).je('ils_ret');
    a.push(eax).push(ecx).push(edi);
    a.mov(edi, eax).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jz('ils_done');
    a.mov(cl, byte(eax, 16)).and(cl, ATTR_ACCESSOR | ATTR_WRITABLE).cmp(cl, ATTR_WRITABLE).jne('ils_done');
    a.mov(ecx, dword(esp, 4));
    a.sub(eax, dword(edi, PROPS)).add(eax, 8).mov(icOffset(ecx), eax);
    a.call('ic_shape_of').mov(icShape(ecx), eax).mov(icRecv(ecx), 0);
    a.label('ils_done').pop(edi).pop(ecx).pop(eax);
    a.label('ils_ret').ret();
  });

  if (shapeCheckBuild) {
    // shape_check: eax = the address of a cached value (a table entry + 8), edx = the key the
    // instruction names, ecx = what the hit relies on (0: a data property, 1: any, 2: a
    // writable data property). Stops the machine unless the entry has that key and kind.
    // Preserves every register.
    routine(a, 'shape_check', () => {
      a.pushad();
      a.cmp(dword(eax, -8), edx).jne('shc_key').cmp(dword(eax, -4), TAG.cell).jne('shc_key');
      a.mov(bl, byte(eax, 8));
      a.cmp(ecx, 1).je('shc_ok').jb('shc_data');
      a.and(bl, ATTR_ACCESSOR | ATTR_WRITABLE).cmp(bl, ATTR_WRITABLE).jne('shc_kind').jmp('shc_ok');
      a.label('shc_data').test(bl, ATTR_ACCESSOR).jnz('shc_kind');
      a.label('shc_ok').popad().ret();
      a.label('shc_key');
      fatal(a, 'shape check: a shape-validated cache hit found another key at the cached index (a stale shape)');
      a.label('shc_kind');
      fatal(a, 'shape check: a shape-validated cache hit found a property of another kind (stale attributes)');
    });
    // shape_check_absent: edi = a receiver (Object, Array or Function), edx = a key. Stops the
    // machine if it has that key as its own (a prototype hit shadowed). Preserves every register.
    routine(a, 'shape_check_absent', () => {
      a.pushad();
      a.mov(eax, edi).mov(ecx, TAG.cell).call('prop_find').test(eax, eax).jnz('shca_bad');
      a.popad().ret();
      a.label('shca_bad');
      fatal(a, 'shape check: a prototype cache hit on a receiver that has the key itself (a stale shape)');
    });
  }
}

/**
 * Shapecheck builds: check the hit whose value is at eax (see shape_check) for the key of
 * constant operand keyOp. Nothing in other builds. Preserves every register.
 */
function checkHit(h: H, keyOp: number, mode: 0 | 1 | 2): void {
  if (!shapeCheckBuild) return;
  h.a.push(ecx).push(edx);
  keyOnly(h, keyOp);
  h.a.mov(ecx, mode).call('shape_check').pop(edx).pop(ecx);
}

/** Shapecheck builds: edi = a receiver that must not have the key of operand keyOp. */
function checkAbsent(h: H, keyOp: number): void {
  if (!shapeCheckBuild) return;
  h.a.push(ecx).push(edx);
  keyOnly(h, keyOp);
  h.a.call('shape_check_absent').pop(edx).pop(ecx);
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
    const a = h.a, icOp = 3, keyOp = 2;
    const slow = h.label('slow'), proto = h.label('proto'), fnProto = h.label('fnproto'), kinds = h.label('kinds');
    const got = h.label('got'), objectCase = h.label('object'), fn = h.label('fn'), strCase = h.label('string');
    // the value at eax (an own or the prototype's data property) into the destination
    const hit = (mode: 0 | 1): void => {
      checkHit(h, keyOp, mode);
      h.reg(ecx, 0);
      copyValue8(a, valueAt(ecx), at(eax));
      h.next();
    };
    // a prototype hit, the receiver's shape matched: edi = the receiver, ecx = ic
    const protoBody = (): void => {
      const accessor = h.label('protoacc');
      checkAbsent(h, keyOp);
      a.cmp(dword(edi, PROTO + 4), TAG.cell).jne(slow);
      a.mov(edi, dword(edi, PROTO));
      a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(slow);
      a.mov(eax, dword(edi, PROPS));
      a.mov(edx, dword(eax, PT_SHAPE));
      a.cmp(edx, icHolder(ecx)).jne(accessor);
      a.add(eax, icOffset(ecx));
      hit(0);
      h.later.add(() => {
        // an accessor's entry has the holder shape with SHAPE_ID_LIMIT set
        a.label(accessor);
        a.or(edx, SHAPE_ID_LIMIT).cmp(edx, icHolder(ecx)).jne(slow);
        a.add(eax, icOffset(ecx));
        checkHit(h, keyOp, 1);
        a.mov(eax, dword(eax)).mov(edx, TAG_ACCESSOR).jmp(got);
      });
    };
    // own: edi = an Object/Array/Function receiver (or String.prototype); a hit on its table's
    // shape copies the value, a miss goes on to `protoLabel` with edx = its shape, ecx = ic
    // (a receiver without a table goes on to the prototype at once, or to `noTableLabel`)
    const own = (protoLabel: string, noTableLabel?: string): void => {
      const noTable = h.label('notable');
      a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(noTableLabel ?? noTable);
      a.mov(eax, dword(edi, PROPS));
      a.mov(edx, dword(eax, PT_SHAPE));
      h.u16(ecx, icOp);
      a.cmp(edx, icShape(ecx)).jne(protoLabel);
      a.add(eax, icOffset(ecx));
      hit(0);
      if (noTableLabel === undefined) {
        h.later.add(() => {
          a.label(noTable);
          h.u16(ecx, icOp);
          a.cmp(icRecv(ecx), SHAPE_EMPTY).jne(slow);
          protoBody();
        });
      }
    };
    h.reg(eax, 1);
    a.cmp(T(eax), TAG.cell).jne(slow);
    a.mov(edi, V(eax));
    // by the receiver's kind: arrays as objects (their `length` is never learned), functions
    // with their virtual `name` and `prototype` checked before a prototype hit, strings
    // through String.prototype, the rest slow
    a.movzx(eax, byte(edi)).jmp(mem({ index: eax, scale: 4, disp: sym(kinds) }));
    a.section('.rodata').align(4).label(kinds);
    for (let k = 0; k < 256; k++) {
      a.dd(sym(k === KIND.Object || k === KIND.Array ? objectCase : k === KIND.Function ? fn : k === KIND.String ? strCase : slow));
    }
    a.section('.text');
    a.label(objectCase);
    own(proto);
    h.later.add(() => {
      const notFn = h.label('notfn'), generic = h.label('generic'), undef = h.label('undef');
      const learn = h.label('learn'), foundAcc = h.label('foundacc'), fnNoTable = h.label('fnnotable');
      a.label(proto);
      a.cmp(edx, icRecv(ecx)).jne(slow);
      protoBody();
      a.label(strCase);
      a.mov(edi, root('intrinsics'));
      a.cmp(dword(edi, slot(3) + 4), TAG.cell).jne(slow);
      a.mov(edi, dword(edi, slot(3)));
      propObject(a, edi, slow);
      a.jmp(objectCase);
      a.label(fn);
      own(fnProto, fnNoTable);
      a.label(fnNoTable).mov(edx, SHAPE_EMPTY);
      h.u16(ecx, icOp);
      a.label(fnProto);
      a.push(ecx);
      h.u16(ecx, keyOp);
      a.mov(eax, root('constants')).mov(eax, dword({ base: eax, index: ecx, scale: 8, disp: 8 }));
      a.pop(ecx);
      a.cmp(eax, root('sName')).je(slow).cmp(eax, root('sPrototype')).je(slow);
      a.jmp(proto);
      // a miss: look the key up where the fast path would have, and remember where it is
      a.label(slow);
      h.reg(eax, 1);
      a.cmp(T(eax), TAG.cell).jne(generic);
      a.mov(edi, V(eax));
      keyOnly(h, keyOp);
      a.cmp(edx, root('sLength')).jne(notFn);
      // `length`: a typed array's is read directly (its getter on %TypedArray%.prototype gives
      // the same), a string's or array's from the object; never learned
      a.cmp(byte(edi), KIND.Object).jne(h.lbl('lenstr'));
      jumpUnlessTyped(a, edi, generic);
      a.mov(eax, dword(edi, VIEW_LENGTH)).mov(edx, TAG.int);
      storeValue(h, 0);
      h.next();
      a.label(h.lbl('lenstr')).cmp(byte(edi), KIND.String).jne(h.lbl('lenarr'));
      a.mov(eax, dword(edi, STR.length)).mov(edx, TAG.int);
      storeValue(h, 0);
      h.next();
      a.label(h.lbl('lenarr')).cmp(byte(edi), KIND.Array).jne(generic);
      a.mov(eax, dword(edi, ARRAY_LENGTH)).mov(edx, dword(edi, ARRAY_LENGTH + 4));
      storeValue(h, 0);
      h.next();
      a.label(notFn);
      a.cmp(byte(edi), KIND.String).jne(learn);
      a.mov(edi, root('intrinsics'));
      a.cmp(dword(edi, slot(3) + 4), TAG.cell).jne(generic);
      a.mov(edi, dword(edi, slot(3)));
      a.label(learn);
      propObject(a, edi, generic);
      h.u16(ecx, icOp);
      a.mov(eax, edi).call('ic_learn_get');
      a.cmp(eax, 1).je(generic);
      a.test(eax, eax).jz(undef);
      a.test(byte(eax, 16), ATTR_ACCESSOR).jnz(foundAcc);
      a.mov(edx, dword(eax, 12)).mov(eax, dword(eax, 8)).jmp(got);
      a.label(foundAcc).mov(eax, dword(eax, 8)).mov(edx, TAG_ACCESSOR);
      a.label(got);
      finishGet(h, 0, 1);
      a.label(undef);
      loadTag(h, TAG.undef);
      a.label(generic);
      constKey(h, keyOp);
      getWithKey(h, 0, 1);
    });
  },

  SetProp: (h) => {
    const a = h.a, icOp = 3, keyOp = 1, slow = h.label('slow'), ok = h.label('ok');
    h.reg(eax, 0);
    a.cmp(T(eax), TAG.cell).jne(slow);
    a.mov(edi, V(eax));
    a.cmp(byte(edi), KIND.Object).jne(h.lbl('notobject')); // not arrays (length)
    a.label(ok);
    a.cmp(dword(edi, PROPS + 4), TAG.cell).jne(slow);
    a.mov(eax, dword(edi, PROPS));
    a.mov(edx, dword(eax, PT_SHAPE));
    h.u16(ecx, icOp);
    a.cmp(edx, icShape(ecx)).jne(slow);
    a.add(eax, icOffset(ecx));
    checkHit(h, keyOp, 2);
    h.reg(ecx, 2);
    copyValue8(a, at(eax), valueAt(ecx));
    h.next();
    h.later.add(() => {
      const generic = h.label('generic');
      a.label(h.lbl('notobject')).cmp(byte(edi), KIND.Function).je(ok);
      a.label(slow);
      h.reg(eax, 0);
      a.cmp(T(eax), TAG.cell).jne(generic);
      a.mov(eax, V(eax));
      a.cmp(byte(eax), KIND.Object).je(h.lbl('learn')).cmp(byte(eax), KIND.Function).jne(generic);
      a.label(h.lbl('learn'));
      keyOnly(h, keyOp);
      h.u16(ecx, icOp);
      a.call('ic_learn_set');
      a.label(generic);
      constKey(h, keyOp);
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
