// setTimeout/setInterval's callback check (Node's ERR_INVALID_ARG_TYPE wording), durations
// that are not numbers, extra arguments and `this`, and timers of the same duration in order.
const bad: unknown[] = [undefined, null, 5, 'f', {}, [], Symbol('s'), true];
for (const v of bad) {
  for (const f of [setTimeout, setInterval]) {
    try { (f as any)(v, 1); console.log('accepted', String(v)); } catch (e) { console.log((e as any).code, (e as Error).message); }
  }
}
class K { static run(): void { console.log('class static'); } }
const order: string[] = [];
setTimeout(K.run, '2' as any);
setTimeout((a: number, b: string) => order.push('args ' + a + b), 3, 7, 'x');
setTimeout(function (this: any) { order.push('this ' + (this.constructor.name)); }, 3);
setTimeout(() => order.push('nan'), NaN);
setTimeout(() => order.push('obj'), { valueOf() { return 1; } } as any);
for (let i = 0; i < 5; i++) setTimeout(() => order.push('same' + i), 4);
const iv = setInterval(() => { order.push('iv'); clearInterval(iv); }, 4);
setTimeout(() => console.log(order.join(' ')), 20);
