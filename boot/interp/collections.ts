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

import { X86Assembler, byte, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, sym } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { root, var32 } from './asm.ts';
import { ARRAY_ELEMENTS, ARRAY_LENGTH, KIND, PROPS, PROTO, PT_COUNT, PT_ENTRIES, PT_ENTRY_SIZE, TAG, slot } from './layout.ts';

/** Intrinsic ids (image-builder/bytecode/natives.ts): the table prototype, then the seven methods in COLL_OPS order. */
export const COLL_TABLE_PROTO_ID = 47;
export const COLL_FIRST_METHOD_ID = 48;
/** Operation codes (1-based: 0 in the intercept table means "not intercepted"). */
export const COLL_OPS = ['MapGet', 'MapSet', 'MapHas', 'MapDelete', 'SetAdd', 'SetHas', 'SetDelete'] as const;
const OP = { MapGet: 1, MapSet: 2, MapHas: 3, MapDelete: 4, SetAdd: 5, SetHas: 6, SetDelete: 7 } as const;

/** One byte per function index (u16): the COLL_OPS code of a registered method, else 0. */
export const CALL_INTERCEPT = 'call_intercept';

/** Address of property k's value in the property table at r. */
const pv = (r: typeof eax, k: number, w = 0) => dword(r, PT_ENTRIES + k * PT_ENTRY_SIZE + 8 + w);
/** Word w of element `i` of the ValueVector at `v`. */
const el = (v: typeof eax, i: typeof eax, w = 0) => dword({ base: v, index: i, scale: 8, disp: 8 + w });

// stack frame of coll_op (after the four pushes and the locals below)
const L = {
  op: 0, // operation code
  argc: 4,
  hash: 8,
  storeProps: 12, // the store's property table
  keysVec: 16, // keys' element vector
  chainVec: 20,
  keysCap: 24, // capacity of keysVec
  tableProps: 28,
  chainCap: 32,
  size: 36,
};
const SAVED = 16; // ebx, esi, edi, ebp
const THIS_PTR = L.size + SAVED + 4; // caller-pushed: &this (above the return address)

