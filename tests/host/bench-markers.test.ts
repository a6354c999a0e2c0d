// The benchmark marker protocol, measured on a guest whose cost we know exactly: a loop
// of `dec ecx; jnz` is 2 instructions an iteration.
import { expect, test } from 'vitest';
import { MarkerRecorder } from '../../host/bench-markers.ts';
import { bootImage } from '../../host/v86-runner.ts';
import { X86Assembler, al, dx, ecx, esi, byte, sym } from '../../image-builder/x86/index.ts';
import { multibootImage } from './fixture-image.ts';

const LOAD = 0x100000 + 32; // where multibootImage places the code

/** Calibration marker pairs, then a loop of `iterations` between @@B and @@E, then power-off. */
function markerProgram(iterations: number): Uint8Array {
  const a = new X86Assembler();
  const print = (label: string) => a.mov(esi, sym(label)).call('puts');
  for (let i = 0; i < 5; i++) print('calib_b').call('nothing'), print('calib_e');
  print('loop_b');
  a.mov(ecx, iterations).label('spin').dec(ecx).jnz('spin');
  print('loop_e');
  a.mov(al, 0).mov(dx, 0xf4).out(dx, al).label('halt').hlt().jmp('halt');
  a.label('nothing').ret();
  a.label('puts').mov(dx, 0x3f8);
  a.label('puts_loop').mov(al, byte(esi)).cmp(al, 0).je('puts_done').out(dx, al).inc(esi).jmp('puts_loop');
  a.label('puts_done').ret();
  a.label('calib_b').asciz('@@B calib\n');
  a.label('calib_e').asciz('@@E calib 1\n');
  a.label('loop_b').asciz('@@B spin\n');
  a.label('loop_e').asciz(`@@E spin ${iterations}\n`);
  return a.link([{ name: '.text', vaddr: LOAD }]).sections[0].data;
}

test('segments count guest instructions per operation, less the markers\' own cost', async () => {
  const iterations = 200_000;
  const machine = await bootImage({ image: multibootImage([...markerProgram(iterations)]) });
  const recorder = new MarkerRecorder(machine);
  await machine.exited;
  recorder.detach();
  expect(recorder.segments.map((s) => s.name)).toEqual(['spin']);
  const [spin] = recorder.segments;
  expect(spin.ops).toBe(iterations);
  // 2 per iteration plus the mov before the loop; the calibration removes the printing.
  expect(spin.perOp).toBeGreaterThanOrEqual(2);
  expect(spin.perOp).toBeLessThan(2.01);
  expect(recorder.markerCost()).toBeGreaterThan(0);
});
