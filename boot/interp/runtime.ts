// The interpreter's native support routines: fatal errors, the heap (bump allocation and
// a Cheney semispace collector), numbers, strings, the intern table, property tables,
// array elements, exceptions (unwinding) and frame entry.
//
// Routine conventions: arguments in named registers; every register not named as a result
// or clobber is preserved, except that ebp is *updated* (never restored) by anything that
// can allocate, because the collector moves the current frame. Routines that may allocate
// therefore never push/pop ebp.

import {
  X86Assembler, ah, al, ax, byte, dl, dx, esp, cl, cr0, cr4, dword, eax, ebp, ebx, ecx, edi, edx, esi, mem, qword, sym, word,
  xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7,
} from '../../image-builder/x86/index.ts';
import { KERNEL_BASE } from '../layout.ts';
import { cstring, routine } from '../asm-util.ts';
import { jumpUnlessTyped } from './view-check.ts';
import { CONSTANT_KIND_MASK, ConstantKind, STRING_RECORD } from '../../image-builder/bytecode/format.ts';
import { loadUnit, unitsBase } from './string-units.ts';
import { dispatch, platform, root, userBuild, var32 } from './asm.ts';
import {
  ARRAY_ELEMENTS, ARRAY_LENGTH, ATTR_ACCESSOR, ATTR_DEFAULT, FN_INDEX, FRAME_REGS, FRAME_SLOT, HEAP_MAX, OBJ,
  INTERP_FATAL_STATUS, KIND, OBJECT_SIZE, PROPS, PROTO, PT_COUNT, PT_ENTRIES, PT_ENTRY_SIZE, PT_SHAPE, SHAPE_EMPTY, SHAPE_ID_LIMIT, SHAPE_UNIQUE, ROOTS, STR,
  STRING_INTERNED, STRING_TWO_BYTE, STRING_SLICE, SLICE_SIZE, SLICE_MIN_LENGTH, TAG, UNCAUGHT_STATUS, fslot, slot, FUNCTION_SIZE, FN_ENV, FN_HOME, INTRINSIC_COUNT,
  FRAME_CONSTRUCT, FRAME_NATIVE_RETURN, FRAME_ENTRY, TAG_ACCESSOR, VIEW_LENGTH, rootOffset, EPHEMERON_FIRST,
} from './layout.ts';

const TSBC = 'tsbc_image';
/** The intern table's first capacity (a power of two). */
const INTERN_CAPACITY = 1024;
const STN_ALLOWED = Array.from({ length: 128 }, (_, c) => ('0123456789.+-eEIinfityxXoObBaAcCdDfF'.includes(String.fromCharCode(c)) ? 1 : 0));
/** Array stores at or beyond this index would need a sparse representation. */
/** Frames a call chain may hold before a call throws RangeError (Node's default stack holds about 10,800 of a small function's). */
/** RAM a program-slot program's heap leaves free (the boot stack and page tables are below the image; this is slack). */
const HEAP_RESERVE = 0x10_0000;
export const MAX_CALL_DEPTH = 10_000;
/** A frame's depth is kept in bits 8-31 of its flags slot (the flag bits stay below). */
export const FRAME_DEPTH_UNIT = 0x100;
export const MAX_DENSE_INDEX = 1 << 24;
/**
 * xmm registers that hold constants while bytecode runs (set by interp_start, never
 * written by anything else), for building frames with 8- and 16-byte stores:
 * undef = (undefined, undefined), int0 = (int32 0, int32 0), handlerFlags = (int32 -1,
 * int32 0): a frame's handler and flags slots, hole = (the hole, the hole).
 */
export const FRAME_XMM = { undef: xmm4, int0: xmm3, handlerFlags: xmm5, hole: xmm2 } as const;

/** Address of function record i is FN_RECORDS + i*32. */
export const FN_RECORDS = sym(TSBC).plus(32);

/** mov [m], undefined (both words). */
function setUndef(a: X86Assembler, m: (w: number) => ReturnType<typeof dword>): void {
  a.mov(m(0), 0).mov(m(4), TAG.undef);
}

/** Copy the 8-byte value at src to dst through `via`. */
/**
 * r = the next shape id, taken (shape_next advanced); the machine stops when the ids run out
 * (2^30: a wrapped id could equal a live one). Written out where an add takes a unique id
 * (shapes.ts: shape_new_id, shape_added's unique case; set_prop here): the start-up makes ~1,400 of them.
 */
export function takeShapeId(a: X86Assembler, r: typeof eax): void {
  a.mov(r, var32('shape_next')).add(var32('shape_next'), 1);
  a.cmp(r, SHAPE_ID_LIMIT).jae('shape_ids_exhausted');
}

export function copyValue(a: X86Assembler, dst: (w: number) => ReturnType<typeof dword>,
  src: (w: number) => ReturnType<typeof dword>, via: typeof eax): void {
  a.mov(via, src(0)).mov(dst(0), via).mov(via, src(4)).mov(dst(4), via);
}

/** Copy the 8-byte value at src to dst through xmm0 (one load, one store). */
export function copyValue8(a: X86Assembler, dst: (w: number) => ReturnType<typeof dword>,
  src: (w: number) => ReturnType<typeof dword>): void {
  a.movq(xmm0, src(0).withSize(64)).movq(dst(0).withSize(64), xmm0);
}

export const rootW = (name: (typeof ROOTS)[number]) => (w: number) => root(name, w);
export const at = (base: typeof eax, disp = 0) => (w: number) => dword({ base, disp: disp + w });

/** Fatal: eax = message. */
export function fatal(a: X86Assembler, message: string): void {
  a.mov(eax, sym(cstring(a, message))).jmp('interp_fatal');
}

/** Throw a new error string "prefix" (machine errors; see the gaps in docs/architecture.md). */
export function throwMessage(a: X86Assembler, message: string): void {
  a.mov(eax, sym(cstring(a, message))).mov(edx, 0).jmp('interp_throw_message');
}

export function emitRuntime(a: X86Assembler): void {
  emitData(a);
  emitFatal(a);
  emitHeap(a);
  emitNumbers(a);
  emitStrings(a);
  emitProperties(a);
  emitExceptions(a);
  emitEnterFrame(a);
  emitLoader(a);
}

function emitData(a: X86Assembler): void {
  a.section('.data').align(8).label('vm_roots');
  for (const _ of ROOTS) a.dd(0, TAG.undef);
  a.label('vm_roots_end');
  a.section('.rodata').align(8);
  a.label('f64_2p32').double(4294967296);
  a.label('f64_nan').dq(0xfff8000000000000n);
  a.label('f64_one').double(1);
  a.label('f64_two52').double(2 ** 52);
  a.label('f64_inf').double(Infinity);
  // ASCII units that can occur in a trimmed StringNumericLiteral (str_to_num)
  a.label('stn_allowed').db(...STN_ALLOWED);
  a.label('f64_zero').double(0);
  a.label('f64_neg_zero').double(-0);
  a.label('f64_minus_one').double(-1);
  // the FRAME_XMM constants
  a.align(16).label('xmm_undef').dd(0, TAG.undef, 0, TAG.undef);
  a.label('xmm_int0').dd(0, TAG.int, 0, TAG.int);
  a.label('xmm_handler_flags').dd(-1 >>> 0, TAG.int, 0, TAG.int);
  a.label('xmm_hole').dd(0, TAG.hole, 0, TAG.hole);
  // the call depth at which a call throws RangeError (FRAME_DEPTH_UNIT units; raised while
  // that error is made, restored when a handler catches: see interp_enter_frame)
  a.section('.data').align(4).label('depth_limit').dd(MAX_CALL_DEPTH * FRAME_DEPTH_UNIT);
  a.section('.bss', { nobits: true }).align(8);
  a.label('nm_val0').space(8);
  a.label('nm_val1').space(8);
  a.label('n2i_tmp').space(8);
  for (const v of ['heap_ptr', 'heap_limit', 'from_base', 'from_end', 'to_base', 'to_end', 'gc_need', 'gc_count',
    'gc_stress', 'intern_count', 'intern_mask', 'string_table', 'call_rec', 'call_argc', 'call_first', 'call_dst', 'fatal_esi', 'heap_half', 'gc_intern_tag',
    'call_flags', 'call_cont', 'call_fn', 'in_uncaught', 'heap_whole_ram', 'hash_counter', 'op_count', 'op_count_hi', 'nm_pick', 'nm_busy', 'nm_ok0', 'nm_ok1', 'stn_radix', 'stn_sign', 'stn_start', 'gc_eph_list', 'gc_eph_mark', 'itm_subject']) {
    a.label(v).space(4);
  }
}

function emitFatal(a: X86Assembler): void {
  if (!userBuild()) {
    // The fatal report's stream in the kernel image: COM1 (the console) for the kernel,
    // COM2 (stderr) for a program run in the program slot (kernel-main sets diag_com2), so
    // that a machine stop never mixes with the program's stdout.
    a.section('.bss', { nobits: true }).align(4).label('diag_com2').space(4);
    a.section('.text');
    routine(a, 'diag_puts', () => {
      a.cmp(var32('diag_com2'), 0).jne('com2_puts').jmp('serial_puts');
    });
    // diag_put_dec32: eax = value, printed as an unsigned decimal number by diag_puts.
    routine(a, 'diag_put_dec32', () => {
      a.pushad().sub(esp, 16);
      a.lea(edi, mem(esp, 15)).mov(byte(edi), 0).mov(ecx, 10);
      a.label('dpd_loop').xor(edx, edx).div(ecx).add(edx, 0x30).sub(edi, 1).mov(byte(edi), dl);
      a.test(eax, eax).jnz('dpd_loop');
      a.mov(esi, edi).call('diag_puts');
      a.add(esp, 16).popad().ret();
    });
  }
  // interp_fatal: eax = NUL-terminated message. Prints it with the position (function
  // index and pc of the current instruction, from esi/ebx/ebp) and powers off.
  routine(a, 'interp_fatal', () => {
    if (!userBuild()) a.cli();
    const P = platform();
    a.mov(var32('fatal_esi'), esi);
    a.mov(esi, sym(cstring(a, userBuild() ? 'tsvm: fatal: ' : '\r\ntskern interp: fatal: '))).call(P.diagPuts);
    a.mov(esi, eax).call(P.diagPuts);
    a.test(ebp, ebp).jz('interp_fatal_noloc');
    a.cmp(dword(ebp, fslot(FRAME_SLOT.function) + 4), TAG.cell).jne('interp_fatal_noloc');
    a.mov(esi, sym(cstring(a, ' (function '))).call(P.diagPuts);
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.function))).mov(eax, dword(eax, FN_INDEX)).call(P.diagPutDec32);
    a.mov(esi, sym(cstring(a, ', pc '))).call(P.diagPuts);
    a.mov(eax, var32('fatal_esi')).sub(eax, ebx).sub(eax, 1).call(P.diagPutDec32);
    a.mov(esi, sym(cstring(a, ')'))).call(P.diagPuts);
    a.label('interp_fatal_noloc');
    a.mov(esi, sym(cstring(a, userBuild() ? '\n' : '\r\n'))).call(P.diagPuts);
    a.mov(al, INTERP_FATAL_STATUS).call(P.exit);
  });
}

