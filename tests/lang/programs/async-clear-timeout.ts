// clearTimeout before a timer fires, from another timer's callback, after it fired, and with
// values that are not timers.
const out: string[] = [];
const a = setTimeout(() => out.push('a (cleared: must not run)'), 10);
clearTimeout(a);
const b = setTimeout(() => out.push('b (cleared by c)'), 300);
setTimeout(() => {
  out.push('c clears b');
  clearTimeout(b);
}, 10);
const d = setTimeout(() => out.push('d runs'), 1);
setTimeout(() => {
  clearTimeout(d);
  out.push('clearing d after it ran is harmless');
}, 20);
clearTimeout(undefined);
clearTimeout(null as any);
clearTimeout({} as any);
clearTimeout(12345 as any);
setTimeout(() => {
  clearTimeout(e);
  out.push('an earlier timer of the same list clears e');
}, 40);
const e = setTimeout(() => out.push('e (cleared: must not run)'), 40);
setTimeout(() => console.log(out.join('\n')), 400);