export function emitCollectionRoutines(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(4).label(CALL_INTERCEPT).space(0x10000);
  a.section('.text');

  // coll_op: ecx = operation code (COLL_OPS, 1-based), edx = argc, edi = &first argument,
  // [esp + 4] = &this (pushed by the caller, popped by it). Returns ecx = 1 and the result
  // in eax:edx (payload, tag) when done, ecx = 0 when the prelude must run the call.
  // Never allocates. Preserves ebx, esi, edi, ebp.
  routine(a, 'coll_op', () => {
    const done = 'coll_done', decline = 'coll_decline';
    a.push(ebx).push(esi).push(edi).push(ebp);
    a.sub(esp, L.size);
    a.mov(dword(esp, L.op), ecx).mov(dword(esp, L.argc), edx);
    a.test(edx, edx).jz(decline);
    a.cmp(ecx, OP.MapSet).jne('coll_argc_ok').cmp(edx, 2).jb(decline); // m.set(k): the prelude
    a.label('coll_argc_ok');
    // the receiver: an Object whose property 0 is a private field holding an OrderedHashTable
    a.mov(eax, dword(esp, THIS_PTR));
    a.cmp(dword(eax, 4), TAG.cell).jne(decline);
    a.mov(eax, dword(eax));
    a.cmp(byte(eax), KIND.Object).jne(decline);
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
    a.mov(eax, dword(eax, PROPS)).mov(dword(esp, L.tableProps), eax);
    a.cmp(dword(eax, PT_COUNT), 4).jl(decline);
    // kind: 0 for the Map operations (1-4), 1 for the Set ones
    a.xor(ecx, ecx).cmp(dword(esp, L.op), OP.SetAdd).jb('coll_kind').mov(ecx, 1);
    a.label('coll_kind');
    a.cmp(pv(eax, 3, 4), TAG.int).jne(decline);
    a.cmp(pv(eax, 3), ecx).jne(decline);
    a.cmp(pv(eax, 0, 4), TAG.cell).jne(decline);
    a.mov(eax, pv(eax, 0)); // the store
    a.cmp(dword(eax, PROPS + 4), TAG.cell).jne(decline);
    a.mov(ebx, dword(eax, PROPS)).mov(dword(esp, L.storeProps), ebx);
    a.cmp(dword(ebx, PT_COUNT), 6).jl(decline);
    // keys' and chain's element vectors (arrays the prelude made; always with a vector once
    // they hold an entry, but an empty store may have none)
    for (const [k, off] of [[0, L.keysVec], [2, L.chainVec]] as const) {
      a.cmp(pv(ebx, k, 4), TAG.cell).jne(decline);
      a.mov(eax, pv(ebx, k));
      a.cmp(byte(eax), KIND.Array).jne(decline);
      a.cmp(dword(eax, ARRAY_ELEMENTS + 4), TAG.cell).je(`coll_vec${k}`);
      a.xor(eax, eax).mov(dword(esp, off), eax); // no vector: no entries (capacity 0)
      a.mov(dword(esp, k === 0 ? L.keysCap : L.chainCap), 0);
      a.jmp(`coll_vec${k}_done`);
      a.label(`coll_vec${k}`);
      a.mov(eax, dword(eax, ARRAY_ELEMENTS)).mov(dword(esp, off), eax);
      a.mov(eax, dword(eax, 4)).sub(eax, 8).shr(eax, 3).mov(dword(esp, k === 0 ? L.keysCap : L.chainCap), eax);
      a.label(`coll_vec${k}_done`);
    }

    // the key's hash and the probe, by the key's type
    a.cmp(dword(edi, 4), TAG.int).je('coll_int');
    a.cmp(dword(edi, 4), TAG.cell).jne(decline);
    a.mov(eax, dword(edi));
    a.cmp(byte(eax), KIND.String).je('coll_str');
    a.cmp(byte(eax), KIND.Symbol).je('coll_obj');
    a.cmp(byte(eax), KIND.Object).jb(decline).cmp(byte(eax), KIND.Function).ja(decline);
    // an object or symbol: its identity hash (as the identityHash native gives it)
    a.label('coll_obj');
    a.mov(edx, dword(eax)).shr(edx, 16).jnz('coll_obj_hash');
    a.mov(edx, var32('hash_counter')).add(edx, 1).mov(var32('hash_counter'), edx);
    a.imul(edx, edx, 40503).and(edx, 0xffff).jnz('coll_obj_nz').mov(edx, 1);
    a.label('coll_obj_nz');
    a.mov(ecx, edx).shl(ecx, 16).and(dword(eax), 0xffff).or(dword(eax), ecx);
    a.label('coll_obj_hash');
    bucket(a, edx);
    a.label('coll_obj_loop'); // ecx = entry index or -1
    a.test(ecx, ecx).js('coll_absent');
    a.cmp(ecx, dword(esp, L.keysCap)).jae(decline);
    a.mov(eax, dword(esp, L.keysVec));
    a.mov(edx, dword(edi));
    a.cmp(el(eax, ecx, 4), TAG.cell).jne('coll_obj_next');
    a.cmp(el(eax, ecx), edx).je('coll_found');
    a.label('coll_obj_next');
    nextInChain(a, 'coll_obj_loop');

    // a string: equal by address or by units
    a.label('coll_str');
    a.call('str_hash');
    bucket(a, eax);
    a.label('coll_str_loop');
    a.test(ecx, ecx).js('coll_absent');
    a.cmp(ecx, dword(esp, L.keysCap)).jae(decline);
    a.mov(eax, dword(esp, L.keysVec));
    a.cmp(el(eax, ecx, 4), TAG.cell).jne('coll_str_next');
    a.mov(eax, el(eax, ecx));
    a.mov(edx, dword(edi));
    a.cmp(eax, edx).je('coll_found');
    a.cmp(byte(eax), KIND.String).jne('coll_str_next');
    a.push(ecx).call('str_equal').mov(edx, eax).pop(ecx);
    a.test(edx, edx).jnz('coll_found');
    a.label('coll_str_next');
    nextInChain(a, 'coll_str_loop');

    // an int32: equal to an int32 entry with the same payload; an entry that is another
    // representation of a number (a double, a uint32) declines
    a.label('coll_int');
    bucket(a, dword(edi));
    a.label('coll_int_loop');
    a.test(ecx, ecx).js('coll_absent');
    a.cmp(ecx, dword(esp, L.keysCap)).jae(decline);
    a.mov(eax, dword(esp, L.keysVec));
    a.mov(edx, el(eax, ecx, 4));
    a.cmp(edx, TAG.int).jne('coll_int_other');
    a.mov(edx, dword(edi)).cmp(el(eax, ecx), edx).je('coll_found');
    a.label('coll_int_next');
    nextInChain(a, 'coll_int_loop');
    a.label('coll_int_other');
    a.cmp(edx, TAG.uint).je(decline);
    a.cmp(edx, TAG.firstTag).jb(decline);
    a.jmp('coll_int_next');

    // ---- found at index ecx ----
    a.label('coll_found');
    a.mov(eax, dword(esp, L.op));
    a.cmp(eax, OP.MapGet).je('coll_get');
    a.cmp(eax, OP.MapHas).je('coll_true');
    a.cmp(eax, OP.SetHas).je('coll_true');
    a.cmp(eax, OP.MapDelete).je('coll_delete');
    a.cmp(eax, OP.SetDelete).je('coll_delete');
    // set / add of an existing key: the value is replaced (add stores the argument itself)
    a.call('coll_value_vec'); // eax = values' vector (ecx < its capacity) or decline
    a.test(eax, eax).jz(decline);
    storeArgValue(a);
    a.jmp('coll_this');
    a.label('coll_get');
    a.call('coll_value_vec');
    a.test(eax, eax).jz(decline);
    a.mov(edx, el(eax, ecx, 4)).mov(eax, el(eax, ecx));
    a.jmp(done);
    a.label('coll_delete');
    // the prelude rebuilds when mask + 1 > 4 and live * 4 < mask + 1 after the delete: decline then
    a.mov(ebx, dword(esp, L.storeProps));
    a.mov(eax, pv(ebx, 4)).add(eax, 1); // mask + 1
    a.mov(edx, pv(ebx, 5)).sub(edx, 1).shl(edx, 2); // (live - 1) * 4
    a.cmp(eax, 4).jle('coll_del_ok');
    a.cmp(edx, eax).jl(decline);
    a.label('coll_del_ok');
    a.call('coll_value_vec');
    a.test(eax, eax).jz(decline);
    a.mov(el(eax, ecx), 0).mov(el(eax, ecx, 4), TAG.undef);
    a.mov(eax, dword(esp, L.tableProps)).mov(edx, pv(eax, 2)); // the tombstone
    a.mov(eax, dword(esp, L.keysVec));
    a.mov(el(eax, ecx), edx).mov(el(eax, ecx, 4), TAG.cell);
    a.sub(pv(ebx, 5), 1);
    a.jmp('coll_true');

    // ---- absent; ecx = -1, [esp + L.hash] = the bucket ----
    a.label('coll_absent');
    a.mov(eax, dword(esp, L.op));
    a.cmp(eax, OP.MapGet).je('coll_undef');
    a.cmp(eax, OP.MapSet).je('coll_insert');
    a.cmp(eax, OP.SetAdd).je('coll_insert');
    a.label('coll_false').xor(eax, eax).mov(edx, TAG.bool).jmp(done);
    a.label('coll_true').mov(eax, 1).mov(edx, TAG.bool).jmp(done);
    a.label('coll_undef').xor(eax, eax).mov(edx, TAG.undef).jmp(done);
    // insert: only while the prelude would not rebuild (keys.length < 2 * (mask + 1)) and
    // keys, values and chain all have room in their vectors
    a.label('coll_insert');
    a.mov(ebx, dword(esp, L.storeProps));
    a.mov(eax, pv(ebx, 0)).mov(ecx, dword(eax, ARRAY_LENGTH)); // ecx = keys.length = the new index
    a.cmp(dword(eax, ARRAY_LENGTH + 4), TAG.int).jne(decline);
    a.mov(edx, pv(ebx, 4)).add(edx, 1).add(edx, edx).cmp(ecx, edx).jge(decline);
    for (const k of [0, 1, 2]) {
      a.cmp(pv(ebx, k, 4), TAG.cell).jne(decline);
      a.mov(eax, pv(ebx, k));
      a.cmp(dword(eax, ARRAY_LENGTH), ecx).jne(decline);
      a.cmp(dword(eax, ARRAY_ELEMENTS + 4), TAG.cell).jne(decline);
      a.mov(eax, dword(eax, ARRAY_ELEMENTS));
      a.mov(edx, dword(eax, 4)).sub(edx, 8).shr(edx, 3).cmp(ecx, edx).jae(decline);
    }
    // buckets[b] must be an int32 (it is: the probe read it)
    // keys[n] = key, values[n] = value, chain[n] = buckets[b], buckets[b] = n
    a.mov(eax, pv(ebx, 0)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.mov(edx, dword(edi)).mov(el(eax, ecx), edx).mov(edx, dword(edi, 4)).mov(el(eax, ecx, 4), edx);
    a.mov(eax, pv(ebx, 1)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    storeArgValue(a);
    a.mov(eax, pv(ebx, 3)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.mov(edx, dword(esp, L.hash)); // the bucket
    a.mov(esi, el(eax, edx)); // old head
    a.mov(el(eax, edx), ecx);
    a.mov(eax, pv(ebx, 2)).mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.mov(el(eax, ecx), esi).mov(el(eax, ecx, 4), TAG.int);
    a.add(ecx, 1);
    for (const k of [0, 1, 2]) a.mov(eax, pv(ebx, k)).mov(dword(eax, ARRAY_LENGTH), ecx);
    a.add(pv(ebx, 5), 1);
    // set and add return this
    a.label('coll_this');
    a.mov(eax, dword(esp, THIS_PTR)).mov(edx, dword(eax, 4)).mov(eax, dword(eax));
    a.label(done);
    a.mov(ecx, 1);
    a.label('coll_ret');
    a.add(esp, L.size).pop(ebp).pop(edi).pop(esi).pop(ebx).ret();
    a.label(decline).xor(ecx, ecx).jmp('coll_ret');
  });

  // coll_value_vec: (inside coll_op: [esp + 4 + L.*]) ecx = an entry index. eax = the
  // values array's element vector when ecx is below its capacity, else 0. Preserves ecx.
  routine(a, 'coll_value_vec', () => {
    const S = 4; // the return address
    a.mov(eax, dword(esp, S + L.storeProps));
    a.cmp(pv(eax, 1, 4), TAG.cell).jne('cvv_none');
    a.mov(eax, pv(eax, 1));
    a.cmp(byte(eax), KIND.Array).jne('cvv_none');
    a.cmp(dword(eax, ARRAY_ELEMENTS + 4), TAG.cell).jne('cvv_none');
    a.mov(eax, dword(eax, ARRAY_ELEMENTS));
    a.push(edx).mov(edx, dword(eax, 4)).sub(edx, 8).shr(edx, 3).cmp(ecx, edx).pop(edx).jae('cvv_none');
    a.ret();
    a.label('cvv_none').xor(eax, eax).ret();
  });
}

/**
 * ecx = the head of the key's bucket (an int32 from the buckets array) for hash `h`
 * (a register other than eax/ecx/edx, or memory); [esp + L.hash] = the bucket index.
 * Declines when the buckets array is not as expected.
 */
function bucket(a: X86Assembler, h: typeof edx | ReturnType<typeof dword>): void {
  a.mov(eax, h as typeof edx);
  a.imul(eax, eax, 0x9e3779b1 | 0);
  a.mov(edx, eax).shr(edx, 16).xor(eax, edx);
  a.mov(ebx, dword(esp, L.storeProps));
  a.cmp(pv(ebx, 4, 4), TAG.int).jne('coll_decline');
  a.and(eax, pv(ebx, 4));
  a.mov(dword(esp, L.hash), eax);
  a.cmp(pv(ebx, 3, 4), TAG.cell).jne('coll_decline');
  a.mov(edx, pv(ebx, 3));
  a.cmp(byte(edx), KIND.Array).jne('coll_decline');
  a.cmp(eax, dword(edx, ARRAY_LENGTH)).jae('coll_decline');
  a.cmp(dword(edx, ARRAY_ELEMENTS + 4), TAG.cell).jne('coll_decline');
  a.mov(edx, dword(edx, ARRAY_ELEMENTS));
  a.cmp(el(edx, eax, 4), TAG.int).jne('coll_decline');
  a.mov(ecx, el(edx, eax));
}

/** ecx = chain[ecx] (the entry index is below keysCap, and chain has keys' length). */
function nextInChain(a: X86Assembler, loop: string): void {
  a.cmp(ecx, dword(esp, L.chainCap)).jae('coll_decline');
  a.mov(eax, dword(esp, L.chainVec));
  a.mov(ecx, el(eax, ecx));
  a.jmp(loop);
}

/** values vector eax, index ecx: store the operation's value (set: argument 1; add: argument 0). */
function storeArgValue(a: X86Assembler): void {
  const add = a.newLabel('coll_add'), st = a.newLabel('coll_st');
  a.cmp(dword(esp, L.op), OP.SetAdd).je(add);
  a.mov(edx, dword(edi, 8)).mov(el(eax, ecx), edx).mov(edx, dword(edi, 12)).mov(el(eax, ecx, 4), edx);
  a.jmp(st);
  a.label(add);
  a.mov(edx, dword(edi)).mov(el(eax, ecx), edx).mov(edx, dword(edi, 4)).mov(el(eax, ecx, 4), edx);
  a.label(st);
}
