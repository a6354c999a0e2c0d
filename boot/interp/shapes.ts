// Shapes (hidden classes) of property tables.
//
// Every property table carries a shape id (PT_SHAPE, an int32 value, so the collector and
// the inline caches hold no address): two tables with the same id have the same keys in the
// same order with the same attributes. That is what lets an inline-cache hit be validated by
// comparing one word (boot/interp/ic.ts). An object without a table has SHAPE_EMPTY, as
// has a new table. The values are not part of the shape.
//
// Ids come from one counter. Adding a property (set_prop's append, the only way a table
// grows) follows a transition (parent shape, key, attributes) -> child shape, recorded in a
// hash table in machine memory, so objects built the same way share ids. Every other change
// of a table's keys, order or attributes (delete, an attribute change, accessor <-> data,
// seal/freeze) gives the table a fresh unique id (SHAPE_UNIQUE set) in one step, and adding to
// a table with a unique id gives another unique id without a transition (no transition table
// entries for prototypes and dictionary-like objects). installMethods and DefineMethods of
// non-enumerable methods (prototypes' method tables) add under shape_unique_adds for the same
// reason, as does the prelude's whole start-up (uniqueShapes: its objects are one of a kind,
// and a transition recorded for each was 45K guest instructions of every program's start),
// and a table past DICT_COUNT entries stops taking transitions.
//
// The transition table holds keys (strings, symbols, private names: heap cells the copying
// collector moves) without keeping them alive: shape_gc_sweep gives each live key its new
// address, and if a key died the whole table is forgotten (correct: tables keep their ids,
// objects built later only get new ones).

import { X86Assembler, byte, dword, eax, ebx, ecx, edi, edx, esi, mem, sym } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { var32 } from './asm.ts';
import { KIND, PT_COUNT, PT_SHAPE, SHAPE_EMPTY, SHAPE_UNIQUE, STR, TAG } from './layout.ts';
import { fatal, takeShapeId } from './runtime.ts';

/** Transition table slots (a power of two). A slot is 16 bytes: the key's payload, the
 *  parent shape, the key tag's low byte << 8 | the attributes (never 0 in a used slot: a
 *  tag's low byte is at least 0xf9), the child shape. */
const TT_BITS = 11;
const TT_SLOTS = 1 << TT_BITS;
const TT_ENTRY = 16;
/** At most this many transitions (3/4 of the slots; then adds give unique ids). */
const TT_LIMIT = (TT_SLOTS * 3) / 4;
/** A table with this many entries adds without transitions (a dictionary). */
const DICT_COUNT = 64;
/** Slot word k of the slot whose index * 2 is in r. */
const tt = (r: typeof ecx, k: number) => dword({ index: r, scale: 8, disp: sym('shape_tt').plus(k) });

