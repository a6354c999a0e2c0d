// /proc/PID/maps lines, parsed: `start-end perms offset major:minor inode [name]`.

export interface MapsEntry {
  start: number;
  end: number;
  /** "rw-p", "r-xs", ... */
  perms: string;
  offset: number;
  /** "major:minor" in hex, as printed. */
  dev: string;
  inode: number;
  /** A path, [heap], [stack], a device's name, or "". */
  name: string;
  /** The line as the kernel wrote it. */
  line: string;
}

const LINE = /^([0-9a-f]+)-([0-9a-f]+) ([r-][w-][x-][ps]) ([0-9a-f]+) ([0-9a-f]+:[0-9a-f]+) (\d+)(?: +(.*))?$/;

/** One maps line; throws on a line that is not in the format (the kernel wrote it wrongly). */
export function parseMapsLine(line: string): MapsEntry {
  const m = LINE.exec(line);
  if (!m) throw new Error(`not a /proc/PID/maps line: ${JSON.stringify(line)}`);
  return {
    start: parseInt(m[1], 16), end: parseInt(m[2], 16), perms: m[3], offset: parseInt(m[4], 16),
    dev: m[5], inode: Number(m[6]), name: m[7] ?? '', line,
  };
}

/** Every line of a maps text (empty lines ignored). */
export function parseMaps(text: string): MapsEntry[] {
  return text.split('\n').filter((l) => l !== '').map(parseMapsLine);
}

/** The entry containing va (entries sorted by address), or null. */
export function findArea(areas: MapsEntry[], va: number): MapsEntry | null {
  let lo = 0, hi = areas.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const a = areas[mid];
    if (va < a.start) hi = mid - 1;
    else if (va >= a.end) lo = mid + 1;
    else return a;
  }
  return null;
}
