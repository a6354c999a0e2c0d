// Interrupt entry: one stub per vector (pushing a dummy error code where the CPU pushes
// none, then the vector), a common stub that saves a full trap frame, and the native
// dispatcher: IRQs are acknowledged (and COM1 input echoed); exceptions, and vectors
// nobody handles yet, print a panic report on COM1 and power off (layout.ts PANIC_STATUS). A trap from ring 3 (an
// exception, an IRQ, int 0x80) ends the user run that enterUser started instead.
//
// Trap frame, from the pointer the common stub passes in ebx (lowest address first):
//   gs fs es ds | edi esi ebp esp' ebx edx ecx eax (pushad) | vector error |
//   eip cs eflags (pushed by the CPU) | esp ss (only from ring 3)

import {
  X86Assembler, al, ax, cl, dword, eax, ebx, ecx, esi, esp, mem, sym, cr2, ds, es, fs, gs,
} from '../image-builder/x86/index.ts';
import { IRQ, IRQ_BASE, PANIC_STATUS, PORT, SEL } from './layout.ts';
import { cstring, routine } from './asm-util.ts';

export const FRAME = {
  gs: 0, fs: 4, es: 8, ds: 12,
  edi: 16, esi: 20, ebp: 24, espPushad: 28, ebx: 32, edx: 36, ecx: 40, eax: 44,
  vector: 48, error: 52, eip: 56, cs: 60, eflags: 64, userEsp: 68, userSs: 72,
} as const;

/** The system-call vector (Linux i386's int 0x80): the only gate user code may raise. */
export const SYSCALL_VECTOR = 0x80;

/** Exceptions for which the CPU pushes an error code. */
const HAS_ERROR_CODE = new Set([8, 10, 11, 12, 13, 14, 17, 21, 29, 30]);

const EXCEPTION_NAMES = [
  '#DE divide error', '#DB debug', 'NMI', '#BP breakpoint', '#OF overflow', '#BR bound range exceeded',
  '#UD invalid opcode', '#NM device not available', '#DF double fault', 'coprocessor segment overrun',
  '#TS invalid TSS', '#NP segment not present', '#SS stack-segment fault', '#GP general protection',
  '#PF page fault', 'reserved exception 15', '#MF x87 floating-point error', '#AC alignment check',
  '#MC machine check', '#XM SIMD floating-point error', '#VE virtualization exception',
  '#CP control protection', ...Array.from({ length: 10 }, (_, i) => `reserved exception ${22 + i}`),
];

export function emitTraps(a: X86Assembler): void {
  emitStubs(a);
  emitIdt(a);
  emitDispatch(a);
  emitPanic(a);
}

function emitStubs(a: X86Assembler): void {
  a.section('.text');
  for (let v = 0; v < 256; v++) {
    a.label(`trap_stub_${v}`);
    if (!HAS_ERROR_CODE.has(v)) a.push(0);
    a.push(v).jmp('trap_common');
  }

  routine(a, 'trap_common', () => {
    a.pushad();
    a.push(ds).push(es).push(fs).push(gs);
    a.mov(ax, SEL.kernelData);
    for (const s of [ds, es, fs, gs]) a.mov(s, ax);
    a.cld();
    a.mov(ebx, esp).call('trap_dispatch');
    a.pop(gs).pop(fs).pop(es).pop(ds);
    a.popad();
    a.add(esp, 8); // vector and error code
    a.iret();
  });
}

function emitIdt(a: X86Assembler): void {
  a.section('.rodata').align(4).label('trap_stub_table');
  for (let v = 0; v < 256; v++) a.dd(sym(`trap_stub_${v}`));
  a.section('.bss', { nobits: true }).align(8).label('idt').space(256 * 8);
  a.section('.data').align(4).label('idtr').dw(256 * 8 - 1).dd(sym('idt'));

  // idt_init: an interrupt gate (interrupts off on entry) per vector, ring 0 only.
  routine(a, 'idt_init', () => {
    a.pushad();
    a.xor(ecx, ecx);
    const loop = a.newLabel('idt');
    const entry = (off: number) => mem({ index: ecx, scale: 8, disp: sym('idt').plus(off) });
    a.label(loop);
    a.mov(eax, mem({ index: ecx, scale: 4, disp: sym('trap_stub_table') }));
    a.mov(entry(0).withSize(16), ax); // offset 15:0
    a.mov(entry(2).withSize(16), SEL.kernelCode);
    a.mov(entry(4).withSize(8), 0);
    a.mov(entry(5).withSize(8), 0x8e); // P, DPL0, 32-bit interrupt gate
    a.shr(eax, 16);
    a.mov(entry(6).withSize(16), ax); // offset 31:16
    a.inc(ecx).cmp(ecx, 256).jb(loop);
    // int 0x80, the Linux i386 system-call gate, may be raised from ring 3
    a.mov(mem(sym('idt').plus(SYSCALL_VECTOR * 8 + 5)).withSize(8), 0xee); // P, DPL3, interrupt gate
    a.lidt(mem(sym('idtr')));
    a.popad().ret();
  });
}