export function emitShapeRoutines(a: X86Assembler): void {
  a.section('.data').align(4).label('shape_next').dd(SHAPE_EMPTY + 1);
  a.section('.bss', { nobits: true }).align(4);
  a.label('shape_tt').space(TT_SLOTS * TT_ENTRY);
  /** The used slots' addresses, in insertion order (what shape_gc_sweep walks). */
  a.label('shape_tt_list').space(TT_LIMIT * 4);
  a.label('shape_tt_used').space(4);
  /** Above 0 while installMethods or DefineMethods fills a prototype, or the prelude's
   *  start-up runs (the uniqueShapes native): every add gives a unique id. A count, so
   *  they nest. */
  a.label('shape_unique_adds').space(4);
  a.section('.text');

  // shape_new_id: eax = a new id (below SHAPE_ID_LIMIT; the caller may set SHAPE_UNIQUE).
  // Stops the machine when the ids run out (2^30: a wrapped id could equal a live one).
  routine(a, 'shape_new_id', () => {
    takeShapeId(a, eax);
    a.ret();
    a.label('shape_ids_exhausted');
    fatal(a, 'shape ids exhausted (2^30 property-table layouts)');
  });

  // shape_fresh: edi = a property table. Gives it a fresh unique shape (after a change of its
  // keys, order or attributes other than an append). Preserves every register.
  routine(a, 'shape_fresh', () => {
    a.push(eax).call('shape_new_id').or(eax, SHAPE_UNIQUE).mov(dword(edi, PT_SHAPE), eax).pop(eax).ret();
  });

  // shape_added: edx = a property table, edi = the entry just written at index count
  // (count not yet incremented). Sets the table's shape to the child of its shape by
  // (key, attributes). Preserves every register.
  routine(a, 'shape_added', () => {
    // no transition (a unique parent, installMethods, a dictionary): a unique id, quickly
    a.test(dword(edx, PT_SHAPE), SHAPE_UNIQUE).jnz('sa_unique');
    a.cmp(var32('shape_unique_adds'), 0).jne('sa_unique');
    a.cmp(dword(edx, PT_COUNT), DICT_COUNT).jae('sa_unique');
    a.push(eax).push(ecx).push(ebx).push(esi);
    // eax = the key's hash: a string's, an integer's value, 0 for symbols and private names
    a.mov(esi, dword(edi)).mov(eax, esi); // esi = the key's payload
    a.cmp(dword(edi, 4), TAG.cell).jne('sa_hashed');
    a.xor(eax, eax).cmp(byte(esi), KIND.String).jne('sa_hashed');
    a.mov(eax, dword(esi, STR.hash)).test(eax, eax).jnz('sa_hashed');
    a.mov(eax, esi).call('str_hash');
    a.label('sa_hashed');
    a.mov(ebx, dword(edx, PT_SHAPE)); // ebx = the parent
    a.mov(ecx, ebx).imul(ecx, ecx, 0x9e3779b1 | 0).add(ecx, eax).shr(ecx, 32 - TT_BITS).add(ecx, ecx); // ecx = slot * 2
    a.movzx(eax, byte(edi, 4)).shl(eax, 8).or(eax, dword(edi, 16)); // eax = tag byte << 8 | attributes
    a.label('sa_probe');
    a.cmp(tt(ecx, 0), esi).jne('sa_other');
    // (an empty slot's key is 0 as an int key 0 is: it fails below and is found empty)
    a.cmp(tt(ecx, 4), ebx).jne('sa_other');
    a.cmp(tt(ecx, 8), eax).jne('sa_other');
    a.mov(eax, tt(ecx, 12)).jmp('sa_store');
    a.label('sa_other').cmp(tt(ecx, 8), 0).je('sa_insert');
    a.label('sa_next').add(ecx, 2).and(ecx, 2 * TT_SLOTS - 1).jmp('sa_probe');
    a.label('sa_insert');
    a.push(eax).mov(eax, var32('shape_tt_used')).cmp(eax, TT_LIMIT).jae('sa_full');
    a.add(var32('shape_tt_used'), 1);
    a.push(ecx).lea(ecx, mem({ index: ecx, scale: 8, disp: sym('shape_tt') }));
    a.mov(dword({ index: eax, scale: 4, disp: sym('shape_tt_list') }), ecx).pop(ecx).pop(eax);
    a.mov(tt(ecx, 0), esi).mov(tt(ecx, 4), ebx).mov(tt(ecx, 8), eax);
    a.call('shape_new_id').mov(tt(ecx, 12), eax);
    a.label('sa_store').mov(dword(edx, PT_SHAPE), eax);
    a.pop(esi).pop(ebx).pop(ecx).pop(eax).ret();
    a.label('sa_full').pop(eax).pop(esi).pop(ebx).pop(ecx).pop(eax);
    a.label('sa_unique');
    a.push(eax);
    takeShapeId(a, eax);
    a.or(eax, SHAPE_UNIQUE).mov(dword(edx, PT_SHAPE), eax).pop(eax).ret();
  });

  // shape_gc_sweep (gc_collect, after the copy, before the flip): each transition's key that
  // was copied gets its new address; if one was not (it died), every transition is
  // forgotten. Keys outside the from-space (the image's strings) stay. Preserves every register.
  routine(a, 'shape_gc_sweep', () => {
    a.pushad();
    a.xor(ebx, ebx); // ebx = a key died
    a.mov(ecx, var32('shape_tt_used'));
    a.label('sgs_loop').sub(ecx, 1).js('sgs_done');
    a.mov(esi, dword({ index: ecx, scale: 4, disp: sym('shape_tt_list') }));
    a.cmp(byte(esi, 9), TAG.cell & 0xff).jne('sgs_loop');
    a.mov(eax, dword(esi));
    a.cmp(eax, var32('from_base')).jb('sgs_loop');
    a.cmp(eax, var32('from_end')).jae('sgs_loop');
    a.cmp(byte(eax), KIND.Forwarded).jne('sgs_dead');
    a.mov(eax, dword(eax, 4)).mov(dword(esi), eax).jmp('sgs_loop');
    a.label('sgs_dead').mov(ebx, 1).jmp('sgs_loop');
    a.label('sgs_done');
    a.test(ebx, ebx).jz('sgs_ret');
    a.mov(edi, sym('shape_tt')).mov(ecx, (TT_SLOTS * TT_ENTRY) / 4).xor(eax, eax).repStos(32);
    a.mov(var32('shape_tt_used'), 0);
    a.label('sgs_ret').popad().ret();
  });
}
