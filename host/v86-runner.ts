// Boots a multiboot image in v86 under Node, with no BIOS: v86 loads the image itself and
// starts it in 32-bit protected mode with paging off. The host only observes the guest
// (serial output, memory, control registers, instruction count) and feeds it serial input.

import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { V86 } from 'v86';
import { ExtendedCounter } from './instruction-counter.ts';
import { assertBootable } from './multiboot.ts';
import { instantiateV86Wasm } from './v86-wasm.ts';
import { PreciseWaker, type V86Scheduler, type WakeMode, type WakeStats } from './precise-wake.ts';
import { INSPECT_PORT } from '../kernel/debug/inspect-layout.ts';

export const POWER_OFF_PORT = 0xf4;
/** The kernel writes here when its real-time start-up work is done (boot/layout.ts PORT.mark). */
export const MARK_PORT = 0x80;
export const DEFAULT_MEMORY_MIB = 128;
/** Often enough that the 32-bit instruction counter cannot wrap twice between reads. */
const COUNTER_SAMPLE_MS = 1000;

export interface BootOptions {
  /** The image bytes, or a path to the image file. */
  image: Uint8Array | string;
  /** The multiboot command line. */
  cmdline?: string;
  memoryMiB?: number;
  /** The multiboot module (the initial file system, a cpio archive: image-builder/initrd). */
  initrd?: Uint8Array;
  /** The primary channel's master ATA disk (v86 `hda`). */
  hda?: DiskOption;
  /**
   * The primary channel's slave ATA disk (v86 `hdb`): `--disk IMAGE`. v86 attaches a slave
   * only next to a master, so without `hda` a blank 1 MiB master (in memory) is added.
   */
  hdb?: DiskOption;
  /** How a halted guest is woken: 'precise' (default: host/precise-wake.ts) or 'v86' (v86's own scheduler, for benchmarks' comparison). */
  wake?: WakeMode;
  /**
   * Called with v86's internal machine object once its devices exist, before the first
   * instruction: for tests that perturb emulated hardware (tests/boot/clock-calibration.test.ts).
   */
  onEmulatorReady?: (v86: unknown) => void;
}

/** A disk image for an ATA drive: a host file, or bytes held in memory. */
export interface DiskOption {
  /** Host file: read at boot; what the guest wrote is written back when the machine ends (power-off, stop, crash). */
  path?: string;
  /** Image bytes (when no path): the guest's writes land in a copy, read it with GuestMachine.disk. */
  bytes?: Uint8Array;
  /** Do not write the file back. */
  readOnly?: boolean;
}

export type DiskName = 'hda' | 'hdb';
const BLANK_MASTER_BYTES = 1 << 20;

export interface ControlRegisters {
  cr0: number;
  cr2: number;
  cr3: number;
  cr4: number;
}

