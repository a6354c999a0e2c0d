// Hardware natives, the door of kernel drivers and kernel/mm (kernel/arch/intrinsics.ts):
// port I/O (outb/inb/outw/inw/outl/inl; arguments go through ToInt32 and are masked to the
// width), physical memory through the kernel's direct map (virtual = physical + KERNEL_BASE,
// bounds-checked against its size, `ram_top`: an access beyond it stops the machine), CR3
// and invlpg.

import { KERNEL_BASE } from '../layout.ts';
import { al, ax, byte, cr3, dl, dword, dx, eax, ecx, edi, edx, esi, mem, sym, word, type X86Assembler } from '../../image-builder/x86/index.ts';
import type { NativeName } from '../../image-builder/bytecode/index.ts';
import { var32 } from './asm.ts';
import { H, loadTag } from './helpers.ts';
import { TAG } from './layout.ts';
import { intArg, storeInt } from './builtin-natives.ts';
import { fatal } from './runtime.ts';
import { emitPteNative } from './pte-natives.ts';

/** Jumps to `bad` unless [eax, eax + len) lies inside the direct map (len: a constant or a register). Clobbers ecx. */
function physCheck(a: X86Assembler, len: number | typeof edx, bad: string): void {
  a.mov(ecx, var32('ram_top'));
  a.cmp(eax, ecx).jae(bad);
  a.sub(ecx, eax);
  a.cmp(ecx, len).jb(bad);
}

/** Stores eax as an unsigned number into the destination (uint32 tag from 2^31) and dispatches. */
function storeUint(h: H): void {
  const high = h.label('uint_high');
  h.a.test(eax, eax).js(high);
  storeInt(h);
  h.a.label(high);
  h.storeTag(0, TAG.uint);
  h.next();
}

