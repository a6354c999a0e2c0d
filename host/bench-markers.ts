// Benchmark segments marked on the guest's serial console, in the protocol of
// shared/bench/linux-anchor.sh, so our figures compare directly with Linux's:
//   "@@B name"      a measured segment starts (the host samples the instruction counter)
//   "@@E name n"    it ends, having covered n operations
//   "@@B calib" / "@@E calib 1" pairs measure the cost of printing the markers themselves,
//   which is subtracted from every segment.

import type { GuestMachine } from './v86-runner.ts';

export interface Segment {
  name: string;
  ops: number;
  /** Guest instructions inside the segment, marker overhead removed. */
  instructions: number;
  perOp: number;
}

export class MarkerRecorder {
  readonly segments: Segment[] = [];
  private open = new Map<string, number>();
  private calibration: number[] = [];
  private stop: () => void;

  constructor(machine: GuestMachine) {
    this.stop = machine.onSerialLine((line, count) => this.line(line, count));
  }

  private line(line: string, count: number): void {
    const begin = /^@@B (\S+)$/.exec(line);
    if (begin) { this.open.set(begin[1], count); return; }
    const end = /^@@E (\S+) (\d+)$/.exec(line);
    if (!end) return;
    const start = this.open.get(end[1]);
    if (start === undefined) throw new Error(`benchmark marker "@@E ${end[1]}" without its "@@B"`);
    this.open.delete(end[1]);
    const raw = count - start;
    if (end[1] === 'calib') { this.calibration.push(raw); return; }
    const instructions = Math.max(0, raw - this.markerCost());
    const ops = Number(end[2]);
    this.segments.push({ name: end[1], ops, instructions, perOp: ops ? instructions / ops : NaN });
  }

  /** The smallest observed cost of an empty segment (the markers' own printing). */
  markerCost(): number {
    return this.calibration.length ? Math.min(...this.calibration) : 0;
  }

  detach(): void { this.stop(); }
}

/** A table for humans, one segment a line. */
export function formatSegments(segments: Segment[]): string {
  return segments
    .map((s) => `${s.name.padEnd(28)} ${String(s.ops).padStart(8)} ops  ${s.perOp.toFixed(1).padStart(10)} instructions/op`)
    .join('\n');
}
