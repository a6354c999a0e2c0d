// Trap and IRQ delivery in kernel TypeScript, under Node with the intrinsics fake: the
// same code the guest runs (kernel/arch/traps.ts, irq.ts, the interrupt-driven serial input).
import { afterEach, describe, expect, test } from 'vitest';
import { installIntrinsics, virtRead32, virtWrite32, type Intrinsics } from '../../kernel/arch/intrinsics.ts';
import { dispatchIrqs, installInterrupts, onIrq } from '../../kernel/arch/irq.ts';
import { CONTEXT, KernelFault, TrapFrame, installTraps, onTrap } from '../../kernel/arch/traps.ts';
import { COM1, SerialInput, Uart16550 } from '../../kernel/dev/uart16550.ts';
import { echo } from '../../kernel/main.ts';
import { FakePic, FakePortBus, FakeUart16550 } from './fake-hardware.ts';

let previous: Intrinsics | undefined;
afterEach(() => {
  if (previous) installIntrinsics(previous);
  onTrap(14, undefined);
});

function machine(): { bus: FakePortBus; uart: FakeUart16550; master: FakePic; slave: FakePic } {
  const uart = new FakeUart16550(0);
  const master = new FakePic(), slave = new FakePic();
  const bus = new FakePortBus().attach(COM1, 8, uart).attach(0x20, 2, master).attach(0xa0, 2, slave);
  previous = installIntrinsics(bus);
  return { bus, uart, master, slave };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

describe('traps', () => {
  test('an unhandled page fault of a kernel access is thrown where it happened', () => {
    const { bus } = machine();
    installTraps();
    expect(bus.trapDispatcher).toBeDefined();
    let err: unknown;
    try {
      virtRead32(0xf8000000);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(KernelFault);
    expect((err as Error).message).toBe('#PF page fault at 0xf8000000 (read of a non-present page) in kernel mode');
    expect((err as KernelFault).frame.cr2).toBe(0xf8000000);
    expect((err as Error).stack).toContain('traps.test.ts');
  });

  test('a handler that maps the page makes the retried access succeed', () => {
    const { bus } = machine();
    installTraps();
    const seen: string[] = [];
    onTrap(14, (frame) => {
      seen.push(frame.describe());
      bus.map(frame.cr2);
    });
    virtWrite32(0x1234_5678, 0xdeadbeef);
    expect(virtRead32(0x1234_5678)).toBe(0xdeadbeef);
    expect(seen).toEqual(['#PF page fault at 0x12345678 (write of a non-present page) in kernel mode']);
  });

  test('a trap frame reads and writes the saved context', () => {
    const { bus } = machine();
    bus.context[CONTEXT.eax] = 7;
    bus.context[CONTEXT.eip] = 0xc0101234;
    const f = new TrapFrame(14, 2, 0x400000, 3, 1, true);
    expect([f.eax, f.eip, f.fromUser, f.name]).toEqual([7, 0xc0101234, true, '#PF page fault']);
    f.eax = 0xffffffff;
    expect(bus.context[CONTEXT.eax]).toBe(0xffffffff);
    expect(f.describe()).toBe('#PF page fault at 0x00400000 (write of a non-present page) in user mode');
    expect(() => new TrapFrame(0x24, 0, 0, 0).eax).toThrow(/IRQ 4 has no saved registers/);
  });
});

describe('IRQs', () => {
  test('claiming a line unmasks it at the PIC; the hook runs the handlers of the lines that fired', () => {
    const { bus, master, slave } = machine();
    installInterrupts();
    expect(bus.interruptHook).toBe(dispatchIrqs);
    const got: string[] = [];
    onIrq(0, (f) => got.push(f.name + ' x' + f.count));
    onIrq(12, (f) => got.push(f.name + ' vector ' + f.vector));
    expect(bus.claimed).toBe((1 << 0) | (1 << 12));
    expect(master.mask & 1).toBe(0);
    expect(master.mask & 4).toBe(0); // the cascade, for IRQ 12
    expect(slave.mask & (1 << 4)).toBe(0);
    bus.raiseIrq(0, 3);
    bus.raiseIrq(5); // nobody claimed IRQ 5
    bus.raiseIrq(12);
    dispatchIrqs();
    expect(got).toEqual(['IRQ 0 x3', 'IRQ 12 vector 44']);
    dispatchIrqs();
    expect(got.length).toBe(2);
  });

  test('serial input is read in the COM1 interrupt and handed to an awaiting task', async () => {
    const { bus, uart } = machine();
    const console = new Uart16550(COM1);
    console.init();
    const input = new SerialInput(console);
    installInterrupts();
    onIrq(4, () => input.onInterrupt());
    void echo(input, console);
    uart.receive('hi\r');
    bus.raiseIrq(4);
    dispatchIrqs();
    await flush();
    expect(uart.text()).toBe('hi\r\n');
    uart.receive('x');
    bus.raiseIrq(4);
    dispatchIrqs();
    await flush();
    expect(uart.text()).toBe('hi\r\nx');
  });
});
