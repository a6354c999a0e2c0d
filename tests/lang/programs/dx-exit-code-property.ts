// process.exitCode set during the run becomes the exit status when the program ends
// normally; later assignments win.
const results: string[] = [];
function check(name: string, ok: boolean) {
  results.push(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  if (!ok) process.exitCode = 3;
}
check('addition', 1 + 1 === 2);
check('string compare', 'b' > 'a');
check('deliberate failure', [1, 2, 3].includes(4));
check('after failure', true);
console.log(results.join('\n'));
console.log('exitCode is', process.exitCode);
process.exitCode = 5;
console.log('changed to', process.exitCode);
