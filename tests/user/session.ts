// A shell session on the guest's console for tests: boots the kernel with the root file
// system (image-builder/rootfs.ts), waits for the shell's prompt, types lines and returns
// what each printed before the next prompt.

import { buildRootfs, rootfsCmdline } from '../../image-builder/rootfs.ts';
import { bootImage, type GuestMachine } from '../../host/v86-runner.ts';
import { promptFor } from '../../user/lib/prompt.ts';
import { kernelImage } from '../boot/kernel-image.ts';
import type { CpioEntry } from '../../image-builder/initrd/cpio.ts';

export class Session {
  output = '';
  private seen = 0;
  private waiters: (() => void)[] = [];

  private constructor(readonly machine: GuestMachine) {
    const decoder = new TextDecoder();
    machine.onSerial((bytes) => {
      this.output += decoder.decode(bytes, { stream: true });
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async boot(extraFiles: CpioEntry[] = []): Promise<Session> {
    const machine = await bootImage({ image: kernelImage().elf, memoryMiB: 128, cmdline: rootfsCmdline(), initrd: buildRootfs({ extraFiles }) });
    const s = new Session(machine);
    await s.until(promptFor('/'));
    return s;
  }

  /** Waits until `text` appears in the output after what was already consumed; returns the output up to its end. */
  async until(text: string, timeoutMs = 120_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const at = this.output.indexOf(text, this.seen);
      if (at >= 0) {
        const got = this.output.slice(this.seen, at + text.length);
        this.seen = at + text.length;
        return got;
      }
      if (Date.now() > deadline) throw new Error(`no ${JSON.stringify(text)} in the console output:\n${this.output.slice(this.seen)}`);
      await new Promise<void>((resolve) => { this.waiters.push(resolve); setTimeout(resolve, 1000); });
    }
  }

  /** Types `line` and Enter; returns what the line printed before the next prompt (in `cwd`), without the echoed line. */
  async run(line: string, cwd = '/'): Promise<string> {
    this.machine.sendSerial(line + '\r');
    await this.until(line + '\n');
    const out = await this.until(promptFor(cwd));
    return out.slice(0, out.length - promptFor(cwd).length);
  }

  send(bytes: string): void {
    this.machine.sendSerial(bytes);
  }
}
