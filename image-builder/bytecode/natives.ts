// Native primitives reachable from bytecode through `CallNative dst, id, first, argc`.
// The runtime library (TypeScript, compiled with every program) builds the JavaScript
// builtins on these; each is implemented by the x86 interpreter and by the reference
// interpreter. In TypeScript source they are written `__native.name(args)` (see
// docs/bytecode.md); the compiler checks the argument count.

export interface NativeInfo {
  readonly name: string;
  readonly argc: number;
  readonly doc: string;
}

export const NATIVES = [
  { name: 'writeStdout', argc: 1, doc: 'write a string to the console (COM1 in the guest), no newline added; returns undefined' },
  { name: 'writeStderr', argc: 1, doc: 'as writeStdout, for the error stream (the host separates them)' },
  { name: 'exit', argc: 1, doc: 'end the program with the int32 status (power off in the guest); never returns' },
  { name: 'globalObject', argc: 0, doc: 'the global object (free identifiers resolve on it)' },
  // Port I/O for kernel drivers (kernel/arch/intrinsics.ts wraps these; values are masked to the width).
  { name: 'outb', argc: 2, doc: 'out port, value (8 bits); returns undefined' },
  { name: 'inb', argc: 1, doc: 'in port: an int32 in 0..255' },
  { name: 'outw', argc: 2, doc: 'out port, value (16 bits); returns undefined' },
  { name: 'inw', argc: 1, doc: 'in port: an int32 in 0..65535' },
  { name: 'outl', argc: 2, doc: 'out port, value (32 bits); returns undefined' },
  { name: 'inl', argc: 1, doc: 'in port: a number in 0..2^32-1 (uint32 tag above 2^31)' },
  // ---- the object model, for the runtime prelude (runtime/prelude/) ----------------------
  { name: 'registerIntrinsic', argc: 2, doc: 'registerIntrinsic(id, value): tell the machine which object is intrinsic `id` (see intrinsics.ts); the machine uses them for new objects\' prototypes and for the errors it throws. Registering ObjectPrototype, FunctionPrototype or ArrayPrototype also gives every object created before it with a null [[Prototype]] (the hoisted functions of the whole bundle and their prototype objects, the global object, ...) that prototype: plain objects ObjectPrototype, functions FunctionPrototype, arrays ArrayPrototype (the registered object itself excepted); returns undefined' },
  { name: 'getPrototypeOf', argc: 1, doc: 'the [[Prototype]] of an object (null if none); for primitives, the intrinsic prototype of their type' },
  { name: 'setPrototypeOf', argc: 2, doc: 'set the [[Prototype]] of object a to b (an object or null); TypeError if a is not extensible; returns a' },
  { name: 'ownKeys', argc: 2, doc: 'ownKeys(obj, flags): a new array of obj\'s own string keys in property order (integer keys ascending as strings, then the others in insertion order); flags: bit 0 (or true) enumerable only; bit 1: also the symbol keys, after the strings, in insertion order. Strings give their index keys. Private names never appear' },
  { name: 'propertyFlags', argc: 2, doc: 'propertyFlags(obj, key): int32 attributes of obj\'s own property key: -1 if absent, else bit 0 enumerable, bit 1 writable, bit 2 configurable, bit 3 has getter, bit 4 has setter' },
  { name: 'getOwnAccessor', argc: 3, doc: 'getOwnAccessor(obj, key, which): the getter (which = 0) or setter (1) function of obj\'s own accessor property key, or undefined' },
  { name: 'defineProperty', argc: 4, doc: 'defineProperty(obj, key, value, attributes): define or redefine own data property key with attributes (bits as propertyFlags: enumerable, writable, configurable); TypeError if not allowed; returns obj' },
  { name: 'deleteProperty', argc: 2, doc: 'delete own property key of obj: true, or false if it is not configurable' },
  { name: 'preventExtensions', argc: 2, doc: 'preventExtensions(obj, level): level 0 preventExtensions, 1 seal, 2 freeze; returns obj' },
  { name: 'isExtensible', argc: 1, doc: 'whether obj can get new properties (false for primitives)' },
  { name: 'valueKind', argc: 1, doc: 'an int32 classifying a value: 0 undefined, 1 null, 2 boolean, 3 number, 4 string, 5 ordinary object, 6 array, 7 function (also methods), 8 class constructor, 9 arrow function, 10 private name, 11 symbol' },
  { name: 'functionName', argc: 1, doc: 'the name of a function from its function record ("" if anonymous)' },
  { name: 'identityHash', argc: 1, doc: 'a stable int32 hash of an object, the same for the object\'s whole life (the copying collector moves objects, so it is stored in the object on first use)' },
  { name: 'captureStack', argc: 1, doc: 'captureStack(skip): the stack as Node prints it after the first line of an error\'s stack: "\\n    at NAME (FILE:LINE:COL)" for each frame, innermost first, leaving out the `skip` innermost frames, at most 10 (Node\'s default Error.stackTraceLimit); "<anonymous>" for unnamed functions, positions from the source map' },
  // ---- strings and numbers ---------------------------------------------------------------
  { name: 'charCodeAt', argc: 2, doc: 'charCodeAt(s, i): the UTF-16 unit at int32 index i of string s, or NaN when out of range' },
  { name: 'fromCharCode', argc: 1, doc: 'a one-unit string for the int32 code unit c & 0xFFFF (one-byte strings for c < 256 are shared)' },
  { name: 'stringSlice', argc: 3, doc: 'stringSlice(s, start, end): the units of s from int32 start to end (clamped to 0..length, empty if end <= start)' },
  { name: 'stringIndexOf', argc: 3, doc: 'stringIndexOf(s, search, from): the first index >= from where search occurs in s, or -1' },
  { name: 'stringFromUnits', argc: 1, doc: 'a string made of the UTF-16 units (int32s) in an array' },
  { name: 'stringCompare', argc: 2, doc: '-1, 0 or 1: the two strings compared unit by unit, as < and > compare strings' },
  { name: 'doubleBits', argc: 2, doc: 'doubleBits(x, half): the low (half = 0) or high (1) 32 bits of the IEEE double x, as a uint32 number' },
  { name: 'doubleFromBits', argc: 2, doc: 'doubleFromBits(lo, hi): the double with those 32-bit halves (a NaN comes back as the default NaN)' },
  { name: 'mathFloor', argc: 1, doc: 'Math.floor of a number' },
  { name: 'mathCeil', argc: 1, doc: 'Math.ceil of a number' },
  { name: 'mathTrunc', argc: 1, doc: 'Math.trunc of a number' },
  { name: 'mathSqrt', argc: 1, doc: 'Math.sqrt of a number (correctly rounded, as sqrtsd)' },
  // ---- appended (ids above are frozen) ---------------------------------------------------
  { name: 'defineAccessor', argc: 5, doc: 'defineAccessor(obj, key, getter, setter, attributes): define or redefine own accessor property key (getter/setter: a function or undefined; attributes: bit 0 enumerable, bit 2 configurable); TypeError if not allowed; returns obj' },
  // ---- physical memory and the MMU, for kernel/mm (kernel/arch/intrinsics.ts wraps these) --
  // Physical addresses go through ToUint32; the guest reaches them through the kernel's direct
  // map (virtual 0xC0000000 + p) and stops the machine for an access beyond the direct map.
  { name: 'physRead8', argc: 1, doc: 'physRead8(p): the byte at physical address p, an int32 in 0..255' },
  { name: 'physRead16', argc: 1, doc: 'physRead16(p): the little-endian 16-bit word at physical address p, an int32 in 0..65535' },
  { name: 'physRead32', argc: 1, doc: 'physRead32(p): the little-endian 32-bit word at physical address p, a number in 0..2^32-1 (uint32 tag above 2^31)' },
  { name: 'physWrite8', argc: 2, doc: 'physWrite8(p, v): store the low 8 bits of ToInt32(v) at physical address p; returns undefined' },
  { name: 'physWrite16', argc: 2, doc: 'physWrite16(p, v): store the low 16 bits of ToInt32(v) at physical address p; returns undefined' },
  { name: 'physWrite32', argc: 2, doc: 'physWrite32(p, v): store ToInt32(v) (so any number modulo 2^32) at physical address p; returns undefined' },
  { name: 'physFill', argc: 3, doc: 'physFill(p, byte, length): set `length` bytes from physical address p to the low 8 bits of byte (rep stosd, then stosb for the tail); returns undefined' },
  { name: 'physCopy', argc: 3, doc: 'physCopy(dst, src, length): copy `length` bytes from physical src to physical dst, ascending (rep movsd, then movsb); the ranges must not overlap; returns undefined' },
  { name: 'readCr3', argc: 0, doc: 'the CR3 register (physical address of the current PDPT), a uint32 number' },
  { name: 'writeCr3', argc: 1, doc: 'writeCr3(v): mov cr3 (switches address space, reloads the PAE PDPTEs and flushes the non-global TLB entries); returns undefined' },
  { name: 'invlpg', argc: 1, doc: 'invlpg(va): invalidate the TLB entry for virtual address va (and the paging-structure caches); returns undefined' },
  // ---- what the boot code knows ------------------------------------------------------------
  { name: 'bootCommandLine', argc: 0, doc: 'the kernel command line the boot loader passed (multiboot), "" if none' },
  { name: 'bootInfoAddress', argc: 0, doc: 'the physical address of the multiboot information structure the loader passed (its memory map describes RAM)' },
  { name: 'physReservedEnd', argc: 0, doc: 'the physical address where the memory the native code owns ends (image, stacks and the interpreter heap start at 1 MiB and end here, page-aligned); frames above it are free for the kernel' },
  { name: 'newSymbol', argc: 1, doc: 'newSymbol(description): a new symbol (a primitive, unique) whose description is the string argument, or undefined when it is not a string' },
  { name: 'symbolDescription', argc: 1, doc: 'the description of a symbol (a string or undefined); undefined for any other value' },
  { name: 'setFunctionName', argc: 3, doc: 'setFunctionName(fn, key, prefix): SetFunctionName for a function defined under a computed key (the compiler emits it): unless fn has an own `name` (a class\'s static one), defines `name` (configurable only) as prefix + " " (when prefix is not "") + the key ("[description]" for a symbol, "" for Symbol()); returns undefined. Done by the prelude: the machine calls Intrinsic.SetFunctionName with the same arguments' },
  // ---- time and waiting (the event loop of runtime/prelude/async.ts) ----------------------
  { name: 'monotonicNow', argc: 0, doc: 'milliseconds since the machine started, a number that never decreases (fractions where the clock has them)' },
  { name: 'wallClockNow', argc: 0, doc: 'milliseconds since 1970-01-01T00:00:00Z (UTC), a number (fractions allowed)' },
  { name: 'idle', argc: 1, doc: 'idle(deadline): wait, with the CPU halted, until monotonicNow() >= deadline (a number of milliseconds; Infinity: no deadline) or a device interrupt other than the clock\'s has arrived; returns undefined. The reference interpreter advances its virtual clock to the deadline' },
  { name: 'functionFlags', argc: 1, doc: 'the flags of a bytecode function\'s record (format.ts FunctionFlag: arrow, class constructor, derived, method, async, top level) as an int32; 0 for anything else' },
  // ---- the kernel's CPU intrinsics (kernel/arch/intrinsics.ts wraps these; issue 4) ----------
  { name: 'cli', argc: 0, doc: 'cli: interrupts off; returns undefined' },
  { name: 'sti', argc: 0, doc: 'sti: interrupts on (IRQs are recorded natively and delivered through irqTake, so bytecode may run with them on); returns undefined' },
  { name: 'hlt', argc: 0, doc: 'hlt: halt until the next interrupt (forever with interrupts off); returns undefined' },
  { name: 'rdtsc', argc: 0, doc: 'the time-stamp counter as a number (exact below 2^53)' },
  { name: 'readCr0', argc: 0, doc: 'the CR0 register, a uint32 number' },
  { name: 'writeCr0', argc: 1, doc: 'writeCr0(v): mov cr0, ToUint32(v); returns undefined' },
  { name: 'readCr2', argc: 0, doc: 'the CR2 register (the last page-fault address), a uint32 number' },
  { name: 'readCr4', argc: 0, doc: 'the CR4 register, a uint32 number' },
  { name: 'writeCr4', argc: 1, doc: 'writeCr4(v): mov cr4, ToUint32(v); returns undefined' },
  { name: 'irqTake', argc: 0, doc: 'the IRQ lines (bit n: IRQ n) that fired since the last irqTake, as an int32 mask, and clears it; the machine acknowledges every IRQ at the PIC itself (spurious IRQ 7/15 excepted)' },
  { name: 'irqCount', argc: 1, doc: 'irqCount(line): how many times IRQ line (0-15) fired since boot, a uint32 number (wraps)' },
  { name: 'irqClaim', argc: 1, doc: 'irqClaim(mask): the IRQ lines TypeScript handles: the machine no longer services them itself (COM1 input echo) and their arrival ends idle(); returns the previous mask' },
  { name: 'contextRead', argc: 1, doc: 'contextRead(i): word i of the saved context of the trap being delivered (boot/traps.ts FRAME order: 0 gs, 1 fs, 2 es, 3 ds, 4 edi, 5 esi, 6 ebp, 7 esp, 8 ebx, 9 edx, 10 ecx, 11 eax, 12 vector, 13 error code, 14 eip, 15 cs, 16 eflags, 17 user esp, 18 user ss; 19 cr2), a uint32 number' },
  { name: 'contextWrite', argc: 2, doc: 'contextWrite(i, v): set word i of the saved context (takes effect when that context is resumed: a user-mode context; a fault of the kernel\'s own code is retried with the interpreter\'s registers); returns undefined' },
  { name: 'virtRead8', argc: 1, doc: 'virtRead8(va): the byte at virtual address va through the current page tables; a fault is delivered to the TrapDispatch intrinsic and the access retried when it returns' },
  { name: 'virtRead16', argc: 1, doc: 'virtRead16(va): as virtRead8, a little-endian 16-bit word' },
  { name: 'virtRead32', argc: 1, doc: 'virtRead32(va): as virtRead8, a 32-bit word (uint32 number)' },
  { name: 'virtWrite8', argc: 2, doc: 'virtWrite8(va, v): store the low 8 bits of ToInt32(v) at virtual address va (faults as virtRead8); returns undefined' },
  { name: 'virtWrite16', argc: 2, doc: 'virtWrite16(va, v): as virtWrite8, 16 bits' },
  { name: 'virtWrite32', argc: 2, doc: 'virtWrite32(va, v): as virtWrite8, 32 bits' },
  { name: 'commandLine', argc: 0, doc: 'the boot command line (multiboot), a string ("" if none)' },
  { name: 'bootReport', argc: 0, doc: 'the native boot report of the kernel image: memory size, CR0/CR3/CR4 and the command line on COM1 (unless `quiet`), then the native test options (poweroff, test=pagefault|ud|divide); returns undefined' },
  // ---- processes: user mode (kernel/proc; boot/interp/kernel-natives.ts) ------------------
  { name: 'enterUser', argc: 1, doc: 'enterUser(ctx): run ring-3 code from the user context block at physical address ctx (words 0-18: the registers in boot/traps.ts FRAME order; word 19: CR2; offset 512: an FXSAVE image) until the next trap (exception, IRQ or int 0x80); the trap\'s registers, CR2 and FPU/SSE state are saved back into the block; returns the trap vector as an int32. cs/ss/ds/es, the privileged eflags bits, bad fs/gs selectors and MXCSR\'s reserved bits are forced to safe values first' },
  { name: 'gdtSetTls', argc: 3, doc: 'gdtSetTls(index, lo, hi): write the 8-byte descriptor (lo, hi: its two 32-bit halves) into GDT entry index, which must be a TLS entry (6, 7 or 8); returns 0, or -1 for any other index' },
  // ---- tsvm, the user build (issue 11): its arguments and Linux i386 system calls ----------
  // Only tsvm implements syscall/memRead/memWrite; the kernel image stops naming them, the
  // reference interpreter throws. user/lib/sys.ts wraps them for user programs.
  { name: 'processStrings', argc: 1, doc: 'processStrings(which): tsvm\'s argv (which = 0: [tsvm, program, ...args] as it was started) or environment (1: "NAME=value" strings) as a new array of byte strings (one unit per byte, not decoded); undefined outside tsvm' },
  { name: 'syscall', argc: 7, doc: 'syscall(nr, a, b, c, d, e, f): the Linux i386 system call nr (int 0x80; eax = nr, ebx..ebp = the six arguments, each ToUint32); returns eax: a negative errno (-4095..-1) as an int32, anything else as an unsigned number (addresses above 2^31 stay positive). tsvm only' },
  { name: 'memRead', argc: 2, doc: 'memRead(address, length): a new byte string of the `length` bytes of this process\'s memory at address (a bad address kills the process with SIGSEGV, as it would a C program). tsvm only' },
  { name: 'memWrite', argc: 2, doc: 'memWrite(address, bytes): store the units of the byte string `bytes` (each 0..255, else RangeError, nothing written) at address; returns the number of bytes written. tsvm only' },
  // ---- storage (issue 10): block transfers between a port and physical memory for kernel/dev/ata.ts --
  { name: 'insw', argc: 3, doc: 'insw(port, p, count): rep insw: read `count` 16-bit words from port into physical memory from p (through the direct map; a range beyond it stops the machine); returns undefined' },
  { name: 'outsw', argc: 3, doc: 'outsw(port, p, count): rep outsw: write `count` 16-bit words from physical memory at p to port; returns undefined' },
  // ---- ArrayBuffer, typed arrays and DataView (issue 13; runtime/prelude/typed-array.ts) --------
  // A buffer object owns bytes (a heap cell, zeroed, or a physical range); view objects share a
  // buffer's bytes. Types: 0 Int8, 1 Uint8, 2 Uint8Clamped, 3 Int16, 4 Uint16, 5 Int32, 6 Uint32,
  // 7 Float32, 8 Float64 (typed arrays, whose elements the machine reads and writes itself on
  // integer keys), 9 DataView, 10 ArrayBuffer. The prelude checks every range before these run.
  { name: 'bufferNew', argc: 3, doc: 'bufferNew(proto, byteLength, phys): a new ArrayBuffer object (type 10) with [[Prototype]] proto over byteLength bytes: zeroed bytes on the heap when phys is undefined, else the physical range [phys, phys + byteLength) through the kernel\'s direct map (beyond it stops the machine)' },
  { name: 'viewNew', argc: 5, doc: 'viewNew(proto, type, buffer, byteOffset, length): a new view object of type 0-9 over the bytes of ArrayBuffer `buffer` from byteOffset: a typed array of `length` elements, or (9) a DataView of `length` bytes' },
  { name: 'viewInfo', argc: 2, doc: 'viewInfo(obj, which): which 0: the type of a buffer or view object (-1 for any other value); 1 its byteOffset; 2 its length (elements of a typed array, bytes otherwise); 3 a view\'s ArrayBuffer (undefined for a buffer)' },
  { name: 'viewGet', argc: 4, doc: 'viewGet(obj, byteIndex, type, littleEndian): the number of type 0-8 stored at byte byteIndex from the view\'s byteOffset (unaligned allowed), big-endian unless littleEndian is true' },
  { name: 'viewSet', argc: 5, doc: 'viewSet(obj, byteIndex, type, value, littleEndian): store ToNumber(value) as an element of type 0-8 at byte byteIndex from the view\'s byteOffset, converted as typed arrays convert (modulo 2^n, clamping, rounding to single); returns undefined' },
  { name: 'bytesCopy', argc: 5, doc: 'bytesCopy(dst, dstByte, src, srcByte, count): copy count bytes from src\'s bytes at srcByte to dst\'s at dstByte (offsets from each object\'s byteOffset; buffers or views), as memmove; returns undefined' },
  // ---- kernel/mm page-table ranges (vmperf): the bulk per-PTE loops of fork, munmap and
  // mprotect; kernel/mm keeps the policy (areas, which bits, table life). `slot` is the
  // physical address of a PAE entry (8 bytes; only the low dword is read or written), `n`
  // entries from it (<= 512, within one table); `table`/`limit` are the frame allocator's
  // frame table and limit (table 0: take or drop no references). A frame is counted when it
  // is below limit and its table word is not 0xFFFFFFFF (unmanaged). `out` is a 16-byte
  // physical block; out[3] gets the bitmap of the entries (of the first 32) whose page needs
  // a TLB invalidation. Every range is checked against the direct map (beyond it stops the machine).
  { name: 'pteCopy', argc: 7, doc: 'pteCopy(src, dst, n, clear, table, limit, out): for each non-empty entry e of the n at src: e2 = e & ~clear, written back to src when it differs, and to dst; the frame\'s count is incremented when counted. Returns copied + 65536 * (present entries changed in src; bitmap in out[3]), or -1 (stopping there) when a counted frame has count 0' },
  { name: 'pteZap', argc: 5, doc: 'pteZap(slot, n, table, limit, out): clears the n entries at slot; each counted frame of a non-empty one loses a reference, and frames reaching 0 are chained through their first word (out[0] = head, out[1] = tail, out[2] = how many; 0, 0, 0 when none). Returns cleared + 65536 * (present entries cleared; bitmap in out[3]), or -1 (stopping there) when a counted frame has count 0' },
  { name: 'pteUpdate', argc: 7, doc: 'pteUpdate(slot, n, set, clear, mask, match, out): each non-empty entry e of the n at slot with (e & mask) === match becomes (e & ~clear) | set. Returns how many present entries lost P, RW, US, A, D or their frame (the pages to invalidate; bitmap in out[3])' },
  // ---- Function.prototype.toString (issue 13) ----------------------------------------------
  { name: 'functionSource', argc: 1, doc: 'functionSource(fn): the source text of a compiled function (a string constant the compiler keeps in its callee-name table under pc 0xFFFFFFFF: docs/bytecode.md), or undefined (a builtin of the prelude, a kernel built without sources, anything else)' },
  // ---- weak collections (issue 13; runtime/prelude/weak.ts): ephemeron vectors the collector honours ----
  { name: 'weakNew', argc: 1, doc: 'weakNew(n): a new ephemeron vector of n pairs (slots 0..2n-1, all undefined). The collector keeps the value of a pair (slot 2i+1) alive only while its key (slot 2i, an object or symbol) is reachable otherwise; when the key dies it sets the key to null and the value to undefined. Slots that are not objects or symbols are left alone' },
  { name: 'weakGet', argc: 2, doc: 'weakGet(w, i): slot i (int32) of ephemeron vector w; undefined when w is not one or i is out of range' },
  { name: 'weakSet', argc: 3, doc: 'weakSet(w, i, v): store v in slot i (int32) of ephemeron vector w (nothing when w is not one or i is out of range); returns undefined' },
  { name: 'collectGarbage', argc: 0, doc: 'a full collection now (ephemeron vectors cleared as above); returns undefined' },
  // ---- start-up: the prelude's install() in one call (issue 14) ---------------------------
  { name: 'installMethods', argc: 2, doc: 'installMethods(target, source): defines each own property of source on target with its attributes less enumerable (a data property writable and configurable as in the object literal, an accessor configurable), in source\'s table order: string and integer keys first, then symbols; returns undefined' },
  // ---- shapes (issue 14): the prelude's start-up builds one-of-a-kind objects ----------------
  { name: 'uniqueShapes', argc: 1, doc: 'uniqueShapes(delta): adds delta (1 or -1) to the count that, while above 0, gives every property add a unique shape id instead of following a transition (boot/interp/shapes.ts): the prelude wraps its start-up in it, whose objects are singletons; returns undefined' },
] as const satisfies readonly NativeInfo[];

