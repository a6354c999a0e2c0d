// COM2 is the guest program's error stream, kept apart from COM1.
import { expect, test } from 'vitest';
import { bootImage } from '../../host/v86-runner.ts';
import { X86Assembler, al, dx } from '../../image-builder/x86/index.ts';
import { multibootImage } from './fixture-image.ts';

test('bytes written to COM2 arrive as errorOutput, not in output', async () => {
  const a = new X86Assembler();
  const put = (port: number, text: string) => { for (const c of text) a.mov(dx, port).mov(al, c.charCodeAt(0)).out(dx, al); };
  put(0x3f8, 'out\n');
  put(0x2f8, 'err\n');
  a.mov(al, 3).mov(dx, 0xf4).out(dx, al).label('halt').hlt().jmp('halt');
  const machine = await bootImage({ image: multibootImage([...a.link([{ name: '.text', vaddr: 0x100020 }]).sections[0].data]) });
  const chunks: number[] = [];
  machine.onErrorSerial((b) => chunks.push(...b));
  expect(await machine.exited).toBe(3);
  expect(machine.output).toBe('out\n');
  expect(machine.errorOutput).toBe('err\n');
  expect(Buffer.from(chunks).toString()).toBe('err\n');
});
