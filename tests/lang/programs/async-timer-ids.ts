// Timer corners the prelude's timers (runtime/prelude/async.ts) handle on their own paths:
// Symbol.toPrimitive ids and clearTimeout by that id (a number or a string of it), values
// clearTimeout ignores, hasRef() after a clear or a run, refresh(), close(), a list emptied by
// a clear and then reused (the prelude keeps it dead and revives it), a clear that empties
// the list being run, fractional and out-of-range durations, setInterval's arguments.
// Each scenario logs on its own line, printed at 'exit' in a fixed order: only orders that
// hold however slow the machine is are compared (timers of one list; a timer made later
// with a longer duration).
const logs: Record<string, string[]> = {};
const log = (scenario: string, s: string): void => {
  (logs[scenario] ??= []).push(s);
};
process.on('exit', () => {
  for (const k of ['ids', 'revive', 'running', 'durations', 'refresh', 'interval']) console.log(k + ': ' + (logs[k] ?? []).join('; '));
});

// ids
const a = setTimeout(() => log('ids', 'a (cleared by its id: must not run)'), 5);
const id = +a;
log('ids', 'id is a number: ' + (typeof id === 'number') + ', stable: ' + (+a === id) + ', template: ' + (`${a}` === String(id)));
const b = setTimeout(() => log('ids', 'b (cleared by its id as a string: must not run)'), 5);
log('ids', 'ids differ: ' + (+b !== id));
clearTimeout(id);
clearTimeout(String(+b));
const c = setTimeout(() => log('ids', 'c runs (never given an id: a number does not find it)'), 5);
clearTimeout(+a + 1000);
clearTimeout(' ' + id);
clearTimeout(String(id) + '.0');
clearTimeout(id); // cleared already
log('ids', 'hasRef after clearTimeout: ' + a.hasRef());
void c;

// values that are not timers
for (const v of [undefined, null, 0, -1, NaN, 'x', '', true, {}, [], () => 1, Symbol('s')]) clearTimeout(v as any);
clearInterval({ _onTimeout: () => 1 } as any);

// a list emptied by a clear, then reused with the same duration
const d = setTimeout(() => log('revive', 'd (cleared: must not run)'), 7);
clearTimeout(d);
setTimeout(() => log('revive', 'e runs: the 7 ms list made again'), 7);

// a clear that empties the list being run; a timer added meanwhile goes to a new list
let g: any;
setTimeout(() => {
  clearTimeout(g);
  setTimeout(() => log('running', 'h runs after f: a new 3 ms list'), 3);
  log('running', 'f runs and clears g');
}, 3);
g = setTimeout(() => log('running', 'g (cleared by f: must not run)'), 3);

// fractional durations (Node finds no list to delete for 1.5 when it is cleared) and
// durations out of range (1 ms; Node warns on stderr for the too large one)
const k = setTimeout(() => log('durations', 'k (cleared: must not run)'), 1.5);
clearTimeout(k);
setTimeout(() => log('durations', 'l: 1 ms, the list k left'), 1);
setTimeout(() => log('durations', 'm: NaN is 1 ms'), NaN);
setTimeout(() => log('durations', 'n: 2^31 is 1 ms'), 2 ** 31);
setTimeout(() => log('durations', 'o: -5 is 1 ms'), -5);
setTimeout(() => log('durations', 'p: "2" is 2 ms'), '2' as any);

// refresh after the run (the id given during it still clears it), close, unref
let refreshed = false;
const r = setTimeout(() => {
  log('refresh', 'r runs, hasRef: ' + r.hasRef());
  if (!refreshed) {
    refreshed = true;
    const rid = +r;
    r.refresh();
    setTimeout(() => {
      clearTimeout(rid);
      log('refresh', 'the refreshed r cleared by its id');
    }, 1);
  }
}, 4);
const s = setTimeout(() => log('refresh', 's (closed: must not run)'), 4);
log('refresh', 'close returns the timeout: ' + (s.close() === s));
s.refresh(); // a closed timer is not rescheduled
log('refresh', 'closed then hasRef: ' + s.hasRef());
const u = setTimeout(() => log('refresh', 'u (unref: the loop ends first)'), 5000);
u.unref();
log('refresh', 'unref then hasRef: ' + u.hasRef());
u.ref().unref();

// setInterval with arguments and this, cleared from its own callback by id
let runs = 0;
const iv = setInterval(function (this: any, x: number, y: string) {
  runs++;
  if (runs === 3) {
    clearInterval(+this);
    log('interval', 'ran 3 times with ' + x + ' ' + y + ', this is it: ' + (this === iv) + ', hasRef: ' + iv.hasRef());
  }
}, 2, 42, 'two');
