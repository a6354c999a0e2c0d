// switch on strings with fallthrough, default in the middle, case expressions evaluated in
// order, lexical declarations in cases; labelled statements of every kind.
function classify(cmd: string): string {
  const out: string[] = [];
  switch (cmd.trim().toLowerCase()) {
    case 'n':
    case 'north':
      out.push('go north');
      break;
    case 'l':
      out.push('short for');
    // falls through
    case 'look':
      out.push('look around');
    // falls through
    case 'examine':
      out.push('examine room');
      break;
    default:
      out.push('unknown');
    // falls through
    case 'help':
      out.push('show help');
      break;
    case '':
      out.push('empty');
  }
  return out.join(' > ');
}
for (const c of ['n', 'NORTH', ' l ', 'look', 'examine', 'dance', 'help', '', 'Help']) console.log(JSON.stringify(c), classify(c));

const evaluated: string[] = [];
const k = (s: string) => { evaluated.push(s); return s; };
function pick(x: string) {
  evaluated.length = 0;
  switch (x) {
    case k('a'): return 'A';
    case k('b'): return 'B';
    default: return 'D';
    case k('c'): return 'C';
  }
}
for (const x of ['a', 'c', 'z']) console.log(x, pick(x), evaluated.join(','));

// Strict equality: no coercion between '1' and 1
function typed(v: unknown) {
  switch (v) {
    case 1: return 'number 1';
    case '1': return 'string 1';
    case true: return 'true';
    case null: return 'null';
    case undefined: return 'undefined';
    default: return 'other ' + typeof v;
  }
}
console.log([1, '1', true, null, undefined, 0, NaN, 'true'].map(typed).join(' | '));

// switch(true) pattern
function grade(score: number) {
  switch (true) {
    case score >= 90: return 'A';
    case score >= 80: return 'B';
    case score >= 70: return 'C';
    default: return 'F';
  }
}
console.log([95, 85, 75, 10, 90, 89.99].map(grade).join(''));

// Block-scoped declarations per case block
function scoped(n: number) {
  switch (n) {
    case 0: { const msg = 'zero'; return msg; }
    case 1: { const msg = 'one'; return msg; }
    default: { let msg = 'many'; msg += '!'; return msg; }
  }
}
console.log(scoped(0), scoped(1), scoped(7));

// break inside a loop inside a switch, continue from a switch to the loop
const res: string[] = [];
for (let i = 0; i < 6; i++) {
  switch (i % 3) {
    case 0:
      for (let j = 0; j < 5; j++) { if (j === 2) break; res.push(`${i}.${j}`); }
      break;
    case 1:
      continue;
    default:
      res.push('d' + i);
  }
  res.push('end' + i);
}
console.log(res.join(' '));

// Labels on loops, blocks, nested switch
const found: string[] = [];
search: for (let r = 0; r < 4; r++) {
  for (let c = 0; c < 4; c++) {
    if (r * c === 6) { found.push(`first product 6 at ${r},${c}`); break search; }
    if (c > r) continue search;
  }
}
console.log(found);
let steps = 0;
outer: while (true) {
  inner: do {
    steps++;
    if (steps % 2) continue inner;
    if (steps > 7) break outer;
  } while (steps < 100);
}
console.log('steps', steps);
validate: {
  const input = 'abc';
  if (input.length < 5) { console.log('too short, leaving block'); break validate; }
  console.log('never');
}
loop: for (const x of [1, 2, 3, 4]) {
  switch (x) {
    case 2: continue loop;
    case 4: break loop;
  }
  console.log('x', x);
}
a: b: c: for (let i = 0; i < 3; i++) { if (i === 1) continue c; if (i === 2) break a; console.log('multi-label', i); }
