// Map and Set operations done by the machine: a Call of the prelude's Map.prototype.get,
// set, has, delete or Set.prototype.add, has, delete (registered as intrinsics) runs the
// probe here, over the same ordered-hash store the prelude's TypeScript uses
// (runtime/ordered-hash.ts), without a frame. Anything this code does not cover (a key
// that is not an int32, a string or an object/symbol; a receiver that is not a Map/Set; an
// insert that needs the store rebuilt or an array grown; a delete that would shrink it)
// declines: the call then runs the prelude's method as before, so the machine never has to
// agree with the prelude on more than the cases it takes.
//
// The layout it reads (checked by the prelude at start-up: runtime/prelude/collections.ts):
//   Map/Set object: property 0 is the private #table (a PrivateName key), whose value is an
//     OrderedHashTable (its [[Prototype]] is Intrinsic.OrderedHashTablePrototype)
//   OrderedHashTable properties: 0 store, 1 hashOf, 2 hole (the tombstone object), 3 kind
//     (0 Map, 1 Set)
//   Store properties: 0 keys, 1 values, 2 chain, 3 buckets (arrays), 4 mask, 5 live (int32)
// Hashes are the prelude's hashOf: an int32 key is itself, a string its str_hash (FNV-1a
// over the units, never 0; the string keeps it), an object or symbol its identity hash
// (header bits 16-31, given on first use as the identityHash native does); then spread by
// h * 0x9e3779b1, high half folded into the low one, masked (ordered-hash.ts spreadHash).

import { X86Assembler, al, byte, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, sym } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { Intrinsic } from '../../image-builder/bytecode/intrinsics.ts';
import { T, V, root, var32 } from './asm.ts';
import type { H } from './helpers.ts';
import { MM_FIRST_CODE, interceptIndex } from './machine-methods.ts';
import { ARRAY_ELEMENTS, ARRAY_LENGTH, FN_INDEX, KIND, PROPS, PROTO, PT_COUNT, PT_ENTRIES, PT_ENTRY_SIZE, TAG, slot } from './layout.ts';

const COLL_TABLE_PROTO_ID = Intrinsic.OrderedHashTablePrototype;
/** Operation codes (1-based: 0 in the intercept table means "not intercepted"), by intrinsic. */
const OP = { MapGet: 1, MapSet: 2, MapHas: 3, MapDelete: 4, SetAdd: 5, SetHas: 6, SetDelete: 7 } as const;
/** The intrinsic ids of the methods, in operation-code order (code = index + 1). */
export const COLL_METHOD_IDS = [Intrinsic.MapGet, Intrinsic.MapSet, Intrinsic.MapHas, Intrinsic.MapDelete, Intrinsic.SetAdd, Intrinsic.SetHas, Intrinsic.SetDelete] as const;

/** The intercept code of Array.prototype.push (Intrinsic.ArrayPush): Call's own push path. */
const OP_PUSH = 8;

/** One byte per function index (u16): the operation code of a registered method (1-7, OP_PUSH,
 *  machine-methods.ts's from MM_FIRST_CODE), else 0. */
export const CALL_INTERCEPT = 'call_intercept';

/** Address of property k's value in the property table at r. */
const pv = (r: typeof eax, k: number, w = 0) => dword(r, PT_ENTRIES + k * PT_ENTRY_SIZE + 8 + w);
/** Word w of element `i` of the ValueVector at `v`. */
const el = (v: typeof eax, i: typeof eax, w = 0) => dword({ base: v, index: i, scale: 8, disp: 8 + w });

// coll_op's locals, from esp (after its four pushes and `sub esp, L.size`)
const L = {
  op: 0, // operation code
  argc: 4,
  bucket: 8, // the key's bucket index
  storeProps: 12, // the store's property table
  keysLen: 16, // keys.length (= chain.length = values.length)
  tableProps: 20,
  size: 24,
};
const SAVED = 16; // ebx, esi, edi, ebp
const THIS_PTR = L.size + SAVED + 4; // pushed by the caller: &this (above the return address)

/** Kind of table (the table's property 3) each operation code needs: Map 0, Set 1. */
const KIND_OF_OP = [2, 0, 0, 0, 0, 1, 1, 1];
const FOUND = ['', 'coll_get', 'coll_replace', 'coll_true', 'coll_delete', 'coll_replace', 'coll_true', 'coll_delete'];
const ABSENT = ['', 'coll_undef', 'coll_insert', 'coll_false', 'coll_false', 'coll_insert', 'coll_false', 'coll_false'];

