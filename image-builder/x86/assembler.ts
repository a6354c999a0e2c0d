// The assembler's container: sections of items, labels, branch relaxation and linking.
// Instruction encoders (instructions.ts) append items; link() lays the sections out at
// their addresses, grows short branches that do not reach until nothing changes, and
// resolves every fixup.

import { AsmError } from './errors.ts';
import { Ref, type Expr } from './operands.ts';

export { AsmError };

/** A field to fill in at link time: `width` bytes at `at` within its item. */
export interface Fixup {
  at: number;
  width: 1 | 2 | 4;
  expr: Expr;
  /** PC-relative: the value is expr minus the address of the end of the item. */
  pcrel?: boolean;
  /** Accept only a signed value of that width (displacements); otherwise signed or unsigned. */
  signed?: boolean;
}

/** Machine code with unresolved fields. */
export interface Encoded {
  bytes: number[];
  fixups: Fixup[];
}

type Item =
  | { kind: 'code'; enc: Encoded }
  | { kind: 'label'; name: string }
  | { kind: 'align'; n: number; fill: number }
  | { kind: 'space'; n: number; fill: number }
  /** A relaxable branch: `short` form is tried first; `near` once the target is out of reach. */
  | { kind: 'branch'; short?: Encoded; near: Encoded; long: boolean };

interface Section {
  name: string;
  nobits: boolean;
  items: Item[];
}

/** Where a section goes: its virtual address, and where it is loaded (physical). */
export interface SectionPlacement {
  name: string;
  /** Virtual address; omitted: follows the previous section, aligned to `align`. */
  vaddr?: number;
  align?: number;
  /** Physical (load) address minus virtual address; default: same as the previous section, or 0. */
  loadOffset?: number;
}

export interface LinkedSection {
  name: string;
  vaddr: number;
  paddr: number;
  /** Bytes present in the file (empty for nobits sections). */
  data: Uint8Array;
  /** Size in memory. */
  size: number;
  nobits: boolean;
}

export interface LinkedImage {
  sections: LinkedSection[];
  symbols: Map<string, number>;
}

export class Assembler {
  private sections = new Map<string, Section>();
  private current: Section;
  private labelSection = new Map<string, string>();
  private constants = new Map<string, number>();
  private uniq = 0;

  constructor() {
    this.current = this.getSection('.text', {});
  }

  /** Switch to (creating if needed) a section. `nobits` sections hold only space/align/labels. */
  section(name: string, opts: { nobits?: boolean } = {}): this {
    this.current = this.getSection(name, opts);
    return this;
  }

  private getSection(name: string, opts: { nobits?: boolean }): Section {
    let s = this.sections.get(name);
    if (!s) {
      s = { name, nobits: !!opts.nobits, items: [] };
      this.sections.set(name, s);
    }
    return s;
  }

  get currentSection(): string { return this.current.name; }

  /** Define a label at the current position. */
  label(name: string): this {
    if (this.labelSection.has(name) || this.constants.has(name)) throw new AsmError(`label ${name} defined twice`);
    this.labelSection.set(name, this.current.name);
    this.current.items.push({ kind: 'label', name });
    return this;
  }

  /** A fresh label name that cannot clash with hand-written ones. */
  newLabel(hint = 'L'): string {
    return `.${hint}.${this.uniq++}`;
  }

  /** Define an absolute symbol. */
  equ(name: string, value: number): this {
    if (this.labelSection.has(name) || this.constants.has(name)) throw new AsmError(`symbol ${name} defined twice`);
    this.constants.set(name, value);
    return this;
  }

  hasLabel(name: string): boolean {
    return this.labelSection.has(name) || this.constants.has(name);
  }

  /** Append encoded machine code or data. */
  emit(enc: Encoded): this {
    // Fixups would be dropped with the bytes, so only literal zeros may go into nobits.
    if (this.current.nobits && (enc.bytes.some((b) => b !== 0) || enc.fixups.some((f) => f.expr !== 0))) {
      throw new AsmError(`section ${this.current.name} holds no data`);
    }
    this.current.items.push({ kind: 'code', enc });
    return this;
  }

