// The web page in headless Chromium (puppeteer): it boots the kernel image to the prompt,
// keys typed into the xterm terminal reach COM1 and come back, and the VM inspector's view
// of the test=inspect address spaces (read from guest memory by the page) matches what the
// kernel itself reports for each page and what the scenario made (zero page, private,
// copy-on-write after fork, shared), and follows the changes typed on the console (a write
// breaking copy-on-write, an unmap, a fork, an exit). Saves a screenshot in build/artifacts/.
// Skipped, saying why, when no Chromium can be found, unless CI is set: then it fails.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { projectRoot } from '../../image-builder/paths.ts';
import { findChromium, launchChromium, type LaunchedBrowser } from '../../host/web/browser.ts';
import { buildWebPage } from '../../host/web/build.ts';
import { servePage, type PageServer } from '../../host/web/serve.ts';
import type { InspectedProcess } from '../../host/inspect/inspect.ts';
import type { TskernPage } from '../../host/web/page/api.ts';
import { kernelImageFile } from '../boot/kernel-image.ts';
import { MOTD } from '../../image-builder/rootfs.ts';
import { FIRST_PROMPT } from '../../user/lib/prompt.ts';
import { CI } from '../oracle.ts';

const chromium = await findChromium();
const missing = chromium.path === null ? chromium.why : '';
const skip = missing !== '' && !CI;
const note = skip ? ` (skipped: ${missing})` : '';

// The callbacks given to page.evaluate run in the page; this file is compiled without the
// DOM's types, so it names only what it uses there (DOM calls go as source text).
declare const window: { tskern: TskernPage };

const BOOT_MS = 60_000;
const PAGE = 4096;
const ANON_BASE = 0x0804_8000;
const SHARED_BASE = 0x4000_0000;

let dir = '';
let server: PageServer;
let launched: LaunchedBrowser;

beforeAll(async () => {
  if (skip) return;
  if (chromium.path === null) throw new Error(`CI is set and there is no Chromium: ${missing}`);
  dir = mkdtempSync(join(tmpdir(), 'tskern-web-'));
  await buildWebPage(dir, kernelImageFile());
  server = await servePage(dir, 0);
  launched = await launchChromium(chromium.path);
}, 120_000);

