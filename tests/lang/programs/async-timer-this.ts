// Timer callbacks get the Timeout as `this` and their extra arguments; the same object is
// what setTimeout returned.
let t: any;
t = setTimeout(function (this: any, a: number, b: string, c: undefined, d: number) {
  console.log('this is the timeout:', this === t, a, b, c, d);
}, 1, 1, 'two', undefined, 4);
const i: any = setInterval(function (this: any) {
  console.log('interval this:', this === i);
  clearInterval(this);
}, 1);
