// Integer arithmetic that leaves the int32 range must continue as exact doubles:
// sums, differences, products, negation, increments and compound assignments.
const MAX = 2147483647;
const MIN = -2147483648;

function show(label: string, v: number): void {
  console.log(label, v, Number.isInteger(v), v > MAX || v < MIN ? 'outside' : 'inside');
}

show('MAX + 1', MAX + 1);
show('MAX + MAX', MAX + MAX);
show('MIN - 1', MIN - 1);
show('MIN + MIN', MIN + MIN);
show('-MIN', -MIN);
show('MIN * -1', MIN * -1);
show('MIN / -1', MIN / -1);
show('MIN % -1', MIN % -1);
show('MAX * 2', MAX * 2);
show('MAX * MAX', MAX * MAX);
show('65536 * 65536', 65536 * 65536);
show('46341 * 46341', 46341 * 46341);
show('46340 * 46340', 46340 * 46340);
show('-46341 * 46341', -46341 * 46341);
show('0 - MIN', 0 - MIN);
show('MIN - MAX', MIN - MAX);
show('MAX - MIN', MAX - MIN);

let i = MAX;
i++;
show('i++ at MAX', i);
i--;
show('i-- back', i);
let j = MIN;
j--;
show('j-- at MIN', j);
++j;
show('++j back', j);

let acc = 1;
const steps: number[] = [];
for (let k = 0; k < 40; k++) {
  acc *= 3;
  if (k % 5 === 4) steps.push(acc);
}
console.log('powers of 3', steps);
console.log('2^53 neighbourhood', 2 ** 53, 2 ** 53 + 1, 2 ** 53 + 2, 2 ** 53 - 1, Number.MAX_SAFE_INTEGER + 2);

let sum = 0;
for (let k = 0; k < 100000; k++) sum += 100000;
show('sum of 100000 x 100000', sum);

let fact = 1;
for (let k = 1; k <= 25; k++) {
  fact *= k;
  if (k >= 12) console.log('fact', k, fact);
}

let x = MAX;
x += 1;
show('x += 1', x);
x -= 2;
show('x -= 2', x);
x *= -1;
show('x *= -1', x);
x = MIN;
x -= 0.5;
show('MIN - 0.5', x);

// Division results that are integral or not.
console.log(10 / 2, 7 / 2, -7 / 2, MIN / 2, MAX / 2, 1 / 3 * 3, (MAX + 1) / 2);
// Remainder with negatives and large values.
console.log(-7 % 3, 7 % -3, -7 % -3, (MAX + 10) % 7, (MIN - 10) % 7, 5.5 % 2, -5.5 % 2);
// Math.imul wraps, * does not.
console.log(Math.imul(MAX, 2), MAX * 2, Math.imul(65536, 65536), Math.imul(-5, 12), Math.imul(0xffffffff, 5));
// Unary minus of 0 and of int results.
console.log(-(MAX + 1) === MIN, -(0), 0 * -1, MIN + MAX, (MIN + MAX) * 0);
// Array indices computed from overflowing arithmetic.
const arr = [10, 20, 30];
console.log(arr[(MAX + 1) - MAX - 1], arr[(MAX * 2) % 3], arr.length * MAX);
// Mixed int and double accumulations.
let mixed = 0;
for (let k = 0; k < 10; k++) mixed += k % 2 === 0 ? 0.5 : MAX;
console.log('mixed', mixed);
