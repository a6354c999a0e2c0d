outer: for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) {
    if (j === 1) continue outer;
    if (i === 2) break outer;
    console.log(i, j);
  }
}
block: {
  console.log('in block');
  if (true) break block;
  console.log('never');
}
let k = 0;
loop: while (true) {
  do { k++; if (k > 4) break loop; continue loop; } while (true);
}
console.log(k);
sw: switch (1) { case 1: for (;;) { break sw; } }
console.log('after switch');
