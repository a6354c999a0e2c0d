// ArrayBuffer, typed arrays and DataView in the machine (docs/architecture.md, "Typed
// arrays"). Buffer and view objects are Objects flagged OBJ_VIEW with five more body slots
// (layout.ts VIEW_*): the store (a Bytes cell, or a physical address seen through the
// direct map), byteOffset, length, type and, for views, the ArrayBuffer. Element reads and
// writes of typed arrays (GetElem/SetElem fast paths, get_prop, assign_prop) convert here,
// as V8 does: ToInt32 modulo 2^n, Uint8Clamped rounding half to even, Float32 rounding to
// nearest; NaN is stored with the bits V8 stores (0x7FF8... / 0x7FC0...). The prelude
// (runtime/prelude/typed-array.ts) builds the JavaScript objects on the natives below and
// checks every range before calling them.

import {
  X86Assembler, al, ax, byte, dword, eax, ebp, ecx, edi, edx, esi, mem, qword, sym, word, xmm0, xmm7,
  type Reg,
} from '../../image-builder/x86/index.ts';
import type { NativeName } from '../../image-builder/bytecode/index.ts';
import { routine } from '../asm-util.ts';
import { KERNEL_BASE } from '../layout.ts';
import { T, V, root, userBuild, var32 } from './asm.ts';
import { H, loadTag } from './helpers.ts';
import {
  BYTES_DATA, BYTES_LENGTH, KIND, OBJ_VIEW, PROPS, PROTO, TAG, VIEW_ARRAYBUFFER, VIEW_BUFFER, VIEW_LENGTH, VIEW_OFFSET, VIEW_SIZE,
  VIEW_STORE, VIEW_TYPE,
} from './layout.ts';
import { at, copyValue, fatal, rootW } from './runtime.ts';
export { jumpUnlessTyped } from './view-check.ts';
import { intArg, storeInt } from './builtin-natives.ts';

/** r = address of argument i of the CallNative being handled. */
function argAddr(h: H, r: Reg, i: number): void {
  h.reg(r, 2);
  h.a.lea(r, mem({ base: ebp, index: r, scale: 8, disp: 8 * i }));
}

