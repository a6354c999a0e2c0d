// finally can override return, break, continue and throw; nested finally ordering.
const log: string[] = [];
function flush(label: string) { console.log(label, log.join(' ')); log.length = 0; }

function returnOverridesReturn(): string {
  try { return 'try'; } finally { return 'finally'; }
}
function returnOverridesThrow(): string {
  try { throw new Error('lost'); } finally { return 'finally wins'; }
}
function throwOverridesReturn(): string {
  try { return 'try'; } finally { throw new Error('finally threw'); }
}
function returnValueEvaluatedFirst(): number {
  let x = 1;
  try { return x; } finally { x = 100; log.push('x=' + x); }
}
function breakOverridesReturn(): string {
  for (let i = 0; i < 3; i++) {
    try { return 'from try ' + i; } finally { if (i === 0) { log.push('break'); break; } }
  }
  return 'after loop';
}
function continueOverridesReturn(): string {
  let i = 0;
  for (; i < 3; i++) {
    try { log.push('iter' + i); return 'returned ' + i; } finally { if (i < 2) continue; }
  }
  return 'never';
}
function continueOverridesThrow(): number {
  let caughtNothing = 0;
  for (let i = 0; i < 4; i++) {
    try { throw new Error('t' + i); } finally { caughtNothing++; continue; }
  }
  return caughtNothing;
}
function nestedFinally(): string {
  try {
    try { return 'inner'; } finally { log.push('f1'); }
  } finally { log.push('f2'); }
}
function nestedOverride(): string {
  try {
    try { throw new Error('a'); } finally { log.push('inner finally'); }
  } catch (e) {
    log.push('caught ' + (e as Error).message);
    return 'catch return';
  } finally {
    log.push('outer finally');
  }
}
function labelled(): string[] {
  const seen: string[] = [];
  outer: for (const a of [1, 2, 3]) {
    for (const b of [1, 2, 3]) {
      try {
        if (b === 2) continue outer;
        if (a === 3) break outer;
        seen.push(`${a}${b}`);
      } finally {
        seen.push('f' + a + b);
      }
    }
  }
  return seen;
}
function finallyInLoopWithReturn(): number {
  let count = 0;
  while (true) {
    try {
      count++;
      if (count === 5) return count * 10;
    } finally {
      log.push('c' + count);
    }
  }
}
function throwInCatchThenFinallyReturns(): string {
  try { throw new Error('1'); } catch { throw new Error('2'); } finally { return 'finally swallowed 2'; }
}
function counterThroughFinally(): number {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    try {
      if (i % 3 === 0) continue;
      if (i === 8) break;
      n += i;
    } finally {
      n += 100;
    }
  }
  return n;
}
function deep(level: number): string {
  try {
    if (level === 0) throw new Error('bottom');
    return deep(level - 1);
  } finally {
    log.push('unwind' + level);
    if (level === 3) return 'stopped at 3';
  }
}

console.log(returnOverridesReturn(), returnOverridesThrow());
try { throwOverridesReturn(); } catch (e) { console.log('caught', (e as Error).message); }
console.log(returnValueEvaluatedFirst()); flush('log');
console.log(breakOverridesReturn()); flush('log');
console.log(continueOverridesReturn()); flush('log');
console.log(continueOverridesThrow());
console.log(nestedFinally()); flush('log');
console.log(nestedOverride()); flush('log');
console.log(labelled().join(','));
console.log(finallyInLoopWithReturn()); flush('log');
console.log(throwInCatchThenFinallyReturns());
console.log(counterThroughFinally());
console.log(deep(6)); flush('log');
// A block label with finally
blk: {
  try { log.push('in'); break blk; } finally { log.push('finally'); }
}
flush('block');
// Switch inside try/finally
function sw(x: number): string {
  switch (x) {
    case 1:
      try { return 'one'; } finally { log.push('sw1'); }
    case 2:
      try { break; } finally { log.push('sw2'); }
    default:
      return 'default';
  }
  return 'after switch';
}
console.log(sw(1), sw(2), sw(3)); flush('switch');
