// process.exit inside an async function ends the program at once: pending timers and
// microtasks are dropped.
async function main() {
  console.log('working');
  await new Promise((r) => setTimeout(r, 5));
  Promise.resolve().then(() => console.log('never printed'));
  setTimeout(() => console.log('never printed either'), 0);
  console.log('exiting with 4');
  process.exit(4);
}
main();
