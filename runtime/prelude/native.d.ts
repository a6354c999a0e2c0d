// The one declaration of `__native` (image-builder/bytecode/natives.ts lists the natives;
// the compiler turns `__native.name(args)` into CallNative and checks the argument count).
// Shared by the runtime prelude and the kernel (kernel/arch/native.d.ts refers here).
// `apply`, `call`, `construct`, `resume` and `loadIntrinsic` are compiler intrinsics, not
// natives: CallSpread / Call / NewSpread / Resume / LoadIntrinsic.
declare const __native: {
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  exit(status: number): never;
  globalObject(): any;
  outb(port: number, value: number): void;
  inb(port: number): number;
  outw(port: number, value: number): void;
  inw(port: number): number;
  outl(port: number, value: number): void;
  inl(port: number): number;
  physRead8(phys: number): number;
  physRead16(phys: number): number;
  physRead32(phys: number): number;
  physWrite8(phys: number, value: number): void;
  physWrite16(phys: number, value: number): void;
  physWrite32(phys: number, value: number): void;
  physFill(phys: number, byte: number, length: number): void;
  physCopy(dst: number, src: number, length: number): void;
  pteCopy(src: number, dst: number, n: number, clear: number, table: number, limit: number, out: number): number;
  pteZap(slot: number, n: number, table: number, limit: number, out: number): number;
  pteUpdate(slot: number, n: number, set: number, clear: number, mask: number, match: number, out: number): number;
  insw(port: number, phys: number, count: number): void;
  outsw(port: number, phys: number, count: number): void;
  readCr3(): number;
  writeCr3(value: number): void;
  invlpg(va: number): void;
  bootCommandLine(): string;
  bootInfoAddress(): number;
  physReservedEnd(): number;
  registerIntrinsic(id: number, value: unknown): void;
  getPrototypeOf(value: unknown): any;
  setPrototypeOf(obj: any, proto: any): any;
  ownKeys(obj: unknown, flags: boolean | number): string[];
  propertyFlags(obj: unknown, key: unknown): number;
  getOwnAccessor(obj: unknown, key: unknown, which: number): any;
  defineProperty(obj: any, key: unknown, value: unknown, attributes: number): any;
  deleteProperty(obj: unknown, key: unknown): boolean;
  preventExtensions(obj: any, level: number): any;
  isExtensible(obj: unknown): boolean;
  valueKind(value: unknown): number;
  functionName(fn: unknown): string;
  identityHash(obj: unknown): number;
  captureStack(skip: number): string;
  charCodeAt(s: string, i: number): number;
  fromCharCode(c: number): string;
  stringSlice(s: string, start: number, end: number): string;
  stringIndexOf(s: string, search: string, from: number): number;
  stringFromUnits(units: number[]): string;
  stringCompare(a: string, b: string): number;
  doubleBits(x: number, half: number): number;
  doubleFromBits(lo: number, hi: number): number;
  mathFloor(x: number): number;
  mathCeil(x: number): number;
  mathTrunc(x: number): number;
  mathSqrt(x: number): number;
  newSymbol(description: string | undefined): symbol;
  symbolDescription(sym: unknown): string | undefined;
  setFunctionName(fn: unknown, key: unknown, prefix: string): void;
  defineAccessor(obj: any, key: unknown, getter: unknown, setter: unknown, attributes: number): any;
  /** source's own properties onto target, not enumerable (the prelude's install(); with an object literal of plain methods the compiler emits DefineMethods instead). */
  installMethods(target: any, source: any): void;
  /** While the count is above 0 every property add gets a unique shape (no transition): the prelude's start-up. */
  uniqueShapes(delta: 1 | -1): void;
  monotonicNow(): number;
  wallClockNow(): number;
  idle(deadline: number): void;
  functionFlags(fn: unknown): number;
  cli(): void;
  sti(): void;
  hlt(): void;
  rdtsc(): number;
  readCr0(): number;
  writeCr0(value: number): void;
  readCr2(): number;
  readCr4(): number;
  writeCr4(value: number): void;
  irqTake(): number;
  irqCount(line: number): number;
  irqClaim(mask: number): number;
  contextRead(index: number): number;
  contextWrite(index: number, value: number): void;
  virtRead8(va: number): number;
  virtRead16(va: number): number;
  virtRead32(va: number): number;
  virtWrite8(va: number, value: number): void;
  virtWrite16(va: number, value: number): void;
  virtWrite32(va: number, value: number): void;
  commandLine(): string;
  /** Runs ring-3 code from the user context block at physical `ctx` until a trap; returns its vector. */
  enterUser(ctx: number): number;
  /** Writes GDT TLS entry `index` (6-8) as the descriptor halves lo, hi; 0, or -1 for another index. */
  gdtSetTls(index: number, lo: number, hi: number): number;
  bootReport(): void;
  // tsvm, the user build (natives.ts; user/lib/sys.ts wraps them)
  processStrings(which: 0 | 1): string[] | undefined;
  syscall(nr: number, a: number, b: number, c: number, d: number, e: number, f: number): number;
  memRead(address: number, length: number): string;
  memWrite(address: number, bytes: string): number;
  bufferNew(proto: any, byteLength: number, phys: number | undefined): any;
  viewNew(proto: any, type: number, buffer: any, byteOffset: number, length: number): any;
  viewInfo(obj: unknown, which: number): any;
  viewGet(obj: any, byteIndex: number, type: number, littleEndian: boolean): number;
  viewSet(obj: any, byteIndex: number, type: number, value: number, littleEndian: boolean): void;
  bytesCopy(dst: any, dstByte: number, src: any, srcByte: number, count: number): void;
  functionSource(fn: unknown): string | undefined;
  weakNew(pairs: number): unknown;
  weakGet(w: unknown, i: number): any;
  weakSet(w: unknown, i: number, v: unknown): void;
  collectGarbage(): void;
  /** Compiler intrinsic: f.apply(thisArg, args) (CallSpread). */
  apply(f: unknown, thisArg: unknown, args: unknown[]): any;
  /** Compiler intrinsic: f.call(thisArg, ...args) (a Call with that this; the arguments are written out, no spread). */
  call(f: unknown, thisArg: unknown, ...args: unknown[]): any;
  /** Compiler intrinsic: new f(...args) (NewSpread). */
  construct(f: unknown, args: unknown[]): any;
  /** Compiler intrinsic: continue a frame parked by `await` with a value (mode false) or a thrown reason (mode true) (Resume). */
  resume(frame: unknown, value: unknown, mode: boolean): unknown;
  /** Compiler intrinsic: the registered intrinsic `id` (a numeric literal), or undefined (LoadIntrinsic). */
  loadIntrinsic(id: number): any;
};
