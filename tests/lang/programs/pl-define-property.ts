const o: any = {};
Object.defineProperty(o, 'g', { get() { return 'got'; }, enumerable: true });
console.log(o.g, Object.keys(o));
Object.defineProperty(o, 'ro', { value: 1, writable: false });
try { 'use strict'; o.ro = 2; } catch (e: any) { console.log(e.name); }
console.log(o.ro, Object.getOwnPropertyDescriptor(o, 'ro'));