export interface GuestMachine {
  /** Subscribes to COM1 output; returns a function that unsubscribes. */
  onSerial(cb: (bytes: Uint8Array) => void): () => void;
  /**
   * Subscribes to complete COM1 lines (without the line ending), each with the guest
   * instruction count read when its newline was written: inside the CPU loop, so exact
   * to within the emulator's block granularity. For benchmark markers.
   */
  onSerialLine(cb: (line: string, instructions: number) => void): () => void;
  /** Queues bytes (strings as UTF-8) on COM1's receive side. Ignored once the machine ended. */
  sendSerial(data: string | Uint8Array): void;
  /** All COM1 output so far, decoded as UTF-8. */
  readonly output: string;
  /** All COM2 output so far, decoded as UTF-8: the guest program's error stream. */
  readonly errorOutput: string;
  /** Subscribes to COM2 output (the error stream); returns a function that unsubscribes. */
  onErrorSerial(cb: (bytes: Uint8Array) => void): () => void;
  /**
   * Resolves with `output` once it matches `pattern`. Rejects (with the output so far in
   * the error) on timeout, or as soon as the machine ends without a match.
   */
  waitForOutput(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /**
   * The status byte the guest wrote to the power-off port. Rejects with GuestCrashError
   * if v86 failed, or MachineStoppedError if the host stopped the machine first.
   */
  readonly exited: Promise<number>;
  /** Stops emulation; observation helpers keep working afterwards. */
  stop(): Promise<void>;
  /** Instructions executed so far (not limited to 32 bits). */
  instructionCount(): number;
  /**
   * Instructions executed since the guest's first write to MARK_PORT (the kernel's clock
   * calibration done), or since the start if it wrote none: the count without the boot's
   * real-time work, whose length depends on the host's speed.
   */
  instructionCountSinceMark(): number;
  /** A copy of guest physical memory. */
  readPhys(addr: number, len: number): Uint8Array;
  /** Control registers, as unsigned numbers. */
  controlRegisters(): ControlRegisters;
  /**
   * The guest's current EIP (linear). Read between the emulator's execution slices, so
   * sampling it periodically gives a statistical profile (bench/profile.ts).
   */
  instructionPointer(): number;
  /** The guest's general registers (eax, ecx, edx, ebx, esp, ebp, esi, edi), as unsigned numbers. */
  generalRegisters(): number[];
  /** Physical address of the kernel's inspect channel once announced (docs/inspect-channel.md), else null. */
  inspectChannel(): number | null;
  /** The current bytes of an attached disk (a view of the emulated disk; undefined if none). */
  disk(name: DiskName): Uint8Array | undefined;
  /** A copy of the display memory behind the VBE linear framebuffer (physical 0xE0000000), from `offset`. */
  readVideoMemory(offset: number, len: number): Uint8Array;
  /** How late the host started each slice that followed a wait (host/precise-wake.ts); null before the first slice. */
  wakeLateness(): WakeStats | null;
}

/** v86 itself failed (typically an "Unimplemented" panic in its CPU core). */
export class GuestCrashError extends Error {
  constructor(cause: unknown) {
    super(`v86 stopped with an internal error: ${String(cause)}`, { cause });
    this.name = 'GuestCrashError';
  }
}

export class MachineStoppedError extends Error {
  constructor() {
    super('the machine was stopped by the host before the guest powered off');
    this.name = 'MachineStoppedError';
  }
}

export class OutputTimeoutError extends Error {
  constructor(readonly pattern: string | RegExp, readonly output: string, why: string) {
    super(`serial output did not match ${String(pattern)} (${why}); output so far:\n${output}`);
    this.name = 'OutputTimeoutError';
  }
}

/** The parts of v86's internals we use; they are not in its type declarations. */
interface V86Internals {
  v86: V86Scheduler & {
    cpu: {
      cr: Int32Array;
      instruction_pointer: Int32Array;
      reg32: Int32Array;
      memory_size: ArrayLike<number>;
      devices: { vga?: { svga_memory: Uint8Array } };
      io: {
        register_write(port: number, device: object, w8: (v: number) => void,
          w16: (v: number) => void, w32: (v: number) => void): void;
      };
    };
    do_tick(): void;
  };
}

export async function bootImage(opts: BootOptions): Promise<GuestMachine> {
  const name = typeof opts.image === 'string' ? opts.image : 'image';
  const bytes = typeof opts.image === 'string' ? await readFile(opts.image) : opts.image;
  assertBootable(bytes, name);
  const memoryMiB = opts.memoryMiB ?? DEFAULT_MEMORY_MIB;
  if (!Number.isInteger(memoryMiB) || memoryMiB < 2 || memoryMiB > 2047) {
    throw new RangeError(`memory size must be a whole number of MiB from 2 to 2047, not ${memoryMiB}`);
  }
  const disks = new Map<DiskName, AttachedDisk>();
  for (const name of ['hda', 'hdb'] as const) {
    const d = opts[name];
    if (d === undefined) continue;
    let data: Uint8Array;
    if (d.path !== undefined) data = new Uint8Array(await readFile(d.path));
    else if (d.bytes !== undefined) data = new Uint8Array(d.bytes);
    else throw new TypeError(`${name}: a disk needs a path or bytes`);
    if (data.length === 0 || data.length % 512 !== 0) {
      throw new RangeError(`${name}: a disk image must be a whole number of 512-byte sectors, not ${data.length} bytes`);
    }
    disks.set(name, { data, path: d.readOnly ? undefined : d.path });
  }
  if (disks.has('hdb') && !disks.has('hda')) disks.set('hda', { data: new Uint8Array(BLANK_MASTER_BYTES), path: undefined });
  return new Promise((resolve, reject) => {
    const machine = new V86Machine(bytes, opts.cmdline, memoryMiB, disks, reject, opts.initrd, opts.wake ?? 'precise', opts.onEmulatorReady);
    machine.whenLoaded(() => resolve(machine));
  });
}

interface AttachedDisk {
  /** The bytes v86 reads and writes in place (its own ArrayBuffer). */
  data: Uint8Array;
  /** Where to write them back, if anywhere. */
  path: string | undefined;
}

type Waiter = { matches: () => boolean; settle: (why?: string) => void };

class V86Machine implements GuestMachine {
  readonly exited: Promise<number>;
  private readonly emulator: V86;
  private readonly counter: ExtendedCounter;
  private resolveExit!: (status: number) => void;
  private rejectExit!: (err: Error) => void;
  private ended = false;
  private crashed = false;
  private text = '';
  private readonly decoder = new TextDecoder();
  private pending: number[] = [];
  private readonly listeners = new Set<(bytes: Uint8Array) => void>();
  private readonly lineListeners = new Set<(line: string, instructions: number) => void>();
  private line: number[] = [];
  private errorText = '';
  private readonly errorDecoder = new TextDecoder();
  private readonly errorListeners = new Set<(bytes: Uint8Array) => void>();
  private readonly waiters = new Set<Waiter>();
  private sampler?: NodeJS.Timeout;
  private waker: PreciseWaker | null = null;
  private inspectBase: number | null = null;
  private markCount = 0;
  private marked = false;

