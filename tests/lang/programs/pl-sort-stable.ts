const people = [{ n: 'a', age: 3 }, { n: 'b', age: 1 }, { n: 'c', age: 3 }, { n: 'd', age: 1 }, { n: 'e', age: 2 }];
console.log(people.slice().sort((x, y) => x.age - y.age).map((p) => p.n).join(''));
console.log([10, 9, 1, 100, undefined, 5].sort());
console.log(['b', 'a', 'C', 'B'].sort(), [3, 1, 2].sort((a, b) => b - a));
