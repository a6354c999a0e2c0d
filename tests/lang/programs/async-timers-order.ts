// Timers: equal delays run in the order they were set, 0 and 1 are the same delay,
// a timer set inside a callback runs in a later turn, microtasks run between timers.
const out: string[] = [];
setTimeout(() => out.push('A 500'), 500);
setTimeout(() => out.push('B 0'), 0);
setTimeout(() => out.push('C 1'), 1);
setTimeout(() => out.push('D 500'), 500);
setTimeout(() => {
  out.push('E 0');
  Promise.resolve().then(() => out.push('E microtask'));
  setTimeout(() => out.push('E nested 0'), 0);
}, 0);
setTimeout(() => out.push('F -1 (treated as 1)'), -1);
setTimeout(() => out.push('G NaN'), NaN);
setTimeout(() => out.push('H "2" string delay'), '2' as any);
setTimeout(() => out.push('I no delay'));
setTimeout((a: string, b: number) => out.push('J args ' + a + ' ' + b), 0, 'x', 7);
setTimeout(() => {
  out.push('K 1000');
  console.log(out.join('\n'));
}, 1000);
console.log(typeof setTimeout(() => {}, 0), setTimeout.length, setInterval.length, clearTimeout.length);