export type NativeName = (typeof NATIVES)[number]['name'];

/**
 * Natives of the kernel image only (hardware, physical memory, CPU state, the boot loader's
 * data): tsvm, the user build, has none of them. The compiler rejects them in user programs
 * (CompileOptions.target 'user', file:line:col); a tsvm running such bytecode anyway stops
 * naming the native.
 */
export const KERNEL_ONLY_NATIVES: ReadonlySet<NativeName> = new Set<NativeName>([
  'outb', 'inb', 'outw', 'inw', 'outl', 'inl',
  'physRead8', 'physRead16', 'physRead32', 'physWrite8', 'physWrite16', 'physWrite32', 'physFill', 'physCopy',
  'readCr3', 'writeCr3', 'invlpg', 'bootCommandLine', 'bootInfoAddress', 'physReservedEnd',
  'cli', 'sti', 'hlt', 'rdtsc', 'readCr0', 'writeCr0', 'readCr2', 'readCr4', 'writeCr4',
  'irqTake', 'irqCount', 'irqClaim', 'contextRead', 'contextWrite',
  'virtRead8', 'virtRead16', 'virtRead32', 'virtWrite8', 'virtWrite16', 'virtWrite32',
  'commandLine', 'bootReport', 'enterUser', 'gdtSetTls', 'insw', 'outsw',
  'pteCopy', 'pteZap', 'pteUpdate',
]);

export const Native = Object.fromEntries(NATIVES.map((n, i) => [n.name, i])) as { readonly [K in NativeName]: number };
