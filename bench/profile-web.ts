// Where the page's main thread spends its time from navigation to the first prompt: a CPU
// profile (Chrome DevTools protocol) of one load, self time summed per function, and the
// page's slice counts. Prints figures; asserts nothing.
//
//   npx esbuild bench/profile-web.ts --bundle --platform=node --format=esm --packages=external \
//     --alias:typescript=./image-builder/typescript-cjs.ts --outfile=build/bench/profile-web.mjs && node build/bench/profile-web.mjs [QUERY [FUNCTION]]
//   env PROFILE_WINDOW=FROM,TO: self time by function between two of the page's marks (tskern:FROM, tskern:TO;
//   default script,loaded); TSKERN_WEB_MINIFY=0: main.js unminified, so that v86's and xterm's functions have names

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel } from '../image-builder/build.ts';
import { findChromium, launchChromium } from '../host/web/browser.ts';
import { buildWebPage } from '../host/web/build.ts';
import { servePage } from '../host/web/serve.ts';
import type { TskernPage } from '../host/web/page/api.ts';

declare const window: { tskern: TskernPage };

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

const chromium = await findChromium();
if (chromium.path === null) {
  process.stdout.write(`profile-web: no Chromium (${chromium.why})\n`);
  process.exit(0);
}
const query = process.argv[2] ? `?${process.argv[2]}` : '';
const dir = mkdtempSync(join(tmpdir(), 'tskern-web-profile-'));
const image = join(dir, 'image.elf');
writeFileSync(image, assembleKernel().elf);
await buildWebPage(join(dir, 'page'), image);
const server = await servePage(join(dir, 'page'), 0);
const launched = await launchChromium(chromium.path);
try {
  const page = await launched.browser.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.tracing.start({ categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'cc', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'netlog'] });
  await page.goto(server.url + query);
  await page.waitForFunction(() => window.tskern !== undefined, { timeout: 60_000 });
  await page.evaluate(() => window.tskern.ready);
  const { profile } = await cdp.send('Profiler.stop') as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number } };
  const at = (await page.evaluate(() => window.tskern.readyAt))!;
  const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString("utf8")) as { traceEvents: { name: string; ph: string; dur?: number; tid: number; pid: number; ts: number; cat: string }[] };
  // the renderer's main thread: the thread with the most FunctionCall time
  const fc = new Map<string, number>();
  for (const e of trace.traceEvents) if (e.name === 'FunctionCall' && e.dur) fc.set(`${e.pid}:${e.tid}`, (fc.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
  const main = [...fc].sort((a, b) => b[1] - a[1])[0]?.[0];
  const byName = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const e of trace.traceEvents) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.dur) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
    counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  }
  // the main thread's long tasks until v86 had loaded (times from navigation start, via the page's marks)
  const marks = trace.traceEvents.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('tskern:'));
  const nav = trace.traceEvents.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main);
  const t0 = nav?.ts ?? 0;
  process.stdout.write(`marks: ${marks.map((e) => `${e.name.slice(7)} ${((e.ts - t0) / 1000).toFixed(0)}`).join(', ')}\n`);
  const loadedTs = marks.find((e) => e.name === 'tskern:loaded')?.ts ?? Infinity;
  const mainEvents = trace.traceEvents.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  process.stdout.write('main-thread tasks over 10 ms until v86 loaded (start-end ms from navigation, the longest events inside):\n');
  for (const task of mainEvents) {
    if (task.name !== 'RunTask' || task.dur! < 10_000 || task.ts > loadedTs) continue;
    const inner = mainEvents.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.name !== 'RunTask');
    const top = inner.sort((a, b) => b.dur! - a.dur!).slice(0, 4).map((e) => `${e.name} ${(e.dur! / 1000).toFixed(0)}`);
    process.stdout.write(`  ${((task.ts - t0) / 1000).toFixed(0)}-${((task.ts + task.dur! - t0) / 1000).toFixed(0)}: ${top.join(', ')}\n`);
  }
  // the main thread's CPU time (tdur: thread time) and wall time in its tasks, to the prompt
  const promptTs = marks.find((e) => e.name === 'tskern:prompt')?.ts ?? Infinity;
  let cpuUs = 0, wallUs = 0;
  for (const e of mainEvents) {
    if (e.name !== 'RunTask' || e.ts > promptTs) continue;
    cpuUs += (e as { tdur?: number }).tdur ?? 0;
    wallUs += e.dur!;
  }
  process.stdout.write(`main thread to the prompt: ${(cpuUs / 1000).toFixed(0)} ms of CPU in ${(wallUs / 1000).toFixed(0)} ms of tasks\n`);
  process.stdout.write('trace, main thread, total duration by event name (nested events counted in each):\n');
  for (const [k, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`  ${ms.toFixed(0).padStart(6)} ms  ${k} (${counts.get(k)} times)\n`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  // self time by function inside a window between two of the page's marks (PROFILE_WINDOW=from,to)
  const [wFrom, wTo] = (process.env.PROFILE_WINDOW ?? 'script,loaded').split(',');
  const fromTs = marks.find((e) => e.name === `tskern:${wFrom}`)?.ts ?? 0;
  const toTs = marks.find((e) => e.name === `tskern:${wTo}`)?.ts ?? Infinity;
  const inWindow = new Map<string, number>();
  let ts = profile.startTime;
  profile.samples.forEach((id, i) => {
    ts += profile.timeDeltas[i];
    if (ts < fromTs || ts > toTs) return;
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;
    inWindow.set(key, (inWindow.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  process.stdout.write(`self time by function from ${wFrom} to ${wTo}:\n`);
  for (const [k, ms] of [...inWindow].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`  ${ms.toFixed(0).padStart(6)} ms  ${k}\n`);
  process.stdout.write(`prompt at ${at.ms.toFixed(0)} ms, v86 loaded at ${at.loadedMs.toFixed(0)} ms, ${(at.instructions / 1e6).toFixed(2)}M instructions; slices ${JSON.stringify(at.slices)}\n`);
  process.stdout.write(`profile: ${total.toFixed(0)} ms sampled; self time by function:\n`);
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`  ${ms.toFixed(0).padStart(6)} ms  ${k}\n`);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    if (f.functionName !== (process.argv[3] ?? 'draw')) return;
    const chain: string[] = [];
    for (let p: number | undefined = id; p !== undefined; p = parent.get(p)) chain.push(byId.get(p)!.callFrame.functionName || '?');
    const key = chain.slice(0, 8).join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  for (const [k, ms] of stacks) process.stdout.write(`  ${ms.toFixed(0)} ms in ${k}\n`);
  await page.close();
} finally {
  await launched.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
