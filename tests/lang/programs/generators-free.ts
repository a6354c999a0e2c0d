// Stateful iteration without generators: an explicit iterator object.
function take(n: number) {
  let i = 0;
  return { [Symbol.iterator]() { return this; }, next() { return i < n ? { value: i++ * i, done: false } : { value: undefined, done: true }; } };
}
console.log([...take(5)]);
const it = take(2);
console.log(it.next(), it.next(), it.next());