function emitHeap(a: X86Assembler): void {
  // heap_alloc: ecx = size in bytes (multiple of 8, header included), edx = header word 0.
  // Returns eax = the object with its header written; the body is NOT initialised (the
  // caller fills it before anything else can allocate). May collect (ebp is updated).
  routine(a, 'heap_alloc', () => {
    a.mov(eax, var32('heap_ptr')).add(eax, ecx).jc('heap_alloc_slow');
    a.cmp(eax, var32('heap_limit')).ja('heap_alloc_slow');
    a.mov(var32('heap_ptr'), eax).sub(eax, ecx);
    a.mov(dword(eax), edx).mov(dword(eax, 4), ecx).ret();
    a.label('heap_alloc_slow').call('gc_collect').jmp('heap_alloc');
  });

  // gc_collect: ecx = bytes the caller needs. Copies everything reachable from the roots
  // (the current frame from ebp, then vm_roots) into the other semispace, Cheney-style,
  // and flips. Dies with "out of memory" if ecx bytes are still not free afterwards. The
  // intern table is weak: it is not traced (its root's tag is hidden during the copy) but
  // swept afterwards (intern_sweep), so a key string nothing else holds dies.
  routine(a, 'gc_collect', () => {
    a.pushad();
    a.mov(var32('gc_need'), ecx);
    a.test(ebp, ebp).jz('gc_no_frame');
    a.lea(eax, mem(ebp, -FRAME_REGS)).mov(root('frame'), eax).mov(root('frame', 4), TAG.cell).jmp('gc_go');
    a.label('gc_no_frame').mov(root('frame'), 0).mov(root('frame', 4), TAG.null);
    a.label('gc_go');
    a.label('gc_again'); // (tsvm: once more into a larger to-space, see below)
    a.mov(var32('gc_eph_list'), 0);
    a.mov(edi, var32('to_base')); // edi = free
    a.mov(eax, root('intern', 4)).mov(var32('gc_intern_tag'), eax); // (no table yet early in the start-up)
    a.mov(root('intern', 4), TAG.undef); // not traced: swept below
    a.mov(ebx, sym('vm_roots'));
    a.label('gc_roots').cmp(ebx, sym('vm_roots_end')).jae('gc_roots_done');
    a.call('gc_forward').add(ebx, 8).jmp('gc_roots');
    a.label('gc_roots_done');
    a.mov(esi, var32('to_base')); // esi = scan
    a.label('gc_scan').cmp(esi, edi).jae('gc_scan_done');
    a.mov(ecx, dword(esi, 4));
    a.cmp(byte(esi), KIND.String).je('gc_scan_string');
    a.cmp(byte(esi), KIND.Bytes).je('gc_scan_next');
    a.cmp(byte(esi), KIND.Ephemeron).je('gc_scan_eph');
    a.lea(ebx, mem(esi, 8)).lea(edx, mem({ base: esi, index: ecx }));
    a.label('gc_scan_body').cmp(ebx, edx).jae('gc_scan_next');
    a.call('gc_forward').add(ebx, 8).jmp('gc_scan_body');
    // a string holds no values, except a slice its buffer
    a.label('gc_scan_string').test(dword(esi), STRING_SLICE).jz('gc_scan_next');
    a.lea(ebx, mem(esi, STR.units)).call('gc_forward').jmp('gc_scan_next');
    // an ephemeron vector is not traced here: it joins the list the passes below walk
    a.label('gc_scan_eph');
    a.mov(eax, var32('gc_eph_list')).mov(dword(esi, 8), eax).mov(dword(esi, 12), TAG.int).mov(var32('gc_eph_list'), esi);
    a.label('gc_scan_next').add(esi, ecx).jmp('gc_scan');
    a.label('gc_scan_done');
    // Ephemerons: a pair's value is traced once its key is known to live (copied, or not in
    // the from-space at all); tracing values can make more keys live, so the scan resumes
    // (esi = edi here) and the pass repeats until it copies nothing.
    a.mov(var32('gc_eph_mark'), edi);
    a.mov(edx, var32('gc_eph_list'));
    a.label('gc_eph_vec').test(edx, edx).jz('gc_eph_pass_done');
    a.mov(ebp, dword(edx, 4)).add(ebp, edx).lea(ebx, mem(edx, EPHEMERON_FIRST)); // ebp = end
    a.label('gc_eph_pair').cmp(ebx, ebp).jae('gc_eph_vec_next');
    a.cmp(dword(ebx, 4), TAG.cell).jne('gc_eph_pair_next');
    a.mov(ecx, dword(ebx));
    a.cmp(ecx, var32('from_base')).jb('gc_eph_live');
    a.cmp(ecx, var32('from_end')).jae('gc_eph_live');
    a.cmp(byte(ecx), KIND.Forwarded).jne('gc_eph_pair_next'); // not (yet) known to live
    a.mov(ecx, dword(ecx, 4)).mov(dword(ebx), ecx);
    a.label('gc_eph_live').add(ebx, 8).call('gc_forward').sub(ebx, 8);
    a.label('gc_eph_pair_next').add(ebx, 16).jmp('gc_eph_pair');
    a.label('gc_eph_vec_next').mov(edx, dword(edx, 8)).jmp('gc_eph_vec');
    a.label('gc_eph_pass_done');
    a.cmp(edi, var32('gc_eph_mark')).jne('gc_scan');
    // every key still in the from-space is dead: its pair becomes (null, undefined)
    a.mov(edx, var32('gc_eph_list'));
    a.label('gc_ephc_vec').test(edx, edx).jz('gc_ephc_done');
    a.mov(ebp, dword(edx, 4)).add(ebp, edx).lea(ebx, mem(edx, EPHEMERON_FIRST));
    a.label('gc_ephc_pair').cmp(ebx, ebp).jae('gc_ephc_vec_next');
    a.cmp(dword(ebx, 4), TAG.cell).jne('gc_ephc_pair_next');
    a.mov(ecx, dword(ebx));
    a.cmp(ecx, var32('from_base')).jb('gc_ephc_pair_next');
    a.cmp(ecx, var32('from_end')).jae('gc_ephc_pair_next');
    a.mov(dword(ebx), 0).mov(dword(ebx, 4), TAG.null).mov(dword(ebx, 8), 0).mov(dword(ebx, 12), TAG.undef);
    a.label('gc_ephc_pair_next').add(ebx, 16).jmp('gc_ephc_pair');
    a.label('gc_ephc_vec_next').mov(ecx, dword(edx, 8)).mov(dword(edx, 8), 0).mov(edx, ecx).jmp('gc_ephc_vec');
    a.label('gc_ephc_done');
    // the intern table is weak: swept once every live string is known (the ephemeron
    // passes above can make more strings live)
    a.call('intern_sweep');
    a.call('shape_gc_sweep');
    // flip
    a.mov(eax, var32('from_base')).mov(ecx, var32('to_base')).mov(var32('from_base'), ecx).mov(var32('to_base'), eax);
    a.mov(eax, var32('from_end')).mov(ecx, var32('to_end')).mov(var32('from_end'), ecx).mov(var32('to_end'), eax);
    a.mov(var32('heap_ptr'), edi).mov(var32('heap_limit'), ecx);
    a.add(var32('gc_count'), 1);
    // tsvm's heap grows: when the live data and the request fill more than half the new
    // semispace, tsvm_heap_policy maps a larger pair and asks for a second copy into it.
    if (userBuild()) a.call('tsvm_heap_policy').test(eax, eax).jnz('gc_again');
    // enough room?
    a.mov(eax, ecx).sub(eax, edi).cmp(eax, var32('gc_need')).jb('gc_oom');
    // In stress mode every allocation collects: the limit allows exactly this request.
    a.cmp(var32('gc_stress'), 0).je('gc_flip_done');
    a.add(edi, var32('gc_need')).mov(var32('heap_limit'), edi);
    a.label('gc_flip_done');
    a.popad();
    a.test(ebp, ebp).jz('gc_ret');
    a.mov(ebp, root('frame')).add(ebp, FRAME_REGS);
    a.label('gc_ret').ret();
    a.label('gc_oom');
    a.popad();
    // Node's words first (what scripts and people look for), then the machine's own report
    a.mov(esi, sym(cstring(a, userBuild() ? 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n'
      : '\r\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory'))).call(platform().diagPuts);
    fatal(a, 'out of memory (the live data and the request exceed a semispace)');
  });

  // intern_sweep (gc_collect, after the copy, before the flip): edi = to-space free pointer
  // (advanced). Copies the intern table (root `intern`, its tag hidden by gc_collect) to
  // to-space without tracing it, then gives each entry the string's new address, or drops
  // it if the string was not copied (nothing else referred to it) or keeps it if it lies
  // outside the heap (the image's strings). Dropping entries breaks linear probing's runs,
  // so every entry is then put again at the first free slot from its hash, in slot order
  // from a slot that was free before the sweep: no run crosses that slot, so each entry
  // lands at or before where it was and every run it passes stays full. Clobbers the rest.
  routine(a, 'intern_sweep', () => {
    a.mov(eax, var32('gc_intern_tag')).mov(root('intern', 4), eax);
    a.cmp(eax, TAG.cell).je('is_table').ret();
    a.label('is_table');
    a.mov(ebx, sym('vm_roots').plus(rootOffset('intern'))).call('gc_forward');
    a.mov(edx, root('intern')); // edx = the table (in to-space; its entries not yet updated)
    const entry = (r: typeof ecx, word = 0) => dword({ base: edx, index: r, scale: 8, disp: 8 + word });
    a.xor(ecx, ecx);
    a.label('is_find_free').cmp(entry(ecx, 4), TAG.cell).jne('is_found_free'); // one exists: at most half full
    a.add(ecx, 1).jmp('is_find_free');
    a.label('is_found_free').mov(esi, ecx); // esi = a slot that was free
    // the entries' new addresses; the dead ones dropped
    a.mov(ecx, var32('intern_mask'));
    a.label('is_update').cmp(entry(ecx, 4), TAG.cell).jne('is_update_next');
    a.mov(eax, entry(ecx));
    a.cmp(eax, var32('from_base')).jb('is_update_next');
    a.cmp(eax, var32('from_end')).jae('is_update_next');
    a.cmp(byte(eax), KIND.Forwarded).jne('is_drop');
    a.mov(eax, dword(eax, 4)).mov(entry(ecx), eax).jmp('is_update_next');
    a.label('is_drop').mov(entry(ecx), 0).mov(entry(ecx, 4), TAG.undef).sub(var32('intern_count'), 1);
    a.label('is_update_next').sub(ecx, 1).jns('is_update');
    // every entry put again, in slot order from the free slot esi
    a.mov(ebx, var32('intern_mask')); // ebx = slots left to visit - 1
    a.label('is_reput').add(esi, 1).and(esi, var32('intern_mask'));
    a.cmp(entry(esi, 4), TAG.cell).jne('is_reput_next');
    a.mov(eax, entry(esi)).mov(entry(esi), 0).mov(entry(esi, 4), TAG.undef);
    a.mov(ecx, dword(eax, STR.hash)).and(ecx, var32('intern_mask'));
    a.label('is_probe').cmp(entry(ecx, 4), TAG.cell).jne('is_put');
    a.add(ecx, 1).and(ecx, var32('intern_mask')).jmp('is_probe');
    a.label('is_put').mov(entry(ecx), eax).mov(entry(ecx, 4), TAG.cell);
    a.label('is_reput_next').sub(ebx, 1).jns('is_reput');
    a.ret();
  });

  // gc_forward: ebx = address of a value slot; edi = to-space free pointer (advanced).
  // Preserves everything else.
  routine(a, 'gc_forward', () => {
    a.cmp(dword(ebx, 4), TAG.cell).jne('gc_fw_ret');
    a.mov(eax, dword(ebx));
    a.cmp(eax, var32('from_base')).jb('gc_fw_ret');
    a.cmp(eax, var32('from_end')).jae('gc_fw_ret');
    a.cmp(byte(eax), KIND.Forwarded).jne('gc_fw_copy');
    a.mov(eax, dword(eax, 4)).mov(dword(ebx), eax);
    a.label('gc_fw_ret').ret();
    a.label('gc_fw_copy');
    a.push(ecx).push(esi);
    a.mov(dword(ebx), edi).mov(esi, eax).mov(ecx, dword(eax, 4)).shr(ecx, 2).repMovs(32);
    a.mov(ecx, dword(ebx)).mov(dword(eax), KIND.Forwarded).mov(dword(eax, 4), ecx);
    a.pop(esi).pop(ecx).ret();
  });

  // fill_undefined: edx = first value, ecx = count. Clobbers ecx, edx. Two values per
  // 16-byte store of a FRAME_XMM constant.
  // fill_hole: as fill_undefined, with the hole.
  for (const [name, x] of [['fill_undefined', FRAME_XMM.undef], ['fill_hole', FRAME_XMM.hole]] as const) {
    routine(a, name, () => {
      a.test(ecx, 1).jz(`${name}_even`);
      a.movq(qword(edx), x).add(edx, 8);
      a.label(`${name}_even`).shr(ecx, 1).jz(`${name}_done`);
      a.label(`${name}_loop`).movdqu(mem(edx), x).add(edx, 16).sub(ecx, 1).jnz(`${name}_loop`);
      a.label(`${name}_done`).ret();
    });
  }

  // new_vector: ecx = capacity (values). Returns eax = a ValueVector filled with undefined.
  routine(a, 'new_vector', () => {
    a.push(ecx).push(edx);
    a.push(ecx);
    a.lea(ecx, mem({ index: ecx, scale: 8, disp: 8 })).mov(edx, KIND.ValueVector).call('heap_alloc');
    a.pop(ecx).lea(edx, mem(eax, 8)).call('fill_undefined');
    a.pop(edx).pop(ecx).ret();
  });
}

