class Stack<T> extends Array<T> { peek() { return this[this.length - 1]; } }
const s = new Stack<number>(); s.push(1, 2, 3);
console.log(s.peek(), s.length, s instanceof Array, Array.isArray(s));
