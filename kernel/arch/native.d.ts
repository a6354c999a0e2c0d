// The compiler turns `__native.name(args)` into a CallNative instruction
// (image-builder/bytecode/natives.ts lists them). Kernel code does not call these
// directly: it goes through kernel/arch/intrinsics.ts, which has a fake for Node tests.
// The declaration itself is shared with the runtime prelude:
/// <reference path="../../runtime/prelude/native.d.ts" />
export {};
