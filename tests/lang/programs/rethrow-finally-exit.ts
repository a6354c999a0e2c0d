function f() {
  try {
    throw new Error('original');
  } finally {
    console.log('cleanup');
  }
}
try { f(); } catch (e) { console.log('outer caught', (e as Error).message); }
function g() { try { throw new Error('a'); } catch (e) { throw new Error('b from ' + (e as Error).message); } finally { console.log('g finally'); } }
g();
