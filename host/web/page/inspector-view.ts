// Draws one process as the inspector shows it: its /proc/PID/maps lines, and a map of its
// user half where each area is a block of page cells (colour: the page's kind; a light bar
// on top: accessed; a bar at the bottom: dirty; an empty cell: not present), plus the
// present pages that lie outside every area. Clicking a cell describes the page.

import type { InspectedPage, InspectedProcess, PageKind } from '../../inspect/inspect.ts';
import type { MapsEntry } from '../../inspect/maps.ts';

export const KIND_COLOURS: Record<PageKind, string> = {
  zero: '#6b7385',
  private: '#43a047',
  cow: '#fb8c00',
  shared: '#1e88e5',
  file: '#8e24aa',
  device: '#e53935',
  kernel: '#546e7a',
  orphan: '#fdd835',
};

/** A colour '#rrggbb' as an opaque pixel of a little-endian RGBA Uint32Array. */
function pixel(colour: string): number {
  const v = parseInt(colour.slice(1), 16);
  return (0xff000000 | ((v & 0xff) << 16) | (v & 0xff00) | (v >>> 16)) >>> 0;
}

const KIND_PIXELS = Object.fromEntries(Object.entries(KIND_COLOURS).map(([k, c]) => [k, pixel(c)])) as Record<PageKind, number>;
const SELECTED = pixel('#ffffff'), BACKGROUND = pixel('#111318'), ABSENT = pixel('#2c313b'), ACCESSED = pixel('#e8eaf0'), DIRTY = pixel('#101010');

/** The border of a size x size square at (x, y). */
function outline(px: Uint32Array, w: number, x: number, y: number, size: number, colour: number): void {
  px.fill(colour, y * w + x, y * w + x + size);
  px.fill(colour, (y + size - 1) * w + x, (y + size - 1) * w + x + size);
  for (let r = 1; r < size - 1; r++) {
    px[(y + r) * w + x] = colour;
    px[(y + r) * w + x + size - 1] = colour;
  }
}

/** Cell sizes: big cells while everything fits in BIG_CELLS_UP_TO cells, small ones beyond. */
const BIG_CELL = 14, SMALL_CELL = 8, BIG_CELLS_UP_TO = 2048;
const GAP = 1;
const LABEL = 16;
/** Cells drawn per area at most (a huge reservation would otherwise be millions of cells). */
const MAX_CELLS = 64 * 1024;

interface Block {
  /** First address of the block's first cell. */
  start: number;
  /** Number of cells; cell i is page start + i * 4096 (or the i-th of `loose`). */
  cells: number;
  /** y of the first row of cells. */
  y: number;
  /** For the block of pages outside every area: the pages, one per cell. */
  loose?: InspectedPage[];
  area?: MapsEntry;
}

