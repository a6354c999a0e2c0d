// The compiler's shortcuts for locals, updates, immediates and compare-and-branch must keep
// JavaScript's evaluation order and conversions.

const log = (...xs: unknown[]) => console.log(xs.map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x))).join(' '));

// ---- compound assignment and ++/-- on locals --------------------------------------------
{
  let x = 1;
  x += (x = 10, 5); // the old x is read first
  log('compound old value', x);
  let y = 2;
  y -= y++ + 1; // 2 - (2 + 1)
  log('compound with update', y);
  let s: any = '5';
  s += 1;
  log('string += 1', s);
  let t: any = '5';
  t -= 1;
  log('string -= 1', t);
  let u: any = '7';
  u++;
  log('string ++', u, typeof u);
  let v: any = '7';
  const old = v--;
  log('postfix value', old, typeof old, v);
  let w: any = { valueOf() { log('valueOf w'); return 3; } };
  w += 1;
  log('object += 1', w);
  let z: any = { toString() { return 'Z'; }, valueOf() { return {}; } };
  z += 1;
  log('toString fallback', z);
  let n: any = null;
  n += 1;
  log('null += 1', n);
  let b: any = true;
  b -= 1;
  log('true -= 1', b);
  let big = 2147483647;
  big += 1;
  log('int overflow', big);
  let small = -2147483648;
  small -= 1;
  log('int underflow', small);
  let negz = -0;
  negz -= 0;
  log('-0 - 0', Object.is(negz, -0));
  let negz2 = -0;
  negz2 += 0;
  log('-0 + 0', Object.is(negz2, -0));
  let d = 0.5;
  d += 1;
  d -= 3;
  log('doubles', d);
  let i = 0;
  const a = [i++, i++, ++i, i];
  log('updates in order', a.join());
  let k = 5;
  const r = k++ + k++;
  log('postfix sum', r, k);
}

