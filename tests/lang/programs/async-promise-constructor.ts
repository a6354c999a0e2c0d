// The Promise constructor: the executor runs synchronously, only the first resolve/reject counts,
// a throw after resolve is ignored, errors for bad executors.
const p1 = new Promise<number>((resolve, reject) => {
  console.log('executor runs now');
  resolve(1);
  resolve(2);
  reject(new Error('ignored'));
  throw new Error('also ignored');
});
p1.then((v) => console.log('p1', v));

const p2 = new Promise((_, reject) => {
  reject('first');
  reject('second');
});
p2.catch((v) => console.log('p2', v));

const p3 = new Promise(() => {
  throw new SyntaxError('from executor');
});
p3.catch((e: Error) => console.log('p3', e.name, e.message));

for (const bad of [undefined, 1, 'text', {}, null]) {
  try {
    new Promise(bad as any);
  } catch (e) {
    console.log((e as Error).name + ': ' + (e as Error).message);
  }
}
try {
  (Promise as any)(() => {});
} catch (e) {
  console.log((e as Error).message);
}
let captured: any[] = [];
new Promise((res, rej) => { captured = [res, rej]; });
console.log(typeof captured[0], captured[0].length, captured[0].name === '', captured[1].length);

const p4 = new Promise((resolve) => setTimeout(() => resolve('later'), 5));
p4.then((v) => console.log('p4', v));
console.log('sync end');
