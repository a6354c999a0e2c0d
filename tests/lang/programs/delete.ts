const o: any = { a: 1, b: 2, c: 3 };
console.log(delete o.a, o, delete o['b'], o, delete o.zz);
const arr = [1, 2, 3];
delete arr[1];
console.log(arr, arr.length, 1 in arr);
