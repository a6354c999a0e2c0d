// The guest in the page: v86's browser build booting the kernel image with no BIOS, the way
// host/v86-runner.ts does it under Node (multiboot, the same memory size, COM2 on, keyboard
// and mouse off so that keys go to the terminal), its VGA output in `screen`. The page only
// observes: serial bytes out, guest memory read-only, the instruction counter, and two
// ports the kernel writes (power-off, the inspect channel's announcement).

import { V86 } from 'v86';
import { INSPECT_PORT } from '../../../kernel/debug/inspect-layout.ts';
import { ExtendedCounter } from '../../instruction-counter.ts';
import { countSlices, newSliceStats, scheduleWithPostTask, type V86Scheduler } from './slices.ts';
import type { SliceStats } from './api.ts';

const POWER_OFF_PORT = 0xf4;
const DEFAULT_MEMORY_MIB = 128;

export interface PageMachineOptions {
  image: ArrayBuffer;
  /** v86's core, compiled (./loads.ts). */
  wasm: Promise<WebAssembly.Module>;
  cmdline: string;
  /** The root file system (a cpio archive, the multiboot module), or none: the echo console. */
  initrd?: ArrayBuffer;
  memoryMiB?: number;
  screen: HTMLElement;
}

interface V86Io {
  v86: V86Scheduler & { cpu: { io: { register_write(port: number, device: object, w8: (v: number) => void, w16: (v: number) => void, w32: (v: number) => void): void } } };
}

export class PageMachine {
  readonly emulator: V86;
  /** Physical address of the kernel's inspect channel, once announced. */
  inspectBase: number | null = null;
  /** performance.now() when v86 had loaded the image and was about to start the CPU. */
  loadedAt = 0;
  /** The guest's power-off status, once it powered off. */
  exitStatus: number | null = null;
  /** The slices of emulation run so far (./slices.ts). */
  readonly slices: SliceStats = newSliceStats();
  private readonly counter: ExtendedCounter;
  /** Called once when the guest powers off, with its status. */
  onPowerOff: (status: number) => void = () => {};
  private readonly serialListeners: ((bytes: Uint8Array, port: number) => void)[] = [];
  private readonly pending: number[][] = [[], []];

  constructor(opts: PageMachineOptions) {
    this.emulator = new V86({
      wasm_fn: async (imports: WebAssembly.Imports) => {
        const instance = await WebAssembly.instantiate(await opts.wasm, imports);
        performance.mark('tskern:instantiated');
        return instance.exports;
      },
      multiboot: { buffer: opts.image },
      cmdline: opts.cmdline,
      ...(opts.initrd ? { initrd: { buffer: opts.initrd } } : {}),
      memory_size: (opts.memoryMiB ?? DEFAULT_MEMORY_MIB) * 1024 * 1024,
      screen_container: opts.screen,
      autostart: true,
      uart1: true,
      disable_speaker: true,
      disable_keyboard: true,
      disable_mouse: true,
      log_level: 0,
    });
    this.counter = new ExtendedCounter(() => this.emulator.get_instruction_counter());
    // keep the extended counter exact: a 32-bit wrap takes well over a second
    setInterval(() => this.counter.read(), 500);
    this.emulator.add_listener('serial0-output-byte', (byte: number) => this.receive(byte, 0));
    this.emulator.add_listener('serial1-output-byte', (byte: number) => this.receive(byte, 1));
    this.emulator.add_listener('emulator-ready', () => this.installHooks());
    this.emulator.add_listener('emulator-loaded', () => { this.loadedAt = performance.now(); performance.mark('tskern:loaded'); });
  }

  /** Calls `cb` with COM1 (port 0) and COM2 (port 1) output, a chunk per slice of emulation. */
  onSerial(cb: (bytes: Uint8Array, port: number) => void): void {
    this.serialListeners.push(cb);
  }

  /** Types `text` into COM1. */
  send(text: string): void {
    this.emulator.serial0_send(text);
  }

  /** Guest physical memory, read-only: a view that is valid until the emulator runs again. */
  readPhys(addr: number, len: number): Uint8Array {
    return this.emulator.read_memory(addr, len);
  }

  instructionCount(): number {
    return this.counter.read();
  }

  private installHooks(): void {
    performance.mark('tskern:v86-ready');
    const v86 = (this.emulator as unknown as V86Io).v86;
    scheduleWithPostTask(v86);
    countSlices(v86, this.slices);
    const io = v86.cpu.io;
    const ignore = () => {};
    io.register_write(INSPECT_PORT, this, ignore, ignore, (v) => { this.inspectBase = v >>> 0; });
    const powerOff = (v: number) => {
      if (this.exitStatus !== null) return;
      this.exitStatus = v & 0xff;
      void this.emulator.stop();
      this.onPowerOff(this.exitStatus);
    };
    io.register_write(POWER_OFF_PORT, this, powerOff, powerOff, powerOff);
  }

  // Serial bytes arrive one at a time from inside the CPU loop; deliver them in one chunk
  // per slice of emulation.
  private receive(byte: number, port: number): void {
    if (this.pending[port].length === 0) queueMicrotask(() => this.flush(port));
    this.pending[port].push(byte);
  }

  private flush(port: number): void {
    const chunk = Uint8Array.from(this.pending[port]);
    this.pending[port] = [];
    for (const cb of this.serialListeners) cb(chunk, port);
  }
}
