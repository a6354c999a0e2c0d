const a = [1, , 3];
console.log(a, a.length, 1 in a, a.map((x) => x! * 2), a.indexOf(undefined), a.includes(undefined));
let count = 0; a.forEach(() => count++); console.log(count);
const b: number[] = []; b[5] = 1; console.log(b, b.length);
