// `window.tskern`, the page's testing face: what tests (tests/web) and the benchmark
// (bench/web.ts) drive the page with. Types only, and no DOM types, so that Node-side code
// can import it.

import type { InspectedProcess } from '../../inspect/inspect.ts';

export interface TskernPage {
  /** Types `text` into COM1 (as keys typed into the terminal). */
  send(text: string): void;
  /** Everything COM1 printed so far. */
  serialText(): string;
  /** Resolves at the first prompt (PROMPT on COM1). */
  ready: Promise<void>;
  /** The processes published on the inspect channel. */
  processes(): { pid: number; name: string; cr3: number; kernel: boolean }[];
  /** The inspector's data for `pid` (default: the highest published pid). */
  inspect(pid?: number): InspectedProcess;
  /** Guest instructions executed so far. */
  instructions(): number;
  /** Where page `va` of the process on the map is drawn (canvas CSS pixels), or null. */
  pageCell(va: number): { x: number; y: number } | null;
  /** The terminal's size in character cells. */
  terminalSize(): { cols: number; rows: number };
  /**
   * Filled in when `ready` resolves: wall times from navigation start (ms: the prompt,
   * scriptMs: the page's script started, loadedMs: v86 had its core and the image) and the
   * guest instructions executed to the prompt, with the slices of emulation run until then
   * (how many, how many ended in a halt, host time inside them and between them).
   */
  readyAt: { ms: number; instructions: number; scriptMs: number; loadedMs: number; slices: SliceStats } | null;
  /** Mean cost of an inspector refresh of `pid` over `rounds`: reading and walking only, and with drawing. */
  refreshCost(pid: number, rounds: number): { pages: number; walkMs: number; totalMs: number };
}


/** The slices of emulation the page ran (host/web/page/slices.ts counts them). */
export interface SliceStats {
  /** Slices of emulation run (v86's main_loop calls). */
  slices: number;
  /** Slices that ended because the guest halted (it asked for a wait > 0). */
  halts: number;
  /** Host milliseconds spent inside slices (running the guest). */
  runMs: number;
  /** Host milliseconds from the end of a slice to the start of the next one, in total. */
  gapMs: number;
  /** Of gapMs, the part that the guest asked to wait (each requested wait, capped by its gap). */
  askedMs: number;
}