  /** Append a branch whose short form is used when the target is within reach. */
  emitBranch(near: Encoded, short?: Encoded): this {
    if (this.current.nobits) throw new AsmError(`section ${this.current.name} holds no data`);
    this.current.items.push({ kind: 'branch', near, short, long: !short });
    return this;
  }

  align(n: number, fill?: number): this {
    if (n <= 0 || (n & (n - 1)) !== 0) throw new AsmError(`alignment ${n} is not a power of two`);
    // Code sections pad with nop, like GNU as.
    this.current.items.push({ kind: 'align', n, fill: fill ?? (this.current.name.startsWith('.text') ? 0x90 : 0) });
    return this;
  }

  space(n: number, fill = 0): this {
    if (n < 0) throw new AsmError(`negative space ${n}`);
    this.current.items.push({ kind: 'space', n, fill });
    return this;
  }

  /** Lay the sections out and resolve every label and fixup. */
  link(placements: SectionPlacement[]): LinkedImage {
    const order = placements.map((p) => {
      const s = this.sections.get(p.name);
      if (!s) throw new AsmError(`no section ${p.name}`);
      return s;
    });
    for (const s of this.sections.values()) {
      if (s.items.length > 0 && !placements.some((p) => p.name === s.name)) {
        throw new AsmError(`section ${s.name} is not placed`);
      }
    }

    // Relaxation: start with every branch short and lengthen those out of reach until
    // nothing changes. Branches only ever grow, so this terminates. Starting from short
    // again each time makes link() depend only on its arguments, if called again.
    for (const s of order) for (const it of s.items) if (it.kind === 'branch') it.long = !it.short;
    let layout = this.layout(placements, order);
    while (this.relaxPass(placements, order, layout)) layout = this.layout(placements, order);

    const sections: LinkedSection[] = [];
    for (const [i, s] of order.entries()) {
      const vaddr = layout.sectionBase.get(s.name)!;
      const size = layout.sectionSize.get(s.name)!;
      const data = new Uint8Array(s.nobits ? 0 : size);
      let addr = vaddr;
      for (const it of s.items) {
        const n = this.itemSize(it, addr);
        const off = addr - vaddr;
        if (it.kind === 'code' || it.kind === 'branch') {
          const enc = it.kind === 'code' ? it.enc : it.long ? it.near : it.short!;
          if (!s.nobits) data.set(this.resolve(enc, addr, layout.symbols), off);
        } else if ((it.kind === 'align' || it.kind === 'space') && !s.nobits) {
          data.fill(it.fill, off, off + n);
        }
        addr += n;
      }
      const loadOffset = layout.loadOffset[i];
      sections.push({ name: s.name, vaddr, paddr: (vaddr + loadOffset) >>> 0, data, size, nobits: s.nobits });
    }
    return { sections, symbols: layout.symbols };
  }

  private itemSize(it: Item, addr: number): number {
    switch (it.kind) {
      case 'code': return it.enc.bytes.length;
      case 'label': return 0;
      case 'space': return it.n;
      case 'align': return (it.n - (addr % it.n)) % it.n;
      case 'branch': return (it.long ? it.near : it.short!).bytes.length;
    }
  }

  /** Addresses of everything for the current branch sizes. */
  private layout(placements: SectionPlacement[], order: Section[]): Layout {
    const l: Layout = {
      symbols: new Map(this.constants), sectionBase: new Map(), sectionSize: new Map(),
      loadOffset: [], itemAddr: new Map(), labelAt: new Map(),
    };
    let next = 0;
    let lastLoadOffset = 0;
    for (const [i, s] of order.entries()) {
      const base = sectionStart(placements[i], next);
      lastLoadOffset = placements[i].loadOffset ?? lastLoadOffset;
      l.loadOffset.push(lastLoadOffset);
      l.sectionBase.set(s.name, base);
      let addr = base;
      let region = 0;
      for (const it of s.items) {
        l.itemAddr.set(it, addr);
        if (it.kind === 'label') {
          l.symbols.set(it.name, addr);
          l.labelAt.set(it.name, { section: s.name, region });
        }
        if (it.kind === 'align') region++;
        addr += this.itemSize(it, addr);
      }
      l.sectionSize.set(s.name, addr - base);
      next = addr;
    }
    return l;
  }

