// User programs on tsvm reach the system through `__native` (user/lib/sys.ts wraps it); the
// declaration is shared with the runtime prelude and the kernel:
/// <reference path="../../runtime/prelude/native.d.ts" />
export {};