  constructor(image: Uint8Array, cmdline: string | undefined, memoryMiB: number,
    private readonly disks: Map<DiskName, AttachedDisk>, failBoot: (err: unknown) => void, initrd: Uint8Array | undefined,
    private readonly wakeMode: WakeMode, private readonly onReady?: (v86: unknown) => void) {
    this.exited = new Promise<number>((res, rej) => { this.resolveExit = res; this.rejectExit = rej; });
    // Callers that only await output must not crash the process with an unhandled rejection.
    this.exited.catch(() => {});
    this.emulator = new V86({
      wasm_fn: (imports) => instantiateV86Wasm(imports).catch((err: unknown) => {
        failBoot(err);
        return new Promise<never>(() => {}); // v86 has no way to abort a load
      }),
      // v86 takes a whole ArrayBuffer, but `image` may be a view into a bigger one (Node
      // pools small Buffers), so pass an exact copy.
      multiboot: { buffer: new Uint8Array(image).buffer },
      // v86's multiboot loader passes it as the one module, page-aligned after the image
      ...(initrd ? { initrd: { buffer: new Uint8Array(initrd).buffer } } : {}),
      cmdline,
      memory_size: memoryMiB * 1024 * 1024,
      // v86 reads and writes these ArrayBuffers in place (a SyncBuffer over each).
      ...(disks.has('hda') ? { hda: { buffer: disks.get('hda')!.data.buffer as ArrayBuffer } } : {}),
      ...(disks.has('hdb') ? { hdb: { buffer: disks.get('hdb')!.data.buffer as ArrayBuffer } } : {}),
      autostart: true,
      // COM2 carries the guest program's error stream (stderr), COM1 everything else.
      uart1: true,
      disable_speaker: true,
      disable_keyboard: true,
      disable_mouse: true,
      log_level: 0,
    });
    this.counter = new ExtendedCounter(() => this.emulator.get_instruction_counter());
    this.emulator.add_listener('serial0-output-byte', (byte) => this.receive(byte));
    this.emulator.add_listener('serial1-output-byte', (byte) => this.receiveError(byte));
    // "emulator-ready" comes after v86 has loaded the image (which registers its own 0xF4
    // hooks) and before the first instruction runs.
    this.emulator.add_listener('emulator-ready', () => this.installHooks());
  }

