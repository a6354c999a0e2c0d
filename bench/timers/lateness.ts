// Guest-visible timer lateness: chains of setTimeout with delays of 1 to 5 ms; each
// callback records how long after its due time (the time it was set plus its delay) it
// ran, on the guest's monotonic clock (v86's TSC follows the host's clock, so these are
// host milliseconds). Prints the distribution of the whole run and of the part after the
// first WARM_UP timers (while v86 has not yet compiled the interpreter's hot code to
// WebAssembly, a slice of the guest can take tens of ms); bench/timers.ts reads the lines.
const ROUNDS = 1500;
const WARM_UP = 500;
const late: number[] = [];
let round = 0;
function arm(): void {
  const delay = 1 + (round % 5);
  const due = performance.now() + delay;
  setTimeout(() => {
    late.push(performance.now() - due);
    if (++round < ROUNDS) arm();
    else report();
  }, delay);
}
function pct(sorted: number[], p: number): string {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2);
}
function line(label: string, values: number[]): void {
  const s = values.slice().sort((a, b) => a - b);
  console.log(label + ' p50 ' + pct(s, 0.5) + ' p90 ' + pct(s, 0.9) + ' p99 ' + pct(s, 0.99) + ' max ' + s[s.length - 1].toFixed(2) + ' n ' + s.length);
}
function report(): void {
  line('lateness ms (all):', late);
  line('lateness ms (warm):', late.slice(WARM_UP));
}
arm();
