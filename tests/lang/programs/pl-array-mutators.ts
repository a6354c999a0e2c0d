const a = [1, 2, 3, 4, 5];
console.log(a.splice(1, 2), a, a.splice(1, 0, 'x', 'y'), a, a.splice(-1), a);
console.log(a.shift(), a.unshift(0, -1), a, a.pop(), a.push(9, 10), a);
console.log([1, 2, 3].reverse(), [1, 2, 3, 4].fill(0, 1, 3), new Array(3).fill('z'));
