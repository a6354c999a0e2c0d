// Reading the multiboot command line: whole-word options such as `test=pagefault`.

import { X86Assembler, al, byte, cl, dword, eax, ebx, ecx, edx, edi, esi, sym } from '../image-builder/x86/index.ts';
import { routine } from './asm-util.ts';

export function emitCmdline(a: X86Assembler): void {
  // cmdline_ptr: returns eax = the kernel's copy of the command line, or 0 if the loader
  // gave none (boot/entry.ts copies it before the loader's memory is reused).
  routine(a, 'cmdline_ptr', () => {
    a.xor(eax, eax);
    a.cmp(dword(sym('boot_cmdline_present')), 0).je('cmdline_ptr_done');
    a.mov(eax, sym('boot_cmdline'));
    a.label('cmdline_ptr_done').ret();
  });

  emitCmdlineHas(a);
}

/**
 * cmdline_has over whatever `cmdline_ptr` returns (the kernel's command line; in tsvm the
 * TSVM_OPTIONS environment variable, boot/user/console.ts).
 */
export function emitCmdlineHas(a: X86Assembler): void {
  // cmdline_has: esi = option (NUL-terminated). Returns eax = 1 if the command line has
  // it as a whole space-separated word, else 0.
  routine(a, 'cmdline_has', () => {
    a.push(ebx).push(ecx).push(edx).push(edi);
    a.call('cmdline_ptr').mov(edi, eax).test(edi, edi).jz('cmdline_no');
    a.label('cmdline_word');
    // skip spaces
    a.mov(al, byte(edi)).cmp(al, 0x20).jne('cmdline_word_start').add(edi, 1).jmp('cmdline_word');
    a.label('cmdline_word_start');
    a.test(al, al).jz('cmdline_no');
    a.mov(ebx, esi).mov(edx, edi);
    a.label('cmdline_cmp');
    a.mov(cl, byte(ebx)).test(cl, cl).jz('cmdline_option_end');
    a.cmp(cl, byte(edx)).jne('cmdline_skip');
    a.add(ebx, 1).add(edx, 1).jmp('cmdline_cmp');
    a.label('cmdline_option_end');
    // the word must end where the option does
    a.mov(cl, byte(edx)).test(cl, cl).jz('cmdline_yes').cmp(cl, 0x20).je('cmdline_yes');
    a.label('cmdline_skip');
    a.mov(al, byte(edi)).test(al, al).jz('cmdline_no').cmp(al, 0x20).je('cmdline_word');
    a.add(edi, 1).jmp('cmdline_skip');
    a.label('cmdline_yes').mov(eax, 1).jmp('cmdline_done');
    a.label('cmdline_no').xor(eax, eax);
    a.label('cmdline_done').pop(edi).pop(edx).pop(ecx).pop(ebx).ret();
  });
}