export function emitTypedRuntime(a: X86Assembler): void {
  a.section('.rodata').align(8);
  a.label('ta_f64_255').double(255);
  a.section('.bss', { nobits: true }).align(8);
  a.label('ta_tmp').space(8);
  a.label('ta_phys').space(4);
  a.section('.text');

  // ta_base: edi = a buffer or view object. eax = the address of its first byte (the
  // store's data, or the direct map of its physical range, plus byteOffset). Preserves the rest.
  routine(a, 'ta_base', () => {
    a.mov(eax, dword(edi, VIEW_STORE));
    a.cmp(dword(edi, VIEW_STORE + 4), TAG.cell).jne('ta_base_phys');
    a.add(eax, BYTES_DATA).add(eax, dword(edi, VIEW_OFFSET)).ret();
    a.label('ta_base_phys').add(eax, KERNEL_BASE).add(eax, dword(edi, VIEW_OFFSET)).ret();
  });

  // ta_elem: edi = a typed array, ecx = an index below its length. eax = the element's
  // address, ecx = the type. Preserves edx, edi.
  routine(a, 'ta_elem', () => {
    a.call('ta_base');
    a.push(edx);
    a.mov(edx, dword(edi, VIEW_TYPE));
    a.cmp(edx, 3).jb('ta_elem_1');
    a.cmp(edx, 5).jb('ta_elem_2');
    a.cmp(edx, 8).jb('ta_elem_4');
    a.lea(eax, mem({ base: eax, index: ecx, scale: 8 })).jmp('ta_elem_done');
    a.label('ta_elem_4').lea(eax, mem({ base: eax, index: ecx, scale: 4 })).jmp('ta_elem_done');
    a.label('ta_elem_2').lea(eax, mem({ base: eax, index: ecx, scale: 2 })).jmp('ta_elem_done');
    a.label('ta_elem_1').add(eax, ecx);
    a.label('ta_elem_done').mov(ecx, edx).pop(edx).ret();
  });

  // ta_load: eax = an element's address, ecx = its type (0-8), edx = 1 to byte-swap (a
  // big-endian DataView access) else 0. eax:edx = the value (integral floats narrowed to
  // int32 as num_store does, NaN the machine's NaN). Clobbers ecx, edi, xmm0, xmm7.
  routine(a, 'ta_load', () => {
    a.mov(edi, edx);
    a.cmp(ecx, 8).je('tl_f64');
    a.cmp(ecx, 5).jae('tl_w32');
    a.cmp(ecx, 3).jae('tl_w16');
    a.test(ecx, ecx).jz('tl_i8');
    a.movzx(eax, byte(eax)).jmp('tl_int');
    a.label('tl_i8').movsx(eax, byte(eax)).jmp('tl_int');
    a.label('tl_w16').movzx(eax, word(eax));
    a.test(edi, edi).jz('tl_w16_le').bswap(eax).shr(eax, 16);
    a.label('tl_w16_le').cmp(ecx, 3).jne('tl_int');
    a.shl(eax, 16).sar(eax, 16).jmp('tl_int');
    a.label('tl_w32').mov(eax, dword(eax));
    a.test(edi, edi).jz('tl_w32_le').bswap(eax);
    a.label('tl_w32_le').cmp(ecx, 5).je('tl_int');
    a.cmp(ecx, 6).jne('tl_f32');
    a.test(eax, eax).jns('tl_int');
    a.mov(edx, TAG.uint).ret();
    a.label('tl_int').mov(edx, TAG.int).ret();
    a.label('tl_f32').movd(xmm0, eax).cvtss2sd(xmm0, xmm0).jmp('tl_float');
    a.label('tl_f64').mov(edx, dword(eax, 4)).mov(eax, dword(eax));
    a.test(edi, edi).jz('tl_f64_le').bswap(eax).bswap(edx).xchg(eax, edx);
    a.label('tl_f64_le').mov(var32('ta_tmp'), eax).mov(var32('ta_tmp', 4), edx);
    a.movsd(xmm0, qword(sym('ta_tmp')));
    a.label('tl_float');
    // any NaN becomes the machine's one NaN: a tag-like high word must never be a value
    a.ucomisd(xmm0, xmm0).jnp('tl_num').movsd(xmm0, qword(sym('f64_nan')));
    a.label('tl_num').mov(edi, sym('ta_tmp')).call('num_store');
    a.mov(eax, var32('ta_tmp')).mov(edx, var32('ta_tmp', 4)).ret();
  });

  // ta_store: edi = an element's address, ecx = its type (0-8), eax = address of the value,
  // edx = 1 to byte-swap else 0. Stores ToNumber(value) converted to the type (ToNumber of
  // a string may run the prelude's Number and the instruction again: nothing is written
  // before the conversion). Clobbers eax, ecx, edx, xmm0, xmm7.
  routine(a, 'ta_store', () => {
    a.cmp(ecx, 7).jae('ts_float');
    a.cmp(ecx, 2).je('ts_clamped');
    a.call('num_to_int32');
    a.cmp(ecx, 5).jae('ts_w32');
    a.cmp(ecx, 3).jae('ts_w16');
    a.mov(byte(edi), al).ret();
    a.label('ts_w16').test(edx, edx).jz('ts_w16_le').bswap(eax).shr(eax, 16);
    a.label('ts_w16_le').mov(word(edi), ax).ret();
    a.label('ts_w32').test(edx, edx).jz('ts_w32_le').bswap(eax);
    a.label('ts_w32_le').mov(dword(edi), eax).ret();
    a.label('ts_clamped').call('num_to_f64');
    // NaN and x <= 0 give 0, x >= 255 gives 255, else round half to even (cvtsd2si, MXCSR default)
    a.xorpd(xmm7, xmm7).ucomisd(xmm0, xmm7).jp('ts_c_zero').jbe('ts_c_zero');
    a.ucomisd(xmm0, qword(sym('ta_f64_255'))).jae('ts_c_max');
    a.cvtsd2si(eax, xmm0).mov(byte(edi), al).ret();
    a.label('ts_c_zero').mov(byte(edi), 0).ret();
    a.label('ts_c_max').mov(byte(edi), 255).ret();
    a.label('ts_float').call('num_to_f64');
    a.cmp(ecx, 7).jne('ts_f64');
    a.ucomisd(xmm0, xmm0).jnp('ts_f32_num');
    a.mov(eax, 0x7fc0_0000).jmp('ts_f32_bits');
    a.label('ts_f32_num').cvtsd2ss(xmm0, xmm0).movd(eax, xmm0);
    a.label('ts_f32_bits');
    a.test(edx, edx).jz('ts_w32_le').bswap(eax).mov(dword(edi), eax).ret();
    a.label('ts_f64');
    a.ucomisd(xmm0, xmm0).jnp('ts_f64_num');
    a.xor(eax, eax).mov(ecx, 0x7ff8_0000).jmp('ts_f64_bits');
    a.label('ts_f64_num').movsd(qword(sym('ta_tmp')), xmm0);
    a.mov(eax, var32('ta_tmp')).mov(ecx, var32('ta_tmp', 4));
    a.label('ts_f64_bits');
    a.test(edx, edx).jz('ts_f64_le').bswap(eax).bswap(ecx).xchg(eax, ecx);
    a.label('ts_f64_le').mov(dword(edi), eax).mov(dword(edi, 4), ecx).ret();
  });

  // ta_get_index: edi = a typed array, edx = an int32 index. eax:edx = the element, or
  // undefined when the index is out of range (negative included). Clobbers ecx, edi, xmm0, xmm7.
  routine(a, 'ta_get_index', () => {
    a.cmp(edx, dword(edi, VIEW_LENGTH)).jae('tgi_undef');
    a.mov(ecx, edx).call('ta_elem');
    a.xor(edx, edx).jmp('ta_load');
    a.label('tgi_undef').xor(eax, eax).mov(edx, TAG.undef).ret();
  });

  // ta_set_index: edi = a typed array, edx = an int32 index, eax = address of the value.
  // Stores it when the index is in range; ignored otherwise (as V8 ignores it). Clobbers
  // eax, ecx, edx, edi, xmm0, xmm7.
  routine(a, 'ta_set_index', () => {
    a.cmp(edx, dword(edi, VIEW_LENGTH)).jae('tsi_out');
    a.push(eax).mov(ecx, edx).call('ta_elem');
    a.mov(edi, eax).pop(eax).xor(edx, edx).jmp('ta_store');
    a.label('tsi_out').ret();
  });
}