function emitNumbers(a: X86Assembler): void {
  // num_to_f64: eax = address of a value. xmm0 = ToNumber(value) as a double.
  // Strings and objects are not converted yet (fatal). Preserves all GPRs.
  routine(a, 'num_to_f64', () => {
    a.push(edx);
    a.mov(edx, dword(eax, 4));
    a.cmp(edx, TAG.firstTag).jb('n2f_dbl');
    a.cmp(edx, TAG.int).je('n2f_int');
    a.cmp(edx, TAG.uint).je('n2f_uint');
    a.cmp(edx, TAG.bool).je('n2f_int');
    a.cmp(edx, TAG.null).je('n2f_zero');
    a.cmp(edx, TAG.undef).je('n2f_nan');
    a.cmp(edx, TAG.cell).jne('n2f_obj');
    a.mov(edx, dword(eax)).cmp(byte(edx), KIND.String).jne('n2f_obj');
    a.push(ecx).mov(ecx, edx).call('str_to_num').pop(ecx).jc('n2f_memo');
    a.pop(edx).ret();
    // not one of the natively parsed forms: the prelude's Number, remembered per string
    a.label('n2f_memo');
    a.cmp(edx, root('numMemo0')).jne('n2f_memo1').cmp(var32('nm_ok0'), 0).je('n2f_memo1');
    a.movsd(xmm0, qword(sym('nm_val0'))).pop(edx).ret();
    a.label('n2f_memo1');
    a.cmp(edx, root('numMemo1')).jne('n2f_call').cmp(var32('nm_ok1'), 0).je('n2f_call');
    a.movsd(xmm0, qword(sym('nm_val1'))).pop(edx).ret();
    a.label('n2f_call').pop(edx).jmp('num_call_prelude');
    a.label('n2f_obj');
    a.cmp(dword(eax, 4), TAG.cell).jne('n2f_obj_fatal');
    a.mov(edx, dword(eax)).cmp(byte(edx), KIND.Symbol).jne('n2f_obj_fatal');
    throwMessage(a, 'TypeError: Cannot convert a Symbol value to a number');
    a.label('n2f_obj_fatal').pop(edx);
    fatal(a, 'ToNumber of an object is not implemented');
    a.label('n2f_int').cvtsi2sd(xmm0, dword(eax)).pop(edx).ret();
    a.label('n2f_uint').cvtsi2sd(xmm0, dword(eax)).addsd(xmm0, qword(sym('f64_2p32'))).pop(edx).ret();
    a.label('n2f_zero').xorpd(xmm0, xmm0).pop(edx).ret();
    a.label('n2f_nan').movsd(xmm0, qword(sym('f64_nan'))).pop(edx).ret();
    a.label('n2f_dbl').movsd(xmm0, qword(eax)).pop(edx).ret();
  });

  // str_big_index: edx = a string. CF clear and edx = its value when it is an array index
  // from 2^31 to 2^32-2 in canonical form (ten digits, the range property tables keep as
  // strings: smaller ones are int32 keys), else CF set and edx unchanged. Preserves the rest.
  routine(a, 'str_big_index', () => {
    a.cmp(dword(edx, STR.length), 10).jne('sbi_no');
    a.test(dword(edx), STRING_TWO_BYTE).jnz('sbi_no');
    a.push(eax).push(ecx).push(esi).push(edx);
    // (ten units: flat, never a slice: SLICE_MIN_LENGTH)
    a.lea(esi, mem(edx, STR.units)).xor(eax, eax).mov(ecx, 10);
    a.label('sbi_digit').movzx(edx, byte(esi)).sub(edx, 0x30).cmp(edx, 9).ja('sbi_pop');
    a.push(edx).mov(edx, 10).mul(edx).pop(edx).jc('sbi_pop'); // (mul sets CF on overflow)
    a.add(eax, edx).jc('sbi_pop');
    a.add(esi, 1).sub(ecx, 1).jnz('sbi_digit');
    a.cmp(eax, 0x8000_0000).jb('sbi_pop').cmp(eax, 0xffff_ffff).je('sbi_pop');
    a.mov(edx, eax).add(esp, 4).pop(esi).pop(ecx).pop(eax).clc().ret();
    a.label('sbi_pop').pop(edx).pop(esi).pop(ecx).pop(eax);
    a.label('sbi_no').stc().ret();
  });

  // str_to_num: ecx = a string. CF clear and xmm0 = ToNumber(string) for the forms done
  // exactly here (ASCII whitespace around; "" ; optional sign and up to 2^53 in decimal
  // digits; "Infinity" with optional sign; 0x/0o/0b integers up to 2^53); CF set for
  // everything else. Preserves all GPRs.
  routine(a, 'str_to_num', () => {
    a.push(eax).push(ebx).push(ecx).push(edx).push(esi).push(edi);
    a.test(dword(ecx), STRING_TWO_BYTE).jnz('stn_fail_hard');
    unitsBase(a, esi, ecx);
    a.lea(esi, mem(esi, STR.units)).mov(edi, dword(ecx, STR.length)).add(edi, esi);
    const isWs = (r: string, at: ReturnType<typeof byte>, no: string) => {
      a.movzx(eax, at).cmp(eax, 32).je(r).sub(eax, 9).cmp(eax, 4).ja(no).jmp(r);
    };
    a.label('stn_lead').cmp(esi, edi).jae('stn_lead_done');
    isWs('stn_lead_skip', byte(esi), 'stn_lead_done');
    a.label('stn_lead_skip').add(esi, 1).jmp('stn_lead');
    a.label('stn_lead_done');
    a.label('stn_trail').cmp(edi, esi).jbe('stn_trail_done');
    isWs('stn_trail_skip', byte(edi, -1), 'stn_trail_done');
    a.label('stn_trail_skip').sub(edi, 1).jmp('stn_trail');
    a.label('stn_trail_done').mov(var32('stn_start'), esi);
    a.cmp(esi, edi).jne('stn_nonempty');
    a.xorpd(xmm0, xmm0).jmp('stn_ok');
    a.label('stn_nonempty');
    a.mov(var32('stn_sign'), 0).mov(var32('stn_radix'), 10);
    a.cmp(byte(esi), 0x2b).je('stn_plus').cmp(byte(esi), 0x2d).jne('stn_unsigned');
    a.mov(var32('stn_sign'), 1);
    a.label('stn_plus').add(esi, 1).mov(var32('stn_radix'), 10).jmp('stn_body');
    a.label('stn_unsigned');
    // 0x / 0o / 0b (no sign allowed: those go to the prelude)
    a.mov(eax, edi).sub(eax, esi).cmp(eax, 2).jb('stn_body');
    a.cmp(byte(esi), 0x30).jne('stn_body');
    a.movzx(eax, byte(esi, 1)).or(eax, 0x20);
    a.cmp(eax, 0x78).jne('stn_not_x').mov(var32('stn_radix'), 16).jmp('stn_prefix');
    a.label('stn_not_x').cmp(eax, 0x6f).jne('stn_not_o').mov(var32('stn_radix'), 8).jmp('stn_prefix');
    a.label('stn_not_o').cmp(eax, 0x62).jne('stn_body').mov(var32('stn_radix'), 2);
    a.label('stn_prefix').add(esi, 2);
    a.label('stn_body');
    a.cmp(esi, edi).jae('stn_fail'); // no digits
    // "Infinity"
    a.mov(eax, edi).sub(eax, esi).cmp(eax, 8).jne('stn_digits');
    a.cmp(var32('stn_radix'), 10).jne('stn_digits');
    a.cmp(dword(esi), 0x69666e49).jne('stn_digits').cmp(dword(esi, 4), 0x7974696e).jne('stn_digits');
    a.movsd(xmm0, qword(sym('f64_inf'))).jmp('stn_signed');
    a.label('stn_digits');
    a.xor(ebx, ebx).xor(ecx, ecx); // ecx:ebx = the value
    a.label('stn_loop').cmp(esi, edi).jae('stn_conv');
    a.movzx(edx, byte(esi));
    a.sub(edx, 0x30).cmp(edx, 10).jb('stn_digit');
    a.movzx(edx, byte(esi)).or(edx, 0x20).sub(edx, 0x61 - 10).cmp(edx, 10).jb('stn_fail').cmp(edx, 16).jae('stn_fail');
    a.label('stn_digit').cmp(edx, var32('stn_radix')).jae('stn_fail');
    a.push(edx);
    a.mov(eax, ecx).mul(var32('stn_radix')).mov(ecx, eax); // high word (value <= 2^53, no overflow)
    a.mov(eax, ebx).mul(var32('stn_radix')).add(ecx, edx).mov(ebx, eax);
    a.pop(edx).add(ebx, edx).adc(ecx, 0);
    a.cmp(ecx, 0x200000).ja('stn_fail').jb('stn_next'); // above 2^53: the prelude
    a.test(ebx, ebx).jnz('stn_fail');
    a.label('stn_next').add(esi, 1).jmp('stn_loop');
    a.label('stn_conv');
    a.cvtsi2sd(xmm0, ecx).mulsd(xmm0, qword(sym('f64_2p32')));
    a.shr(ebx, 1).cvtsi2sd(xmm7, ebx).addsd(xmm7, xmm7).addsd(xmm0, xmm7);
    a.jnc('stn_signed').addsd(xmm0, qword(sym('f64_one')));
    a.label('stn_signed').cmp(var32('stn_sign'), 0).je('stn_ok');
    a.xorpd(xmm7, xmm7).subsd(xmm7, xmm0).movsd(xmm0, xmm7); // -x (0 - 0 would give +0)
    a.ucomisd(xmm0, qword(sym('f64_zero'))).jne('stn_ok').jp('stn_ok');
    a.movsd(xmm0, qword(sym('f64_neg_zero')));
    a.label('stn_ok').clc().jmp('stn_ret');
    // not parsed here: a unit that cannot occur in a StringNumericLiteral makes it NaN
    // exactly; otherwise (fractions, exponents, big integers, non-ASCII) the prelude
    a.label('stn_fail').mov(esi, var32('stn_start'));
    a.label('stn_scan').cmp(esi, edi).jae('stn_fail_hard');
    a.movzx(eax, byte(esi)).cmp(eax, 0x80).jae('stn_fail_hard');
    a.add(esi, 1).cmp(byte({ index: eax, disp: sym('stn_allowed') }), 0).jne('stn_scan');
    a.movsd(xmm0, qword(sym('f64_nan'))).jmp('stn_ok');
    a.label('stn_fail_hard').stc();
    a.label('stn_ret').pop(edi).pop(esi).pop(edx).pop(ecx).pop(ebx).pop(eax).ret();
  });

  // num_call_prelude (jump target, from num_to_f64 anywhere inside a handler whose work so
  // far has no effects): eax = address of a string value. Calls the global Number with it,
  // remembers the result for that string (numMemo0/1) and runs the current instruction again,
  // where the conversion now finds the remembered number.
  routine(a, 'num_call_prelude', () => {
    a.mov(esp, var32('interp_esp'));
    a.lea(ecx, mem(ebp, fslot(FRAME_SLOT.conv0))).cmp(eax, ecx).jb('ncp_not_conv');
    a.cmp(eax, ebp).jae('ncp_not_conv');
    fatal(a, 'ToNumber of a string returned by valueOf/toString needs the prelude\'s Number (not implemented)');
    a.label('ncp_not_conv');
    a.cmp(var32('nm_busy'), 0).je('ncp_free');
    fatal(a, 'ToNumber of a string: nested call of the prelude\'s Number');
    a.label('ncp_free');
    copyValue(a, rootW('tmp3'), (w) => dword(eax, w), ecx);
    a.mov(eax, root('global')).mov(edx, root('sNumberFn')).mov(ecx, TAG.cell).call('get_prop');
    a.cmp(edx, TAG.cell).jne('ncp_none').cmp(byte(eax), KIND.Function).jne('ncp_none');
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 1).call('new_vector');
    copyValue(a, at(eax, 8), rootW('tmp3'), ecx);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    // the key: memo slot nm_pick (alternating), set when the result comes back
    a.mov(eax, var32('nm_pick')).xor(eax, 1).mov(var32('nm_pick'), eax);
    a.test(eax, eax).jnz('ncp_k1');
    copyValue(a, rootW('numMemo0'), rootW('tmp3'), ecx);
    a.mov(var32('nm_ok0'), 0).jmp('ncp_k_done'); // valid once the number is in
    a.label('ncp_k1');
    copyValue(a, rootW('numMemo1'), rootW('tmp3'), ecx);
    a.mov(var32('nm_ok1'), 0);
    a.label('ncp_k_done');
    a.mov(root('tmp3', 4), TAG.undef);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_argc'), 1).mov(var32('call_first'), -1);
    a.mov(var32('nm_busy'), 1);
    saveResumePc(a);
    a.mov(var32('call_cont'), sym('ncp_returned'));
    a.jmp('interp_call_vector');
    a.label('ncp_none');
    fatal(a, 'ToNumber of a string needs the prelude\'s global Number (not defined)');
    // the result (eax:edx) must be a number; then run the instruction again
    a.label('ncp_returned');
    a.mov(var32('nm_busy'), 0);
    a.push(edx).push(eax).mov(eax, esp).call('num_to_f64').add(esp, 8);
    a.cmp(edx, TAG.firstTag).jb('ncp_is_num').cmp(edx, TAG.int).je('ncp_is_num').cmp(edx, TAG.uint).je('ncp_is_num');
    fatal(a, 'the prelude\'s Number returned a non-number');
    a.label('ncp_is_num');
    a.cmp(var32('nm_pick'), 0).jne('ncp_s1');
    a.movsd(qword(sym('nm_val0')), xmm0).mov(var32('nm_ok0'), 1).jmp('ncp_again');
    a.label('ncp_s1').movsd(qword(sym('nm_val1')), xmm0).mov(var32('nm_ok1'), 1);
    a.label('ncp_again');
    dispatch(a, 0);
  });

  // num_pair: eax = &a, edx = &b. xmm0 = ToNumber(a), xmm1 = ToNumber(b). Preserves GPRs.
  routine(a, 'num_pair', () => {
    a.push(eax).mov(eax, edx).call('num_to_f64').movsd(xmm1, xmm0).pop(eax).call('num_to_f64').ret();
  });

  // num_store: edi = destination value address, xmm0 = the number. Integral values that
  // fit int32 (and are not -0) are stored as int32, others as the double. Clobbers eax, xmm7.
  routine(a, 'num_store', () => {
    a.movsd(qword(edi), xmm0);
    a.cvttsd2si(eax, xmm0).cvtsi2sd(xmm7, eax).ucomisd(xmm0, xmm7);
    a.jp('num_store_ret').jne('num_store_ret');
    a.test(eax, eax).jnz('num_store_int');
    a.cmp(dword(edi, 4), 0).jl('num_store_ret'); // -0
    a.label('num_store_int').mov(dword(edi), eax).mov(dword(edi, 4), TAG.int);
    a.label('num_store_ret').ret();
  });

  // num_to_int32: eax = address of a value. eax = ToInt32(value). Preserves the rest.
  routine(a, 'num_to_int32', () => {
    a.push(ecx).push(edx);
    a.mov(edx, dword(eax, 4));
    a.cmp(edx, TAG.firstTag).jb('n2i_dbl');
    a.cmp(edx, TAG.int).je('n2i_payload');
    a.cmp(edx, TAG.uint).je('n2i_payload');
    a.cmp(edx, TAG.bool).je('n2i_payload');
    a.cmp(edx, TAG.null).je('n2i_zero');
    a.cmp(edx, TAG.undef).je('n2i_zero');
    a.call('num_to_f64').movsd(qword(sym('n2i_tmp')), xmm0);
    a.mov(eax, sym('n2i_tmp')).mov(edx, dword(eax, 4)).jmp('n2i_dbl');
    a.label('n2i_payload').mov(eax, dword(eax)).jmp('n2i_done');
    a.label('n2i_dbl');
    a.mov(eax, dword(eax)).push(edx);
    a.mov(ecx, edx).shr(ecx, 20).and(ecx, 0x7ff).sub(ecx, 1023).jl('n2i_zero_pop');
    a.cmp(ecx, 84).jge('n2i_zero_pop');
    a.and(edx, 0xfffff).or(edx, 0x100000);
    a.cmp(ecx, 52).jl('n2i_right');
    a.sub(ecx, 52).shl(eax, cl).jmp('n2i_sign');
    a.label('n2i_right').neg(ecx).add(ecx, 52);
    a.cmp(ecx, 32).jae('n2i_big');
    a.shrd(eax, edx, cl).jmp('n2i_sign');
    a.label('n2i_big').sub(ecx, 32).mov(eax, edx).shr(eax, cl);
    a.label('n2i_sign').pop(edx).test(edx, edx).jns('n2i_done').neg(eax).jmp('n2i_done');
    a.label('n2i_zero_pop').pop(edx);
    a.label('n2i_zero').xor(eax, eax);
    a.label('n2i_done').pop(edx).pop(ecx).ret();
  });

  // to_boolean: eax = address of a value. eax = ToBoolean(value) (0/1). Clobbers xmm6/7.
  routine(a, 'to_boolean', () => {
    a.push(edx);
    a.mov(edx, dword(eax, 4));
    a.cmp(edx, TAG.firstTag).jb('tb_dbl');
    a.cmp(edx, TAG.int).je('tb_payload');
    a.cmp(edx, TAG.bool).je('tb_payload');
    a.cmp(edx, TAG.uint).je('tb_true');
    a.cmp(edx, TAG.cell).je('tb_cell');
    a.label('tb_false').xor(eax, eax).pop(edx).ret();
    a.label('tb_true').mov(eax, 1).pop(edx).ret();
    a.label('tb_payload').cmp(dword(eax), 0).setcc('ne', al).movzx(eax, al).pop(edx).ret();
    a.label('tb_cell').mov(eax, dword(eax)).cmp(byte(eax), KIND.String).jne('tb_true');
    a.cmp(dword(eax, STR.length), 0).setcc('ne', al).movzx(eax, al).pop(edx).ret();
    a.label('tb_dbl').movsd(xmm7, qword(eax)).xorpd(xmm6, xmm6).ucomisd(xmm7, xmm6);
    a.jp('tb_false').je('tb_false').jmp('tb_true');
  });

  // x87 remainder: xmm0 = xmm0 % xmm1 (JavaScript's %, the sign of the dividend).
  routine(a, 'f64_mod', () => {
    a.push(eax);
    a.db(0x83, 0xec, 0x10); // sub esp, 16
    a.db(0xf2, 0x0f, 0x11, 0x0c, 0x24); // movsd [esp], xmm1
    a.db(0xf2, 0x0f, 0x11, 0x44, 0x24, 0x08); // movsd [esp+8], xmm0
    a.db(0xdd, 0x04, 0x24); // fld qword [esp]      (b)
    a.db(0xdd, 0x44, 0x24, 0x08); // fld qword [esp+8] (a): st0 = a, st1 = b
    a.label('f64_mod_loop');
    a.db(0xd9, 0xf8); // fprem
    a.db(0xdf, 0xe0); // fnstsw ax
    a.db(0xf6, 0xc4, 0x04); // test ah, 4 (C2: incomplete)
    a.jnz('f64_mod_loop');
    a.db(0xdd, 0x1c, 0x24); // fstp qword [esp]
    a.db(0xdd, 0xd8); // fstp st0
    a.db(0xf2, 0x0f, 0x10, 0x04, 0x24); // movsd xmm0, [esp]
    // A zero remainder takes the dividend's sign (v86's fprem loses it): a * 0.
    a.xorpd(xmm7, xmm7).ucomisd(xmm0, xmm7).jp('f64_mod_done').jne('f64_mod_done');
    a.db(0xf2, 0x0f, 0x10, 0x44, 0x24, 0x08); // movsd xmm0, [esp+8]
    a.mulsd(xmm0, xmm7);
    a.label('f64_mod_done');
    a.db(0x83, 0xc4, 0x10); // add esp, 16
    a.pop(eax).ret();
  });
}