// ---- ++ on const, TDZ -----------------------------------------------------------------
{
  const fn = function self() {
    try {
      (self as any)++;
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
    return 'no error';
  };
  log('function name ++', fn());
  try {
    // @ts-expect-error deliberate
    q += 1;
    // eslint-disable-next-line no-var
    let q = 0;
    log('unreachable', q);
  } catch (e) {
    log('tdz +=', (e as Error).name);
  }
  let keep = 7;
  try {
    // @ts-expect-error deliberate
    keep = later;
    let later = 1;
    log('unreachable', later);
  } catch (e) {
    log('tdz read keeps the target', (e as Error).name, keep);
  }
}

// ---- assignments straight into locals ------------------------------------------------
{
  let x: any = 0;
  let y: any = 'y';
  x = y || x;
  log('x = y || x', x);
  x = 0;
  y = '';
  x = y || x;
  log('x = "" || x', x);
  x = 3;
  x = x > 2 ? x * 2 : x + 100;
  log('conditional', x);
  let f = () => 1;
  f = () => f.length + 2;
  log('closure reads itself', f());
  let arr = [1, 2, 3];
  arr = arr.map((e) => e * arr.length);
  log('call reads target', arr.join());
  let o: any = { v: 1, next: { v: 2 } };
  o = o.next;
  log('member of itself', o.v);
  let m = 10;
  m = m - (m = 3);
  log('m - (m = 3)', m);
  let p = 1;
  p = p + (p++);
  log('p + p++', p);
  let h = 4;
  h = -h;
  log('negate self', h);
  let thrower = 5;
  try {
    thrower = ((): number => { throw new Error('x'); })();
  } catch {
    log('throwing call keeps the target', thrower);
  }
}

// ---- method calls: `this` and the callee are read before the arguments ------------------
{
  const first = { name: 'first', who(this: { name: string }, _x: unknown) { return this.name; } };
  const second = { name: 'second', who(this: { name: string }, _x: unknown) { return this.name; } };
  let o = first;
  log('this before args', o.who(o = second), o.name);
  let g = (x: number) => x + 1;
  const g2 = (x: number) => x + 100;
  log('callee before args', g((g = g2, 1)), g(1));
  const arr = [0, 0, 0];
  let i = 0;
  arr[i] = (i = 2);
  log('element target before value', arr.join(), i);
  const objs = [{ v: 0 }, { v: 0 }];
  let j = 0;
  objs[j].v = (j = 1);
  log('property target before value', objs[0].v, objs[1].v);
}

// ---- compare and branch -----------------------------------------------------------------
{
  const vals: any[] = [1, 2, -0, 0, NaN, undefined, null, '10', '9', 'a', 'b', true, 1.5, 2147483648, -2147483649];
  let out = '';
  for (const a of vals) {
    for (const b of vals) {
      let bits = 0;
      if (a < b) bits |= 1;
      if (a <= b) bits |= 2;
      if (a > b) bits |= 4;
      if (a >= b) bits |= 8;
      if (a === b) bits |= 16;
      if (a !== b) bits |= 32;
      if (!(a < b)) bits |= 64;
      if (!(a >= b)) bits |= 128;
      out += bits.toString(16) + ',';
    }
  }
  log('comparison table', out);
  const order: string[] = [];
  const l = { valueOf() { order.push('l'); return 1; } };
  const r = { valueOf() { order.push('r'); return 2; } };
  if (l > r) order.push('gt');
  if (l <= r) order.push('le');
  if (l >= r) order.push('ge');
  if (l < r) order.push('lt');
  log('ToPrimitive order', order.join());
  const s1 = 'abc', s2 = 'abd';
  let sc = '';
  if (s1 < s2) sc += '<';
  if (s1 === 'ab' + 'c') sc += '=';
  if (s1 !== s2) sc += '!';
  log('strings', sc);
  const objA = {}, objB = {};
  log('objects', objA === objA, objA !== objB, (objA as any) == null, (null as any) != objA);
  let nul: any = null, und: any = undefined, zero: any = 0;
  let nb = '';
  if (nul == null) nb += 'a';
  if (und == null) nb += 'b';
  if (zero == null) nb += 'c';
  if (null != zero) nb += 'd';
  if (!(und != null)) nb += 'e';
  log('nullish branches', nb);
  let cnt = 0;
  const t = () => { cnt++; return true; }, f = () => { cnt += 10; return false; };
  if (t() && f()) log('no');
  if (f() || t()) cnt += 100;
  if (!(f() && t())) cnt += 1000;
  if (f() || (t() && !f())) cnt += 10000;
  log('short circuit', cnt);
  const cond = (x: number) => (x < 0 ? 'neg' : x > 0 ? 'pos' : x === 0 ? 'zero' : 'nan');
  log('conditional chain', cond(-1), cond(1), cond(0), cond(NaN));
}

// ---- loops --------------------------------------------------------------------------------
{
  let trace = '';
  for (let i = 0; i < 5; i++) {
    if (i === 1) continue;
    if (i === 4) break;
    trace += i;
  }
  trace += '|';
  let j = 0;
  while (j < 5) {
    j++;
    if (j % 2) continue;
    trace += j;
  }
  trace += '|';
  let k = 0;
  do {
    k++;
    if (k === 2) continue;
    trace += k;
  } while (k < 4);
  trace += '|';
  let n = 0;
  for (;;) {
    if (++n > 3) break;
    trace += n;
  }
  trace += '|';
  let m = 0;
  while (true) {
    m += 2;
    if (m > 6) break;
    trace += m;
  }
  trace += '|';
  outer: for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      if (b === 2) continue outer;
      if (a === 2) break outer;
      trace += `${a}${b}`;
    }
  }
  trace += '|';
  const fns: (() => number)[] = [];
  for (let i = 0; i < 3; i++) fns.push(() => i);
  trace += fns.map((g) => g()).join('');
  trace += '|';
  let never = 0;
  for (let i = 10; i < 5; i++) never++;
  while (never > 0) never--;
  trace += never;
  let w = 0;
  while (w < 3 && trace.length > 0) w++;
  trace += w;
  log('loops', trace);
  let count = 0;
  for (let x = 0.5; x <= 3; x += 0.5) count++;
  for (let x: any = '3'; x > 0; x--) count += 10;
  log('loop conditions with doubles and strings', count);
}

