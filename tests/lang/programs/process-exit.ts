console.log('exiting with 3');
function go() { try { process.exit(3); } finally { console.log('finally should not run'); } }
go();
console.log('unreached');
declare const process: { exit(n: number): never };
