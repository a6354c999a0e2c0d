// The web page's figures, in headless Chromium (puppeteer): page load to the first prompt
// (browser wall time from navigation start, and guest instructions), and the VM inspector's
// refresh cost (read the channel, walk the tables, classify; then also draw) for a process
// with 10,000 present pages (test=inspect-many). Prints figures; asserts nothing.
//
//   npm run bench:web [-- --before DIR]   (DIR: a page built by another tree's `tskern web --out DIR`)
//   env WEB_LOADS=N: loads of each page; WEB_REFRESH=0: skip the inspector's figures

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel } from '../image-builder/build.ts';
import { findChromium, launchChromium } from '../host/web/browser.ts';
import { buildWebPage } from '../host/web/build.ts';
import { servePage } from '../host/web/serve.ts';
import type { TskernPage } from '../host/web/page/api.ts';

const ROUNDS = 20;
const WARM_UP = 10;
const MANY_PID = 3;

/** The page's window, as far as this file uses it (compiled without the DOM's types). */
declare const window: { tskern: TskernPage };

/** One load's figures: wall times from navigation start (ms), guest instructions, slice times. */
interface LoadFigures {
  ms: number; scriptMs: number; loadedMs: number; instructions: number; runMs: number; gapMs: number;
  /** CPU time to the prompt: the renderer process's (all its threads) and its main thread's. */
  processCpuMs: number; mainCpuMs: number;
  marks: string; files: string;
}

/** `--before DIR`: a page built from another tree (tskern web --out DIR), loaded alternately with this one. */
const beforeAt = process.argv.indexOf('--before');
const beforeDir = beforeAt >= 0 ? process.argv[beforeAt + 1] : undefined;
const LOADS = Number(process.env.WEB_LOADS ?? (beforeDir ? 5 : 3));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const chromium = await findChromium();
if (chromium.path === null) {
  process.stdout.write(`bench:web: no Chromium, nothing measured (${chromium.why})\n`);
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'tskern-web-bench-'));
const image = join(dir, 'image.elf');
writeFileSync(image, assembleKernel().elf);
await buildWebPage(join(dir, 'page'), image);
const server = await servePage(join(dir, 'page'), 0);
const before = beforeDir ? await servePage(beforeDir, 0) : undefined;
const launched = await launchChromium(chromium.path);

/** Loads the page at `url` in a new tab up to its first prompt. */
async function loadOnce(url: string): Promise<LoadFigures> {
  const page = await launched.browser.newPage();
  try {
    // CPU time (the renderer process: the page's thread, its workers, V8's compile threads;
    // and the page's main thread alone), which a busy machine inflates far less than wall time
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    const cpu = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { process: get('ProcessTime') * 1000, thread: get('ThreadTime') * 1000 };
    };
    const cpu0 = await cpu();
    await page.goto(url);
    await page.waitForFunction(() => window.tskern !== undefined, { timeout: 60_000 });
    await page.evaluate(() => window.tskern.ready);
    const cpu1 = await cpu();
    const at = (await page.evaluate(() => window.tskern.readyAt))!;
    const entries = await page.evaluate(() => JSON.stringify({
      marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('tskern:')).map((m) => [m.name.slice(7), m.startTime]),
      res: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => [r.name.replace(/^.*\//, ''), r.startTime, r.responseEnd, r.encodedBodySize]),
    }));
    const { marks, res } = JSON.parse(entries) as { marks: [string, number][]; res: [string, number, number, number][] };
    return {
      ms: at.ms, scriptMs: at.scriptMs, loadedMs: at.loadedMs, instructions: at.instructions, runMs: at.slices.runMs, gapMs: at.slices.gapMs,
      processCpuMs: cpu1.process - cpu0.process, mainCpuMs: cpu1.thread - cpu0.thread,
      marks: marks.map(([n, t]) => `${n} ${t.toFixed(0)}`).join(', '),
      files: res.map(([n, s0, e, b]) => `${n} ${s0.toFixed(0)}-${e.toFixed(0)} (${(b / 1e6).toFixed(2)} MB)`).join(', '),
    };
  } finally {
    await page.close();
  }
}