// ---- defaults ---------------------------------------------------------------------------------
{
  const f = (a: any = 'dflt', b: any = a) => `${a}/${b}`;
  log('defaults', f(), f(undefined, 2), f(null), f(0, undefined));
}

// ---- returns, rest parameters, member assignments, holes --------------------------------
{
  const pick = (c: number) => (c > 1 ? 'big' : c < 0 ? 'neg' : 'small');
  const fin = (c: boolean): string => {
    try {
      return c ? 'then' : 'else';
    } finally {
      log('finally runs', c);
    }
  };
  function bare(x: number): unknown {
    if (x) return;
    return undefined === void 0;
  }
  log('return conditional', pick(2), pick(-1), pick(0), fin(true), fin(false), bare(1), bare(0));
  const rest = (first: number, ...more: number[]) => more.length + first;
  log('rest', rest(1), rest(1, 2, 3));
  const o: any = {};
  const arr: any[] = [];
  let v = 1;
  const r = (o.a = v);
  const q = (arr[0] = o.a + 1);
  o.b = (o.c = 3);
  log('member assignment values', r, q, o.b, o.c, JSON.stringify(o), arr.join());
  log('negative infinity', -Infinity, 1 / -Infinity, Math.max());
  for (let i = 0; i < 3; i++) {
    try {
      // @ts-expect-error deliberate
      if (i === 1) log('read before let', x);
      const x = i;
      log('let in loop', x);
    } catch (e) {
      log('tdz in loop', (e as Error).name);
    }
  }
  const sw = (k: number) => {
    switch (k) {
      case 0:
        // eslint-disable-next-line no-case-declarations
        let y = 'zero';
        return y;
      case 1:
        // @ts-expect-error deliberate
        return y;
    }
    return 'none';
  };
  log('switch let', sw(0));
  try {
    log('switch tdz', sw(1));
  } catch (e) {
    log('switch tdz', (e as Error).name);
  }
  let u: any;
  log('undefined comparisons', u === undefined, u !== undefined, typeof undefined);
  const calls: string[] = [];
  const f = function (this: unknown) { calls.push(String(this)); };
  for (let i = 0; i < 2; i++) f();
  f();
  log('plain call this', calls.join());
}

// ---- many interned keys (the intern table grows) ------------------------------------------
{
  const o: Record<string, number> = {};
  for (let i = 0; i < 3000; i++) o['key' + i] = i;
  let sum = 0;
  for (let i = 0; i < 3000; i += 7) sum += o[`key${i}`];
  const keys = Object.keys(o);
  log('many keys', keys.length, keys[0], keys[2999], sum, 'key2999' in o, 'key3000' in o);
  const two: Record<string, number> = {};
  two['\u0101x'] = 1;
  two['\u0101' + 'x'] += 1;
  log('two-byte keys', two['\u0101x'], Object.keys(two).length);
}

// ---- === / !== an integer, switch on integers, one-argument calls --------------------------
{
  const vals: any[] = [0, -0, 1, 1.0, 1.5, -1, 2147483647, 2147483648, -2147483648, NaN, '1', true, null, undefined, {}];
  let out = '';
  for (const v of vals) {
    if (v === 0) out += 'a';
    if (v !== 0) out += 'b';
    if (1 === v) out += 'c';
    if (v !== -1) out += 'd';
    if (v === 2147483647) out += 'e';
    if (v === -2147483648) out += 'f';
    switch (v) {
      case 1: out += 'g'; break;
      case -1: out += 'h'; break;
      case 0: out += 'i'; break;
      default: out += 'j';
    }
    out += '|';
  }
  log('int equality', out);
  const id = (x: unknown) => x;
  let y: any = 5;
  y = id(y);
  const z = id(y + 1);
  log('one-argument calls', y, z, id(id(id(3))), String(y), Math.abs(-y));
}
