const compose = (...fns: ((x: number) => number)[]) => (x: number) => fns.reduceRight((acc, f) => f(acc), x);
const inc = (x: number) => x + 1, dbl = (x: number) => x * 2;
console.log(compose(inc, dbl)(5), compose(dbl, inc)(5));
function curry(f: (a: number, b: number, c: number) => number) { return (a: number) => (b: number) => (c: number) => f(a, b, c); }
console.log(curry((a, b, c) => a * b + c)(2)(3)(4));
const people = [{ n: 'b', age: 30 }, { n: 'a', age: 25 }, { n: 'c', age: 35 }];
console.log(people.filter((p) => p.age > 26).map((p) => p.n).join(), people.sort((x, y) => x.age - y.age).map((p) => p.n));
console.log([1, 2, 3].map(String), ['1', '2'].map(Number));
