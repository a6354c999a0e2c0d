// Promise.prototype.finally costs extra jobs compared with then; observe the interleaving.
const out: string[] = [];
const ticks = (label: string, n: number) => {
  let p = Promise.resolve();
  for (let i = 1; i <= n; i++) p = p.then(() => { out.push(label + i); });
  return p;
};
Promise.resolve('F').finally(() => out.push('finally callback')).then((v) => out.push('after finally ' + v));
Promise.resolve('T').then((v) => v).then((v) => out.push('after then ' + v));
Promise.reject('R').finally(() => out.push('finally on rejection')).catch((v) => out.push('caught ' + v));
Promise.resolve('N').finally(undefined as any).then((v) => out.push('finally(non-function) ' + v));
ticks('t', 6).then(() => console.log(out.join('\n')));
