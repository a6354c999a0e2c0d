const c = 1;
console.log(c);
const obj = { a: 1 };
obj.a = 2;
console.log(obj);
const fn = function self() { try { (self as any) = 1; } catch (e) { return (e as Error).name; } return 'no'; };
console.log(fn());
