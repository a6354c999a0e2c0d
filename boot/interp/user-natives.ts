// The natives of tsvm, the user build (natives.ts, "tsvm, the user build"): the process's
// argv and environment, Linux i386 system calls through int 0x80, and byte copies between
// the process's memory and strings. user/lib/sys.ts wraps them for TypeScript programs.
// In the kernel image processStrings gives undefined and the others stop the machine.

import { byte, cl, dword, eax, ebp, ebx, ecx, edi, edx, esi, esp, mem, word, type X86Assembler } from '../../image-builder/x86/index.ts';
import type { NativeName } from '../../image-builder/bytecode/index.ts';
import { root, userBuild, var32 } from './asm.ts';
import { H, loadTag } from './helpers.ts';
import { STR, STRING_TWO_BYTE, TAG, KIND } from './layout.ts';
import { unitsBase } from './string-units.ts';
import { intArg, storeInt } from './builtin-natives.ts';
import { fatal, throwMessage } from './runtime.ts';

/** Store eax, a system call's result, into operand 0: -4095..-1 (an errno) as an int32, else unsigned. */
function storeSyscallResult(h: H): void {
  const a = h.a, high = h.label('sc_high');
  a.cmp(eax, -4095 >>> 0).jae(h.lbl('sc_int'));
  a.test(eax, eax).js(high);
  a.label(h.lbl('sc_int'));
  storeInt(h);
  a.label(high);
  h.storeTag(0, TAG.uint);
  h.next();
}

export function emitUserNative(h: H, name: NativeName): boolean {
  const a = h.a;
  if (!userBuild()) {
    switch (name) {
      case 'processStrings': loadTag(h, TAG.undef); return true;
      case 'syscall': case 'memRead': case 'memWrite':
        fatal(a, `native ${name} is only available in tsvm, the user build`);
        return true;
      default: return false;
    }
  }
  switch (name) {
    case 'processStrings': {
      // a ValueVector of byte strings made from the NULL-terminated char** (argv or envp)
      const have = h.label('ps_have'), count = h.label('ps_count'), counted = h.label('ps_counted');
      const loop = h.label('ps_loop'), done = h.label('ps_done');
      intArg(h, 0);
      a.mov(edx, var32('tsvm_argv')).test(eax, eax).jz(have).mov(edx, var32('tsvm_envp'));
      a.label(have).xor(ecx, ecx);
      a.label(count).cmp(dword({ base: edx, index: ecx, scale: 4 }), 0).je(counted).add(ecx, 1).jmp(count);
      a.label(counted).push(edx);
      a.call('new_vector').mov(root('tmp0'), eax).mov(root('tmp0', 4), TAG.cell);
      a.xor(edi, edi);
      a.label(loop).cmp(edi, ecx).jae(done);
      a.mov(eax, dword(esp)).mov(edx, dword({ base: eax, index: edi, scale: 4 })).call('str_from_cstring'); // may collect
      a.mov(edx, root('tmp0'));
      a.mov(dword({ base: edx, index: edi, scale: 8, disp: 8 }), eax).mov(dword({ base: edx, index: edi, scale: 8, disp: 12 }), TAG.cell);
      a.add(edi, 1).jmp(loop);
      a.label(done).add(esp, 4);
      a.call('array_from_vector');
      h.storeTag(0, TAG.cell);
      h.next();
      return true;
    }
    case 'syscall': {
      // the six arguments through ToInt32 into sc_args, then eax = nr, ebx..ebp = arguments
      for (let i = 1; i <= 6; i++) {
        intArg(h, i);
        a.mov(var32('sc_args', 4 * (i - 1)), eax);
      }
      intArg(h, 0);
      a.push(ebx).push(esi).push(ebp);
      a.mov(ebx, var32('sc_args')).mov(ecx, var32('sc_args', 4)).mov(edx, var32('sc_args', 8));
      a.mov(esi, var32('sc_args', 12)).mov(edi, var32('sc_args', 16)).mov(ebp, var32('sc_args', 20));
      a.int(0x80);
      a.pop(ebp).pop(esi).pop(ebx);
      storeSyscallResult(h);
      return true;
    }
    case 'memRead': {
      const bad = h.label('mr_bad');
      intArg(h, 1);
      a.cmp(eax, 1 << 28).ja(bad); // also negative lengths
      a.mov(ecx, eax);
      intArg(h, 0);
      a.mov(var32('sc_args'), eax);
      a.xor(edx, edx).call('str_alloc'); // may collect
      a.push(esi);
      a.mov(esi, var32('sc_args')).lea(edi, mem(eax, STR.units)).mov(ecx, dword(eax, STR.length));
      a.repMovs(8);
      a.pop(esi);
      h.storeTag(0, TAG.cell);
      h.next();
      a.label(bad);
      throwMessage(a, 'RangeError: memRead: the length must be 0..2^28');
      return true;
    }
    case 'memWrite': {
      const notStr = h.label('mw_notstr'), two = h.label('mw_two'), check = h.label('mw_check'), wide = h.label('mw_wide');
      const copy2 = h.label('mw_copy2'), done = h.label('mw_done');
      intArg(h, 0);
      a.mov(edi, eax);
      h.reg(eax, 2);
      a.cmp(dword({ base: ebp, index: eax, scale: 8, disp: 12 }), TAG.cell).jne(notStr);
      a.mov(eax, dword({ base: ebp, index: eax, scale: 8, disp: 8 }));
      a.cmp(byte(eax), KIND.String).jne(notStr);
      a.mov(ecx, dword(eax, STR.length)).mov(var32('sc_args'), ecx);
      unitsBase(a, eax, eax); // (eax: where the units are from here on)
      a.test(dword(eax), STRING_TWO_BYTE).jnz(two);
      a.push(esi).lea(esi, mem(eax, STR.units)).repMovs(8).pop(esi);
      a.jmp(done);
      // two-byte units: all must be bytes before any is written
      a.label(two).xor(edx, edx);
      a.label(check).cmp(edx, ecx).jae(copy2);
      a.cmp(word({ base: eax, index: edx, scale: 2, disp: STR.units }), 0xff).ja(wide);
      a.add(edx, 1).jmp(check);
      a.label(copy2).xor(edx, edx);
      const l2 = h.label('mw_l2');
      a.label(l2).cmp(edx, ecx).jae(done);
      a.push(ecx).movzx(ecx, byte({ base: eax, index: edx, scale: 2, disp: STR.units })).mov(byte({ base: edi, index: edx }), cl).pop(ecx);
      a.add(edx, 1).jmp(l2);
      a.label(done).mov(eax, var32('sc_args'));
      storeInt(h);
      a.label(notStr);
      throwMessage(a, 'TypeError: memWrite: the bytes must be a string');
      a.label(wide);
      throwMessage(a, 'RangeError: memWrite: a unit above 255 is not a byte');
      return true;
    }
    default:
      return false;
  }
}

/** Data of the user natives; tsvm_argv/tsvm_envp are set by _start (boot/user/entry.ts). */
export function emitUserRuntime(a: X86Assembler): void {
  a.section('.bss', { nobits: true }).align(4);
  a.label('sc_args').space(4 * 6);
  a.section('.text');
}
