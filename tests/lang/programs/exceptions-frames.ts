function level3() { throw new TypeError('deep'); }
function level2() { level3(); return 'unreached'; }
function level1() { try { return level2(); } catch (e) { return `caught ${(e as Error).name}: ${(e as Error).message}`; } }
console.log(level1());
function thrower(n: number): number { if (n === 0) throw new RangeError('bottom'); return thrower(n - 1) + 1; }
try { thrower(20); } catch (e) { console.log(e instanceof RangeError, e instanceof Error, (e as Error).message); }
const arr = [1, 2, 3];
try { arr.forEach((x) => { if (x === 2) throw new Error('in callback ' + x); }); } catch (e) { console.log((e as Error).message); }
class Custom extends Error { constructor(msg: string, public code: number) { super(msg); this.name = 'Custom'; } }
try { throw new Custom('custom msg', 5); } catch (e) { const c = e as Custom; console.log(c.name, c.message, c.code, c instanceof Custom, c instanceof Error, String(c)); }