/** COM2 output for the kernel build (the program's stderr); tsvm writes to fd 2 instead. */
function emitCom2(a: X86Assembler): void {
  // com2_putc: al = byte, to COM2 (0x2F8), waiting for the transmit holding register.
  routine(a, 'com2_putc', () => {
    a.push(eax).push(edx);
    a.mov(ah, al);
    a.mov(edx, 0x2f8 + 5);
    a.label('com2_wait').in(al, dx).test(al, 0x20).jz('com2_wait');
    a.mov(edx, 0x2f8).mov(al, ah).out(dx, al);
    a.pop(edx).pop(eax).ret();
  });
  // com2_puts: esi = NUL-terminated string, to COM2.
  routine(a, 'com2_puts', () => {
    a.push(eax).push(esi);
    a.label('com2_puts_loop').mov(al, byte(esi)).test(al, al).jz('com2_puts_done');
    a.call('com2_putc').add(esi, 1).jmp('com2_puts_loop');
    a.label('com2_puts_done').pop(esi).pop(eax).ret();
  });
}

function emitStrings(a: X86Assembler): void {
  // str_alloc: ecx = length in units, edx = 0 or STRING_TWO_BYTE. eax = new string
  // (length set, hash 0, units uninitialised). May allocate.
  routine(a, 'str_alloc', () => {
    a.push(ecx).push(edx).push(edi);
    a.mov(edi, ecx);
    a.test(edx, edx).jz('str_alloc_one').add(ecx, ecx);
    a.label('str_alloc_one').add(ecx, STR.units + 7).and(ecx, ~7);
    a.or(edx, KIND.String).call('heap_alloc');
    a.mov(dword(eax, STR.length), edi).mov(dword(eax, STR.hash), 0);
    a.pop(edi).pop(edx).pop(ecx).ret();
  });

  // serial_write_string / com2_write_string: eax = string. Writes its units to COM1 (the
  // program's stdout) / COM2 (its stderr) as UTF-8. Preserves all registers.
  // In tsvm the writers are stdout_/stderr_write_string over the buffered stdout_/stderr_putc
  // of boot/user/ and flush once at the end (one write(2) per call, at least).
  const writers = userBuild()
    ? [['stdout_write_string', 'stdout_putc', 'stdout_flush'], ['stderr_write_string', 'stderr_putc', 'stderr_flush']] as const
    : [['serial_write_string', 'serial_putc', ''], ['com2_write_string', 'com2_putc', '']] as const;
  for (const [name, putc, flush] of writers) {
    const l = (x: string) => `${name}_${x}`;
    routine(a, name, () => {
      a.pushad();
      a.mov(ecx, dword(eax, STR.length));
      unitsBase(a, esi, eax);
      a.lea(esi, mem(esi, STR.units));
      a.mov(ebx, dword(eax)).and(ebx, STRING_TWO_BYTE);
      a.label(l('loop')).test(ecx, ecx).jz(l('done'));
      a.test(ebx, ebx).jz(l('one'));
      a.movzx(edx, word(esi)).add(esi, 2).jmp(l('unit'));
      a.label(l('one')).movzx(edx, byte(esi)).add(esi, 1);
      a.label(l('unit'));
      a.cmp(edx, 0x80).jae(l('multi'));
      a.mov(eax, edx).call(putc).jmp(l('next'));
      a.label(l('multi')).cmp(edx, 0x800).jae(l('three'));
      a.mov(eax, edx).shr(eax, 6).or(eax, 0xc0).call(putc);
      a.jmp(l('last'));
      a.label(l('three'));
      // a surrogate pair is one 4-byte sequence; a lone surrogate prints as U+FFFD (as Node)
      a.mov(eax, edx).and(eax, 0xf800).cmp(eax, 0xd800).jne(l('bmp'));
      a.cmp(edx, 0xdc00).jae(l('lone')).cmp(ecx, 1).jbe(l('lone'));
      a.movzx(eax, word(esi)).and(eax, 0xfc00).cmp(eax, 0xdc00).jne(l('lone'));
      a.movzx(eax, word(esi)).add(esi, 2).sub(ecx, 1);
      a.sub(edx, 0xd800).shl(edx, 10).add(edx, eax).add(edx, 0x10000 - 0xdc00);
      a.mov(eax, edx).shr(eax, 18).or(eax, 0xf0).call(putc);
      a.mov(eax, edx).shr(eax, 12).and(eax, 0x3f).or(eax, 0x80).call(putc);
      a.jmp(l('low2'));
      a.label(l('lone')).mov(edx, 0xfffd);
      a.label(l('bmp'));
      a.mov(eax, edx).shr(eax, 12).or(eax, 0xe0).call(putc);
      a.label(l('low2')).mov(eax, edx).shr(eax, 6).and(eax, 0x3f).or(eax, 0x80).call(putc);
      a.label(l('last')).mov(eax, edx).and(eax, 0x3f).or(eax, 0x80).call(putc);
      a.label(l('next')).sub(ecx, 1).jmp(l('loop'));
      a.label(l('done'));
      if (flush) a.call(flush);
      a.popad().ret();
    });
  }
  if (!userBuild()) emitCom2(a);

  // copy_units: esi = source string, edi = destination units pointer (advanced),
  // edx = destination width flag (0 or STRING_TWO_BYTE). Clobbers eax, ecx, esi.
  // copy_units_flat: the same for a source known to be flat.
  routine(a, 'copy_units', () => {
    a.mov(ecx, dword(esi, STR.length));
    a.mov(eax, dword(esi)).and(eax, STRING_TWO_BYTE);
    unitsBase(a, esi, esi);
    a.jmp('cu_units');
    a.label('copy_units_flat');
    a.mov(ecx, dword(esi, STR.length));
    a.mov(eax, dword(esi)).and(eax, STRING_TWO_BYTE);
    a.label('cu_units').add(esi, STR.units);
    a.test(eax, eax).jz('cu_src_one');
    a.add(ecx, ecx).repMovs(8).ret(); // two-byte into two-byte
    a.label('cu_src_one').test(edx, edx).jnz('cu_widen');
    a.repMovs(8).ret();
    a.label('cu_widen').test(ecx, ecx).jz('cu_ret');
    a.movzx(eax, byte(esi)).mov(word(edi), ax).add(esi, 1).add(edi, 2).sub(ecx, 1).jmp('cu_widen');
    a.label('cu_ret').ret();
  });

  // slice_alloc: ecx = length, edx = 0 or STRING_TWO_BYTE. eax = a new slice (length
  // set, hash 0, buffer undefined: the caller stores it). May allocate.
  // (heap_alloc's bump inlined: it is most of an append's cost)
  routine(a, 'slice_alloc', () => {
    a.mov(eax, var32('heap_ptr')).add(eax, SLICE_SIZE).jc('slice_alloc_slow');
    a.cmp(eax, var32('heap_limit')).ja('slice_alloc_slow');
    a.mov(var32('heap_ptr'), eax).sub(eax, SLICE_SIZE);
    a.label('slice_alloc_init');
    a.mov(dword(eax), edx).or(dword(eax), KIND.String | STRING_SLICE).mov(dword(eax, OBJ.size), SLICE_SIZE);
    a.mov(dword(eax, STR.length), ecx).mov(dword(eax, STR.hash), 0);
    a.mov(dword(eax, STR.units), 0).mov(dword(eax, STR.units + 4), TAG.undef);
    a.ret();
    a.label('slice_alloc_slow').push(ecx).push(edx);
    a.or(edx, KIND.String | STRING_SLICE).mov(ecx, SLICE_SIZE).call('heap_alloc');
    a.pop(edx).pop(ecx).jmp('slice_alloc_init');
  });

  // str_concat: tmp0, tmp1 = two strings. eax = their concatenation. May allocate.
  // Clobbers ecx, edx, edi; preserves esi, ebx.
  // A result of SLICE_MIN_LENGTH units or more is a slice (layout.ts STRING_SLICE): when
  // the left string is the slice its buffer was last extended for and the buffer has room
  // (and the width), the right string's units are appended there and only a slice header
  // is allocated; otherwise both are copied into a new buffer with as much room again, so
  // a string grown by appends is copied O(log n) times in all.
  routine(a, 'str_concat', () => {
    a.mov(eax, root('tmp0')).mov(edx, root('tmp1'));
    a.mov(ecx, dword(eax, STR.length)).add(ecx, dword(edx, STR.length));
    a.mov(edx, dword(edx)).or(edx, dword(eax)).and(edx, STRING_TWO_BYTE);
    a.cmp(ecx, SLICE_MIN_LENGTH).jae('scat_long');
    // (both shorter than a slice: flat)
    a.call('str_alloc');
    a.push(esi).push(eax);
    a.lea(edi, mem(eax, STR.units));
    a.mov(esi, root('tmp0')).call('copy_units_flat');
    a.mov(esi, root('tmp1')).call('copy_units_flat');
    a.pop(eax).pop(esi).ret();

    // ecx = the result's length, edx = its width flag
    a.label('scat_long').push(esi).push(ebx);
    a.test(dword(eax), STRING_SLICE).jz('scat_new');
    a.mov(ebx, dword(eax, STR.units)); // ebx = the left string's buffer
    a.mov(esi, dword(eax, STR.length)).cmp(esi, dword(ebx, STR.length)).jne('scat_new'); // not its last slice
    a.test(edx, edx).jz('scat_width_ok').test(dword(ebx), STRING_TWO_BYTE).jz('scat_grow'); // two-byte units into a one-byte buffer
    a.label('scat_width_ok');
    a.mov(esi, dword(ebx, OBJ.size)).sub(esi, STR.units); // esi = capacity in units
    a.test(dword(ebx), STRING_TWO_BYTE).jz('scat_cap').shr(esi, 1);
    a.label('scat_cap').cmp(ecx, esi).ja('scat_grow');
    // append in place: the header first (it may collect, moving the strings), then the units
    a.mov(edx, dword(ebx)).and(edx, STRING_TWO_BYTE); // the buffer's width is the slice's
    a.call('slice_alloc');
    a.mov(esi, root('tmp0')).mov(edi, dword(esi, STR.length)).mov(ebx, dword(esi, STR.units));
    a.mov(dword(eax, STR.units), ebx).mov(dword(eax, STR.units + 4), TAG.cell);
    a.test(edx, edx).jz('scat_at').add(edi, edi);
    a.label('scat_at').lea(edi, mem({ base: ebx, index: edi, disp: STR.units }));
    a.push(eax).mov(esi, root('tmp1')).call('copy_units').pop(eax);
    a.mov(ecx, dword(eax, STR.length)).mov(dword(ebx, STR.length), ecx);
    a.pop(ebx).pop(esi).ret();

    // A new buffer: when the left string was its buffer's last slice (appends in a loop),
    // with room for as many units again (up to 2^24 more); else with an eighth more (a
    // string made once by concatenation, which may never grow).
    a.label('scat_grow').push(ecx);
    a.mov(esi, ecx).cmp(esi, 1 << 24).jbe('scat_room').mov(esi, 1 << 24).jmp('scat_room');
    a.label('scat_new').push(ecx);
    a.mov(esi, ecx).shr(esi, 3).add(esi, 16);
    a.label('scat_room').add(ecx, esi).call('str_alloc').pop(ecx);
    a.mov(dword(eax, STR.length), ecx);
    a.mov(root('strBuf'), eax).mov(root('strBuf', 4), TAG.cell);
    a.lea(edi, mem(eax, STR.units));
    a.mov(esi, root('tmp0')).call('copy_units');
    a.mov(esi, root('tmp1')).call('copy_units');
    a.mov(eax, root('strBuf')).mov(ecx, dword(eax, STR.length));
    a.call('slice_alloc');
    a.mov(ebx, root('strBuf')).mov(dword(eax, STR.units), ebx).mov(dword(eax, STR.units + 4), TAG.cell);
    a.mov(root('strBuf', 4), TAG.undef);
    a.pop(ebx).pop(esi).ret();
  });

  // str_equal: eax, edx = strings. eax = 1 if they hold the same units, else 0.
  routine(a, 'str_equal', () => {
    a.push(ebx).push(ecx).push(edx).push(esi).push(edi);
    a.mov(ecx, dword(eax, STR.length)).cmp(ecx, dword(edx, STR.length)).jne('seq_false');
    if (STRING_SLICE !== STRING_TWO_BYTE << 2) throw new Error('str_equal packs the width and slice flags');
    a.mov(ebx, dword(eax)).and(ebx, STRING_TWO_BYTE | STRING_SLICE);
    a.mov(edi, dword(edx)).and(edi, STRING_TWO_BYTE | STRING_SLICE).shr(edi, 7); // bit 1 = b two-byte, bit 3 = b a slice
    a.shr(ebx, 8).or(ebx, edi); // bit 0 = a two-byte, bit 1 = b two-byte, bit 2 = a a slice, bit 3 = b a slice
    a.test(ebx, 12).jnz('seq_slices');
    a.lea(esi, mem(eax, STR.units)).lea(edi, mem(edx, STR.units));
    a.label('seq_loop').test(ecx, ecx).jz('seq_true');
    a.test(ebx, 1).jz('seq_a1').movzx(eax, word(esi)).add(esi, 2).jmp('seq_b');
    a.label('seq_a1').movzx(eax, byte(esi)).add(esi, 1);
    a.label('seq_b').test(ebx, 2).jz('seq_b1').movzx(edx, word(edi)).add(edi, 2).jmp('seq_cmp');
    a.label('seq_b1').movzx(edx, byte(edi)).add(edi, 1);
    a.label('seq_cmp').cmp(eax, edx).jne('seq_false').sub(ecx, 1).jmp('seq_loop');
    a.label('seq_true').mov(eax, 1).jmp('seq_done');
    a.label('seq_false').xor(eax, eax);
    a.label('seq_done').pop(edi).pop(esi).pop(edx).pop(ecx).pop(ebx).ret();
    a.label('seq_slices');
    unitsBase(a, esi, eax);
    unitsBase(a, edi, edx);
    a.lea(esi, mem(esi, STR.units)).lea(edi, mem(edi, STR.units)).jmp('seq_loop');
  });

  // str_from_cstring: edx = NUL-terminated Latin-1 text. eax = a new heap string.
  routine(a, 'str_from_cstring', () => {
    a.push(ecx).push(edx).push(esi).push(edi);
    a.mov(esi, edx).xor(ecx, ecx);
    a.label('sfc_len').cmp(byte({ base: esi, index: ecx }), 0).je('sfc_alloc').add(ecx, 1).jmp('sfc_len');
    a.label('sfc_alloc').xor(edx, edx).call('str_alloc');
    a.lea(edi, mem(eax, STR.units)).repMovs(8);
    a.pop(edi).pop(esi).pop(edx).pop(ecx).ret();
  });

  // str_hash: eax = string. eax = its hash (FNV-1a over the unit values, so the one- and
  // two-byte forms of a string agree; never 0), computed once and kept in the string.
  // Preserves the rest.
  routine(a, 'str_hash', () => {
    a.cmp(dword(eax, STR.hash), 0).je('sh_compute');
    a.mov(eax, dword(eax, STR.hash)).ret();
    a.label('sh_compute');
    a.push(ecx).push(edx).push(esi).push(edi);
    a.mov(edi, eax).mov(ecx, dword(eax, STR.length)).lea(esi, mem(eax, STR.units));
    a.test(dword(eax), STRING_SLICE).jz('sh_flat').mov(esi, dword(eax, STR.units)).add(esi, STR.units);
    a.label('sh_flat');
    a.mov(eax, 0x811c9dc5 | 0);
    a.test(dword(edi), STRING_TWO_BYTE).jnz('sh_two');
    a.label('sh_one').test(ecx, ecx).jz('sh_done');
    a.movzx(edx, byte(esi)).xor(eax, edx).imul(eax, eax, 16777619).add(esi, 1).sub(ecx, 1).jmp('sh_one');
    a.label('sh_two').test(ecx, ecx).jz('sh_done');
    a.movzx(edx, word(esi)).xor(eax, edx).imul(eax, eax, 16777619).add(esi, 2).sub(ecx, 1).jmp('sh_two');
    a.label('sh_done').test(eax, eax).jnz('sh_store').mov(eax, 1);
    a.label('sh_store').mov(dword(edi, STR.hash), eax);
    a.pop(edi).pop(esi).pop(edx).pop(ecx).ret();
  });

  // intern: eax = string. eax = the interned string with the same units (eax itself if it
  // is new, which then gets the STRING_INTERNED flag). The intern table (root `intern`) is
  // open addressing over a ValueVector of a power-of-two capacity (intern_mask + 1), probed
  // linearly from the string's hash, at most half full; it holds the strings made while
  // running. The program's string constants are the container's string records, flagged
  // interned, listed in its string table (string_table; format.ts), which a string not in
  // the intern table is looked up in before it is added. May allocate (growing it; tmp3).
  // Preserves everything else.
  routine(a, 'intern', () => {
    a.test(dword(eax), STRING_INTERNED).jz('intern_go');
    a.ret();
    a.label('intern_go');
    a.push(ecx).push(edx).push(esi).push(edi);
    a.mov(edi, eax).call('str_hash').mov(esi, eax); // edi = the string, esi = its hash
    a.mov(edx, root('intern')).mov(ecx, esi).and(ecx, var32('intern_mask'));
    a.label('intern_probe');
    a.cmp(dword({ base: edx, index: ecx, scale: 8, disp: 12 }), TAG.cell).jne('intern_add');
    a.mov(eax, dword({ base: edx, index: ecx, scale: 8, disp: 8 }));
    a.cmp(dword(eax, STR.hash), esi).jne('intern_next');
    a.push(edx).push(eax).mov(edx, edi).call('str_equal').test(eax, eax).pop(eax).pop(edx).jnz('intern_ret');
    a.label('intern_next').add(ecx, 1).and(ecx, var32('intern_mask')).jmp('intern_probe');
    // not made while running: one of the container's string constants? (its string table:
    // u32 mask, then offsets of string records or 0, linear probing from hash & mask)
    a.label('intern_add');
    a.push(ecx).push(edx);
    a.mov(edx, var32('string_table')).mov(ecx, esi).and(ecx, dword(edx));
    a.label('intern_static_probe').mov(eax, dword({ base: edx, index: ecx, scale: 4, disp: 4 })).test(eax, eax).jz('intern_not_static');
    a.add(eax, sym(TSBC)).cmp(dword(eax, STR.hash), esi).jne('intern_static_next');
    a.push(edx).push(eax).mov(edx, edi).call('str_equal').test(eax, eax).pop(eax).pop(edx).jnz('intern_static_found');
    a.label('intern_static_next').add(ecx, 1).and(ecx, dword(edx)).jmp('intern_static_probe');
    a.label('intern_static_found').pop(edx).pop(ecx).jmp('intern_ret');
    a.label('intern_not_static').pop(edx).pop(ecx);
    a.mov(dword({ base: edx, index: ecx, scale: 8, disp: 8 }), edi);
    a.mov(dword({ base: edx, index: ecx, scale: 8, disp: 12 }), TAG.cell);
    a.add(var32('intern_count'), 1);
    a.or(dword(edi), STRING_INTERNED);
    a.mov(eax, edi);
    a.mov(ecx, var32('intern_count')).add(ecx, ecx).cmp(ecx, var32('intern_mask')).jbe('intern_ret');
    // more than half full: twice the capacity, every entry rehashed (hashes are kept in the
    // strings, so nothing is computed again)
    a.mov(root('tmp3'), edi).mov(root('tmp3', 4), TAG.cell);
    a.mov(ecx, var32('intern_mask')).lea(ecx, mem({ base: ecx, index: ecx, disp: 2 })).call('new_vector');
    a.mov(esi, root('intern')).mov(root('intern'), eax);
    a.mov(ecx, var32('intern_mask')).lea(ecx, mem({ base: ecx, index: ecx, disp: 1 })).mov(var32('intern_mask'), ecx);
    a.mov(edx, eax); // edx = the new table; esi = the old one
    a.mov(edi, dword(esi, 4)).sub(edi, 8).shr(edi, 3); // old capacity
    a.label('intern_rehash').sub(edi, 1).js('intern_grown');
    a.cmp(dword({ base: esi, index: edi, scale: 8, disp: 12 }), TAG.cell).jne('intern_rehash');
    a.mov(eax, dword({ base: esi, index: edi, scale: 8, disp: 8 }));
    a.mov(ecx, dword(eax, STR.hash)).and(ecx, var32('intern_mask'));
    a.label('intern_slot').cmp(dword({ base: edx, index: ecx, scale: 8, disp: 12 }), TAG.cell).jne('intern_put');
    a.add(ecx, 1).and(ecx, var32('intern_mask')).jmp('intern_slot');
    a.label('intern_put').mov(dword({ base: edx, index: ecx, scale: 8, disp: 8 }), eax);
    a.mov(dword({ base: edx, index: ecx, scale: 8, disp: 12 }), TAG.cell);
    a.jmp('intern_rehash');
    a.label('intern_grown');
    a.mov(eax, root('tmp3')).mov(root('tmp3', 4), TAG.undef);
    a.label('intern_ret').pop(edi).pop(esi).pop(edx).pop(ecx).ret();
  });
}

