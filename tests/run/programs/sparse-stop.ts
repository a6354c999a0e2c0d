// A machine stop (an array index the machine does not implement) after some output.
console.log('before');
const a: number[] = [];
a[1 << 25] = 1;
console.log('never');
