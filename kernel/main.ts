// The kernel's entry in TypeScript: compiled to bytecode and run by the interpreter once
// the native boot code has brought the CPU up (paging, GDT/IDT, PIC).

import { COM1, Uart16550 } from './dev/uart16550.ts';

/** Set by the image build (esbuild `define`) from package.json. */
declare const TSKERN_VERSION: string;

export function kernelMain(version: string): Uart16550 {
  const console = new Uart16550(COM1);
  console.init();
  console.write('tskern ' + version + ' (i386, PAE paging, kernel half at 0xc0000000)\n');
  return console;
}

if (typeof TSKERN_VERSION === 'string') kernelMain(TSKERN_VERSION);