function emitDispatch(a: X86Assembler): void {
  // trap_dispatch: ebx = trap frame. May clobber any register (the common stub restores them).
  a.section('.bss', { nobits: true }).align(4);
  // irq_pending: lines fired since the last irqTake; irq_claimed: lines TypeScript handles
  // (natives.ts irqClaim); irq_counts: 16 counters.
  a.label('irq_pending').space(4).label('irq_claimed').space(4).label('irq_counts').space(4 * 16);
  a.section('.text');
  routine(a, 'trap_dispatch', () => {
    a.mov(eax, dword(ebx, FRAME.vector));
    // Exceptions: a fault of a kernel memory access goes to TypeScript (interp_sync_trap,
    // which falls back to the panic for everything else).
    a.cmp(eax, IRQ_BASE).jb('interp_sync_trap');
    a.cmp(eax, IRQ_BASE + 16).jb('trap_irq');
    // Software interrupts (int 0x80, the one DPL-3 gate) come from ring 3 only: the
    // process's kernel side handles them (user_trap_exit, boot/interp/kernel-natives.ts).
    a.test(dword(ebx, FRAME.cs), 3).jnz('user_trap_exit');
    a.jmp('panic_trap');
    a.label('trap_irq');
    a.lea(ecx, mem({ base: eax, disp: -IRQ_BASE }));
    // A spurious IRQ 7/15 is not in service: no EOI to the PIC that raised it (the
    // master still needs one for the slave's cascade line).
    a.cmp(ecx, IRQ.spuriousMaster).jne('trap_not_spurious_master');
    a.mov(al, 0x0b).out(PORT.picMasterCmd, al).in(al, PORT.picMasterCmd).test(al, 0x80).jz('trap_return');
    a.label('trap_not_spurious_master');
    a.cmp(ecx, IRQ.spuriousSlave).jne('trap_not_spurious_slave');
    a.mov(al, 0x0b).out(PORT.picSlaveCmd, al).in(al, PORT.picSlaveCmd).test(al, 0x80).jz('trap_eoi_master');
    a.label('trap_not_spurious_slave');
    // every real IRQ is recorded for TypeScript (natives.ts irqTake/irqCount)
    a.mov(eax, 1).shl(eax, cl).or(dword(sym('irq_pending')), eax);
    a.add(dword({ index: ecx, scale: 4, disp: sym('irq_counts') }), 1);
    a.cmp(ecx, IRQ.timer).jne('trap_not_timer');
    a.call('pit_tick').jmp('trap_eoi');
    a.label('trap_not_timer');
    a.test(dword(sym('irq_claimed')), eax).jnz('trap_eoi'); // TypeScript services the device
    a.cmp(ecx, IRQ.com1).jne('trap_eoi');
    a.call('serial_rx_irq');
    a.label('trap_eoi');
    a.cmp(ecx, 8).jb('trap_eoi_master');
    a.mov(al, 0x20).out(PORT.picSlaveCmd, al);
    a.label('trap_eoi_master');
    a.mov(al, 0x20).out(PORT.picMasterCmd, al);
    a.label('trap_return');
    // An IRQ that interrupted user code ends its run: the kernel's TypeScript sees the
    // vector, services the line from its event loop and decides who runs next.
    a.test(dword(ebx, FRAME.cs), 3).jnz('user_trap_exit');
    a.ret();
  });
}

function emitPanic(a: X86Assembler): void {
  a.section('.rodata').align(4).label('exception_names');
  const names = EXCEPTION_NAMES.map((n) => cstring(a, n));
  a.section('.rodata').align(4).label('exception_name_table');
  for (const n of names) a.dd(sym(n));
  const unexpected = cstring(a, 'unexpected interrupt');

  // panic_trap: ebx = trap frame. Prints the report and powers off with PANIC_STATUS (a
  // machine without the power-off port halts with interrupts off).
  routine(a, 'panic_trap', () => {
    a.cli();
    const puts = (text: string) => a.mov(esi, sym(cstring(a, text))).call('serial_puts');
    const hex = (label: string, off: number) => { puts(label); a.mov(eax, dword(ebx, off)).call('serial_put_hex32'); };
    puts('\r\npanic: ');
    a.mov(eax, dword(ebx, FRAME.vector));
    a.mov(esi, sym(unexpected));
    a.cmp(eax, 32).jae('panic_have_name');
    a.mov(esi, mem({ index: eax, scale: 4, disp: sym('exception_name_table') }));
    a.label('panic_have_name').call('serial_puts');
    puts(' (vector ');
    a.mov(eax, dword(ebx, FRAME.vector)).call('serial_put_dec32');
    puts(')\r\n  error=');
    a.mov(eax, dword(ebx, FRAME.error)).call('serial_put_hex32');
    puts(' cr2=');
    a.mov(eax, cr2).call('serial_put_hex32');
    hex(' eip=', FRAME.eip);
    hex(' cs=', FRAME.cs);
    hex(' eflags=', FRAME.eflags);
    hex('\r\n  eax=', FRAME.eax);
    hex(' ebx=', FRAME.ebx);
    hex(' ecx=', FRAME.ecx);
    hex(' edx=', FRAME.edx);
    hex('\r\n  esi=', FRAME.esi);
    hex(' edi=', FRAME.edi);
    hex(' ebp=', FRAME.ebp);
    // The interrupted esp: pushed by the CPU from ring 3, else just above the frame.
    puts(' esp=');
    a.test(dword(ebx, FRAME.cs), 3).jz('panic_kernel_esp');
    a.mov(eax, dword(ebx, FRAME.userEsp)).jmp('panic_print_esp');
    a.label('panic_kernel_esp').lea(eax, mem(ebx, FRAME.userEsp));
    a.label('panic_print_esp').call('serial_put_hex32');
    hex('\r\n  ds=', FRAME.ds);
    hex(' es=', FRAME.es);
    hex(' fs=', FRAME.fs);
    hex(' gs=', FRAME.gs);
    puts('\r\nsystem halted: powering off with status ' + PANIC_STATUS + '\r\n');
    a.mov(al, PANIC_STATUS).out(PORT.exit, al);
    a.label('panic_halt').cli().hlt().jmp('panic_halt');
  });
}