function describe(f: LoadFigures): string {
  return `${f.ms.toFixed(0)} ms, ${(f.instructions / 1e6).toFixed(2)}M guest instructions (script started at ${f.scriptMs.toFixed(0)} ms, v86 loaded at ${f.loadedMs.toFixed(0)} ms);` +
    ` CPU ${f.processCpuMs.toFixed(0)} ms (main thread ${f.mainCpuMs.toFixed(0)} ms);` +
    ` ${(f.instructions / (f.ms - f.loadedMs) / 1e3).toFixed(1)}M instructions/s from v86 loaded to the prompt, ${f.runMs.toFixed(0)} ms in slices, ${f.gapMs.toFixed(0)} ms between` +
    (f.marks ? `\n      marks: ${f.marks}` : '') + (f.files ? `\n      files: ${f.files}` : '');
}
try {
  const pages: { name: string; url: string }[] = [{ name: 'this tree', url: server.url }];
  if (before) pages.push({ name: 'before', url: before.url });
  process.stdout.write(`page load to prompt (${chromium.path}, ${LOADS} loads${before ? ` each of this tree and ${beforeDir}, alternating` : ''}, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):\n`);
  const results = new Map<string, LoadFigures[]>(pages.map((p) => [p.name, []]));
  for (let i = 0; i < LOADS; i++) {
    for (const p of pages) {
      const f = await loadOnce(p.url);
      results.get(p.name)!.push(f);
      process.stdout.write(`  ${p.name}, load ${i + 1}: ${describe(f)}\n`);
    }
  }
  process.stdout.write(`medians (load average now ${loadavg()[0].toFixed(1)}):\n`);
  const med = new Map<string, LoadFigures>();
  for (const p of pages) {
    const rs = results.get(p.name)!;
    const m: LoadFigures = {
      ms: median(rs.map((r) => r.ms)), scriptMs: median(rs.map((r) => r.scriptMs)), loadedMs: median(rs.map((r) => r.loadedMs)),
      instructions: median(rs.map((r) => r.instructions)), runMs: median(rs.map((r) => r.runMs)), gapMs: median(rs.map((r) => r.gapMs)),
      processCpuMs: median(rs.map((r) => r.processCpuMs)), mainCpuMs: median(rs.map((r) => r.mainCpuMs)), marks: '', files: '',
    };
    med.set(p.name, m);
    process.stdout.write(`  ${p.name.padEnd(9)}: prompt ${m.ms.toFixed(0)} ms = v86 loaded at ${m.loadedMs.toFixed(0)} ms (script started at ${m.scriptMs.toFixed(0)})` +
      ` + ${(m.ms - m.loadedMs).toFixed(0)} ms of boot (${m.runMs.toFixed(0)} ms in slices, ${m.gapMs.toFixed(0)} between); ${(m.instructions / 1e6).toFixed(2)}M guest instructions;` +
      ` CPU ${m.processCpuMs.toFixed(0)} ms, main thread ${m.mainCpuMs.toFixed(0)} ms\n`);
  }
  if (before) {
    const a = med.get('this tree')!;
    const b = med.get('before')!;
    process.stdout.write(`  this tree / before: prompt ${(a.ms / b.ms).toFixed(2)}, v86 loaded ${(a.loadedMs / b.loadedMs).toFixed(2)},` +
      ` boot after v86 loaded ${((a.ms - a.loadedMs) / (b.ms - b.loadedMs)).toFixed(2)}, guest instructions ${(a.instructions / b.instructions).toFixed(2)},` +
      ` CPU ${(a.processCpuMs / b.processCpuMs).toFixed(2)}, main-thread CPU ${(a.mainCpuMs / b.mainCpuMs).toFixed(2)}\n`);
  }

  // WEB_REFRESH=0: the page loads only
  if (process.env.WEB_REFRESH !== '0') {
    const page = await launched.browser.newPage();
    await page.goto(`${server.url}?cmdline=${encodeURIComponent('test=inspect-many')}`);
    await page.waitForFunction(() => window.tskern !== undefined, { timeout: 60_000 });
    await page.waitForFunction(() => window.tskern.serialText().includes('inspect: ready'), { timeout: 300_000 });
    const first = await page.evaluate((pid) => window.tskern.refreshCost(pid, 1), MANY_PID);
    await page.evaluate((pid, rounds) => window.tskern.refreshCost(pid, rounds), MANY_PID, WARM_UP);
    const cost = await page.evaluate((pid, rounds) => window.tskern.refreshCost(pid, rounds), MANY_PID, ROUNDS);
    process.stdout.write(`inspector refresh, pid ${MANY_PID} with ${cost.pages} present pages (mean of ${ROUNDS}, after ${WARM_UP} to warm up the JIT):\n`);
    process.stdout.write(`  read channel + walk + classify: ${cost.walkMs.toFixed(2)} ms\n`);
    process.stdout.write(`  ... + draw the map:             ${cost.totalMs.toFixed(2)} ms\n`);
    process.stdout.write(`  the first refresh (cold):       ${first.walkMs.toFixed(2)} ms, ${first.totalMs.toFixed(2)} ms with drawing\n`);
    await page.close();
  }
} finally {
  await launched.close();
  await server.close();
  await before?.close();
  rmSync(dir, { recursive: true, force: true });
}
