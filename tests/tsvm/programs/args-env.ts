// process.argv and process.env under tsvm: [tsvm, program, ...args] and the environment.
const [vm, program, ...args] = process.argv;
console.log(vm.endsWith('tsvm'), program.endsWith('.tsbc'), JSON.stringify(args));
console.log(process.env.TSVM_TEST_VAR, process.env.TSVM_TEST_EMPTY === '', process.env.TSVM_NOT_SET);
console.log(process.env.TSVM_TEST_UTF8, process.env.TSVM_TEST_UTF8?.length);