afterAll(async () => {
  await launched?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A new tab on the page with `cmdline`, once window.tskern.ready resolved. */
async function openPage(cmdline: string): Promise<Page> {
  const page = await launched.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + (cmdline ? `?cmdline=${encodeURIComponent(cmdline)}` : ''));
  await page.waitForFunction(() => window.tskern !== undefined, { timeout: BOOT_MS });
  await page.evaluate(() => window.tskern.ready);
  expect(errors).toEqual([]);
  return page;
}

/** COM1's output once it contains `text` (the output so far in the error when it never does). */
async function waitForSerial(page: Page, text: string): Promise<string> {
  try {
    await page.waitForFunction((t) => window.tskern.serialText().includes(t), { timeout: 20_000 }, text);
  } catch (err) {
    const got = await page.evaluate(() => window.tskern.serialText());
    throw new Error(`COM1 never printed ${JSON.stringify(text)}; it printed ${JSON.stringify(got)}`, { cause: err });
  }
  return page.evaluate(() => window.tskern.serialText());
}

describe('the web page', () => {
  test.skipIf(skip)(`boots to the shell's prompt; keys typed and pasted into the terminal reach the shell; the terminal follows its box${note}`, async () => {
    const page = await openPage('');
    const boot = await page.evaluate(() => window.tskern.serialText());
    expect(boot).toMatch(/^tskern \d+\.\d+\.\d+ \(i386, PAE paging/);
    expect(boot).toContain(MOTD + FIRST_PROMPT);
    // xterm draws what arrived on its own schedule: wait for the prompt to be on the screen
    await page.waitForFunction(`(document.querySelector('#terminal .xterm-rows')?.textContent ?? '').includes(${JSON.stringify(FIRST_PROMPT.trim())})`,
      { timeout: 20_000 });
    const shown = await page.$eval('#terminal .xterm-rows', (e) => e.textContent ?? '');
    expect(shown).toContain(FIRST_PROMPT.trim());

    // real key events into xterm: the shell's line editor echoes them, Backspace erases one
    await page.click('#terminal');
    await page.keyboard.type('echo typed keyz');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('s');
    await page.keyboard.press('Enter');
    const echoed = await waitForSerial(page, '\ntyped keys\n' + FIRST_PROMPT);
    expect(echoed).toContain(FIRST_PROMPT + 'echo typed keyz\b \bs\ntyped keys\n' + FIRST_PROMPT);
    // a paste arrives as one chunk of data
    await page.evaluate(`{
      const data = new DataTransfer();
      data.setData('text/plain', 'echo pasted words');
      document.querySelector('#terminal textarea').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }`);
    await waitForSerial(page, 'echo pasted words');
    await page.evaluate(() => window.tskern.send(' sent!\r'));
    expect(await waitForSerial(page, '\npasted words sent!\n')).toContain('echo pasted words sent!\npasted words sent!\n');

    const before = await page.evaluate(() => window.tskern.terminalSize());
    await page.evaluate(`document.querySelector('#terminal').style.height = '200px'`);
    await page.waitForFunction((rows) => window.tskern.terminalSize().rows < rows, { timeout: 5000 }, before.rows);
    // the VGA screen is v86's, inside the page
    expect(await page.$('#screen canvas')).not.toBeNull();
    await page.close();
  }, BOOT_MS * 2);

  test.skipIf(skip)(`a program's pages in inspect() are what pmap and pt print in the shell; the guest learns the terminal's size${note}`, async () => {
    const page = await openPage('');
    /** Types `line` into COM1 and returns what it printed before the next prompt. */
    const sh = async (line: string): Promise<string> => {
      const from = (await page.evaluate(() => window.tskern.serialText())).length;
      await page.evaluate((l) => window.tskern.send(l + '\r'), line);
      const echo = line + '\n';
      await page.waitForFunction((f, e, p) => { const t = window.tskern.serialText().slice(f); const at = t.indexOf(e); return at >= 0 && t.indexOf(p, at + e.length) >= 0; },
        { timeout: 30_000 }, from, echo, FIRST_PROMPT);
      const t = (await page.evaluate(() => window.tskern.serialText())).slice(from);
      const at = t.indexOf(echo) + echo.length;
      return t.slice(at, t.indexOf(FIRST_PROMPT, at));
    };

    // the page told the guest its terminal's size, and tells it again when the box changes
    const size = await page.evaluate(() => window.tskern.terminalSize());
    expect(await sh('stty size')).toBe(`${size.rows} ${size.cols}\n`);
    await page.evaluate(`document.querySelector('#terminal').style.height = '220px'`);
    await page.waitForFunction((rows) => window.tskern.terminalSize().rows < rows, { timeout: 5000 }, size.rows);
    const smaller = await page.evaluate(() => window.tskern.terminalSize());
    expect(await sh('stty size')).toBe(`${smaller.rows} ${smaller.cols}\n`);

    // fork-pages holds a written page (copy-on-write after its fork), a read one (the zero page), untouched ones
    expect(await sh('fork-pages 100000 > /tmp/fp &')).toMatch(/^\[1\] \d+\n$/);
    let line = '';
    for (let i = 0; i < 30 && !line.startsWith('parent'); i++) line = await sh('cat /tmp/fp');
    const m = /^parent (\d+) child (\d+) area 0x([0-9a-f]+):/.exec(line);
    expect(m, line).not.toBeNull();
    const [parent, child, base] = [Number(m![1]), Number(m![2]), parseInt(m![3], 16)];
    // the kernel republishes a space 50 ms after its areas change
    await page.waitForFunction((pid) => window.tskern.processes().some((p) => p.pid === pid), { timeout: 10_000 }, child);
    const view = { parent: await page.evaluate((p) => window.tskern.inspect(p), parent), child: await page.evaluate((p) => window.tskern.inspect(p), child) };

    // pmap's rows are the inspector's areas
    const rows = (await sh(`pmap ${parent}`)).split('\n').slice(2, -2).map((r) => r.split(/ +/));
    expect(rows.map((r) => [parseInt(r[0], 16), Number(r[1]) * 1024, r[2]]))
      .toEqual(view.parent.vmas.map((v) => [v.start, v.end - v.start, v.perms]));

    // pt's walk is the inspector's page, entry and frame, kind by kind
    const pt = async (pid: number, va: number) => {
      const out = await sh(`pt ${pid} 0x${va.toString(16)}`);
      const pte = /^PT\[\d+\] +0x([0-9a-f]{16})  (.*)$/m.exec(out);
      const frame = /^frame +0x([0-9a-f]{8})( \(the zero page\))?  refcount (\d+)$/m.exec(out);
      return { out, pte: pte ? parseInt(pte[1].slice(8), 16) : 0, bits: pte ? pte[2].split(' ') : [], frame: frame ? parseInt(frame[1], 16) : null, zero: frame?.[2] !== undefined, count: frame ? Number(frame[3]) : null };
    };
    const pageAt = (v: InspectedProcess, va: number) => v.pages.find((p) => p.va === va);
    for (const [pid, v] of [[parent, view.parent], [child, view.child]] as const) {
      const written = await pt(pid, base), inspected = pageAt(v, base)!;
      expect(inspected.kind).toBe('cow');
      expect(written.bits, written.out).not.toContain('RW');
      expect([written.pte, written.frame, written.count]).toEqual([inspected.pte, inspected.frame, inspected.count]);
      expect(written.count).toBe(2);
      const read = await pt(pid, base + PAGE), zero = pageAt(v, base + PAGE)!;
      expect(zero.kind).toBe('zero');
      expect([read.zero, read.pte, read.frame]).toEqual([true, zero.pte, zero.frame]);
      const untouched = await pt(pid, base + 2 * PAGE);
      expect(pageAt(v, base + 2 * PAGE)).toBeUndefined();
      expect(untouched.frame, untouched.out).toBeNull();
      expect(untouched.out).toMatch(/not present/);
    }
    expect(pageAt(view.parent, base)!.frame).toBe(pageAt(view.child, base)!.frame);
    await sh(`kill -9 ${child} ${parent}`);
    await page.close();
  }, BOOT_MS * 5);

  test.skipIf(skip)(`the inspector shows test=inspect's spaces as the kernel reports them, and follows typed changes${note}`, async () => {
    const page = await openPage('test=inspect');
    const serial = await waitForSerial(page, 'inspect: ready');
    const kernelSays = [...serial.matchAll(/inspect: pid=(\d+) va=([0-9a-f]{8}) pte=([0-9a-f]{8}) count=(\d+) kind=(\w+)/g)]
      .map((m) => ({ pid: Number(m[1]), va: parseInt(m[2], 16), pte: parseInt(m[3], 16), count: Number(m[4]), kind: m[5] }));
    expect(kernelSays.length).toBeGreaterThan(20);

    const processes = await page.evaluate(() => window.tskern.processes());
    expect(processes.map((p) => [p.pid, p.name])).toEqual([[0, 'kernel'], [1, 'parent'], [2, 'child']]);
    const seen: Record<number, InspectedProcess> = {};
    for (const pid of [1, 2]) seen[pid] = await page.evaluate((p) => window.tskern.inspect(p), pid);

    // the page's view, page by page, is the kernel's
    for (const pid of [1, 2]) {
      const mine = kernelSays.filter((k) => k.pid === pid);
      expect(seen[pid].pages.map((p) => p.va)).toEqual(mine.map((k) => k.va));
      for (const k of mine) {
        const p = seen[pid].pages.find((q) => q.va === k.va)!;
        expect({ va: p.va, pte: p.pte, frame: p.frame, count: p.count, kind: p.kind })
          .toEqual({ va: k.va, pte: k.pte, frame: (k.pte & ~0xfff) >>> 0, count: k.count, kind: k.kind });
      }
    }

    // and what the scenario made: pages 0-3 read, 4-11 written, fork, the child writes page 4
    const kindAt = (pid: number, va: number) => seen[pid].pages.find((p) => p.va === va)?.kind ?? 'absent';
    const anon = (pid: number) => Array.from({ length: 16 }, (_, i) => kindAt(pid, ANON_BASE + i * PAGE));
    const z = 'zero', c = 'cow', a = 'absent';
    expect(anon(1)).toEqual([z, z, z, z, c, c, c, c, c, c, c, c, a, a, a, a]);
    expect(anon(2)).toEqual([z, z, z, z, 'private', c, c, c, c, c, c, c, a, a, a, a]);
    for (const pid of [1, 2]) {
      expect([kindAt(pid, SHARED_BASE), kindAt(pid, SHARED_BASE + PAGE)]).toEqual(['shared', 'shared']);
      expect(seen[pid].vmas.map((v) => [v.start, v.end, v.perms])).toEqual([
        [ANON_BASE, ANON_BASE + 16 * PAGE, 'rw-p'], [SHARED_BASE, SHARED_BASE + 2 * PAGE, 'rw-s']]);
    }
    const page5 = (pid: number) => seen[pid].pages.find((p) => p.va === ANON_BASE + 5 * PAGE)!;
    const page4 = (pid: number) => seen[pid].pages.find((p) => p.va === ANON_BASE + 4 * PAGE)!;
    expect(page5(1).frame).toBe(page5(2).frame); // one frame behind both COW pages
    expect(page4(1).frame).not.toBe(page4(2).frame); // the child's write copied page 4
    expect(page4(2).bits).toMatchObject({ writable: true, accessed: true, dirty: true });
    expect(page5(1).bits.writable).toBe(false);

    // clicking the child's page 5 in the map describes it
    await page.waitForFunction(`document.querySelector('#maps').textContent.startsWith('pid 2 child')`, { timeout: 5000 });
    const box = (await (await page.$('#map'))!.boundingBox())!;
    const cell = (await page.evaluate((va) => window.tskern.pageCell(va), ANON_BASE + 5 * PAGE))!;
    await page.mouse.click(box.x + cell.x, box.y + cell.y);
    const info = await page.$eval('#page-info', (e) => e.textContent ?? '');
    expect(info).toContain('page 0804d000  pid 2');
    expect(info).toContain('kind   cow');
    expect(info).toContain(`frame  ${page5(2).frame.toString(16).padStart(8, '0')}  reference count 2`);
    expect(info).toContain('area   08048000-08058000 rw-p');

    // commands typed into the terminal change the spaces; the inspector sees it at once
    const run = async (command: string) => {
      const before = (await page.evaluate(() => window.tskern.serialText())).split('inspect: done').length;
      await page.click('#terminal');
      await page.keyboard.type(command);
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => window.tskern.serialText().split('inspect: done').length > n, { timeout: 20_000 }, before);
    };
    const now = (pid: number) => page.evaluate((p) => window.tskern.inspect(p), pid);
    await run('write 2 5'); // the child's write breaks copy-on-write: a copy for the child
    let child = await now(2), parent = await now(1);
    const c5 = child.pages.find((p) => p.va === ANON_BASE + 5 * PAGE)!;
    const p5 = parent.pages.find((p) => p.va === ANON_BASE + 5 * PAGE)!;
    expect([c5.kind, c5.count, c5.bits.dirty]).toEqual(['private', 1, true]);
    expect(c5.frame).not.toBe(page5(1).frame);
    expect([p5.kind, p5.frame, p5.count]).toEqual(['cow', page5(1).frame, 1]); // reused on its next write
    const said = /inspect: pid=2 va=0804d000 pte=([0-9a-f]{8}) count=1 kind=private/.exec(await page.evaluate(() => window.tskern.serialText()));
    expect(said && parseInt(said[1], 16)).toBe(c5.pte);

    await run('unmap 1 6'); // the page vanishes and the area splits around it
    parent = await now(1);
    expect(parent.pages.some((p) => p.va === ANON_BASE + 6 * PAGE)).toBe(false);
    expect(parent.vmas.map((v) => [v.start, v.end])).toEqual([
      [ANON_BASE, ANON_BASE + 6 * PAGE], [ANON_BASE + 7 * PAGE, ANON_BASE + 16 * PAGE], [SHARED_BASE, SHARED_BASE + 2 * PAGE]]);

    await run('fork 2'); // the child's own pages turn copy-on-write in both
    expect((await page.evaluate(() => window.tskern.processes())).map((p) => [p.pid, p.name])).toContainEqual([3, 'fork-of-2']);
    const grandchild = await now(3);
    child = await now(2);
    for (const proc of [child, grandchild]) {
      const p4 = proc.pages.find((p) => p.va === ANON_BASE + 4 * PAGE)!;
      expect([p4.kind, p4.count]).toEqual(['cow', 2]);
    }
    await run('exit 3');
    expect((await page.evaluate(() => window.tskern.processes())).map((p) => p.pid)).toEqual([0, 1, 2]);

    const artifacts = join(projectRoot(), 'build', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'web-inspector.png') });
    await page.close();
  }, BOOT_MS * 2);
});
