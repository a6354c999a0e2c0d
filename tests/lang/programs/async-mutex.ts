// An async mutex serialises critical sections that await in the middle.
class Mutex {
  private last: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => { release = r; });
    const prev = this.last;
    this.last = prev.then(() => next);
    return prev.then(() => release);
  }
}
const m = new Mutex();
const events: string[] = [];
let shared = 0;
async function worker(id: number, delay: number) {
  const unlock = await m.lock();
  try {
    events.push('enter ' + id);
    const seen = shared;
    await new Promise((r) => setTimeout(r, delay));
    shared = seen + 1;
    events.push('leave ' + id);
  } finally {
    unlock();
  }
}
Promise.all([worker(1, 20), worker(2, 1), worker(3, 10), worker(4, 0)]).then(() => {
  console.log(events.join('\n'));
  console.log('shared =', shared, '(no lost updates)');
});