export class InspectorView {
  private blocks: Block[] = [];
  private cols = 64;
  private cell = BIG_CELL;
  private byVa = new Map<number, InspectedPage>();
  private shown: InspectedProcess | null = null;
  /** The page last clicked (outlined on the map), or null. */
  private selected: number | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly mapsText: HTMLElement,
    private readonly info: HTMLElement,
    legend: HTMLElement,
  ) {
    for (const [kind, colour] of Object.entries(KIND_COLOURS)) {
      const item = document.createElement('span');
      item.innerHTML = `<i style="background:${colour}"></i>${kind}`;
      legend.appendChild(item);
    }
    const note = document.createElement('span');
    note.textContent = 'top bar: accessed, bottom bar: dirty, outline: not present';
    legend.appendChild(note);
    canvas.addEventListener('click', (e) => this.click(e));
  }

  /** Draws `proc` (the same process again keeps the page description up to date). */
  render(proc: InspectedProcess): void {
    const same = this.shown !== null && this.shown.pid === proc.pid;
    this.shown = proc;
    this.byVa = new Map(proc.pages.map((p) => [p.va, p]));
    const maps = proc.vmas.map((v) => v.line).join('\n');
    const head = `pid ${proc.pid} ${proc.name}  CR3 ${hex(proc.cr3)}  ${proc.pages.length} present pages`;
    const text = maps === '' ? `${head}\n(no areas)` : `${head}\n${maps}`;
    if (this.mapsText.textContent !== text) this.mapsText.textContent = text;
    this.layout(proc);
    if (!same) this.selected = null;
    this.draw();
    if (!same) {
      this.selected = null;
      this.info.textContent = 'Click a page to see its PTE, frame and area.';
    } else if (this.selected !== null) {
      this.describe(this.selected); // the PTE and the count may have changed
    }
  }

  private layout(proc: InspectedProcess): void {
    const width = this.canvas.parentElement ? this.canvas.parentElement.clientWidth : 600;
    let total = proc.pages.filter((p) => p.vma < 0).length;
    for (const area of proc.vmas) total += Math.min((area.end - area.start) / 4096, MAX_CELLS);
    this.cell = total <= BIG_CELLS_UP_TO ? BIG_CELL : SMALL_CELL;
    const cell = this.cell;
    this.cols = Math.max(32, Math.floor((width - 8) / (cell + GAP)));
    this.blocks = [];
    let y = 0;
    for (const area of proc.vmas) {
      const cells = Math.min((area.end - area.start) / 4096, MAX_CELLS);
      this.blocks.push({ start: area.start, cells, y: y + LABEL, area });
      y += LABEL + Math.ceil(cells / this.cols) * (cell + GAP) + 6;
    }
    const loose = proc.pages.filter((p) => p.vma < 0);
    if (loose.length > 0) {
      this.blocks.push({ start: 0, cells: Math.min(loose.length, MAX_CELLS), y: y + LABEL, loose });
      y += LABEL + Math.ceil(Math.min(loose.length, MAX_CELLS) / this.cols) * (cell + GAP) + 6;
    }
    const w = this.cols * (cell + GAP) + 8, h = Math.max(y, 20);
    if (this.canvas.width !== w) this.canvas.width = w;
    if (this.canvas.height !== h) this.canvas.height = h;
  }

  // Cells are drawn as pixels into one ImageData (a fillRect per cell costs ~10x more on a
  // 10,000-page process); the labels go on top with fillText.
  private draw(): void {
    const g = this.canvas.getContext('2d');
    if (!g) return;
    const w = this.canvas.width, h = this.canvas.height;
    const image = g.createImageData(w, h);
    const px = new Uint32Array(image.data.buffer);
    px.fill(BACKGROUND);
    const cell = this.cell, bar = cell > 10 ? 3 : 2, step = cell + GAP;
    for (const b of this.blocks) {
      for (let i = 0; i < b.cells; i++) {
        const x = 4 + (i % this.cols) * step, y = b.y + Math.floor(i / this.cols) * step;
        const page = b.loose ? b.loose[i] : this.byVa.get(b.start + i * 4096);
        if (!page) {
          outline(px, w, x, y, cell, ABSENT);
          continue;
        }
        for (let r = 0; r < cell; r++) {
          const colour = r < bar && page.bits.accessed ? ACCESSED : r >= cell - bar && page.bits.dirty ? DIRTY : KIND_PIXELS[page.kind];
          px.fill(colour, (y + r) * w + x, (y + r) * w + x + cell);
        }
      }
    }
    const mark = this.selected === null ? null : this.cellCentre(this.selected);
    if (mark !== null) outline(px, w, mark.x - cell / 2 - 1, mark.y - cell / 2 - 1, cell + 2, SELECTED);
    g.putImageData(image, 0, 0);
    g.font = '11px monospace';
    g.fillStyle = '#8a91a0';
    for (const b of this.blocks) {
      const label = b.area
        ? `${hex(b.area.start)}-${hex(b.area.end)} ${b.area.perms} ${b.area.name}${b.cells < (b.area.end - b.area.start) / 4096 ? `  (first ${b.cells} pages)` : ''}`
        : 'present pages outside every area';
      g.fillText(label, 4, b.y - 4);
    }
  }

  /** The centre of page va's cell in the canvas (CSS pixels from its top left), or null. */
  cellCentre(va: number): { x: number; y: number } | null {
    for (const b of this.blocks) {
      const i = b.loose ? b.loose.findIndex((p) => p.va === va) : (va - b.start) / 4096;
      if (!Number.isInteger(i) || i < 0 || i >= b.cells) continue;
      const step = this.cell + GAP;
      return { x: 4 + (i % this.cols) * step + this.cell / 2, y: b.y + Math.floor(i / this.cols) * step + this.cell / 2 };
    }
    return null;
  }

  private click(e: MouseEvent): void {
    const cell = this.cell;
    const r = this.canvas.getBoundingClientRect();
    const x = e.clientX - r.left - 4, y = e.clientY - r.top;
    const col = Math.floor(x / (cell + GAP));
    if (col < 0 || col >= this.cols || !this.shown) return;
    for (const b of this.blocks) {
      const row = Math.floor((y - b.y) / (cell + GAP));
      const i = row * this.cols + col;
      if (y < b.y || i >= b.cells) continue;
      const va = b.loose ? b.loose[i].va : b.start + i * 4096;
      this.selected = va;
      this.describe(va);
      this.draw();
      return;
    }
  }

  /** Writes the description of page `va` of the shown process into the info box. */
  describe(va: number): void {
    const proc = this.shown;
    if (!proc) return;
    const page = this.byVa.get(va);
    const area = page ? (page.vma >= 0 ? proc.vmas[page.vma] : null) : proc.vmas.find((v) => va >= v.start && va < v.end) ?? null;
    const lines = [`page ${hex(va)}  pid ${proc.pid}`];
    if (!page) {
      lines.push('not present (no PTE with P set)');
    } else {
      const b = page.bits;
      const flags = [b.present && 'P', b.writable && 'RW', b.user && 'US', b.accessed && 'A', b.dirty && 'D', b.global && 'G', b.large && 'PS'].filter(Boolean).join(' ');
      lines.push(`kind   ${page.kind}`);
      lines.push(`PTE    ${hex(page.pte)} at ${hex(page.pteAddr)}  [${flags}]`);
      lines.push(`frame  ${hex(page.frame)}  reference count ${page.count === null ? 'none (not managed RAM)' : page.count}`);
    }
    lines.push(`area   ${area ? area.line : '(none)'}`);
    this.info.textContent = lines.join('\n');
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}
