export {};
declare const __native: any;

__native.writeStdout('hi ' + __native.stringSlice('abcdef', 1, 4) + '\n');
__native.writeStderr('err line\n');
if (__native.stringIndexOf('hello world', 'wor', 0) === 6) __native.writeStdout('indexOf ok\n');
if (__native.charCodeAt('A', 0) === 65) __native.writeStdout('charCodeAt ok\n');
if (__native.stringCompare('abc', 'abd') === -1 && __native.stringCompare('b', 'a') === 1 && __native.stringCompare('x', 'x') === 0) __native.writeStdout('compare ok\n');
if (__native.mathFloor(-2.5) === -3 && __native.mathCeil(2.1) === 3 && __native.mathTrunc(-2.7) === -2 && __native.mathSqrt(16) === 4) __native.writeStdout('math ok\n');
if (__native.fromCharCode(66) === 'B' && __native.stringFromUnits([104, 105]) === 'hi') __native.writeStdout('units ok\n');
const o: any = {};
if (__native.valueKind(o) === 5 && __native.valueKind([]) === 6 && __native.valueKind('s') === 4 && __native.valueKind(() => 1) === 9) __native.writeStdout('valueKind ok\n');
function foo() {}
if (__native.functionName(foo) === 'foo') __native.writeStdout('functionName ok\n');
const h = __native.identityHash(o);
if (h === __native.identityHash(o) && h !== __native.identityHash({})) __native.writeStdout('hash ok\n');
const p = { x: 1 };
__native.setPrototypeOf(o, p);
if (__native.getPrototypeOf(o) === p && o.x === 1) __native.writeStdout('proto ok\n');
__native.preventExtensions(o, 2);
if (!__native.isExtensible(o)) __native.writeStdout('frozen ok\n');
if (__native.doubleBits(1, 1) === 0x3ff00000 && __native.doubleFromBits(0, 0x40000000) === 2) __native.writeStdout('bits ok\n');
__native.exit(3);
