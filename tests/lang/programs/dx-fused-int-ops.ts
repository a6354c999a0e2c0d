// The fused fast paths (IncJumpIfLt for `for (...; i < n; i++)`, AddToInt32 for
// `(a + b) | 0`) do only the int32 case; everything else must run the general code after
// them: the int32 edges, doubles, strings, objects with valueOf, a bound that changes.
const out: unknown[] = [];
let c = 0;
for (let i = 2147483640; i < 2147483647; i++) c++;
out.push(c);
let last = 0;
for (let i = 2147483645; i < 2147483648; i++) last = i;
out.push(last);
let n: any = 3.5; c = 0;
for (let i = 0; i < n; i++) c++;
out.push(c);
n = '4'; c = 0;
for (let i = 0; i < n; i++) c++;
out.push(c);
let i2: any = 0.5; const m = 3; c = 0;
for (; i2 < m; i2++) c++;
out.push(c, i2);
const lim = { valueOf() { c++; return 2; } } as any; c = 0;
for (let i = 0; i < lim; i++) out.push('it' + i);
out.push(c);
let k = 0; const five = 5;
for (k = -3; k < five; ++k) { if (k === 1) continue; if (k === 3) break; out.push(k); }
out.push(k);
for (let j = 0; j < five; j++) { const f = () => j; if (j === 4) out.push(f()); }
let s: any = 'a'; const three = 3;
for (let q = 0; q < three; q++) s += q;
out.push(s);
let big = 0; const N = 100000;
for (let i = 0; i < N; i++) big = (big + i) | 0;
out.push(big);
var v = 0; var lim2 = 4;
for (v = 0; v < lim2; v++) lim2 = lim2 > 10 ? lim2 : lim2 + 0.5;
out.push(v, lim2);
const adds: unknown[] = [];
const vals: any[] = [1, -1, 2147483647, -2147483648, 0.5, -0, 1e10, 'x', '3', null, undefined, true, NaN, { valueOf() { adds.push('v'); return 7; } }];
for (const p of vals) for (const q of vals) adds.push((p + q) | 0);
let acc = 2147483600;
for (let i = 0; i < 100; i++) acc = (acc + i) | 0;
adds.push(acc, ((-2147483648) + (-1)) | 0, (((1 as any) + ('2' as any)) as any) | 0);
let z = -0; adds.push(Object.is((z + z) | 0, 0));
console.log(out.join(' '));
console.log(adds.join(','));
