// The kernel half's first code: drop the boot identity mapping, bring up the CPU tables,
// the PIC, COM1 and the clock, then run the embedded bytecode program: the kernel's
// TypeScript (which prints the banner, asks for the boot report and runs its event loop)
// or a user program (started after the boot report). The boot report prints what paging
// looks like and acts on test options from the command line.

import { X86Assembler, al, dword, eax, ebx, ecx, edi, edx, esi, esp, sym, cr0, cr3, cr4 } from '../image-builder/x86/index.ts';
import { CR4_PGE, KERNEL_BASE, KERNEL_STACK_SIZE, MULTIBOOT, PORT } from './layout.ts';
import { cstring, routine } from './asm-util.ts';

/** An address in the user half that is never mapped at boot: `test=pagefault` writes here. */
export const TEST_FAULT_ADDRESS = 0x0040_1234;

/**
 * What the embedded bytecode program is. `kernel`: kernel/main.ts, which prints the
 * banner, calls the bootReport native (boot information, test options) and runs its event
 * loop; should its top level ever return, the native idle loop echoes COM1. `user`: a
 * program run by `tskern run` or a test, started after the boot report; the machine powers
 * off (status 0) when it ends.
 */
export type ProgramKind = 'kernel' | 'user';

export function emitKernelMain(a: X86Assembler, kind: ProgramKind): void {
  a.section('.bss', { nobits: true }).align(16).label('boot_stack').space(KERNEL_STACK_SIZE).label('boot_stack_top');

  const puts = (text: string) => a.mov(esi, sym(cstring(a, text))).call('serial_puts');
  const option = (name: string, target: string) => {
    a.mov(esi, sym(cstring(a, name))).call('cmdline_has').test(eax, eax).jnz(target);
  };

  routine(a, 'kernel_high_entry', () => {
    a.mov(esp, sym('boot_stack_top'));
    // Only the kernel half stays: clear PDPT[0] and reload CR3, which reloads the PDPTEs
    // and flushes the TLB. Global pages are enabled only now, so no global translation
    // of the identity window can outlive it.
    a.mov(dword(sym('boot_pdpt')), 0).mov(dword(sym('boot_pdpt').plus(4)), 0);
    a.mov(eax, cr3).mov(cr3, eax);
    a.mov(eax, cr4).or(eax, CR4_PGE).mov(cr4, eax);

    a.call('gdt_init').call('idt_init').call('pic_init').call('serial_init').call('clock_init');
    // The kernel's TypeScript runs now (boot/interp/): it prints the banner, asks for the
    // boot report (the bootReport native: boot_report below) and runs its event loop.
    if (kind === 'kernel') a.jmp('interp_start');
    a.call('boot_report');
    // A program in the program slot (`tskern run`): machine stops go to its stderr (COM2),
    // and its heap takes the RAM the kernel would have managed (runtime.ts interp_start),
    // unless the command line says `kernelheap` (a program that hands out physical memory
    // itself, as kernel/mm's tests do, keeps the kernel's RAM/4).
    a.mov(dword(sym('diag_com2')), 1);
    option('kernelheap', 'kernel_heap_kept');
    a.mov(dword(sym('heap_whole_ram')), 1);
    a.label('kernel_heap_kept');
    a.jmp('interp_start');

    // The native console, if the kernel's TypeScript ever returns: COM1 input is echoed.
    a.label('kernel_idle_start');
    option('quiet', 'kernel_idle_on');
    puts('serial console: typed characters are echoed\r\n');
    a.label('kernel_idle_on').sti();
    a.label('kernel_idle').hlt().jmp('kernel_idle');
  });

  // boot_report: the memory size, CR0/CR3/CR4 and the command line on COM1 (unless
  // `quiet`), then the test options: a deliberate fault (never returns) or power-off.
  routine(a, 'boot_report', () => {
    a.pushad();
    option('quiet', 'kernel_quiet');
    puts('memory: ');
    a.mov(eax, dword(sym('ram_top'))).call('serial_put_hex32');
    puts(' bytes of RAM direct-mapped\r\n');
    puts('paging: cr0=');
    a.mov(eax, cr0).call('serial_put_hex32');
    puts(' cr3=');
    a.mov(eax, cr3).call('serial_put_hex32');
    puts(' cr4=');
    a.mov(eax, cr4).call('serial_put_hex32');
    puts('\r\n');

    a.call('cmdline_ptr').test(eax, eax).jz('kernel_quiet');
    puts('cmdline: ');
    a.mov(esi, eax).call('serial_puts');
    puts('\r\n');
    a.label('kernel_quiet');

    option('test=pagefault', 'kernel_test_pagefault');
    option('test=ud', 'kernel_test_ud');
    option('test=divide', 'kernel_test_divide');
    option('poweroff', 'kernel_poweroff');
    a.popad().ret();

    // Deliberate faults for the tests: each must end in a panic report.
    a.label('kernel_test_pagefault');
    a.mov(eax, 0x5a5a5a5a).mov(edx, 0x12345678).mov(ecx, 0xcafe);
    a.label('test_fault_pagefault_insn').mov(dword(TEST_FAULT_ADDRESS), edx);
    a.label('kernel_test_ud');
    a.label('test_fault_ud_insn').ud2();
    a.label('kernel_test_divide').xor(edx, edx).xor(edi, edi).mov(eax, 1);
    a.label('test_fault_divide_insn').div(edi);

    a.label('kernel_poweroff');
    a.xor(eax, eax).call('power_off');
  });

  // modules_end: eax = the kernel-half address of the page after the last multiboot module
  // (the initial file system), 0 without modules. Loaders place modules right after the
  // image, where the interpreter's heap would go; modules beyond the direct map are ignored.
  routine(a, 'modules_end', () => {
    a.push(ebx).push(ecx).push(edx);
    a.xor(eax, eax);
    a.mov(ebx, dword(sym('multiboot_info_phys'))).test(ebx, ebx).jz('me_done');
    a.add(ebx, KERNEL_BASE);
    a.test(dword(ebx, MULTIBOOT.info.flags), MULTIBOOT.infoFlag.mods).jz('me_done');
    a.mov(ecx, dword(ebx, MULTIBOOT.info.modsCount)).mov(ebx, dword(ebx, MULTIBOOT.info.modsAddr)).add(ebx, KERNEL_BASE);
    a.label('me_loop').test(ecx, ecx).jz('me_done');
    a.mov(edx, dword(ebx, 4)).cmp(edx, dword(sym('ram_top'))).ja('me_next');
    a.cmp(edx, eax).jbe('me_next').mov(eax, edx);
    a.label('me_next').add(ebx, 16).dec(ecx).jmp('me_loop');
    a.label('me_done').test(eax, eax).jz('me_out');
    a.add(eax, 0xfff).and(eax, ~0xfff).add(eax, KERNEL_BASE);
    a.label('me_out').pop(edx).pop(ecx).pop(ebx);
    a.ret();
  });

  // interp_program_done: the program's top level returned.
  routine(a, 'interp_program_done', () => {
    if (kind === 'kernel') a.jmp('kernel_idle_start');
    else a.xor(eax, eax).call('power_off');
  });

  // power_off: al = exit status. Never returns.
  routine(a, 'power_off', () => {
    a.cli().out(PORT.exit, al);
    a.label('power_off_halt').hlt().jmp('power_off_halt');
  });
}
