// Iterator results whose `done` and `value` are getters: spread, for..of, destructuring,
// Array.from, yield* and Promise.all call them as Node does (done first, then value, once each).
const log: string[] = [];
function accessorIterable(n: number, doneGetter = true, valueGetter = true): Iterable<number> {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          i++;
          const k = i;
          const r: any = {};
          if (doneGetter) Object.defineProperty(r, 'done', { get() { log.push('done' + k); return k > n; }, enumerable: true });
          else r.done = k > n;
          if (valueGetter) Object.defineProperty(r, 'value', { get() { log.push('value' + k); return k * 10; }, enumerable: true });
          else r.value = k * 10;
          return r;
        },
      };
    },
  };
}
const flush = (label: string, v: unknown): void => { console.log(label, v, log.join(' ')); log.length = 0; };
flush('spread', [...accessorIterable(3)]);
flush('spread data done', [...accessorIterable(2, false, true)]);
flush('spread data value', [...accessorIterable(2, true, false)]);
const seen: number[] = [];
for (const v of accessorIterable(2)) seen.push(v);
flush('for-of', seen);
const [a, b] = accessorIterable(5) as any;
flush('destructure', [a, b]);
const [c, ...rest] = accessorIterable(3) as any;
flush('destructure rest', [c, rest]);
flush('Array.from', Array.from(accessorIterable(2)));
flush('Math.max', Math.max(...accessorIterable(3)));
function* delegate(): Generator<number> { yield* accessorIterable(2); yield 99; }
flush('yield*', [...delegate()]);
flush('Set', new Set(accessorIterable(2)).size);
Promise.all(accessorIterable(2)).then((v) => flush('Promise.all', v));
