// The exit status comes from the program: process.exit(n) & 0xff, or process.exitCode.
const how = process.argv[2];
console.log('start', how);
if (how === 'exit') process.exit(Number(process.argv[3]));
if (how === 'exitCode') process.exitCode = Number(process.argv[3]);
if (how === 'throw') throw new RangeError('thrown at top level');
if (how === 'timer') setTimeout(() => { console.log('timer fired'); process.exitCode = 4; }, 30);