/**
 * registerIntrinsic's part: ecx = the id, edx = &value. When the id is one of the methods and
 * the value a Function, its function index gets the operation code in the intercept table.
 * Clobbers eax, edi.
 */
export function registerCollectionMethod(a: X86Assembler, skip: string): void {
  const first = COLL_METHOD_IDS[0], last = COLL_METHOD_IDS[COLL_METHOD_IDS.length - 1];
  const method = a.newLabel('ri_coll_method'), notPush = a.newLabel('ri_coll_notpush');
  a.cmp(ecx, Intrinsic.ArrayPush).jne(notPush);
  interceptIndex(a, skip);
  a.mov(byte({ index: edi, disp: sym(CALL_INTERCEPT) }), OP_PUSH).jmp(skip);
  a.label(notPush);
  COLL_METHOD_IDS.forEach((id, k) => { if (id !== first + k) throw new Error('collections: method ids must be consecutive'); });
  a.cmp(ecx, first).jb(skip).cmp(ecx, last).ja(skip);
  a.label(method);
  interceptIndex(a, skip);
  a.lea(eax, mem(ecx, 1 - first)); // the operation code
  a.mov(byte({ index: edi, disp: sym(CALL_INTERCEPT) }), al);
}

export function emitCollectionRoutines(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(4).label(CALL_INTERCEPT).space(0x10000);
  // the receiver last found to be a Map/Set, its table, and gc_count then: valid until the
  // next collection (objects move only then, and a Map's #table never changes)
  a.label('coll_last_recv').space(4).label('coll_last_table').space(4).label('coll_last_gc').space(4);
  a.section('.rodata').align(4);
  a.label('coll_kind_of_op');
  for (const k of KIND_OF_OP) a.dd(k);
  a.label('coll_found_table');
  for (const l of FOUND) a.dd(sym(l === '' ? 'coll_decline' : l));
  a.label('coll_absent_table');
  for (const l of ABSENT) a.dd(sym(l === '' ? 'coll_decline' : l));
  a.section('.text');

  // coll_op: ecx = operation code (1-7, COLL_METHOD_IDS order), edx = argc, edi = &first
  // argument, [esp + 4] = &this (pushed by the caller, popped by it). Returns ecx = 1 and the
  // result in eax:edx (payload, tag) when done, ecx = 0 when the prelude's method must run.
  // Never allocates. Preserves ebx, esi, edi, ebp. The store's fields are the prelude's own
  // (always arrays and int32s: ordered-hash.ts); entry indices are checked against keys.length
  // and chain/values checked to be as long.
  routine(a, 'coll_op', () => {
    const decline = 'coll_decline';
    a.push(ebx).push(esi).push(edi).push(ebp);
    a.sub(esp, L.size);
    a.mov(dword(esp, L.op), ecx).mov(dword(esp, L.argc), edx);
    a.test(edx, edx).jz(decline);
    a.cmp(ecx, OP.MapSet).jne('coll_argc_ok').cmp(edx, 2).jb(decline); // m.set(k): the prelude's
    a.label('coll_argc_ok');
    // the receiver: an Object whose property 0 is a private field holding an OrderedHashTable
    a.mov(eax, dword(esp, THIS_PTR));
    a.cmp(dword(eax, 4), TAG.cell).jne(decline);
    a.mov(eax, dword(eax));
    a.cmp(eax, var32('coll_last_recv')).jne('coll_validate');
    a.mov(edx, var32('gc_count')).cmp(edx, var32('coll_last_gc')).jne('coll_validate');
    a.mov(eax, var32('coll_last_table'));
    a.label('coll_have_table'); // eax = the table object
    a.mov(eax, dword(eax, PROPS)).mov(dword(esp, L.tableProps), eax);
    a.mov(edx, dword({ index: ecx, scale: 4, disp: sym('coll_kind_of_op') }));
    a.cmp(pv(eax, 3), edx).jne(decline);
    a.mov(eax, pv(eax, 0)).mov(ebx, dword(eax, PROPS)).mov(dword(esp, L.storeProps), ebx);
    a.mov(eax, pv(ebx, 0)).mov(edx, dword(eax, ARRAY_LENGTH)).mov(dword(esp, L.keysLen), edx);
    a.mov(esi, dword(eax, ARRAY_ELEMENTS)); // keys' vector (read only below keys.length)
    a.mov(eax, pv(ebx, 2)).cmp(dword(eax, ARRAY_LENGTH), edx).jne(decline);
    a.mov(ebp, dword(eax, ARRAY_ELEMENTS)); // chain's vector

    // the key's hash and the probe, by the key's type
    a.cmp(dword(edi, 4), TAG.int).je('coll_int');
    a.cmp(dword(edi, 4), TAG.cell).jne(decline);
    a.mov(eax, dword(edi));
    a.cmp(byte(eax), KIND.String).je('coll_str');
    a.cmp(byte(eax), KIND.Symbol).je('coll_obj');
    a.cmp(byte(eax), KIND.Object).jb(decline).cmp(byte(eax), KIND.Function).ja(decline);
    // an object or symbol: its identity hash (as the identityHash native gives it); equal
    // only to itself
    a.label('coll_obj');
    a.mov(edx, dword(eax)).shr(edx, 16).jnz('coll_obj_hash');
    a.mov(edx, var32('hash_counter')).add(edx, 1).mov(var32('hash_counter'), edx);
    a.imul(edx, edx, 40503).and(edx, 0xffff).jnz('coll_obj_nz').mov(edx, 1);
    a.label('coll_obj_nz');
    a.mov(ecx, edx).shl(ecx, 16).and(dword(eax), 0xffff).or(dword(eax), ecx);
    a.label('coll_obj_hash');
    bucket(a, edx);
    a.mov(eax, dword(edi));
    a.label('coll_obj_loop'); // ecx = entry index or -1, eax = the key
    a.test(ecx, ecx).js('coll_absent');
    a.cmp(ecx, dword(esp, L.keysLen)).jae(decline);
    a.cmp(el(esi, ecx), eax).jne('coll_obj_next');
    a.cmp(el(esi, ecx, 4), TAG.cell).je('coll_found');
    a.label('coll_obj_next');
    a.mov(ecx, el(ebp, ecx)).jmp('coll_obj_loop');

    // a string: equal by address or by units
    a.label('coll_str');
    a.call('str_hash');
    bucket(a, eax);
    a.label('coll_str_loop');
    a.test(ecx, ecx).js('coll_absent');
    a.cmp(ecx, dword(esp, L.keysLen)).jae(decline);
    a.cmp(el(esi, ecx, 4), TAG.cell).jne('coll_str_next');
    a.mov(eax, el(esi, ecx)).mov(edx, dword(edi));
    a.cmp(eax, edx).je('coll_found');
    a.cmp(byte(eax), KIND.String).jne('coll_str_next');
    a.call('str_equal').test(eax, eax).jnz('coll_found');
    a.label('coll_str_next');
    a.mov(ecx, el(ebp, ecx)).jmp('coll_str_loop');

    // an int32: equal to an int32 entry with the same payload; an entry that holds a number
    // in another representation (a double, a uint32) declines: the prelude compares by value
    a.label('coll_int');
    bucket(a, dword(edi));
    a.mov(eax, dword(edi));
    a.label('coll_int_loop');
    a.test(ecx, ecx).js('coll_absent');
    a.cmp(ecx, dword(esp, L.keysLen)).jae(decline);
    a.mov(edx, el(esi, ecx, 4));
    a.cmp(edx, TAG.int).jne('coll_int_other');
    a.cmp(el(esi, ecx), eax).je('coll_found');
    a.label('coll_int_next');
    a.mov(ecx, el(ebp, ecx)).jmp('coll_int_loop');
    a.label('coll_int_other');
    a.cmp(edx, TAG.uint).je(decline);
    a.cmp(edx, TAG.firstTag).jb(decline);
    a.jmp('coll_int_next');

    // ---- found at index ecx; absent (the bucket in L.bucket) ----
    a.label('coll_found');
    a.mov(eax, dword(esp, L.op)).jmp(dword({ index: eax, scale: 4, disp: sym('coll_found_table') }));
    a.label('coll_absent');
    a.mov(eax, dword(esp, L.op)).jmp(dword({ index: eax, scale: 4, disp: sym('coll_absent_table') }));

    a.label('coll_get');
    valuesVector(a, eax);
    a.mov(edx, el(eax, ecx, 4)).mov(eax, el(eax, ecx));
    a.jmp('coll_done');
    // set / add of a key that is there: the value is replaced (add stores the argument itself)
    a.label('coll_replace');
    valuesVector(a, eax);
    storeArgValue(a);
    a.jmp('coll_this');
    a.label('coll_delete');
    // the prelude rebuilds when mask + 1 > 4 and live * 4 < mask + 1 after the delete: decline then
    a.mov(ebx, dword(esp, L.storeProps));
    a.mov(eax, pv(ebx, 4)).add(eax, 1); // mask + 1
    a.mov(edx, pv(ebx, 5)).sub(edx, 1).shl(edx, 2); // (live - 1) * 4
    a.cmp(eax, 4).jle('coll_del_ok');
    a.cmp(edx, eax).jl(decline);
    a.label('coll_del_ok');
    valuesVector(a, eax);
    a.mov(el(eax, ecx), 0).mov(el(eax, ecx, 4), TAG.undef);
    a.mov(eax, dword(esp, L.tableProps)).mov(edx, pv(eax, 2)); // the tombstone
    a.mov(el(esi, ecx), edx).mov(el(esi, ecx, 4), TAG.cell);
    a.sub(pv(ebx, 5), 1);
    a.label('coll_true').mov(eax, 1).mov(edx, TAG.bool).jmp('coll_done');
    a.label('coll_false').xor(eax, eax).mov(edx, TAG.bool).jmp('coll_done');
    a.label('coll_undef').xor(eax, eax).mov(edx, TAG.undef).jmp('coll_done');

    // insert: only while the prelude would not rebuild (keys.length < 2 * (mask + 1)) and
    // keys, values and chain all have room in their vectors
    a.label('coll_insert');
    a.mov(ebx, dword(esp, L.storeProps));
    a.mov(ecx, dword(esp, L.keysLen)); // the new entry's index
    a.mov(edx, pv(ebx, 4)).add(edx, 1).add(edx, edx).cmp(ecx, edx).jge(decline);
    for (const k of [0, 1, 2]) {
      a.mov(eax, pv(ebx, k));
      a.cmp(dword(eax, ARRAY_LENGTH), ecx).jne(decline);
      a.cmp(dword(eax, ARRAY_ELEMENTS + 4), TAG.cell).jne(decline);
      a.mov(eax, dword(eax, ARRAY_ELEMENTS));
      a.mov(edx, dword(eax, 4)).sub(edx, 8).shr(edx, 3).cmp(ecx, edx).jae(decline);
    }
    // keys[n] = key, values[n] = value, chain[n] = buckets[b], buckets[b] = n
    a.mov(eax, pv(ebx, 0)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.mov(edx, dword(edi)).mov(el(eax, ecx), edx).mov(edx, dword(edi, 4)).mov(el(eax, ecx, 4), edx);
    a.mov(eax, pv(ebx, 1)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    storeArgValue(a);
    a.mov(eax, pv(ebx, 3)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.mov(edx, dword(esp, L.bucket));
    a.mov(esi, el(eax, edx)); // the bucket's old head
    a.mov(el(eax, edx), ecx);
    a.mov(eax, pv(ebx, 2)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.mov(el(eax, ecx), esi).mov(el(eax, ecx, 4), TAG.int);
    a.add(ecx, 1);
    for (const k of [0, 1, 2]) a.mov(eax, pv(ebx, k)).mov(dword(eax, ARRAY_LENGTH), ecx);
    a.add(pv(ebx, 5), 1);
    // set and add return this
    a.label('coll_this');
    a.mov(eax, dword(esp, THIS_PTR)).mov(edx, dword(eax, 4)).mov(eax, dword(eax));
    a.label('coll_done');
    a.mov(ecx, 1);
    a.label('coll_ret');
    a.add(esp, L.size).pop(ebp).pop(edi).pop(esi).pop(ebx).ret();
    a.label(decline).xor(ecx, ecx).jmp('coll_ret');

    // eax = a receiver not seen last: check it is a Map or Set and remember it
    a.label('coll_validate');
    a.cmp(byte(eax), KIND.Object).jne(decline);
    a.mov(edx, eax);
    a.cmp(dword(eax, PROPS + 4), TAG.cell).jne(decline);
    a.mov(eax, dword(eax, PROPS));
    a.cmp(dword(eax, PT_COUNT), 1).jl(decline);
    a.cmp(dword(eax, PT_ENTRIES + 4), TAG.cell).jne(decline);
    a.mov(ecx, dword(eax, PT_ENTRIES)).cmp(byte(ecx), KIND.PrivateName).jne(decline);
    a.cmp(pv(eax, 0, 4), TAG.cell).jne(decline);
    a.mov(eax, pv(eax, 0)); // the table
    a.cmp(byte(eax), KIND.Object).jne(decline);
    a.cmp(dword(eax, PROTO + 4), TAG.cell).jne(decline);
    a.mov(ecx, root('intrinsics'));
    a.cmp(dword(ecx, slot(COLL_TABLE_PROTO_ID) + 4), TAG.cell).jne(decline);
    a.mov(ecx, dword(ecx, slot(COLL_TABLE_PROTO_ID))).cmp(dword(eax, PROTO), ecx).jne(decline);
    a.cmp(dword(eax, PROPS + 4), TAG.cell).jne(decline);
    a.mov(ecx, dword(eax, PROPS));
    a.cmp(dword(ecx, PT_COUNT), 4).jl(decline);
    a.mov(var32('coll_last_recv'), edx).mov(var32('coll_last_table'), eax);
    a.mov(edx, var32('gc_count')).mov(var32('coll_last_gc'), edx);
    a.mov(ecx, dword(esp, L.op));
    a.jmp('coll_have_table');
  });
}

/**
 * ecx = the head of the key's bucket for hash `h` (a register or memory; not ecx), and
 * [esp + L.bucket] = the bucket's index. Clobbers eax, edx; ebx = the store's properties.
 */
function bucket(a: X86Assembler, h: typeof edx | ReturnType<typeof dword>): void {
  a.mov(eax, h as typeof edx);
  a.imul(eax, eax, 0x9e3779b1 | 0);
  a.mov(edx, eax).shr(edx, 16).xor(eax, edx);
  a.and(eax, pv(ebx, 4)); // mask
  a.mov(dword(esp, L.bucket), eax);
  a.mov(edx, pv(ebx, 3)); // buckets
  a.cmp(eax, dword(edx, ARRAY_LENGTH)).jae('coll_decline');
  a.mov(edx, dword(edx, ARRAY_ELEMENTS));
  a.mov(ecx, el(edx, eax));
}

/** r = the values array's vector (values has keys' length, so index ecx is in it). Clobbers edx. */
function valuesVector(a: X86Assembler, r: typeof eax): void {
  a.mov(edx, dword(esp, L.storeProps)).mov(r, pv(edx, 1));
  a.mov(edx, dword(esp, L.keysLen)).cmp(dword(r, ARRAY_LENGTH), edx).jne('coll_decline');
  a.mov(r, dword(r, ARRAY_ELEMENTS));
}

/** values vector eax, index ecx: store the operation's value (set: argument 1; add: argument 0). Clobbers edx. */
function storeArgValue(a: X86Assembler): void {
  const add = a.newLabel('coll_add'), st = a.newLabel('coll_st');
  a.cmp(dword(esp, L.op), OP.SetAdd).je(add);
  a.mov(edx, dword(edi, 8)).mov(el(eax, ecx), edx).mov(edx, dword(edi, 12)).mov(el(eax, ecx, 4), edx);
  a.jmp(st);
  a.label(add);
  a.mov(edx, dword(edi)).mov(el(eax, ecx), edx).mov(edx, dword(edi, 4)).mov(el(eax, ecx, 4), edx);
  a.label(st);
}

/**
 * Call's check (eax = the callee, a Function; edx = its function index): a registered
 * Map/Set method goes to coll_op first. Emits `cmp byte [call_intercept + edx], 0; jne` (two
 * instructions on every call) and, out of line, the call of coll_op: done, it stores the
 * result and dispatches; declined, it restores eax and edx and jumps to `resume`.
 */
export function collectionCall(h: H, resume: string, push: string): void {
  const a = h.a, intercept = h.label('coll'), declined = h.label('coll_declined');
  a.cmp(byte({ index: edx, disp: sym(CALL_INTERCEPT) }), 0).jne(intercept);
  h.later.add(() => {
    a.label(intercept);
    a.movzx(ecx, byte({ index: edx, disp: sym(CALL_INTERCEPT) }));
    // Array.prototype.push with one argument: Call's push path, past its callee check
    const notPush = h.label('coll_notpush');
    a.cmp(ecx, OP_PUSH).jne(notPush);
    h.reg(ecx, 4);
    a.cmp(ecx, 1).je(push);
    a.jmp(resume);
    a.label(notPush);
    a.push(eax);
    h.reg(edx, 2);
    a.lea(edx, mem({ base: ebp, index: edx, scale: 8 })).push(edx);
    h.reg(edx, 3);
    a.lea(edi, mem({ base: ebp, index: edx, scale: 8 }));
    h.reg(edx, 4);
    const mm = h.label('mm'), called = h.label('called');
    a.cmp(ecx, MM_FIRST_CODE).jae(mm);
    a.call('coll_op').jmp(called);
    a.label(mm).call('mm_op'); // Math.floor, charCodeAt, pop, ... (machine-methods.ts)
    a.label(called);
    a.add(esp, 4);
    a.test(ecx, ecx).jz(declined);
    a.add(esp, 4);
    h.reg(ecx, 0);
    a.mov(V(ecx), eax).mov(T(ecx), edx);
    h.next();
    a.label(declined);
    a.pop(eax).mov(edx, dword(eax, FN_INDEX)).jmp(resume);
  });
}
