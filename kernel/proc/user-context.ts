// A process's user-mode context: the registers enterUser loads and a trap saves, in one
// physical frame the native code reads and writes (boot/interp/kernel-natives.ts,
// emitEnterUser). Layout: words 0-18 in boot/traps.ts FRAME order, CR2 at word 19, the
// FXSAVE image (x87, MMX, SSE state) at byte 512. The frame is the kernel's, never mapped
// in user space.

import { enterUser, physCopy, physFill, physRead32, physWrite16, physWrite32 } from '../arch/intrinsics.ts';
import type { FrameAllocator } from '../mm/frames.ts';

/** Word offsets in the block (boot/traps.ts FRAME / 4, then CR2). */
export enum Reg {
  GS = 0, FS = 1, ES = 2, DS = 3,
  EDI = 4, ESI = 5, EBP = 6, ESP_PUSHAD = 7, EBX = 8, EDX = 9, ECX = 10, EAX = 11,
  VECTOR = 12, ERROR = 13, EIP = 14, CS = 15, EFLAGS = 16, ESP = 17, SS = 18, CR2 = 19,
}

export enum Selector {
  USER_CODE = 0x1b,
  USER_DATA = 0x23,
}

const FXSAVE = 512;
/** EFLAGS of a new process: IF and the always-one bit 1. */
const EFLAGS_INITIAL = 0x202;

export class UserContext {
  private constructor(
    /** Physical address of the block (a frame of its own). */
    readonly phys: number,
    private readonly frames: FrameAllocator,
  ) {}

  /** A zeroed context with user selectors and a fresh FPU (as after `fninit`), or -ENOMEM. */
  static create(frames: FrameAllocator): UserContext | number {
    const phys = frames.allocZeroed();
    if (phys < 0) return phys;
    const ctx = new UserContext(phys, frames);
    ctx.reset(0, 0);
    return ctx;
  }

  /** Registers as execve leaves them: all zero but eip, esp, the selectors and eflags. */
  reset(eip: number, esp: number): void {
    physFill(this.phys, 0, FXSAVE * 2);
    this.set(Reg.DS, Selector.USER_DATA);
    this.set(Reg.ES, Selector.USER_DATA);
    this.set(Reg.SS, Selector.USER_DATA);
    this.set(Reg.CS, Selector.USER_CODE);
    this.set(Reg.EFLAGS, EFLAGS_INITIAL);
    this.set(Reg.EIP, eip);
    this.set(Reg.ESP, esp);
    physWrite16(this.phys + FXSAVE, 0x037f); // FCW: all exceptions masked, 64-bit precision
    physWrite32(this.phys + FXSAVE + 24, 0x1f80); // MXCSR: all exceptions masked, round to nearest
  }

  get(r: Reg): number {
    return physRead32(this.phys + r * 4);
  }

  set(r: Reg, value: number): void {
    physWrite32(this.phys + r * 4, value);
  }

  /** A copy of this context (fork), or -ENOMEM. */
  clone(): UserContext | number {
    const phys = this.frames.alloc();
    if (phys < 0) return phys;
    physCopy(phys, this.phys, FXSAVE * 2);
    return new UserContext(phys, this.frames);
  }

  /** Physical address of the 512-byte FXSAVE image (signal frames save and restore it). */
  get fpuState(): number {
    return this.phys + FXSAVE;
  }

  /** Runs the context in ring 3 until the next trap; returns the trap's vector. */
  run(): number {
    return enterUser(this.phys);
  }

  free(): void {
    this.frames.unref(this.phys);
  }
}