export function emitPortNative(h: H, name: NativeName): boolean {
  const a = h.a;
  switch (name) {
    case 'outb':
    case 'outw':
    case 'outl': {
      intArg(h, 1);
      a.push(eax);
      intArg(h, 0);
      a.mov(edx, eax).pop(eax);
      a.out(dx, name === 'outb' ? al : name === 'outw' ? ax : eax);
      loadTag(h, TAG.undef);
      return true;
    }
    case 'inb':
    case 'inw': {
      intArg(h, 0);
      a.mov(edx, eax).xor(eax, eax).in(name === 'inb' ? al : ax, dx);
      storeInt(h);
      return true;
    }
    case 'inl': {
      const high = h.label('inl_high');
      intArg(h, 0);
      a.mov(edx, eax).in(eax, dx);
      // Values >= 2^31 carry the uint32 tag (docs/bytecode.md), never a negative int32.
      a.test(eax, eax).js(high);
      storeInt(h);
      a.label(high);
      h.storeTag(0, TAG.uint);
      h.next();
      return true;
    }
    case 'physRead8':
    case 'physRead16':
    case 'physRead32': {
      const size = name === 'physRead8' ? 1 : name === 'physRead16' ? 2 : 4, bad = h.label('range');
      intArg(h, 0);
      physCheck(a, size, bad);
      const m = { base: eax, disp: KERNEL_BASE };
      if (size === 1) a.movzx(eax, byte(m));
      else if (size === 2) a.movzx(eax, word(m));
      else a.mov(eax, dword(m));
      storeUint(h);
      a.label(bad);
      fatal(a, `${name}: physical address beyond the direct map`);
      return true;
    }
    case 'physWrite8':
    case 'physWrite16':
    case 'physWrite32': {
      const size = name === 'physWrite8' ? 1 : name === 'physWrite16' ? 2 : 4, bad = h.label('range');
      intArg(h, 1);
      a.push(eax);
      intArg(h, 0);
      a.pop(edx);
      physCheck(a, size, bad);
      const m = { base: eax, disp: KERNEL_BASE };
      a.mov(size === 1 ? byte(m) : size === 2 ? word(m) : dword(m), size === 1 ? dl : size === 2 ? dx : edx);
      loadTag(h, TAG.undef);
      a.label(bad);
      fatal(a, `${name}: physical address beyond the direct map`);
      return true;
    }
    case 'physFill': {
      // physFill(p, byte, length): rep stosd over length / 4 dwords, rep stosb for the rest.
      const bad = h.label('range');
      intArg(h, 2);
      a.push(eax);
      intArg(h, 1);
      a.push(eax);
      intArg(h, 0);
      a.pop(edi).pop(edx); // edi = byte, edx = length
      physCheck(a, edx, bad);
      a.push(esi);
      a.and(edi, 0xff).imul(ecx, edi, 0x0101_0101).mov(edi, eax).add(edi, KERNEL_BASE).mov(eax, ecx);
      a.cld();
      a.mov(ecx, edx).shr(ecx, 2).repStos(32);
      a.mov(ecx, edx).and(ecx, 3).repStos(8);
      a.pop(esi);
      loadTag(h, TAG.undef);
      a.label(bad);
      fatal(a, 'physFill: physical range beyond the direct map');
      return true;
    }
    case 'physCopy': {
      // physCopy(dst, src, length): rep movsd over length / 4 dwords, rep movsb for the rest.
      const bad = h.label('range');
      intArg(h, 2);
      a.push(eax);
      intArg(h, 1);
      a.push(eax);
      intArg(h, 0);
      a.pop(edi).pop(edx); // edi = src, edx = length, eax = dst
      physCheck(a, edx, bad);
      a.xchg(eax, edi); // eax = src, edi = dst
      physCheck(a, edx, bad);
      a.push(esi);
      a.lea(esi, mem({ base: eax, disp: KERNEL_BASE })).add(edi, KERNEL_BASE);
      a.cld();
      a.mov(ecx, edx).shr(ecx, 2).repMovs(32);
      a.mov(ecx, edx).and(ecx, 3).repMovs(8);
      a.pop(esi);
      loadTag(h, TAG.undef);
      a.label(bad);
      fatal(a, 'physCopy: physical range beyond the direct map');
      return true;
    }
    case 'insw':
    case 'outsw': {
      // insw/outsw(port, p, count): rep insw / rep outsw between port dx and the direct map.
      const bad = h.label('range');
      intArg(h, 2);
      a.push(eax);
      intArg(h, 0);
      a.push(eax);
      intArg(h, 1);
      a.pop(edi).pop(edx); // edi = port, edx = count, eax = p
      a.push(edx).add(edx, edx); // bytes; the count stays on the stack
      physCheck(a, edx, bad);
      a.pop(ecx).mov(edx, edi);
      a.cld();
      if (name === 'insw') {
        a.lea(edi, mem({ base: eax, disp: KERNEL_BASE })).repIns(16);
      } else {
        a.push(esi);
        a.lea(esi, mem({ base: eax, disp: KERNEL_BASE })).repOuts(16);
        a.pop(esi);
      }
      loadTag(h, TAG.undef);
      a.label(bad);
      fatal(a, `${name}: physical range beyond the direct map`);
      return true;
    }
    case 'bootCommandLine': {
      // boot_cmdline is NUL-terminated, and all zeros (so "") when the loader passed none
      a.mov(edx, sym('boot_cmdline')).call('str_from_cstring');
      h.storeTag(0, TAG.cell);
      h.next();
      return true;
    }
    case 'bootInfoAddress': {
      a.mov(eax, dword(sym('multiboot_info_phys')));
      storeUint(h);
      return true;
    }
    case 'physReservedEnd': {
      // the two semispaces follow the image; whichever ends higher ends the native memory
      const first = h.label('resv_first');
      a.mov(eax, var32('from_end')).cmp(eax, var32('to_end')).jae(first).mov(eax, var32('to_end'));
      a.label(first).add(eax, 0xfff).and(eax, ~0xfff).sub(eax, KERNEL_BASE);
      storeUint(h);
      return true;
    }
    case 'readCr3': {
      a.mov(eax, cr3);
      storeUint(h);
      return true;
    }
    case 'writeCr3': {
      intArg(h, 0);
      a.mov(cr3, eax);
      loadTag(h, TAG.undef);
      return true;
    }
    case 'invlpg': {
      intArg(h, 0);
      a.invlpg(mem({ base: eax }));
      loadTag(h, TAG.undef);
      return true;
    }
    default:
      return emitPteNative(h, name); // kernel/mm's page-table ranges (pte-natives.ts)
  }
}
