// Loops: counting for/while loops with integer arithmetic, compares and branches.
const N = 20000;

let sum = 0;
for (let i = 0; i < N; i++) {
  sum = (sum + i * 3) % 1000003;
}
let j = 0, evens = 0, odds = 0;
while (j < N) {
  if ((j & 1) === 0) evens += j;
  else odds++;
  j++;
}
let k = N, down = 0;
do {
  k -= 2;
  if (k <= 10) continue;
  down = (down ^ k) | 0;
} while (k > 0);
console.log(sum, evens, odds, down);
