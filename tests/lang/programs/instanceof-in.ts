class A {}
class B extends A {}
const b = new B();
console.log(b instanceof B, b instanceof A, b instanceof Object, new A() instanceof B, [] instanceof Array);
const o = { x: 1, y: undefined };
console.log('x' in o, 'y' in o, 'z' in o, 'toString' in o, 0 in [5], 1 in [5], 'length' in []);
try { console.log('a' in (5 as any)); } catch (e) { console.log((e as Error).name); }
try { console.log(b instanceof (5 as any)); } catch (e) { console.log((e as Error).name); }
