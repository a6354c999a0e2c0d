console.log('a');
process.exit(0);
console.log('b');
declare const process: { exit(n: number): never };