  whenLoaded(cb: () => void): void {
    this.emulator.add_listener('emulator-loaded', cb);
  }

  private get internals(): V86Internals['v86'] {
    return (this.emulator as unknown as V86Internals).v86;
  }

  private installHooks(): void {
    const v86 = this.internals;
    // v86's own write hook on 0xF4 logs to stdout and throws "HALT" out of the CPU loop,
    // which would kill the Node process; ours records the status instead.
    const powerOff = (value: number) => this.powerOff(value & 0xff);
    v86.cpu.io.register_write(POWER_OFF_PORT, this, powerOff, powerOff, powerOff);
    const announce = (value: number) => { this.inspectBase = value >>> 0; };
    v86.cpu.io.register_write(INSPECT_PORT, this, () => {}, () => {}, announce);
    const mark = () => {
      if (this.marked) return;
      this.marked = true;
      this.markCount = this.counter.read();
    };
    v86.cpu.io.register_write(MARK_PORT, this, mark, mark, mark);
    // A panic in v86's core (e.g. "Unimplemented: #GP handler") is thrown from the tick
    // that runs the CPU; without this it would be an uncaught exception in a timer.
    const tick = v86.do_tick;
    v86.do_tick = () => {
      try {
        tick.call(v86);
      } catch (err) {
        this.crash(err);
      }
    };
    // A halted guest is woken on time, without spinning the host (host/precise-wake.ts).
    this.waker = new PreciseWaker(v86, this.wakeMode);
    this.onReady?.(v86);
    this.sampler = setInterval(() => this.counter.read(), COUNTER_SAMPLE_MS);
    this.sampler.unref();
  }

  private receive(byte: number): void {
    if (this.ended) return; // the CPU runs on briefly after power-off
    if (this.lineListeners.size) this.collectLine(byte);
    if (this.pending.length === 0) queueMicrotask(() => this.flushSerial());
    this.pending.push(byte);
  }

  // Serial bytes arrive one at a time from inside the CPU loop; deliver them in one chunk
  // per slice of emulation.
  private flushSerial(): void {
    if (this.pending.length === 0) return;
    const chunk = Uint8Array.from(this.pending);
    this.pending = [];
    this.text += this.decoder.decode(chunk, { stream: true });
    for (const cb of this.listeners) cb(chunk);
    for (const w of this.waiters) if (w.matches()) w.settle();
  }

  private powerOff(status: number): void {
    if (this.ended) return;
    this.end();
    this.resolveExit(status);
    void this.emulator.stop();
  }

  private crash(err: unknown): void {
    if (this.ended) return;
    this.crashed = true;
    this.end();
    this.rejectExit(new GuestCrashError(err));
    // The CPU loop is gone (the failed tick scheduled no next one), so there is nothing
    // to stop; calling emulator.stop() would wait forever for "emulator-stopped".
  }

  private end(): void {
    this.writeBackDisks();
    this.flushSerial();
    this.counter.read();
    this.ended = true;
    this.waker?.dispose();
    clearInterval(this.sampler);
    for (const w of this.waiters) w.settle('the machine ended');
  }

  /** Writes each file-backed disk's bytes back to its file (what the guest wrote is on the host). */
  private writeBackDisks(): void {
    for (const d of this.disks.values()) if (d.path !== undefined) writeFileSync(d.path, d.data);
  }

