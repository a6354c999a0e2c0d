// The kernel's entry in TypeScript: compiled to bytecode and run by the interpreter once
// the native boot code has brought the CPU up (paging, GDT/IDT, PIC).

import { bootCommandLine } from './arch/intrinsics.ts';
import { COM1, Uart16550 } from './dev/uart16550.ts';
import { runMmSelftest } from './mm/selftest.ts';

/** Set by the image build (esbuild `define`) from package.json. */
declare const TSKERN_VERSION: string;

export function kernelMain(version: string): Uart16550 {
  const console = new Uart16550(COM1);
  console.init();
  console.write('tskern ' + version + ' (i386, PAE paging, kernel half at 0xc0000000)\n');
  return console;
}

/** Whether the whitespace-separated command line has the word `option`. */
export function hasOption(cmdline: string, option: string): boolean {
  return cmdline.split(' ').indexOf(option) >= 0;
}

/** `selftest=mm`: run kernel/mm's self-test, report, and power off with its verdict. */
function mmSelftest(console: Uart16550): never {
  const r = runMmSelftest((line) => console.write(line + '\n'));
  console.write(r.passed + ' passed, ' + r.failed + ' failed\n');
  console.write('frames free before=' + r.framesBefore + ' after=' + r.framesAfter + '\n');
  process.exit(r.failed === 0 && r.framesBefore === r.framesAfter ? 0 : 1);
}

if (typeof TSKERN_VERSION === 'string') {
  const console = kernelMain(TSKERN_VERSION);
  if (hasOption(bootCommandLine(), 'selftest=mm')) mmSelftest(console);
}
