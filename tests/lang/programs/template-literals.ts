const n = 3, s = 'str';
console.log(`n=${n} s=${s} sum=${n + 1} nested=${`in${n}`}`);
console.log(`${null} ${undefined} ${true} ${[1, 2]} ${{}}`);
console.log(`line1
line2\ttab \${not}`);
const obj = { toString() { return 'custom'; } };
console.log(`${obj}`);
console.log(``.length, `${''}${''}`.length);
