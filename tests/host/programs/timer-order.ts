// Timers a few ms apart, in Node's order. Each round sets lone timers at 5, 15, 25 and 35
// ms and a chain whose steps each set the next 10 ms later (10, 20, 30 ms). Node runs them
// by due time: lone 5, chain 10, lone 15, chain 20, lone 25, chain 30, lone 35; a chain
// step that runs 5 ms late (summed along the chain) lands after the next lone timer. The
// next round starts once both the chain and the last lone timer have run.
//
// First a warm-up of chained 1 ms timers: until v86 has compiled the interpreter's hot code
// to WebAssembly (the first few hundred ms), the guest itself is slow, whatever the host.
// Prints one line per round that differs, then how many rounds were in order.
const WARM_UP = 300;
const ROUNDS = 20;
const EXPECTED = 'lone 5,chain 10,lone 15,chain 20,lone 25,chain 30,lone 35';
let good = 0;
function round(r: number): void {
  const seen: string[] = [];
  let pending = 2;
  const finish = (): void => {
    if (--pending > 0) return;
    if (seen.join(',') === EXPECTED) good++;
    else console.log('round ' + r + ': ' + seen.join(','));
    if (r + 1 < ROUNDS) round(r + 1);
    else console.log('in order: ' + good + '/' + ROUNDS);
  };
  const step = (n: number): void => {
    seen.push('chain ' + n);
    if (n < 30) setTimeout(() => step(n + 10), 10);
    else finish();
  };
  setTimeout(() => seen.push('lone 5'), 5);
  setTimeout(() => step(10), 10);
  setTimeout(() => seen.push('lone 15'), 15);
  setTimeout(() => seen.push('lone 25'), 25);
  setTimeout(() => {
    seen.push('lone 35');
    finish();
  }, 35);
}
let warm = 0;
function warmUp(): void {
  if (++warm < WARM_UP) setTimeout(warmUp, 1);
  else round(0);
}
warmUp();
