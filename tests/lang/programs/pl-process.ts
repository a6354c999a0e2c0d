console.log(process.argv.length, typeof process.env);
process.stdout.write('no newline');
process.stdout.write('\n');