/** eax = argument i's heap address when it is a buffer or view object, else jumps to bad. Clobbers ecx. */
function viewArg(h: H, i: number, bad: string): void {
  const a = h.a;
  argAddr(h, ecx, i);
  a.cmp(dword(ecx, 4), TAG.cell).jne(bad).mov(eax, dword(ecx));
  a.cmp(byte(eax), KIND.Object).jne(bad);
  a.test(byte(eax, 1), OBJ_VIEW >> 8).jz(bad);
}

/** Fill the VIEW_* slots of the new object at eax (proto, properties, store, offset, length, type, buffer): everything undefined but proto. */
function initView(h: H): void {
  const a = h.a;
  argAddr(h, ecx, 0);
  copyValue(a, at(eax, PROTO), at(ecx), edx);
  for (const s of [PROPS, VIEW_STORE, VIEW_BUFFER]) a.mov(dword(eax, s), 0).mov(dword(eax, s + 4), TAG.undef);
  for (const s of [VIEW_OFFSET, VIEW_LENGTH, VIEW_TYPE]) a.mov(dword(eax, s), 0).mov(dword(eax, s + 4), TAG.int);
}

export function emitTypedNative(h: H, name: NativeName): boolean {
  const a = h.a;
  const lab = (s: string) => h.lbl(`${name}_${s}`);
  switch (name) {
    case 'bufferNew': {
      const phys = lab('phys'), range = lab('range');
      intArg(h, 1);
      a.push(eax);
      argAddr(h, ecx, 2);
      a.cmp(dword(ecx, 4), TAG.undef).jne(phys);
      // the bytes: a Bytes cell, zeroed, held in tmp0 while the object is allocated
      a.lea(ecx, mem(eax, BYTES_DATA + 7)).and(ecx, ~7).mov(edx, KIND.Bytes).call('heap_alloc');
      a.pop(ecx).push(ecx).mov(dword(eax, BYTES_LENGTH), ecx);
      a.push(eax).push(edi);
      a.lea(edi, mem(eax, BYTES_DATA)).mov(ecx, dword(eax, 4)).sub(ecx, BYTES_DATA).shr(ecx, 2);
      a.xor(eax, eax).cld().repStos(32);
      a.pop(edi).pop(eax);
      a.mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
      a.mov(ecx, VIEW_SIZE).mov(edx, KIND.Object | OBJ_VIEW).call('heap_alloc');
      initView(h);
      a.pop(ecx).mov(dword(eax, VIEW_LENGTH), ecx);
      a.mov(dword(eax, VIEW_TYPE), VIEW_ARRAYBUFFER);
      copyValue(a, at(eax, VIEW_STORE), rootW('tmp0'), ecx);
      a.mov(root('tmp0', 4), TAG.undef);
      h.storeTag(0, TAG.cell);
      h.next();
      // a physical range: [phys, phys + length) must lie inside the direct map
      a.label(phys);
      a.mov(eax, ecx).call('num_to_int32');
      a.pop(edx).push(edx);
      // (tsvm has no physical memory: every physical range is out of reach there)
      if (userBuild()) a.jmp(range);
      else a.mov(ecx, var32('ram_top')).cmp(eax, ecx).jae(range).sub(ecx, eax).cmp(ecx, edx).jb(range);
      a.mov(var32('ta_phys'), eax);
      a.mov(ecx, VIEW_SIZE).mov(edx, KIND.Object | OBJ_VIEW).call('heap_alloc');
      initView(h);
      a.pop(ecx).mov(dword(eax, VIEW_LENGTH), ecx);
      a.mov(dword(eax, VIEW_TYPE), VIEW_ARRAYBUFFER);
      a.mov(ecx, var32('ta_phys')).mov(dword(eax, VIEW_STORE), ecx).mov(dword(eax, VIEW_STORE + 4), TAG.int);
      h.storeTag(0, TAG.cell);
      h.next();
      a.label(range);
      fatal(a, 'bufferNew: physical range beyond the direct map');
      return true;
    }
    case 'viewNew': {
      const bad = lab('bad');
      viewArg(h, 2, bad);
      a.mov(ecx, VIEW_SIZE).mov(edx, KIND.Object | OBJ_VIEW).call('heap_alloc');
      initView(h);
      a.mov(edi, eax);
      argAddr(h, eax, 1);
      a.call('num_to_int32').mov(dword(edi, VIEW_TYPE), eax);
      argAddr(h, eax, 3);
      a.call('num_to_int32').mov(dword(edi, VIEW_OFFSET), eax);
      argAddr(h, eax, 4);
      a.call('num_to_int32').mov(dword(edi, VIEW_LENGTH), eax);
      argAddr(h, ecx, 2);
      copyValue(a, at(edi, VIEW_BUFFER), at(ecx), edx);
      a.mov(ecx, dword(ecx));
      copyValue(a, at(edi, VIEW_STORE), at(ecx, VIEW_STORE), edx);
      a.mov(edx, dword(ecx, VIEW_OFFSET)).add(dword(edi, VIEW_OFFSET), edx);
      a.mov(eax, edi);
      h.storeTag(0, TAG.cell);
      h.next();
      a.label(bad);
      fatal(a, 'viewNew: not an ArrayBuffer');
      return true;
    }
    case 'viewInfo': {
      const none = lab('none'), notType = lab('ntype'), notOff = lab('noff'), notLen = lab('nlen');
      viewArg(h, 0, none);
      a.mov(edi, eax);
      intArg(h, 1);
      a.test(eax, eax).jnz(notType);
      a.mov(eax, dword(edi, VIEW_TYPE));
      storeInt(h);
      a.label(notType).cmp(eax, 1).jne(notOff);
      // a view's own byteOffset: its store offset less its buffer's
      a.mov(eax, dword(edi, VIEW_OFFSET));
      a.cmp(dword(edi, VIEW_BUFFER + 4), TAG.cell).jne(lab('own'));
      a.mov(ecx, dword(edi, VIEW_BUFFER)).sub(eax, dword(ecx, VIEW_OFFSET));
      a.label(lab('own'));
      storeInt(h);
      a.label(notOff).cmp(eax, 2).jne(notLen);
      a.mov(eax, dword(edi, VIEW_LENGTH));
      storeInt(h);
      a.label(notLen);
      h.reg(ecx, 0);
      copyValue(a, (w) => V(ecx, w), at(edi, VIEW_BUFFER), edx);
      h.next();
      a.label(none).mov(eax, -1);
      storeInt(h);
      return true;
    }
    case 'viewGet':
    case 'viewSet': {
      const bad = lab('bad');
      const leArg = name === 'viewGet' ? 3 : 4;
      viewArg(h, 0, bad);
      a.mov(edi, eax).call('ta_base').push(eax);
      intArg(h, 1);
      a.pop(edi).add(edi, eax).push(edi);
      intArg(h, 2);
      a.push(eax);
      // swap unless littleEndian is true
      argAddr(h, ecx, leArg);
      a.mov(edx, 1);
      a.cmp(dword(ecx, 4), TAG.bool).jne(lab('swap')).cmp(dword(ecx), 0).je(lab('swap')).xor(edx, edx);
      a.label(lab('swap'));
      a.pop(ecx).pop(edi); // ecx = type, edi = address
      if (name === 'viewGet') {
        a.mov(eax, edi).call('ta_load');
        h.reg(ecx, 0);
        a.mov(V(ecx), eax).mov(T(ecx), edx);
        h.next();
      } else {
        argAddr(h, eax, 3);
        a.call('ta_store');
        loadTag(h, TAG.undef);
      }
      a.label(bad);
      fatal(a, `${name}: not a buffer or view`);
      return true;
    }
    case 'bytesCopy': {
      const bad = lab('bad'), back = lab('back'), done = lab('done');
      viewArg(h, 0, bad);
      a.mov(edi, eax).call('ta_base').push(eax);
      intArg(h, 1);
      a.pop(edx).add(edx, eax).push(edx);
      viewArg(h, 2, bad);
      a.mov(edi, eax).call('ta_base').push(eax);
      intArg(h, 3);
      a.pop(edx).add(edx, eax).push(edx);
      intArg(h, 4);
      a.mov(ecx, eax);
      a.pop(eax).pop(edi); // eax = source, edi = destination
      a.push(esi).mov(esi, eax);
      a.cmp(edi, esi).ja(back);
      a.cld().repMovs(8).jmp(done);
      a.label(back);
      a.lea(esi, mem({ base: esi, index: ecx, disp: -1 })).lea(edi, mem({ base: edi, index: ecx, disp: -1 }));
      a.std().repMovs(8).cld();
      a.label(done).pop(esi);
      loadTag(h, TAG.undef);
      a.label(bad);
      fatal(a, 'bytesCopy: not a buffer or view');
      return true;
    }
    default:
      return false;
  }
}
