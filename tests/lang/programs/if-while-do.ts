let n = 0;
while (n < 5) n++;
if (n === 5) console.log('five'); else console.log('not');
if (n > 10) console.log('big'); else if (n > 3) console.log('medium'); else console.log('small');
do { n--; } while (n > 2);
console.log(n);
let m = 100;
do m++; while (false);
console.log(m);
