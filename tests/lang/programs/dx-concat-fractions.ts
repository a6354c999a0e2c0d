// String concatenation with non-integral numbers, the everyday way to print values.
const price = 19.99, qty = 3, rate = 0.075;
console.log('Price: ' + price);
console.log('Total: ' + price * qty + ' incl. tax ' + (price * qty * (1 + rate)).toFixed(2));
console.log('ratio=' + 1 / 3, 'half=' + 0.5, 'neg=' + -2.5, 'tiny=' + 1e-7, 'sum=' + (0.1 + 0.2));
let s = '';
for (let i = 0; i < 5; i++) s += i / 4 + ';';
console.log(s);
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log('average of 1,2,4 is ' + avg([1, 2, 4]));
console.log(1.5 + '' + 2.5, '' + Math.PI, 'e=' + Math.E, [1.25] + 'x', 0.1 + 0.2 + 'z');
const parts: string[] = [];
for (const v of [1.1, 2.25, -3.125, 1e21, 2 ** 31 + 0.5]) parts.push('v' + v);
console.log(parts.join(' '));
