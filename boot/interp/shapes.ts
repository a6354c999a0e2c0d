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
// entries for prototypes and dictionary-like objects). installMethods (the prelude's method
// tables) adds under shape_unique_adds for the same reason, and a table past DICT_COUNT
// entries stops taking transitions.
//
// The transition table holds keys (strings, symbols, private names: heap cells the copying
// collector moves) without keeping them alive: shape_gc_sweep gives each live key its new
// address, and if a key died the whole table is forgotten (correct: tables keep their ids,
// objects built later only get new ones).

import { X86Assembler, byte, dword, eax, ebx, ecx, edi, edx, esi, sym } from '../../image-builder/x86/index.ts';
import { routine } from '../asm-util.ts';
import { var32 } from './asm.ts';
import { KIND, PT_COUNT, PT_SHAPE, SHAPE_EMPTY, SHAPE_UNIQUE, TAG } from './layout.ts';
import { fatal } from './runtime.ts';

/** Transition table slots (a power of two) and entry size: key, key tag, parent, attributes, child. */
const TT_SLOTS = 8192;
const TT_ENTRY = 32;
/** At most this many transitions (3/4 of the slots; then adds give unique ids). */
const TT_LIMIT = (TT_SLOTS * 3) / 4;
/** A table with this many entries adds without transitions (a dictionary). */
const DICT_COUNT = 64;

export function emitShapeRoutines(a: X86Assembler): void {
  a.section('.data').align(4).label('shape_next').dd(SHAPE_EMPTY + 1);
  a.section('.bss', { nobits: true }).align(4);
  a.label('shape_tt').space(TT_SLOTS * TT_ENTRY);
  /** The used slots' addresses, in insertion order (what shape_gc_sweep walks). */
  a.label('shape_tt_list').space(TT_LIMIT * 4);
  a.label('shape_tt_used').space(4);
  /** Set while installMethods fills a prototype: every add gives a unique id. */
  a.label('shape_unique_adds').space(4);
  a.section('.text');

  // shape_new_id: eax = a new id (SHAPE_UNIQUE clear; the caller may set it). Stops the
  // machine when the ids run out (2^31: a wrapped id could equal a live one).
  routine(a, 'shape_new_id', () => {
    a.mov(eax, var32('shape_next')).add(var32('shape_next'), 1);
    a.test(eax, SHAPE_UNIQUE).jnz('sni_out').ret();
    a.label('sni_out');
    fatal(a, 'shape ids exhausted (2^31 property-table layouts)');
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
    a.push(eax).push(ecx).push(ebx).push(esi);
    a.mov(eax, dword(edx, PT_SHAPE)); // eax = parent
    a.test(eax, SHAPE_UNIQUE).jnz('sa_fresh');
    a.cmp(var32('shape_unique_adds'), 0).jne('sa_fresh');
    a.cmp(dword(edx, PT_COUNT), DICT_COUNT).jae('sa_fresh');
    // esi = the key's hash: an integer's value, a string's hash, 0 for symbols and private names
    a.mov(esi, dword(edi));
    a.cmp(dword(edi, 4), TAG.int).je('sa_hashed');
    a.cmp(dword(edi, 4), TAG.cell).jne('sa_fresh');
    a.cmp(byte(esi), KIND.String).je('sa_string');
    a.xor(esi, esi).jmp('sa_hashed');
    a.label('sa_string').push(eax).mov(eax, esi).call('str_hash').mov(esi, eax).pop(eax);
    a.label('sa_hashed');
    a.mov(ebx, eax).imul(ebx, ebx, 0x9e3779b1 | 0).xor(ebx, esi).add(ebx, dword(edi, 16));
    a.mov(esi, ebx).shr(esi, 13).xor(ebx, esi).and(ebx, TT_SLOTS - 1);
    a.label('sa_probe');
    a.mov(esi, ebx).shl(esi, 5).add(esi, sym('shape_tt')); // esi = the slot
    a.cmp(dword(esi, 4), 0).je('sa_insert'); // (a key tag is never 0)
    a.cmp(dword(esi, 8), eax).jne('sa_next');
    a.mov(ecx, dword(edi)).cmp(dword(esi), ecx).jne('sa_next');
    a.mov(ecx, dword(edi, 4)).cmp(dword(esi, 4), ecx).jne('sa_next');
    a.mov(ecx, dword(edi, 16)).cmp(dword(esi, 12), ecx).jne('sa_next');
    a.mov(eax, dword(esi, 16)).jmp('sa_store');
    a.label('sa_next').add(ebx, 1).and(ebx, TT_SLOTS - 1).jmp('sa_probe');
    a.label('sa_insert');
    a.mov(ecx, var32('shape_tt_used')).cmp(ecx, TT_LIMIT).jae('sa_fresh');
    a.mov(dword({ index: ecx, scale: 4, disp: sym('shape_tt_list') }), esi);
    a.add(var32('shape_tt_used'), 1);
    a.mov(ecx, dword(edi)).mov(dword(esi), ecx);
    a.mov(ecx, dword(edi, 4)).mov(dword(esi, 4), ecx);
    a.mov(dword(esi, 8), eax);
    a.mov(ecx, dword(edi, 16)).mov(dword(esi, 12), ecx);
    a.call('shape_new_id').mov(dword(esi, 16), eax).jmp('sa_store');
    a.label('sa_fresh').call('shape_new_id').or(eax, SHAPE_UNIQUE);
    a.label('sa_store').mov(dword(edx, PT_SHAPE), eax);
    a.pop(esi).pop(ebx).pop(ecx).pop(eax).ret();
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
    a.cmp(dword(esi, 4), TAG.cell).jne('sgs_loop');
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
