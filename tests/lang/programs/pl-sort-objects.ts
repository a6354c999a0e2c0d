const words = ['banana', 'apple', 'cherry', 'apple2', 'Banana'];
console.log(words.sort(), words.sort((a, b) => a.length - b.length));
const nums = [5, 1, 4, 2, 3, 10, 20]; nums.sort((a, b) => a - b); console.log(nums);
const holes = [3, , 1, undefined, 2]; console.log(holes.sort());
