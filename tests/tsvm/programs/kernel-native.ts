// A user program calling a kernel-only native (port I/O): rejected by `tskern compile`, and
// a tsvm that runs it anyway (compiled for the kernel target) stops naming the native.
console.log('before');
console.log(__native.inb(0x60));
