// COM1's scratch register (base + 7) holds a byte: write it, read it back.
__native.outb(0x3ff, 0xa5);
const back = __native.inb(0x3ff);
__native.writeStdout(back === 0xa5 ? 'scratch ok\n' : 'scratch bad\n');
// LSR of COM1: transmitter empty bits set when idle.
__native.writeStdout((__native.inb(0x3fd) & 0x60) === 0x60 ? 'lsr ok\n' : 'lsr bad\n');
// An unclaimed port reads as all ones, in each width.
__native.writeStdout(__native.inb(0x3b0 + 0x20) + ' ' + __native.inw(0x320) + ' ' + __native.inl(0x320) + '\n');
