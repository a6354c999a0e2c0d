// IRQs in TypeScript: the machine records each IRQ (and acknowledges it at the PIC); the
// event loop's interrupt hook takes the pending lines and runs their handlers, each with a
// TrapFrame (vector 0x20 + line, how many times it fired). Claiming a line makes the event
// loop wake for it and leaves its device to TypeScript; the PIC mask is opened here.

import { inb, irqClaim, irqCount, irqTake, outb, setInterruptHook } from './intrinsics.ts';
import { IRQ_BASE, TrapFrame } from './traps.ts';

const PIC_MASTER_DATA = 0x21, PIC_SLAVE_DATA = 0xa1, CASCADE = 2;

export type IrqHandler = (frame: TrapFrame) => void;

const handlers: (IrqHandler | undefined)[] = [];
const lastCount: number[] = [];
let claimed = 0;

/** Handle IRQ `line` (0-15) in TypeScript from now on, and unmask it at the PIC. */
export function onIrq(line: number, handler: IrqHandler): void {
  handlers[line] = handler;
  lastCount[line] = irqCount(line);
  claimed |= 1 << line;
  irqClaim(claimed);
  if (line < 8) {
    outb(PIC_MASTER_DATA, inb(PIC_MASTER_DATA) & ~(1 << line));
  } else {
    outb(PIC_SLAVE_DATA, inb(PIC_SLAVE_DATA) & ~(1 << (line - 8)));
    outb(PIC_MASTER_DATA, inb(PIC_MASTER_DATA) & ~(1 << CASCADE));
  }
}

/** The interrupt hook: runs the handler of every line that fired, lowest line first. */
export function dispatchIrqs(): void {
  const pending = irqTake();
  if (pending === 0) return;
  for (let line = 0; line < 16; line++) {
    if ((pending & (1 << line)) === 0) continue;
    const h = handlers[line];
    if (h === undefined) continue;
    const count = irqCount(line);
    const fired = (count - (lastCount[line] ?? 0)) >>> 0;
    lastCount[line] = count;
    h(new TrapFrame(IRQ_BASE + line, 0, 0, 0, fired === 0 ? 1 : fired));
  }
}

export function installInterrupts(): void {
  setInterruptHook(dispatchIrqs);
}
