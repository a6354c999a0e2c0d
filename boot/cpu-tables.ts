// The GDT (flat kernel and user segments, one TSS) and the 8259 PIC remap.

import {
  X86Assembler, ah, al, ax, byte, dword, eax, mem, sym, word, ds, es, fs, gs, ss,
} from '../image-builder/x86/index.ts';
import { IRQ, IRQ_BASE, PORT, SEL } from './layout.ts';
import { routine } from './asm-util.ts';

/** Flat 4 GiB segment descriptors: base 0, limit 0xFFFFF pages, 32-bit. */
const DESC = {
  kernelCode: 0x00cf9a000000ffffn, // P, DPL0, code exec/read
  kernelData: 0x00cf92000000ffffn, // P, DPL0, data read/write
  userCode: 0x00cffa000000ffffn, // P, DPL3, code exec/read
  userData: 0x00cff2000000ffffn, // P, DPL3, data read/write
};
const TSS_SIZE = 104;
const TSS_ESP0 = 4, TSS_SS0 = 8, TSS_IOMAP = 102;

export function emitGdt(a: X86Assembler): void {
  a.section('.data').align(8);
  a.label('gdt');
  a.dq(0n, DESC.kernelCode, DESC.kernelData, DESC.userCode, DESC.userData);
  a.label('gdt_tss').dq(0n); // filled by gdt_init: the TSS base is split across the descriptor
  // entries 6-8: the thread-local storage segments of the running process (set_thread_area,
  // written by the kernel's TypeScript through the gdtSetTls native)
  a.dq(0n, 0n, 0n);
  a.label('gdt_end');
  a.align(4).label('gdtr');
  a.dw(sym('gdt_end').minus('gdt').plus(-1)).dd(sym('gdt'));

  a.section('.bss', { nobits: true }).align(16).label('tss').space(TSS_SIZE);

  // gdt_init: load the GDT, reload every segment register, load the task register.
  // The TSS gives the kernel stack for traps from ring 3 (esp0/ss0).
  routine(a, 'gdt_init', () => {
    a.pushad();
    a.lgdt(mem(sym('gdtr')));
    a.jmpFar(SEL.kernelCode, 'gdt_reload_cs');
    a.label('gdt_reload_cs');
    a.mov(ax, SEL.kernelData);
    for (const s of [ds, es, fs, gs, ss]) a.mov(s, ax);

    a.mov(eax, sym('tss'));
    a.mov(word(sym('gdt_tss')), TSS_SIZE - 1); // limit 15:0
    a.mov(word(sym('gdt_tss').plus(2)), ax); // base 15:0
    a.shr(eax, 16);
    a.mov(byte(sym('gdt_tss').plus(4)), al); // base 23:16
    a.mov(byte(sym('gdt_tss').plus(5)), 0x89); // P, DPL0, available 32-bit TSS
    a.mov(byte(sym('gdt_tss').plus(6)), 0x00); // limit 19:16 = 0, byte granularity
    a.mov(byte(sym('gdt_tss').plus(7)), ah); // base 31:24

    a.mov(dword(sym('tss').plus(TSS_ESP0)), sym('boot_stack_top'));
    a.mov(dword(sym('tss').plus(TSS_SS0)), SEL.kernelData);
    a.mov(word(sym('tss').plus(TSS_IOMAP)), TSS_SIZE); // I/O bitmap beyond the limit: none
    a.mov(ax, SEL.tss).ltr(ax);
    a.popad().ret();
  });
}

/** Remap the 8259 pair to vectors 0x20-0x2F and unmask only the cascade and COM1. */
export function emitPic(a: X86Assembler): void {
  routine(a, 'pic_init', () => {
    a.push(eax);
    const out = (port: number, v: number) => a.mov(al, v).out(port, al);
    out(PORT.picMasterCmd, 0x11); // ICW1: edge-triggered, cascade, ICW4 follows
    out(PORT.picSlaveCmd, 0x11);
    out(PORT.picMasterData, IRQ_BASE); // ICW2: vector base
    out(PORT.picSlaveData, IRQ_BASE + 8);
    out(PORT.picMasterData, 1 << 2); // ICW3: slave on IRQ2
    out(PORT.picSlaveData, 2); // ICW3: slave identity
    out(PORT.picMasterData, 0x01); // ICW4: 8086 mode
    out(PORT.picSlaveData, 0x01);
    out(PORT.picMasterData, ~((1 << 2) | (1 << IRQ.com1)) & 0xff);
    out(PORT.picSlaveData, 0xff);
    a.pop(eax).ret();
  });
}
