// Typed array, ArrayBuffer and DataView errors with V8's messages.
function attempt(f: () => unknown): void {
  try {
    console.log('ok', f());
  } catch (e) {
    console.log((e as Error).name + ': ' + (e as Error).message);
  }
}
attempt(() => new Uint8Array(-1));
attempt(() => new Int16Array(new ArrayBuffer(3)));
attempt(() => new Int16Array(new ArrayBuffer(4), 1));
attempt(() => new Uint8Array(new ArrayBuffer(8), 10));
attempt(() => new Uint8Array(new ArrayBuffer(8), 0, 10));
attempt(() => new Float64Array(new ArrayBuffer(16), 8, 2));
attempt(() => new ArrayBuffer(-1));
attempt(() => (Uint8Array as any)());
attempt(() => (DataView as any)());
attempt(() => new DataView(1 as any));
attempt(() => new DataView(new ArrayBuffer(2), 3));
attempt(() => new DataView(new ArrayBuffer(2), 1, 5));
attempt(() => new DataView(new ArrayBuffer(2)).getUint16(1));
attempt(() => new DataView(new ArrayBuffer(2)).getUint16(-1));
attempt(() => new DataView(new ArrayBuffer(8)).setFloat64(1, 0));
attempt(() => new Uint8Array(2).set([1, 2, 3]));
attempt(() => new Uint8Array(2).set([1], -1));
attempt(() => new Uint8Array(2).set(new Uint8Array(2), 1));
attempt(() => Uint8Array.prototype.fill.call([] as any, 1));
attempt(() => new Uint8Array(0).reduce((p, x) => p + x));
attempt(() => new Uint8Array(2).forEach(1 as any));
attempt(() => new Uint8Array([1, 2]).with(5, 1));
attempt(() => new Uint8Array(2).sort(1 as any));
attempt(() => new Uint8Array(1.5).length);
attempt(() => new Uint8Array('3' as any).length);
attempt(() => new Uint8Array(null as any).length);
attempt(() => new Uint8Array({ length: 2, 0: 5, 1: '6' } as any));
