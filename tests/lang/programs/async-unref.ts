// An unref'ed timer does not keep the program alive; ref() restores it; hasRef reports it.
const t = setTimeout(() => console.log('unref timer: never runs'), 400);
t.unref();
console.log('hasRef after unref:', t.hasRef());
const u = setTimeout(() => console.log('ref again: runs'), 200);
u.unref();
u.ref();
console.log('hasRef after ref:', u.hasRef());
// 60 ms against 2: a loaded host can spend a few milliseconds between two statements, and a
// refresh that comes after r fired re-arms it (Node does the same), printing twice.
const r = setTimeout(() => console.log('refresh: runs once'), 60);
setTimeout(() => r.refresh(), 2);
console.log('returned the same object:', u.unref() === u, u.ref() === u);
