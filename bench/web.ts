// The web page's figures, in headless Chromium (puppeteer): page load to the first prompt
// (browser wall time from navigation start, and guest instructions), and the VM inspector's
// refresh cost (read the channel, walk the tables, classify; then also draw) for a process
// with 10,000 present pages (test=inspect-many). Prints figures; asserts nothing.
//
//   npm run bench:web

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleKernel } from '../image-builder/build.ts';
import { findChromium, launchChromium } from '../host/web/browser.ts';
import { buildWebPage } from '../host/web/build.ts';
import { servePage } from '../host/web/serve.ts';
import type { TskernPage } from '../host/web/page/api.ts';

const LOADS = 3;
const ROUNDS = 20;
const WARM_UP = 10;
const MANY_PID = 3;

/** The page's window, as far as this file uses it (compiled without the DOM's types). */
declare const window: { tskern: TskernPage };

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
const launched = await launchChromium(chromium.path);
try {
  process.stdout.write(`page load to prompt (${chromium.path}, ${LOADS} loads, load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores):\n`);
  for (let i = 0; i < LOADS; i++) {
    const page = await launched.browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => window.tskern !== undefined, { timeout: 60_000 });
    await page.evaluate(() => window.tskern.ready);
    const at = (await page.evaluate(() => window.tskern.readyAt))!;
    process.stdout.write(`  load ${i + 1}: ${at.ms.toFixed(0)} ms, ${(at.instructions / 1e6).toFixed(2)}M guest instructions` +
      ` (script started at ${at.scriptMs.toFixed(0)} ms, v86 loaded at ${at.loadedMs.toFixed(0)} ms)\n`);
    const s = at.slices;
    const rate = at.instructions / (at.ms - at.loadedMs) / 1e3;
    process.stdout.write(`    ${rate.toFixed(1)}M guest instructions/s from v86 loaded to the prompt; ${s.slices} slices (${s.halts} ended in hlt),` +
      ` ${s.runMs.toFixed(0)} ms running the guest (${(at.instructions / s.runMs / 1e3).toFixed(1)}M/s), ${s.gapMs.toFixed(0)} ms between slices` +
      ` (${s.askedMs.toFixed(0)} ms of it waits the guest asked for)\n`);
    await page.close();
  }

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
} finally {
  await launched.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
