// The kernel half's first code: drop the boot identity mapping, bring up the CPU tables,
// the PIC and COM1, print the banner and what paging looks like, act on test options
// from the command line, then idle with interrupts on (COM1 input is echoed).

import { X86Assembler, al, dword, eax, ecx, edi, edx, esi, esp, sym, cr0, cr3, cr4 } from '../image-builder/x86/index.ts';
import { CR4_PGE, KERNEL_BASE, KERNEL_STACK_SIZE, PORT } from './layout.ts';
import { cstring, routine } from './asm-util.ts';

/** An address in the user half that is never mapped at boot: `test=pagefault` writes here. */
export const TEST_FAULT_ADDRESS = 0x0040_1234;

export function emitKernelMain(a: X86Assembler, version: string, opts: { interpreter?: boolean } = {}): void {
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

    a.call('gdt_init').call('idt_init').call('pic_init').call('serial_init');

    puts(`tskern ${version} (i386, PAE paging, kernel half at 0x${KERNEL_BASE.toString(16)})\r\n`);
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

    a.call('cmdline_ptr').test(eax, eax).jz('kernel_no_cmdline');
    puts('cmdline: ');
    a.mov(esi, eax).call('serial_puts');
    puts('\r\n');
    a.label('kernel_no_cmdline');

    option('test=pagefault', 'kernel_test_pagefault');
    option('test=ud', 'kernel_test_ud');
    option('test=divide', 'kernel_test_divide');
    option('poweroff', 'kernel_poweroff');
    // An embedded program: run the bytecode interpreter (boot/interp/), which never returns.
    if (opts.interpreter) a.jmp('interp_start');

    puts('serial console: typed characters are echoed\r\n');
    a.sti();
    a.label('kernel_idle').hlt().jmp('kernel_idle');

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

  // power_off: al = exit status. Never returns.
  routine(a, 'power_off', () => {
    a.cli().out(PORT.exit, al);
    a.label('power_off_halt').hlt().jmp('power_off_halt');
  });
}
