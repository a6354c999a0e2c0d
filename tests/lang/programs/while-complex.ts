function collatz(n: number) { let steps = 0; while (n !== 1) { n = n % 2 === 0 ? n / 2 : 3 * n + 1; steps++; } return steps; }
console.log(collatz(27), collatz(1));
function primes(limit: number) {
  const sieve: boolean[] = [];
  const out: number[] = [];
  for (let i = 2; i <= limit; i++) {
    if (sieve[i]) continue;
    out.push(i);
    for (let j = i * i; j <= limit; j += i) sieve[j] = true;
  }
  return out;
}
console.log(primes(50).join(' '));