function emitProperties(a: X86Assembler): void {
  // prop_find: eax = object (Object, Array or Function), edx:ecx = key payload:tag.
  // eax = the own property entry's address, or 0. Preserves the rest.
  routine(a, 'prop_find', () => {
    a.push(edi);
    a.cmp(dword(eax, PROPS + 4), TAG.cell).jne('pf_none');
    a.mov(edi, dword(eax, PROPS));
    // five instructions an entry that does not match (the start-up defines hundreds of
    // builtins, each after a scan of its object's table)
    a.mov(eax, dword(edi, PT_COUNT)).add(edi, PT_ENTRIES);
    a.test(eax, eax).jz('pf_ret');
    a.label('pf_loop').cmp(dword(edi), edx).je('pf_payload');
    a.label('pf_next').add(edi, PT_ENTRY_SIZE).sub(eax, 1).jnz('pf_loop');
    a.pop(edi).ret();
    a.label('pf_payload').cmp(dword(edi, 4), ecx).jne('pf_next');
    a.mov(eax, edi).jmp('pf_ret');
    a.label('pf_none').xor(eax, eax);
    a.label('pf_ret').pop(edi).ret();
  });

  // get_prop: eax = object (Object, Array, Function or String), edx:ecx = key. eax:edx =
  // the value (payload:tag), through the prototype chain; undefined if absent. An accessor
  // gives edx = TAG_ACCESSOR and eax = its [getter, setter] vector (the caller calls the
  // getter). Functions have virtual `name`/`length` (from the record) and strings their
  // `length` and index keys, then String.prototype's chain. Allocates only for a string's
  // index key (a one-unit string). Preserves ecx and the rest.
  routine(a, 'get_prop', () => {
    a.push(edi).mov(edi, eax);
    // a typed array: integer keys are its elements (undefined out of range), `length` its length
    jumpUnlessTyped(a, edi, 'gp_not_typed');
    a.cmp(ecx, TAG.int).jne('gp_typed_len');
    a.push(ecx).call('ta_get_index').pop(ecx).pop(edi).ret();
    a.label('gp_typed_len').cmp(ecx, TAG.cell).jne('gp_not_typed').cmp(edx, root('sLength')).jne('gp_not_typed');
    a.mov(eax, dword(edi, VIEW_LENGTH)).mov(edx, TAG.int).pop(edi).ret();
    a.label('gp_not_typed');
    a.cmp(ecx, TAG.cell).jne('gp_walk').cmp(edx, root('sLength')).jne('gp_walk');
    a.cmp(byte(edi), KIND.String).jne('gp_not_str_len');
    a.mov(eax, dword(edi, STR.length)).mov(edx, TAG.int).pop(edi).ret();
    a.label('gp_not_str_len').cmp(byte(edi), KIND.Array).jne('gp_walk');
    a.mov(eax, dword(edi, ARRAY_LENGTH)).mov(edx, dword(edi, ARRAY_LENGTH + 4)).pop(edi).ret();
    a.label('gp_walk');
    a.cmp(byte(edi), KIND.String).jne('gp_obj');
    a.cmp(ecx, TAG.int).jne('gp_str_proto').cmp(edx, dword(edi, STR.length)).jae('gp_str_proto');
    loadUnit(a, edi, edx, eax, 'gp_str_two', 'gp_str_unit');
    a.call('unit_string').mov(edx, TAG.cell).pop(edi).ret();
    a.label('gp_str_proto').mov(edi, root('intrinsics'));
    a.cmp(dword(edi, slot(3) + 4), TAG.cell).jne('gp_undef');
    a.mov(edi, dword(edi, slot(3)));
    a.label('gp_obj').mov(eax, edi).call('prop_find').test(eax, eax).jnz('gp_found');
    a.cmp(byte(edi), KIND.Array).jne('gp_not_array');
    a.cmp(ecx, TAG.int).jne('gp_proto').cmp(edx, dword(edi, ARRAY_LENGTH)).jae('gp_proto');
    a.mov(eax, dword(edi, ARRAY_ELEMENTS));
    a.cmp(dword({ base: eax, index: edx, scale: 8, disp: 12 }), TAG.hole).je('gp_proto');
    a.mov(edi, edx);
    a.mov(edx, dword({ base: eax, index: edi, scale: 8, disp: 12 })).mov(eax, dword({ base: eax, index: edi, scale: 8, disp: 8 }));
    a.pop(edi).ret();
    a.label('gp_not_array').cmp(byte(edi), KIND.Function).jne('gp_proto');
    a.cmp(ecx, TAG.cell).jne('gp_proto');
    a.cmp(edx, root('sLength')).je('gp_fn_length').cmp(edx, root('sName')).je('gp_fn_name');
    a.cmp(edx, root('sPrototype')).jne('gp_proto');
    a.mov(eax, dword(edi, FN_INDEX)).shl(eax, 5);
    a.test(word({ base: eax, disp: FN_RECORDS.plus(18) }), 0b1111011).jnz('gp_proto'); // arrow, class, method, async, top level, generator (its own is made at Closure)
    a.call('fn_lazy_prototype').mov(edx, TAG.cell).pop(edi).ret();
    a.label('gp_proto');
    a.cmp(dword(edi, PROTO + 4), TAG.cell).jne('gp_undef');
    a.mov(edi, dword(edi, PROTO)).jmp('gp_walk');
    a.label('gp_found').test(byte(eax, 16), ATTR_ACCESSOR).jnz('gp_accessor');
    a.mov(edx, dword(eax, 12)).mov(eax, dword(eax, 8)).pop(edi).ret();
    a.label('gp_undef').xor(eax, eax).mov(edx, TAG.undef).pop(edi).ret();
    a.label('gp_accessor').mov(eax, dword(eax, 8)).mov(edx, TAG_ACCESSOR).pop(edi).ret();
    a.label('gp_fn_length').mov(eax, dword(edi, FN_INDEX)).shl(eax, 5);
    a.movzx(eax, word({ base: eax, disp: FN_RECORDS.plus(28) })).mov(edx, TAG.int).pop(edi).ret();
    a.label('gp_fn_name').mov(eax, dword(edi, FN_INDEX)).shl(eax, 5);
    a.mov(eax, dword({ base: eax, disp: FN_RECORDS.plus(8) })).cmp(eax, -1).je('gp_fn_anon');
    a.mov(edx, root('constants')).mov(eax, dword({ base: edx, index: eax, scale: 8, disp: 8 }));
    a.mov(edx, TAG.cell).pop(edi).ret();
    a.label('gp_fn_anon').mov(eax, root('sEmpty')).mov(edx, TAG.cell).pop(edi).ret();
  });

  // set_prop: tmp0 = object, tmp1 = key, tmp2 = value. Sets an own data property (adding
  // it if absent, with attributes def_attr: define_prop jumps to sp_add with its own). May allocate. Clobbers eax, ecx, edx, edi; clears tmp0-2.
  routine(a, 'set_prop', () => {
    a.mov(var32('def_attr'), ATTR_DEFAULT);
    a.mov(eax, root('tmp0')).mov(edx, root('tmp1')).mov(ecx, root('tmp1', 4));
    a.cmp(byte(eax), KIND.Array).jne('sp_find');
    a.cmp(ecx, TAG.cell).jne('sp_find').cmp(edx, root('sLength')).jne('sp_find');
    fatal(a, 'setting an array\'s length is not implemented');
    a.label('sp_find').call('prop_find').test(eax, eax).jz('sp_add');
    a.test(byte(eax, 16), ATTR_ACCESSOR).jz('sp_write');
    fatal(a, 'accessor properties are not implemented');
    a.label('sp_write');
    copyValue(a, at(eax, 8), rootW('tmp2'), ecx);
    a.jmp('sp_done');
    a.label('sp_add');
    a.mov(eax, root('tmp0'));
    a.xor(ecx, ecx); // capacity
    a.cmp(dword(eax, PROPS + 4), TAG.cell).jne('sp_grow');
    a.mov(edx, dword(eax, PROPS));
    a.mov(eax, dword(edx, 4)).sub(eax, PT_ENTRIES).push(edx).xor(edx, edx).mov(ecx, PT_ENTRY_SIZE).div(ecx).mov(ecx, eax).pop(edx);
    a.cmp(dword(edx, PT_COUNT), ecx).jb('sp_append');
    a.label('sp_grow'); // ecx = old capacity
    a.add(ecx, ecx).cmp(ecx, 4).jae('sp_cap_ok').mov(ecx, 4);
    a.label('sp_cap_ok');
    a.imul(ecx, ecx, PT_ENTRY_SIZE).add(ecx, PT_ENTRIES).mov(edx, KIND.PropertyTable).call('heap_alloc');
    a.mov(ecx, dword(eax, 4)).sub(ecx, 8).shr(ecx, 3);
    a.lea(edx, mem(eax, 8)).call('fill_undefined');
    a.mov(dword(eax, PT_COUNT), 0).mov(dword(eax, PT_COUNT + 4), TAG.int);
    a.mov(dword(eax, PT_SHAPE), SHAPE_EMPTY).mov(dword(eax, PT_SHAPE + 4), TAG.int);
    a.mov(edx, root('tmp0'));
    a.cmp(dword(edx, PROPS + 4), TAG.cell).jne('sp_link');
    a.push(esi); // the old table's count, shape and entries
    a.mov(esi, dword(edx, PROPS)).mov(ecx, dword(esi, PT_COUNT)).imul(ecx, ecx, PT_ENTRY_SIZE / 4).add(ecx, (PT_ENTRIES - PT_COUNT) / 4);
    a.lea(edi, mem(eax, PT_COUNT)).add(esi, PT_COUNT).repMovs(32);
    a.pop(esi);
    a.label('sp_link').mov(dword(edx, PROPS), eax).mov(dword(edx, PROPS + 4), TAG.cell);
    a.mov(edx, eax);
    a.label('sp_append'); // edx = table with room
    a.mov(ecx, dword(edx, PT_COUNT)).imul(ecx, ecx, PT_ENTRY_SIZE).lea(edi, mem({ base: edx, index: ecx, disp: PT_ENTRIES }));
    copyValue(a, at(edi, 0), rootW('tmp1'), eax);
    copyValue(a, at(edi, 8), rootW('tmp2'), eax);
    a.mov(eax, var32('def_attr')).mov(dword(edi, 16), eax).mov(dword(edi, 20), TAG.int);
    // a table with a unique shape (a prototype, the start-up's objects) gets another one
    // here without shape_added's call (shapes.ts): most adds of the prelude's start-up
    a.test(dword(edx, PT_SHAPE), SHAPE_UNIQUE).jz('sp_shape_transition');
    takeShapeId(a, eax);
    a.or(eax, SHAPE_UNIQUE).mov(dword(edx, PT_SHAPE), eax).jmp('sp_shaped');
    a.label('sp_shape_transition').call('shape_added');
    a.label('sp_shaped');
    a.add(dword(edx, PT_COUNT), 1);
    a.label('sp_done');
    for (const t of ['tmp0', 'tmp1', 'tmp2'] as const) a.mov(root(t, 4), TAG.undef);
    a.ret();
  });

  // array_set: tmp0 = array, ecx = index (0 <= index < 2^31), tmp2 = value. Grows the
  // elements as needed. May allocate. Clobbers eax, ecx, edx, edi; clears tmp0, tmp2.
  routine(a, 'array_set', () => {
    a.cmp(ecx, MAX_DENSE_INDEX).jb('as_index_ok');
    fatal(a, 'array index too large: sparse arrays are not implemented');
    a.label('as_index_ok');
    a.mov(eax, root('tmp0'));
    a.xor(edx, edx);
    a.cmp(dword(eax, ARRAY_ELEMENTS + 4), TAG.cell).jne('as_grow');
    a.mov(edx, dword(eax, ARRAY_ELEMENTS)).mov(edx, dword(edx, 4)).sub(edx, 8).shr(edx, 3); // capacity
    a.cmp(ecx, edx).jb('as_store');
    a.label('as_grow'); // edx = old capacity
    a.push(ecx);
    a.add(edx, edx).cmp(edx, 4).jae('as_g1').mov(edx, 4);
    a.label('as_g1').add(ecx, 1).cmp(ecx, edx).jae('as_g2').mov(ecx, edx);
    a.label('as_g2'); // ecx = new capacity
    a.push(ecx);
    a.lea(ecx, mem({ index: ecx, scale: 8, disp: 8 })).mov(edx, KIND.ValueVector).call('heap_alloc');
    a.pop(ecx).lea(edx, mem(eax, 8)).call('fill_hole');
    a.mov(edx, root('tmp0'));
    a.cmp(dword(edx, ARRAY_ELEMENTS + 4), TAG.cell).jne('as_link');
    a.push(esi);
    a.mov(esi, dword(edx, ARRAY_ELEMENTS)).mov(ecx, dword(esi, 4)).sub(ecx, 8).shr(ecx, 2);
    a.lea(edi, mem(eax, 8)).add(esi, 8).repMovs(32);
    a.pop(esi);
    a.label('as_link').mov(dword(edx, ARRAY_ELEMENTS), eax).mov(dword(edx, ARRAY_ELEMENTS + 4), TAG.cell);
    a.pop(ecx).mov(eax, edx);
    a.label('as_store'); // eax = array, ecx = index
    a.mov(edx, dword(eax, ARRAY_ELEMENTS));
    a.lea(edi, mem({ base: edx, index: ecx, scale: 8, disp: 8 }));
    copyValue(a, at(edi, 0), rootW('tmp2'), edx);
    a.cmp(ecx, dword(eax, ARRAY_LENGTH)).jb('as_done');
    a.add(ecx, 1).mov(dword(eax, ARRAY_LENGTH), ecx).mov(dword(eax, ARRAY_LENGTH + 4), TAG.int);
    a.label('as_done').mov(root('tmp0', 4), TAG.undef).mov(root('tmp2', 4), TAG.undef).ret();
  });
}

