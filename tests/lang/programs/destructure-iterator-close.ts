// Array destructuring closes the iterator when a default, a nested pattern or a store
// throws while it is not done; not when next() itself throws or the iterator is done.
function iter(label: string, failAt = 0) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          i++;
          if (i === failAt) throw new Error('next failed');
          return { value: i, done: i > 3 };
        },
        return() { console.log(label, 'return()'); return {}; },
      };
    },
  };
}
function report(label: string, f: () => unknown): void {
  try { console.log(label, 'ok', f()); } catch (e) { console.log(label, 'threw', (e as Error).message); }
}
const boom = (): number => { throw new Error('default threw'); };
report('default-throws', () => { const [a, b = boom()] = [1, undefined] as (number | undefined)[]; return [a, b]; });
report('default-throws-custom', () => { const [a, b = boom()] = iter('d') as unknown as number[]; return [a, b]; });
report('nested-pattern-throws', () => { const [a, { x = boom() }] = iter('n') as unknown as [number, { x?: number }]; return [a, x]; });
report('next-throws', () => { const [a, b] = iter('t', 2) as unknown as number[]; return [a, b]; });
report('rest-next-throws', () => { const [a, ...r] = iter('r', 3) as unknown as number[]; return [a, r]; });
report('complete', () => { const [a, b, c, d, e] = iter('c') as unknown as number[]; return [a, b, c, d, e]; });
report('early-stop', () => { const [a] = iter('s') as unknown as number[]; return a; });
const target = { set v(x: number) { throw new Error('setter ' + x); } };
report('store-throws', () => { let a = 0; [a, target.v] = iter('w') as unknown as number[]; return a; });
report('rest', () => { const [a, ...r] = iter('rest') as unknown as number[]; return [a, r]; });