  /**
   * One relaxation pass, done the way GNU as does it (relax_frag in binutils' write.c) so
   * that both choose the same branch sizes. Items are walked in order and a short branch
   * grows as soon as its target is out of reach, moving everything after it at once. Labels
   * already passed have their new address. A label ahead is assumed to move by as much as
   * the branch has moved ("stretch"), unless an align lies in between, which may absorb the
   * move: then its old address is used, and if that lies behind the branch the branch is
   * left for the next pass. Never overestimating a distance keeps branches minimal.
   * Returns whether a branch grew.
   */
  private relaxPass(placements: SectionPlacement[], order: Section[], old: Layout): boolean {
    const now = new Map(this.constants);
    let changed = false;
    let next = 0;
    for (const [i, s] of order.entries()) {
      let addr = sectionStart(placements[i], next);
      let region = 0;
      for (const it of s.items) {
        if (it.kind === 'label') now.set(it.name, addr);
        if (it.kind === 'align') region++;
        if (it.kind === 'branch' && !it.long) {
          const stretch = addr - old.itemAddr.get(it)!;
          let wait = false;
          const look = (name: string): number | undefined => {
            const v = now.get(name) ?? old.symbols.get(name);
            const at = old.labelAt.get(name);
            if (v === undefined || now.has(name) || !at || at.section !== s.name || stretch === 0) return v;
            if (stretch < 0 || at.region === region) return v + stretch;
            if (v < addr) wait = true;
            return v;
          };
          const end = addr + it.short!.bytes.length;
          const disp = this.evaluate(it.short!.fixups[0].expr, look) - end;
          if (!wait && (disp < -128 || disp > 127)) { it.long = true; changed = true; }
        }
        addr += this.itemSize(it, addr);
      }
      next = addr;
    }
    return changed;
  }

  private evaluate(e: Expr, symbols: Map<string, number> | ((name: string) => number | undefined)): number {
    if (typeof e === 'number') return e;
    const look = (name: string) => {
      const v = typeof symbols === 'function' ? symbols(name) : symbols.get(name);
      if (v === undefined) throw new AsmError(`undefined symbol ${name}`);
      return v;
    };
    return (e.label !== undefined ? look(e.label) : 0) - (e.minusLabel !== undefined ? look(e.minusLabel) : 0) + e.addend;
  }

  private resolve(enc: Encoded, addr: number, symbols: Map<string, number>): number[] {
    const out = enc.bytes.slice();
    for (const f of enc.fixups) {
      let v = this.evaluate(f.expr, symbols);
      if (f.pcrel) {
        v -= addr + enc.bytes.length;
        // EIP arithmetic wraps at 2^32: a rel32 reaches every address, e.g. from boot code
        // at 1 MiB up to a higher-half kernel at 0xc0100000 (displacement above 2^31).
        if (f.width === 4) v |= 0;
      }
      checkFits(v, f.width, !!f.signed || !!f.pcrel, f.expr);
      for (let k = 0; k < f.width; k++) out[f.at + k] = Number((BigInt(Math.trunc(v)) >> BigInt(8 * k)) & 0xffn);
    }
    return out;
  }
}

interface Layout {
  symbols: Map<string, number>;
  sectionBase: Map<string, number>;
  sectionSize: Map<string, number>;
  loadOffset: number[];
  itemAddr: Map<Item, number>;
  /** Where each label is: its section, and how many aligns precede it there. */
  labelAt: Map<string, { section: string; region: number }>;
}

/** A section's address: its own vaddr, or the end of the previous one; then aligned. */
function sectionStart(p: SectionPlacement, next: number): number {
  const align = p.align ?? 1;
  return Math.ceil((p.vaddr ?? next) / align) * align;
}

/** Whether v fits a field of `width` bytes, signed or (if allowed) unsigned. */
export function fits(v: number, width: 1 | 2 | 4, signedOnly = false): boolean {
  const bits = width * 8;
  const min = -(2 ** (bits - 1));
  const max = signedOnly ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  return Number.isInteger(v) && v >= min && v <= max;
}

function checkFits(v: number, width: 1 | 2 | 4, signed: boolean, e: Expr): void {
  if (!fits(v, width, signed)) {
    throw new AsmError(`value ${v} of ${e instanceof Ref ? e.toString() : e} does not fit in ${width * 8} bits`);
  }
}