function emitExceptions(a: X86Assembler): void {
  // interp_unwind (jump target): the exception is in the root `exception`. Pops frames
  // until one has a handler and continues there; with none left, reports it and ends the
  // program with status 1.
  routine(a, 'interp_unwind', () => {
    a.mov(esp, var32('interp_esp')); // a throw from inside a routine leaves its return addresses
    a.label('unwind_loop');
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.handler))).cmp(eax, -1).jne('unwind_found');
    a.cmp(dword(ebp, fslot(FRAME_SLOT.caller) + 4), TAG.cell).jne('unwind_uncaught');
    a.mov(ebp, dword(ebp, fslot(FRAME_SLOT.caller))).add(ebp, FRAME_REGS).jmp('unwind_loop');
    a.label('unwind_found');
    a.mov(var32('depth_limit'), MAX_CALL_DEPTH * FRAME_DEPTH_UNIT); // the overflow (if any) is caught
    loadCodeBase(a);
    a.lea(esi, mem({ base: ebx, index: eax }));
    dispatch(a, 0);
    a.label('unwind_uncaught');
    // With FormatUncaught registered (and not already failing), call it on the exception;
    // its result is printed by unwind_report_cont.
    a.cmp(var32('in_uncaught'), 0).jne('unwind_plain');
    intrinsicFunction(a, 12, 'unwind_plain');
    a.mov(var32('in_uncaught'), 1);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(ecx, 1).call('new_vector');
    copyValue(a, at(eax, 8), rootW('exception'), ecx);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_cont'), sym('unwind_report_cont'));
    a.jmp('interp_call_vector');
    a.label('unwind_report_cont'); // eax:edx = FormatUncaught's result
    const P = platform();
    a.mov(esi, sym(cstring(a, 'Uncaught '))).call(P.putsErr);
    a.cmp(edx, TAG.cell).jne('unwind_other');
    a.cmp(byte(eax), KIND.String).jne('unwind_other');
    a.call(P.writeErr).jmp('unwind_end');
    a.label('unwind_plain');
    a.mov(esi, sym(cstring(a, 'Uncaught '))).call(P.putsErr);
    a.cmp(root('exception', 4), TAG.cell).jne('unwind_other');
    a.mov(eax, root('exception')).cmp(byte(eax), KIND.String).jne('unwind_other');
    a.call(P.writeErr).jmp('unwind_end');
    a.label('unwind_other').mov(esi, sym(cstring(a, '(a value that is not a string)'))).call(P.putsErr);
    a.label('unwind_end').mov(esi, sym(cstring(a, '\n'))).call(P.putsErr);
    a.mov(al, UNCAUGHT_STATUS).call(P.exit);
  });

  // interp_call_vector (jump target): call tmp0 (a Function) with this = tmp1 and the
  // arguments in the ValueVector callArgs, from native code. The current frame (ebp) is
  // the caller; its pc slot must already say where it resumes. The result goes to
  // register call_dst of the caller, or, when call_cont is set, to the native
  // continuation at call_cont (eax:edx = the result, ebp/ebx/esi = the resumed caller).
  routine(a, 'interp_call_vector', () => {
    a.mov(eax, root('callArgs')).mov(eax, dword(eax, 4)).sub(eax, 8).shr(eax, 3);
    a.mov(var32('call_argc'), eax).mov(var32('call_first'), -1);
    a.jmp('interp_enter_frame');
  });

  // interp_throw_message (jump target): eax = message (C string); edx = 0, or a C string
  // appended after the string in tmp3 (used when tmp3 holds a string to quote). Throws the
  // resulting string.
  // itm_subject = 1: tmp2 holds the object the message's "#<Object>" stands for; RaiseError
  // gets it as a third argument and names it as V8 does ("#<Foo>"). Cleared here.
  routine(a, 'interp_throw_message', () => {
    // RaiseError registered: strip the "<Kind>: " prefix and call RaiseError(kind, message).
    a.mov(var32('call_argc'), -1); // -1: no RaiseError
    a.push(eax);
    intrinsicFunction(a, 13, 'itm_plain');
    a.pop(eax);
    a.xor(ecx, ecx); // kind
    a.cmp(byte(eax), 0x53).jne('itm_k1').mov(ecx, 3); // S
    a.label('itm_k1').cmp(byte(eax), 0x52).jne('itm_k2').mov(ecx, 2); // R
    a.cmp(byte(eax, 2), 0x66).jne('itm_k2').mov(ecx, 1); // Ref
    a.label('itm_k2').mov(var32('call_argc'), ecx);
    a.label('itm_skip').cmp(byte(eax), 0x3a).je('itm_skipped').add(eax, 1).jmp('itm_skip');
    a.label('itm_skipped').add(eax, 2).push(eax);
    a.label('itm_plain').pop(eax);
    a.push(var32('call_argc'));
    a.push(edx);
    a.mov(edx, eax).call('str_from_cstring');
    a.pop(edx);
    a.test(edx, edx).jz('itm_throw');
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    copyValue(a, rootW('tmp1'), rootW('tmp3'), eax);
    a.push(edx).call('str_concat').pop(edx);
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.call('str_from_cstring').mov(root('tmp1'), eax).mov(root('tmp1', 4), TAG.cell);
    a.call('str_concat');
    for (const t of ['tmp0', 'tmp1', 'tmp3'] as const) a.mov(root(t, 4), TAG.undef);
    a.label('itm_throw');
    a.pop(ecx).cmp(ecx, -1).jne('itm_raise');
    a.mov(var32('itm_subject'), 0);
    a.mov(root('exception'), eax).mov(root('exception', 4), TAG.cell);
    a.jmp('interp_unwind');
    a.label('itm_raise'); // eax = message, ecx = kind
    a.mov(root('tmp3'), eax).mov(root('tmp3', 4), TAG.cell);
    a.push(ecx).mov(ecx, 2).add(ecx, var32('itm_subject')).call('new_vector').pop(ecx);
    a.mov(dword(eax, 8), ecx).mov(dword(eax, 12), TAG.int);
    copyValue(a, at(eax, 16), rootW('tmp3'), ecx);
    a.mov(root('tmp3', 4), TAG.undef);
    a.cmp(var32('itm_subject'), 0).je('itm_no_subject');
    copyValue(a, at(eax, 24), rootW('tmp2'), ecx);
    a.label('itm_no_subject').mov(var32('itm_subject'), 0).mov(root('tmp2', 4), TAG.undef);
    a.mov(root('callArgs'), eax).mov(root('callArgs', 4), TAG.cell);
    a.mov(eax, root('intrinsics')).mov(eax, dword(eax, slot(13)));
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    saveResumePc(a);
    a.mov(var32('call_cont'), sym('itm_returned'));
    a.jmp('interp_call_vector');
    a.label('itm_returned');
    fatal(a, 'the registered RaiseError returned');
  });
}

