// A minimal Source Map v3 reader: decodes the VLQ "mappings" of esbuild's map and looks
// up the original position of a generated line/column.

export interface OriginalPosition {
  source: number;
  /** 0-based. */
  line: number;
  /** 0-based. */
  column: number;
}

interface Segment {
  genColumn: number;
  source: number;
  line: number;
  column: number;
  /** Index into `names`: the original name of an identifier esbuild renamed. */
  name?: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map<string, number>([...B64].map((c, i) => [c, i]));

/** Decodes one mappings line's fields: a list of groups of VLQ numbers. */
function decodeVlqGroup(s: string): number[] {
  const out: number[] = [];
  let value = 0, shift = 0;
  for (const ch of s) {
    const d = B64_VALUE.get(ch);
    if (d === undefined) throw new Error(`bad base64 digit '${ch}' in source map`);
    value += (d & 31) * 2 ** shift;
    if (d & 32) { shift += 5; continue; }
    out.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return out;
}

export class SourceMap {
  readonly sources: string[];
  readonly names: string[];
  private readonly lines: Segment[][] = [];

  constructor(json: { sources: string[]; mappings: string; names?: string[] }) {
    this.sources = json.sources;
    this.names = json.names ?? [];
    let source = 0, line = 0, column = 0, name = 0;
    for (const lineText of json.mappings.split(';')) {
      const segs: Segment[] = [];
      let genColumn = 0;
      if (lineText) {
        for (const group of lineText.split(',')) {
          const f = decodeVlqGroup(group);
          genColumn += f[0];
          if (f.length >= 4) {
            source += f[1];
            line += f[2];
            column += f[3];
            if (f.length >= 5) {
              name += f[4];
              segs.push({ genColumn, source, line, column, name });
            } else {
              segs.push({ genColumn, source, line, column });
            }
          }
        }
      }
      segs.sort((a, b) => a.genColumn - b.genColumn);
      this.lines.push(segs);
    }
  }

  /**
   * The original name of the identifier that starts at generated (line, column), when
   * esbuild renamed it (bundling renames colliding top-level names: `parseInt` becomes
   * `parseInt3`); undefined otherwise.
   */
  nameAt(line: number, column: number): string | undefined {
    const seg = (this.lines[line] ?? []).find((s) => s.genColumn === column);
    return seg?.name === undefined ? undefined : this.names[seg.name];
  }

  /**
   * The original position of generated (line, column), both 0-based: the last segment at or
   * before it on the same line, shifted by the column distance; otherwise the closest
   * segment on an earlier line.
   */
  lookup(line: number, column: number): OriginalPosition | undefined {
    const segs = this.lines[line] ?? [];
    let best: Segment | undefined;
    for (const s of segs) {
      if (s.genColumn > column) break;
      best = s;
    }
    if (best) return { source: best.source, line: best.line, column: best.column + (column - best.genColumn) };
    if (segs.length) return { source: segs[0].source, line: segs[0].line, column: segs[0].column };
    for (let l = Math.min(line, this.lines.length) - 1; l >= 0; l--) {
      const prev = this.lines[l];
      if (prev.length) {
        const s = prev[prev.length - 1];
        return { source: s.source, line: s.line, column: s.column };
      }
    }
    return undefined;
  }
}
