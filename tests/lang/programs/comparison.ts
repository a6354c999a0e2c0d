console.log(1 < 2, 2 <= 2, 'a' < 'b', 'B' < 'a', '10' < '9', 10 < 9, '10' < 9);
console.log(null == undefined, null === undefined, 0 == '', '1' == 1, NaN == NaN, NaN != NaN);
console.log(null >= 0, undefined < 1, [1] == 1, 'x' > 'X');
const o = { valueOf() { return 42; } };
console.log(o > 41, o == 42, o + 1, `${{ toString() { return 'ts'; } }}`);