/** eax = registered intrinsic `id` if it is a Function; otherwise jumps to `none`. Clobbers eax. */
export function intrinsicFunction(a: X86Assembler, id: number, none: string): void {
  a.mov(eax, root('intrinsics'));
  a.cmp(dword(eax, slot(id) + 4), TAG.cell).jne(none);
  a.mov(eax, dword(eax, slot(id))).cmp(byte(eax), KIND.Function).jne(none);
}

/** The current frame resumes at the instruction esi points into (pc = esi - 1 - ebx),
 *  for machine errors raised in the middle of an instruction. Clobbers nothing. */
export function saveResumePc(a: X86Assembler): void {
  a.push(eax);
  a.lea(eax, mem(esi, -1)).sub(eax, ebx);
  a.mov(dword(ebp, fslot(FRAME_SLOT.pc)), eax).mov(dword(ebp, fslot(FRAME_SLOT.pc) + 4), TAG.int);
  a.pop(eax);
}

/** ebx = code start of the function running in the frame at ebp. Clobbers ecx. */
export function loadCodeBase(a: X86Assembler): void {
  a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.function))).mov(ecx, dword(ecx, FN_INDEX)).shl(ecx, 5);
  a.mov(ebx, dword({ base: ecx, disp: FN_RECORDS })).add(ebx, sym(TSBC));
}

function emitEnterFrame(a: X86Assembler): void {
  // interp_enter_frame (jump target): tmp0 = function object, tmp1 = this, call_argc,
  // call_first (first argument register of the caller), call_dst (the caller's result
  // register); ebp = the caller (0 for the entry call) whose resume pc is already saved.
  const F = (k: number, w = 0) => dword(edi, slot(k) + w);
  // Also: call_first = -1 takes the arguments from the ValueVector callArgs instead;
  // call_flags (FRAME_CONSTRUCT), callNewTarget and call_cont (a native continuation, see
  // interp_call_vector) are copied into the frame. All of these are reset afterwards.
  const argSource = (l: string) => {
    a.mov(edx, var32('call_first')).cmp(edx, -1).je(`${l}_vec`);
    a.lea(edx, mem({ base: ebp, index: edx, scale: 8 })).jmp(`${l}_ok`);
    a.label(`${l}_vec`).mov(edx, root('callArgs')).add(edx, 8);
    a.label(`${l}_ok`);
  };
  routine(a, 'interp_enter_frame', () => {
    a.mov(eax, root('tmp0')).mov(eax, dword(eax, FN_INDEX)).shl(eax, 5).add(eax, FN_RECORDS);
    a.mov(var32('call_rec'), eax);
    a.test(word(eax, 18), 2).jz('ef_callable'); // ClassConstructor
    a.test(var32('call_flags'), FRAME_CONSTRUCT).jnz('ef_callable');
    a.mov(var32('call_cont'), 0).mov(root('callArgs', 4), TAG.undef);
    a.mov(root('callNewTarget'), 0).mov(root('callNewTarget', 4), TAG.undef);
    a.mov(ecx, dword(eax, 8)).cmp(ecx, -1).je('ef_anon');
    a.mov(edx, root('constants'));
    copyValue(a, rootW('tmp3'), (w) => dword({ base: edx, index: ecx, scale: 8, disp: 8 + w }), eax);
    a.mov(eax, sym(cstring(a, 'TypeError: Class constructor '))).mov(edx, sym(cstring(a, ' cannot be invoked without \'new\'')));
    a.jmp('interp_throw_message');
    a.label('ef_anon');
    throwMessage(a, 'TypeError: Class constructor cannot be invoked without \'new\'');
    a.label('ef_callable');
    // the call depth (in the caller's flags): past the limit, RangeError as in Node, with
    // room above the limit to construct it (the limit comes back when a handler catches)
    a.test(ebp, ebp).jz('ef_depth_ok');
    a.mov(ecx, dword(ebp, fslot(FRAME_SLOT.flags))).cmp(ecx, var32('depth_limit')).jb('ef_depth_ok');
    a.mov(var32('call_cont'), 0).mov(root('callArgs', 4), TAG.undef);
    a.mov(root('callNewTarget'), 0).mov(root('callNewTarget', 4), TAG.undef);
    a.cmp(var32('depth_limit'), MAX_CALL_DEPTH * FRAME_DEPTH_UNIT).jne('ef_depth_fatal');
    a.mov(var32('depth_limit'), (MAX_CALL_DEPTH + 1000) * FRAME_DEPTH_UNIT);
    throwMessage(a, 'RangeError: Maximum call stack size exceeded');
    a.label('ef_depth_fatal');
    fatal(a, 'Maximum call stack size exceeded while constructing the RangeError for it');
    a.label('ef_depth_ok');
    a.mov(root('tmp2', 4), TAG.undef);
    a.movzx(ecx, word(eax, 12)).mov(edx, var32('call_argc')).sub(edx, ecx).jbe('ef_no_extra');
    // arguments beyond paramCount go to a ValueVector
    a.mov(edi, edx).mov(ecx, edx).call('new_vector');
    argSource('ef_src1');
    a.mov(ecx, var32('call_rec')).movzx(ecx, word(ecx, 12)).lea(edx, mem({ base: edx, index: ecx, scale: 8 }));
    a.push(eax).add(eax, 8);
    a.label('ef_extra_loop');
    a.mov(ecx, dword(edx)).mov(dword(eax), ecx).mov(ecx, dword(edx, 4)).mov(dword(eax, 4), ecx);
    a.add(edx, 8).add(eax, 8).sub(edi, 1).jnz('ef_extra_loop');
    a.pop(eax).mov(root('tmp2'), eax).mov(root('tmp2', 4), TAG.cell);
    a.label('ef_no_extra');
    a.mov(eax, var32('call_rec')).movzx(ecx, word(eax, 14)).lea(ecx, mem({ index: ecx, scale: 8, disp: FRAME_REGS }));
    a.mov(edx, KIND.Frame).call('heap_alloc').mov(edi, eax);
    a.test(ebp, ebp).jz('ef_no_caller');
    a.lea(eax, mem(ebp, -FRAME_REGS)).mov(F(FRAME_SLOT.caller), eax).mov(F(FRAME_SLOT.caller, 4), TAG.cell).jmp('ef_caller_done');
    a.label('ef_no_caller').mov(F(FRAME_SLOT.caller), 0).mov(F(FRAME_SLOT.caller, 4), TAG.null);
    a.label('ef_caller_done');
    copyValue(a, (w) => F(FRAME_SLOT.function, w), rootW('tmp0'), eax);
    a.mov(F(FRAME_SLOT.pc), 0).mov(F(FRAME_SLOT.pc, 4), TAG.int);
    a.mov(eax, var32('call_dst')).mov(F(FRAME_SLOT.returnRegister), eax).mov(F(FRAME_SLOT.returnRegister, 4), TAG.int);
    copyValue(a, (w) => F(FRAME_SLOT.this, w), rootW('tmp1'), eax);
    copyValue(a, (w) => F(FRAME_SLOT.newTarget, w), rootW('callNewTarget'), eax);
    a.mov(eax, var32('call_argc')).mov(F(FRAME_SLOT.argCount), eax).mov(F(FRAME_SLOT.argCount, 4), TAG.int);
    copyValue(a, (w) => F(FRAME_SLOT.extraArgs, w), rootW('tmp2'), eax);
    a.mov(F(FRAME_SLOT.handler), -1).mov(F(FRAME_SLOT.handler, 4), TAG.int);
    a.mov(F(FRAME_SLOT.conv0), 0).mov(F(FRAME_SLOT.conv0, 4), TAG.undef);
    a.mov(F(FRAME_SLOT.conv1), 0).mov(F(FRAME_SLOT.conv1, 4), TAG.undef);
    a.mov(eax, var32('call_flags')).mov(F(FRAME_SLOT.flags), eax).mov(F(FRAME_SLOT.flags, 4), TAG.int);
    a.test(ebp, ebp).jnz('ef_not_entry').or(F(FRAME_SLOT.flags), FRAME_ENTRY).jmp('ef_depth_set');
    a.label('ef_not_entry');
    a.mov(eax, dword(ebp, fslot(FRAME_SLOT.flags))).and(eax, -FRAME_DEPTH_UNIT).add(eax, FRAME_DEPTH_UNIT).or(F(FRAME_SLOT.flags), eax);
    a.label('ef_depth_set');
    a.mov(eax, var32('call_cont')).test(eax, eax).jz('ef_no_cont');
    a.mov(F(FRAME_SLOT.returnRegister), eax).or(F(FRAME_SLOT.flags), FRAME_NATIVE_RETURN);
    a.label('ef_no_cont');
    a.mov(eax, var32('call_rec')).movzx(ecx, word(eax, 14));
    a.lea(edx, mem(edi, FRAME_REGS)).call('fill_undefined');
    // copy min(argc, paramCount, registerCount) arguments
    a.movzx(ecx, word(eax, 12));
    a.cmp(ecx, var32('call_argc')).jbe('ef_n1').mov(ecx, var32('call_argc'));
    a.label('ef_n1').movzx(edx, word(eax, 14)).cmp(ecx, edx).jbe('ef_n2').mov(ecx, edx);
    a.label('ef_n2');
    argSource('ef_src2');
    a.lea(eax, mem(edi, FRAME_REGS));
    a.label('ef_args').test(ecx, ecx).jz('ef_args_done');
    a.mov(esi, dword(edx)).mov(dword(eax), esi).mov(esi, dword(edx, 4)).mov(dword(eax, 4), esi);
    a.add(edx, 8).add(eax, 8).sub(ecx, 1).jmp('ef_args');
    a.label('ef_args_done');
    for (const t of ['tmp0', 'tmp1', 'tmp2', 'callArgs', 'callNewTarget'] as const) a.mov(root(t), 0).mov(root(t, 4), TAG.undef);
    a.mov(var32('call_flags'), 0).mov(var32('call_cont'), 0);
    a.lea(ebp, mem(edi, FRAME_REGS));
    a.mov(eax, var32('call_rec')).mov(ebx, dword(eax)).add(ebx, sym(TSBC));
    a.mov(esi, ebx);
    dispatch(a, 0);
  });

  // new_function: ecx = function index, edx = address of the environment value.
  // eax = a new Function object. May allocate (so edx must not point into the heap... it
  // is read after allocation only through tmp3: callers pass the value in tmp3 instead).
  // (heap_alloc inlined and 8-byte moves: the start-up makes ~1,200 functions, and every
  // closure a program makes comes here)
  routine(a, 'new_function', () => {
    a.push(edx);
    a.mov(eax, var32('heap_ptr')).lea(edx, mem(eax, FUNCTION_SIZE)).cmp(edx, var32('heap_limit')).ja('nf_slow');
    a.mov(var32('heap_ptr'), edx);
    a.mov(dword(eax), KIND.Function).mov(dword(eax, 4), FUNCTION_SIZE);
    a.label('nf_fill');
    copyValue8(a, at(eax, PROTO), rootW('functionProto'));
    a.movq(qword(eax, PROPS), FRAME_XMM.undef);
    a.mov(dword(eax, FN_INDEX), ecx).mov(dword(eax, FN_INDEX + 4), TAG.int);
    copyValue8(a, at(eax, FN_ENV), rootW('tmp3'));
    a.movq(qword(eax, FN_HOME), FRAME_XMM.undef);
    a.mov(root('tmp3', 4), TAG.undef);
    a.pop(edx).ret();
    a.label('nf_slow').push(ecx);
    a.mov(ecx, FUNCTION_SIZE).mov(edx, KIND.Function).call('heap_alloc');
    a.pop(ecx).jmp('nf_fill');
  });
}

