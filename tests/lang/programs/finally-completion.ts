function a() { try { return 'try'; } finally { console.log('finally a'); } }
function b(): string { try { return 'try'; } finally { return 'finally'; } }
function c(): string { try { throw new Error('x'); } finally { return 'swallowed'; } }
function d() { let i = 0; for (;;) { try { i++; if (i < 3) continue; break; } finally { console.log('f', i); } } return i; }
function e() { const log: string[] = []; outer: for (const x of [1, 2]) { try { try { if (x === 1) continue outer; break outer; } finally { log.push('in' + x); } } finally { log.push('out' + x); } } return log; }
function f() { try { try { throw 1; } finally { console.log('inner finally'); } } catch (v) { return 'caught ' + v; } }
function g() { let x = 1; try { return x; } finally { x = 2; } }
function h() { try { throw 'first'; } catch { throw 'second'; } finally { console.log('h finally'); } }
console.log(a(), b(), c(), d(), e(), f(), g());
try { h(); } catch (v) { console.log(v); }
function nested(): string { try { try { return 'inner'; } finally { console.log('1'); } } finally { console.log('2'); } }
console.log(nested());
