console.log(typeof globalThis, globalThis.Math === Math, typeof globalThis.console.log, 'JSON' in globalThis);
(globalThis as any).myGlobal = 5;
declare const myGlobal: number;
console.log(myGlobal);
