// Polled 16550 output on COM1 for the native boot code and panics, and the receive
// interrupt that echoes input (the console's first sign of life before the kernel's
// TypeScript driver takes over).

import { X86Assembler, ah, al, dx, eax, ecx, edx, esi, byte } from '../image-builder/x86/index.ts';
import { PORT } from './layout.ts';
import { routine } from './asm-util.ts';

const COM1 = PORT.com1;
// 16550 register offsets
const RBR_THR = 0, IER = 1, FCR = 2, LCR = 3, MCR = 4, LSR = 5;
const LSR_DATA_READY = 0x01, LSR_THR_EMPTY = 0x20;

/** out (COM1 + reg), value; clobbers al, dx. */
function outReg(a: X86Assembler, reg: number, value: number): void {
  a.mov(dx, COM1 + reg).mov(al, value).out(dx, al);
}

export function emitSerial(a: X86Assembler): void {
  // serial_init: 115200 8N1, FIFOs on, receive interrupt enabled (OUT2 gates the IRQ line).
  routine(a, 'serial_init', () => {
    a.push(eax).push(dx);
    outReg(a, IER, 0x00);
    outReg(a, LCR, 0x80); // DLAB: divisor follows
    outReg(a, RBR_THR, 0x01); // divisor 1 = 115200 baud
    outReg(a, IER, 0x00);
    outReg(a, LCR, 0x03); // 8 bits, no parity, 1 stop
    outReg(a, FCR, 0xc7); // enable and clear FIFOs, 14-byte threshold
    outReg(a, MCR, 0x0b); // DTR, RTS, OUT2
    outReg(a, IER, 0x01); // receive data available interrupt
    a.pop(dx).pop(eax).ret();
  });

  // serial_putc: al = byte. Waits for the transmit holding register to empty.
  routine(a, 'serial_putc', () => {
    a.push(eax).push(dx);
    a.mov(ah, al);
    const wait = a.newLabel('txwait');
    a.mov(dx, COM1 + LSR);
    a.label(wait).in(al, dx).test(al, LSR_THR_EMPTY).jz(wait);
    a.mov(dx, COM1 + RBR_THR).mov(al, ah).out(dx, al);
    a.pop(dx).pop(eax).ret();
  });

  // serial_puts: esi = NUL-terminated string.
  routine(a, 'serial_puts', () => {
    a.push(eax).push(esi);
    const loop = a.newLabel('puts'), done = a.newLabel('puts_done');
    a.label(loop).mov(al, byte(esi)).test(al, al).jz(done);
    a.call('serial_putc').add(esi, 1).jmp(loop);
    a.label(done).pop(esi).pop(eax).ret();
  });

  // serial_put_hex32: eax = value, printed as 0x followed by 8 hex digits.
  routine(a, 'serial_put_hex32', () => {
    a.push(eax).push(ecx).push(dx);
    a.mov(ecx, 8);
    a.push(eax).mov(al, '0'.charCodeAt(0)).call('serial_putc').mov(al, 'x'.charCodeAt(0)).call('serial_putc').pop(eax);
    const loop = a.newLabel('hex'), digit = a.newLabel('hexdigit');
    a.label(loop).rol(eax, 4).push(eax).and(al, 0x0f).add(al, '0'.charCodeAt(0)).cmp(al, '9'.charCodeAt(0)).jbe(digit);
    a.add(al, 'a'.charCodeAt(0) - '9'.charCodeAt(0) - 1);
    a.label(digit).call('serial_putc').pop(eax).dec(ecx).jnz(loop);
    a.pop(dx).pop(ecx).pop(eax).ret();
  });

  // serial_put_dec32: eax = value, printed as an unsigned decimal number.
  routine(a, 'serial_put_dec32', () => {
    a.pushad();
    a.mov(ecx, 10).xor(esi, esi); // esi counts the digits pushed
    const divide = a.newLabel('dec'), print = a.newLabel('decprint');
    a.label(divide).xor(edx, edx).div(ecx).add(edx, '0'.charCodeAt(0)).push(edx).inc(esi).test(eax, eax).jnz(divide);
    a.label(print).pop(eax).call('serial_putc').dec(esi).jnz(print);
    a.popad().ret();
  });

  // serial_rx_irq: drain the receive FIFO, echoing each byte (CR becomes CR LF,
  // DEL/backspace erases the character on the terminal).
  routine(a, 'serial_rx_irq', () => {
    a.push(eax).push(dx);
    const loop = a.newLabel('rx'), done = a.newLabel('rx_done');
    const notCr = a.newLabel('rx_notcr'), erase = a.newLabel('rx_erase'), plain = a.newLabel('rx_plain'), next = a.newLabel('rx_next');
    a.label(loop).mov(dx, COM1 + LSR).in(al, dx).test(al, LSR_DATA_READY).jz(done);
    a.mov(dx, COM1 + RBR_THR).in(al, dx);
    a.cmp(al, 0x0d).jne(notCr).call('serial_putc').mov(al, 0x0a).call('serial_putc').jmp(next);
    a.label(notCr).cmp(al, 0x7f).je(erase).cmp(al, 0x08).jne(plain);
    a.label(erase).mov(al, 0x08).call('serial_putc').mov(al, 0x20).call('serial_putc').mov(al, 0x08);
    a.label(plain).call('serial_putc');
    a.label(next).jmp(loop);
    a.label(done).pop(dx).pop(eax).ret();
  });
}
