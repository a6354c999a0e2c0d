// Boots a kernel image embedding a bytecode module and collects what the program wrote.
import { assembleKernel, type KernelImage } from '../../image-builder/build.ts';
import { bootImage } from '../../host/v86-runner.ts';

export interface RunResult {
  /** COM1 output after the kernel's boot log. */
  output: string;
  /** COM2 output: the program's error stream (writeStderr, the Uncaught report). */
  errorOutput: string;
  status: number;
  /** Guest instructions executed in total. */
  instructions: number;
  image: KernelImage;
  /** Reads a dword of the guest at a kernel symbol (virtual address in the direct map). */
  readSymbol(name: string): number;
}

const BOOT_LOG = /^(tskern |memory: |paging: |cmdline: )/;

export function programOutput(all: string): string {
  const lines = all.split('\n');
  let i = 0;
  while (i < lines.length - 1 && BOOT_LOG.test(lines[i])) i++;
  return lines.slice(i).join('\n');
}

export async function runProgram(program: Uint8Array, opts: { memoryMiB?: number; cmdline?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  const image = assembleKernel({ program });
  const m = await bootImage({ image: image.elf, memoryMiB: opts.memoryMiB ?? 32, cmdline: opts.cmdline });
  try {
    const timeout = new Promise<never>((_, rej) => setTimeout(() => rej(new Error(`no power-off within ${opts.timeoutMs ?? 30000} ms; output:\n${m.output}`)), opts.timeoutMs ?? 30000).unref());
    const status = await Promise.race([m.exited, timeout]);
    const readSymbol = (name: string) => {
      const v = image.linked.symbols.get(name);
      if (v === undefined) throw new Error(`no symbol ${name}`);
      const b = m.readPhys(((v >>> 0) - 0xc000_0000) >>> 0, 4);
      return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
    };
    return { output: programOutput(m.output), errorOutput: m.errorOutput, status, instructions: m.instructionCount(), image, readSymbol };
  } finally {
    await m.stop();
  }
}
