// Traps in TypeScript: every exception the machine delivers (a fault of a kernel memory
// access, later user-mode traps) and every IRQ (through kernel/arch/irq.ts) reaches a
// handler here as a TrapFrame.

import { contextRead, contextWrite, setTrapDispatcher } from './intrinsics.ts';

/** Words of the saved context (boot/traps.ts FRAME order, then CR2). */
export const CONTEXT = {
  gs: 0, fs: 1, es: 2, ds: 3, edi: 4, esi: 5, ebp: 6, esp: 7, ebx: 8, edx: 9, ecx: 10, eax: 11,
  vector: 12, error: 13, eip: 14, cs: 15, eflags: 16, userEsp: 17, userSs: 18, cr2: 19,
} as const;
export type ContextWord = keyof typeof CONTEXT;

export const EXCEPTION_NAMES = [
  '#DE divide error', '#DB debug', 'NMI', '#BP breakpoint', '#OF overflow', '#BR bound range exceeded',
  '#UD invalid opcode', '#NM device not available', '#DF double fault', 'coprocessor segment overrun',
  '#TS invalid TSS', '#NP segment not present', '#SS stack-segment fault', '#GP general protection',
  '#PF page fault', 'reserved exception 15', '#MF x87 floating-point error', '#AC alignment check',
  '#MC machine check', '#XM SIMD floating-point error', '#VE virtualization exception', '#CP control protection',
];

export const IRQ_BASE = 0x20;
export const PAGE_FAULT = 14;

export function hex32(v: number): string {
  let s = (v >>> 0).toString(16);
  while (s.length < 8) s = '0' + s;
  return '0x' + s;
}

/**
 * One trap: its vector, error code, CR2 and the privilege level it came from; the saved
 * registers of a synchronous trap through reg/setReg (writes take effect when that
 * context is resumed: a user context; a kernel fault is retried with the interpreter's
 * registers). An IRQ frame carries how many times the line fired since its last delivery.
 */
export class TrapFrame {
  constructor(
    readonly vector: number,
    readonly errorCode: number,
    readonly cr2: number,
    readonly cpl: number,
    readonly count = 1,
    /** Whether the saved registers belong to this trap (synchronous traps). */
    readonly hasContext = false,
  ) {}

  get name(): string {
    if (this.vector < EXCEPTION_NAMES.length) return EXCEPTION_NAMES[this.vector];
    if (this.isIrq) return 'IRQ ' + this.irq;
    return 'vector ' + this.vector;
  }

  get isIrq(): boolean {
    return this.vector >= IRQ_BASE && this.vector < IRQ_BASE + 16;
  }

  get irq(): number {
    return this.vector - IRQ_BASE;
  }

  get fromUser(): boolean {
    return this.cpl === 3;
  }

  reg(name: ContextWord): number {
    if (!this.hasContext) throw new Error(this.name + ' has no saved registers');
    return contextRead(CONTEXT[name]);
  }

  setReg(name: ContextWord, value: number): void {
    if (!this.hasContext) throw new Error(this.name + ' has no saved registers');
    contextWrite(CONTEXT[name], value);
  }

  get eip(): number { return this.reg('eip'); }
  get eax(): number { return this.reg('eax'); }
  set eax(v: number) { this.setReg('eax', v); }
  get ebx(): number { return this.reg('ebx'); }
  set ebx(v: number) { this.setReg('ebx', v); }
  get ecx(): number { return this.reg('ecx'); }
  set ecx(v: number) { this.setReg('ecx', v); }
  get edx(): number { return this.reg('edx'); }
  set edx(v: number) { this.setReg('edx', v); }

  /** "#PF page fault at 0x... (read of a non-present page) in kernel mode". */
  describe(): string {
    let s = this.name;
    if (this.vector === PAGE_FAULT) {
      const e = this.errorCode;
      s += ' at ' + hex32(this.cr2) + ' (' + ((e & 2) !== 0 ? 'write' : 'read') + ' of a ' +
        ((e & 1) !== 0 ? 'protected' : 'non-present') + ' page)';
    } else if (this.errorCode !== 0) {
      s += ' (error code ' + hex32(this.errorCode) + ')';
    }
    return s + (this.fromUser ? ' in user mode' : ' in kernel mode');
  }
}

/** A trap no handler resolved, thrown where it happened: its stack is the TypeScript one. */
export class KernelFault extends Error {
  constructor(readonly frame: TrapFrame) {
    super(frame.describe());
  }
}
// On the prototype, so the stack (made when the error is) starts with it.
KernelFault.prototype.name = 'KernelFault';

/** A handler returns to retry the faulting access (having fixed its cause) or throws. */
export type TrapHandler = (frame: TrapFrame) => void;

const handlers: (TrapHandler | undefined)[] = [];

export function onTrap(vector: number, handler: TrapHandler | undefined): void {
  handlers[vector] = handler;
}

/** The machine's TrapDispatch intrinsic: called as if by the faulting instruction. */
export function dispatchTrap(vector: number, errorCode: number, cr2: number, cpl: number): void {
  const frame = new TrapFrame(vector, errorCode, cr2, cpl, 1, true);
  const h = handlers[vector];
  if (h !== undefined) {
    h(frame);
    return;
  }
  throw new KernelFault(frame);
}

export function installTraps(): void {
  setTrapDispatcher(dispatchTrap);
}