const WELL_KNOWN: [(typeof ROOTS)[number], string][] = [
  ['sLength', 'length'], ['sUndefined', 'undefined'], ['sObject', 'object'], ['sBoolean', 'boolean'],
  ['sNumber', 'number'], ['sString', 'string'], ['sFunction', 'function'],
  ['sPrototype', 'prototype'], ['sConstructor', 'constructor'], ['sToString', 'toString'], ['sNext', 'next'],
  ['sDone', 'done'], ['sValue', 'value'], ['sReturn', 'return'], ['sEmpty', ''], ['sTrue', 'true'],
  ['sFalse', 'false'], ['sNull', 'null'], ['sName', 'name'], ['sMessage', 'message'], ['sNumberFn', 'Number'], ['sValueOf', 'valueOf'],
  ['sSymbol', 'symbol'], ['sDefault', 'default'],
];

function emitLoader(a: X86Assembler): void {
  // the container's string records are used as String objects in place
  if (STRING_RECORD.kind !== KIND.String || STRING_RECORD.twoByte !== STRING_TWO_BYTE || STRING_RECORD.interned !== STRING_INTERNED
    || STRING_RECORD.length !== STR.length || STRING_RECORD.hash !== STR.hash || STRING_RECORD.units !== STR.units) {
    throw new Error('format.ts STRING_RECORD does not match the machine\'s String layout (layout.ts)');
  }
  // interp_start: never returns. Sets up SSE, the heap and the constants, then calls the
  // module's entry function.
  routine(a, 'interp_start', () => {
    if (!userBuild()) a.cli();
    a.cld();
    a.mov(var32('interp_esp'), esp);
    if (!userBuild()) { // (Linux user space has SSE on already)
      a.mov(eax, cr0).and(eax, ~((1 << 2) | (1 << 3))).or(eax, 1 << 1).mov(cr0, eax); // EM=0 TS=0 MP=1
      a.mov(eax, cr4).or(eax, (1 << 9) | (1 << 10)).mov(cr4, eax); // OSFXSR, OSXMMEXCPT
    }
    a.db(0xdb, 0xe3); // fninit
    a.movdqu(FRAME_XMM.undef, mem(sym('xmm_undef'))).movdqu(FRAME_XMM.int0, mem(sym('xmm_int0')));
    a.movdqu(FRAME_XMM.handlerFlags, mem(sym('xmm_handler_flags'))).movdqu(FRAME_XMM.hole, mem(sym('xmm_hole')));
    a.mov(esi, sym(cstring(a, 'gcstress'))).call('cmdline_has').mov(var32('gc_stress'), eax);
    if (userBuild()) {
      a.call('tsvm_heap_init'); // two semispaces from mmap2 (boot/user/heap.ts)
    } else {
      // heap: two semispaces of min(RAM/4, HEAP_MAX)/2 right after the image (the kernel
      // leaves the rest to its frame allocator), or, for a program in the program slot
      // (heap_whole_ram), of all the RAM after the image but HEAP_RESERVE
      a.mov(eax, var32('ram_top')).shr(eax, 2).cmp(eax, HEAP_MAX).jbe('is_heap_ok').mov(eax, HEAP_MAX);
      a.label('is_heap_ok');
      a.mov(ecx, sym('bss_end')).add(ecx, 0xfff).and(ecx, ~0xfff);
      // ...or after the boot modules (the initial file system), which loaders put there
      a.push(eax).call('modules_end').cmp(eax, ecx).jbe('is_after_modules').mov(ecx, eax);
      a.label('is_after_modules').pop(eax);
      a.cmp(var32('heap_whole_ram'), 0).je('is_share_done');
      a.mov(edx, var32('ram_top')).add(edx, KERNEL_BASE).sub(edx, ecx).jb('is_share_done');
      a.sub(edx, HEAP_RESERVE).jb('is_share_done');
      a.mov(eax, edx);
      a.label('is_share_done');
      a.and(eax, ~0x1fff).shr(eax, 1).mov(var32('heap_half'), eax);
      a.lea(edx, mem({ base: ecx, index: eax, scale: 2 })).sub(edx, KERNEL_BASE).cmp(edx, var32('ram_top')).jbe('is_fits');
      a.xor(ebp, ebp);
      fatal(a, 'not enough RAM for the heap');
      a.label('is_fits');
      a.mov(var32('from_base'), ecx).mov(var32('heap_ptr'), ecx).add(ecx, eax).mov(var32('from_end'), ecx);
      a.mov(var32('heap_limit'), ecx).mov(var32('to_base'), ecx).add(ecx, eax).mov(var32('to_end'), ecx);
    }
    a.cmp(var32('gc_stress'), 0).je('is_no_stress').mov(ecx, var32('heap_ptr')).mov(var32('heap_limit'), ecx);
    a.label('is_no_stress');
    a.xor(ebp, ebp).xor(ebx, ebx);
    for (const r of ['objectProto', 'arrayProto', 'functionProto'] as const) a.mov(root(r, 4), TAG.null);
    // the intern table (the strings made while running; the constants are in the
    // container's string table) and the constants vector
    a.mov(ecx, INTERN_CAPACITY).call('new_vector').mov(root('intern'), eax).mov(root('intern', 4), TAG.cell);
    a.mov(var32('intern_count'), 0).mov(var32('intern_mask'), INTERN_CAPACITY - 1);
    a.mov(ecx, dword(sym(TSBC).plus(12))).call('new_vector').mov(root('constants'), eax).mov(root('constants', 4), TAG.cell);
    // String constants are the container's own string records (String objects: format.ts
    // STRING_RECORD), used in place, and already interned: the records are distinct strings,
    // flagged interned, and the string table after the constant records holds them all
    // (intern looks there). So a string constant costs its cell in the vector, nothing more.
    // esi = the constant record, edi = its slot in the vector, ebx = records left.
    a.mov(esi, dword(sym(TSBC).plus(8))).shl(esi, 5).lea(esi, mem({ base: esi, disp: FN_RECORDS }));
    a.mov(ebx, dword(sym(TSBC).plus(12)));
    a.lea(eax, mem({ base: esi, index: ebx, scale: 8 })).mov(var32('string_table'), eax);
    a.test(ebx, ebx).jz('is_consts_done');
    a.mov(edi, root('constants')).add(edi, 8);
    a.label('is_const_loop');
    a.mov(eax, dword(esi)).mov(ecx, eax).and(eax, ~CONSTANT_KIND_MASK).add(eax, sym(TSBC)); // the double or the string record
    a.and(ecx, CONSTANT_KIND_MASK).cmp(ecx, ConstantKind.String).jne('is_const_number');
    a.mov(dword(edi), eax).mov(dword(edi, 4), TAG.cell);
    a.label('is_const_next').add(esi, 8).add(edi, 8).sub(ebx, 1).jnz('is_const_loop');
    a.jmp('is_consts_done');
    a.label('is_const_number');
    a.movsd(xmm0, qword(eax)).ucomisd(xmm0, xmm0).jnp('is_num_ok').movsd(xmm0, qword(sym('f64_nan')));
    a.label('is_num_ok').call('num_store').jmp('is_const_next');
    a.label('is_consts_done');
    for (const [name, text] of WELL_KNOWN) {
      a.mov(edx, sym(cstring(a, text))).call('str_from_cstring').call('intern');
      a.mov(root(name), eax).mov(root(name, 4), TAG.cell);
    }
    a.mov(ecx, INTRINSIC_COUNT).call('new_vector').mov(root('intrinsics'), eax).mov(root('intrinsics', 4), TAG.cell);
    // the global object
    a.mov(ecx, OBJECT_SIZE).mov(edx, KIND.Object).call('heap_alloc');
    a.mov(dword(eax, PROTO), 0).mov(dword(eax, PROTO + 4), TAG.null);
    a.mov(dword(eax, PROPS), 0).mov(dword(eax, PROPS + 4), TAG.undef);
    a.mov(root('global'), eax).mov(root('global', 4), TAG.cell);
    // call the entry function: no arguments, this = undefined
    a.mov(ecx, dword(sym(TSBC).plus(20))).call('new_function');
    a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
    a.mov(root('tmp1'), 0).mov(root('tmp1', 4), TAG.undef);
    a.mov(var32('call_argc'), 0).mov(var32('call_first'), 0).mov(var32('call_dst'), 0);
    a.xor(ebp, ebp);
    a.jmp('interp_enter_frame');
  });
}
