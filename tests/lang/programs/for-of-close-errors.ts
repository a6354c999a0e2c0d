// Closing an iterator after an exception keeps the original exception; after break or
// return, an exception from return() propagates.
function iterable(label: string, throwInReturn: boolean) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() { i++; return { value: i, done: i > 3 }; },
        return() {
          console.log(label, 'return() called');
          if (throwInReturn) throw new Error('from return');
          return { done: true, value: undefined };
        },
      };
    },
  };
}
function report(label: string, f: () => unknown): void {
  try { console.log(label, 'ok', f()); } catch (e) { console.log(label, 'threw', (e as Error).message); }
}
report('throw-body', () => { for (const x of iterable('a', true)) { if (x === 2) throw new Error('original'); } });
report('break', () => { for (const x of iterable('b', true)) { if (x === 2) break; } return 'after'; });
report('return', () => { for (const x of iterable('c', true)) { if (x === 2) return x; } return -1; });
report('throw-no-error', () => { for (const x of iterable('d', false)) { if (x === 1) throw new Error('plain'); } });
report('nested', () => {
  for (const x of iterable('outer', true)) {
    for (const y of iterable('inner', true)) { if (y === 2) throw new Error('deep ' + x); }
  }
});
report('return-not-object', () => {
  const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { return 5; } }; } };
  for (const x of it as Iterable<number>) { if (x) throw new Error('kept'); }
});
report('return-not-object-break', () => {
  const it = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { return 5; } }; } };
  for (const x of it as Iterable<number>) { if (x) break; }
});
report('caught-inside', () => {
  let n = 0;
  for (const x of iterable('e', true)) { try { throw new Error('x' + x); } catch { n++; } }
  return n;
});
report('finally', () => {
  try { for (const x of iterable('f', true)) { if (x === 1) throw new Error('with finally'); } } finally { console.log('finally ran'); }
});
