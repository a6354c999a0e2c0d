// process.exit from deep inside callbacks and try/finally: output so far is flushed,
// finally blocks do not run, the status is the given code.
const log: string[] = [];
function cleanup() { console.log('finally ran (should not)'); }
class Service {
  constructor(public name: string) {}
  run(steps: number[]) {
    steps.forEach((s) => {
      try {
        console.log(`${this.name}: step ${s}`);
        if (s === 3) {
          console.log('fatal condition, exiting with 42');
          process.exit(42);
        }
        log.push('done ' + s);
      } finally {
        if (s === 3) cleanup();
      }
    });
  }
}
console.log('start');
try {
  new Service('svc').run([1, 2, 3, 4]);
} finally {
  console.log('outer finally (should not)');
}
console.log('unreachable', log);