  readVideoMemory(offset: number, len: number): Uint8Array {
    const vram = this.internals.cpu.devices.vga?.svga_memory;
    if (vram === undefined) throw new Error('this machine has no VGA device');
    if (!Number.isInteger(offset) || !Number.isInteger(len) || offset < 0 || len < 0 || offset + len > vram.length) {
      throw new RangeError(`readVideoMemory(${offset}, ${len}) is outside the ${vram.length} bytes of display memory`);
    }
    return vram.slice(offset, offset + len);
  }

  wakeLateness(): WakeStats | null {
    return this.waker;
  }

  disk(name: DiskName): Uint8Array | undefined {
    return this.disks.get(name)?.data;
  }

  private receiveError(byte: number): void {
    if (this.ended) return;
    const chunk = Uint8Array.of(byte);
    this.errorText += this.errorDecoder.decode(chunk, { stream: true });
    for (const cb of this.errorListeners) cb(chunk);
  }

  get errorOutput(): string {
    return this.errorText;
  }

  onErrorSerial(cb: (bytes: Uint8Array) => void): () => void {
    this.errorListeners.add(cb);
    return () => this.errorListeners.delete(cb);
  }

  private collectLine(byte: number): void {
    if (byte !== 0x0a) {
      this.line.push(byte);
      return;
    }
    const instructions = this.counter.read();
    const bytes = this.line[this.line.length - 1] === 0x0d ? this.line.slice(0, -1) : this.line;
    this.line = [];
    const text = new TextDecoder().decode(Uint8Array.from(bytes));
    for (const cb of this.lineListeners) cb(text, instructions);
  }

  onSerialLine(cb: (line: string, instructions: number) => void): () => void {
    this.lineListeners.add(cb);
    return () => this.lineListeners.delete(cb);
  }

  onSerial(cb: (bytes: Uint8Array) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  sendSerial(data: string | Uint8Array): void {
    if (this.ended) return;
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.emulator.serial_send_bytes(0, bytes);
  }

  get output(): string {
    return this.text;
  }

  waitForOutput(pattern: string | RegExp, timeoutMs = 10_000): Promise<string> {
    // search() ignores a global regexp's lastIndex, so repeated checks are stable.
    const matches = () => (typeof pattern === 'string' ? this.text.includes(pattern) : this.text.search(pattern) >= 0);
    if (matches()) return Promise.resolve(this.text);
    if (this.ended) return Promise.reject(new OutputTimeoutError(pattern, this.text, 'the machine ended'));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        matches,
        settle: (why) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          if (why === undefined) resolve(this.text);
          else reject(new OutputTimeoutError(pattern, this.text, why));
        },
      };
      const timer = setTimeout(() => waiter.settle(`timed out after ${timeoutMs} ms`), timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async stop(): Promise<void> {
    if (!this.ended) {
      this.end();
      this.rejectExit(new MachineStoppedError());
    }
    if (!this.crashed && this.emulator.is_running()) await this.emulator.stop();
  }

  instructionCount(): number {
    return this.counter.read();
  }

  instructionCountSinceMark(): number {
    return this.counter.read() - this.markCount;
  }

  readPhys(addr: number, len: number): Uint8Array {
    const size = this.internals.cpu.memory_size[0];
    if (!Number.isInteger(addr) || !Number.isInteger(len) || addr < 0 || len < 0 || addr + len > size) {
      throw new RangeError(`readPhys(${addr}, ${len}) is outside guest RAM (0..${size})`);
    }
    return this.emulator.read_memory(addr, len).slice();
  }

  controlRegisters(): ControlRegisters {
    const cr = this.internals.cpu.cr;
    return { cr0: cr[0] >>> 0, cr2: cr[2] >>> 0, cr3: cr[3] >>> 0, cr4: cr[4] >>> 0 };
  }

  instructionPointer(): number {
    return this.internals.cpu.instruction_pointer[0] >>> 0;
  }

  generalRegisters(): number[] {
    return Array.from(this.internals.cpu.reg32, (r) => r >>> 0);
  }

  inspectChannel(): number | null {
    return this.inspectBase;
  }
}
