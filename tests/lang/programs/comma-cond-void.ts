let a = (1, 2, 3);
console.log(a, void 0, void (a = 9), a);
const pick = (n: number) => (n > 0 ? 'pos' : n < 0 ? 'neg' : 'zero');
console.log(pick(1), pick(-1), pick(0));
for (let i = 0, j = 10; i < j; i += 3, j -= 3) console.log(i, j);
