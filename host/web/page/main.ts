// The page: boots the kernel image in v86 with its COM1 on an xterm terminal, its VGA
// screen beside it and the VM inspector below, and offers `window.tskern` to tests.
// URL parameters: cmdline (the kernel command line, e.g. ?cmdline=test%3Dinspect), memory (MiB),
// rootfs=0 (boot without the root file system: the kernel's echo console, as a `test=`
// command line does, since the kernel's tests and demos run instead of processes).

import { readChannel, type ChannelSnapshot } from '../../inspect/channel.ts';
import { inspectSpace, type InspectedProcess } from '../../inspect/inspect.ts';
import { InspectorView } from './inspector-view.ts';
import { PageMachine } from './machine.ts';
import { takeLoads, wantsRootfs } from './loads.ts';
import { ECHO_CONSOLE_PROMPT, INIT_WORD, PROMPT } from './prompt.ts';
import type { TskernPage } from './api.ts';
import { openTerminal } from './terminal.ts';

/** How often the inspector redraws while "live" is on, at most. */
const REFRESH_MS = 250;
/** The inspector takes at most this share of the page's main thread (the emulator needs the rest). */
const REFRESH_SHARE = 0.2;
/** The inspector goes live at the first prompt, or after this long without one (ms). */
const LIVE_AFTER_MS = 20_000;

declare global {
  interface Window {
    tskern: TskernPage;
  }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const cmdline = params.get('cmdline') ?? '';
  const status = $('status');
  const memoryParam = params.get('memory');
  const memoryMiB = memoryParam !== null && /^\d+$/.test(memoryParam) && Number(memoryParam) >= 2 && Number(memoryParam) <= 2047 ? Number(memoryParam) : undefined;
  if (memoryParam !== null && memoryMiB === undefined) throw new Error(`memory=${memoryParam}: give a whole number of MiB from 2 to 2047`);
  const started = performance.now();
  performance.mark('tskern:script');
  // the three downloads, in parallel (loader.js started them already)
  const loads = takeLoads(params);
  void loads.wasm.then(() => performance.mark('tskern:wasm-compiled'), () => {});
  const withRootfs = wantsRootfs(params);
  const prompt = withRootfs ? PROMPT : ECHO_CONSOLE_PROMPT;
  const bootCmdline = withRootfs ? [INIT_WORD, cmdline].filter((w) => w !== '').join(' ') : cmdline;

  // The terminal is set up while the downloads run (it costs the main thread tens of ms);
  // keys typed before the machine exists are kept for it.
  let booted: PageMachine | null = null;
  const early: string[] = [];
  const term = openTerminal($('terminal'), (data) => { if (booted) booted.send(data); else early.push(data); });
  performance.mark('tskern:terminal');
  const view = new InspectorView($<HTMLCanvasElement>('map'), $('maps'), $('page-info'), $('legend'));

  const [image, initrd] = await Promise.all([loads.image, loads.initrd]);
  performance.mark('tskern:fetched');
  const machine = new PageMachine({ image, wasm: loads.wasm, cmdline: bootCmdline, initrd, memoryMiB, screen: $('screen') });
  performance.mark('tskern:constructed');
  booted = machine;
  for (const data of early.splice(0)) machine.send(data);
  let text = '';
  const decoder = new TextDecoder();
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => { markReady = resolve; });
  machine.onSerial((bytes, port) => {
    term.write(bytes);
    if (port !== 0) return;
    text += decoder.decode(bytes, { stream: true });
    if (api.readyAt === null && text.includes(prompt)) {
      performance.mark('tskern:prompt');
      api.readyAt = { ms: performance.now(), instructions: machine.instructionCount(), scriptMs: started, loadedMs: machine.loadedAt, slices: { ...machine.slices } };
      status.textContent = `booted in ${(api.readyAt.ms / 1000).toFixed(2)} s (${(api.readyAt.instructions / 1e6).toFixed(1)}M guest instructions)` +
        (cmdline ? `, cmdline "${cmdline}"` : '');
      markReady();
      reportSize();
    }
  });
  // The guest learns the terminal's size from the input: ESC [ 8 ; ROWS ; COLS t, which the
  // kernel's tty takes out and applies (TIOCGWINSZ, SIGWINCH). Sent once the shell is up
  // (the kernel's echo console, without processes, would only echo it) and on every resize.
  function reportSize(): void {
    if (withRootfs && api.readyAt !== null) machine.send(`\x1b[8;${term.rows};${term.cols}t`);
  }
  term.onResize(() => reportSize());
  status.textContent = 'booting...';
  machine.onPowerOff = (code) => { status.textContent = `the guest powered off with status ${code}`; };

  const picker = $<HTMLSelectElement>('pid');
  const refreshLabel = $('refresh');
  // the highest pid (the newest process) until the user picks one
  let chosen: number | null = null;
  let picked = false;
  picker.addEventListener('change', () => { chosen = Number(picker.value); picked = true; refresh(); });

  const read = (addr: number, len: number) => machine.readPhys(addr, len);
  const channel = (): ChannelSnapshot => {
    if (machine.inspectBase === null) throw new Error('the kernel announced no inspect channel (boot with test=inspect until processes publish theirs)');
    return readChannel(read, machine.inspectBase);
  };
  const inspect = (pid?: number): InspectedProcess => {
    const snap = channel();
    const spaces = snap.spaces;
    const space = pid === undefined ? spaces[spaces.length - 1] : spaces.find((s) => s.pid === pid);
    if (!space) throw new Error(pid === undefined ? 'no process is published' : `pid ${pid} is not published`);
    return inspectSpace(read, snap, space);
  };

  let lastCost = 0;
  function refresh(): void {
    if (machine.inspectBase === null) {
      refreshLabel.textContent = 'no inspect channel announced (try ?cmdline=test%3Dinspect)';
      return;
    }
    const t0 = performance.now();
    let snap: ChannelSnapshot;
    try {
      snap = channel();
    } catch (err) {
      refreshLabel.textContent = String(err);
      return;
    }
    const options = snap.spaces.map((s) => `${s.pid}:${s.name}`).join(',');
    if (picker.dataset.options !== options) {
      picker.dataset.options = options;
      picker.replaceChildren(...snap.spaces.map((s) => new Option(`${s.pid} ${s.name}`, String(s.pid))));
    }
    if (!picked || !snap.spaces.some((s) => s.pid === chosen)) {
      picked = false;
      chosen = snap.spaces.length ? snap.spaces[snap.spaces.length - 1].pid : null;
    }
    if (chosen === null) return;
    picker.value = String(chosen);
    const proc = inspectSpace(read, snap, snap.spaces.find((s) => s.pid === chosen)!);
    const t1 = performance.now();
    view.render(proc);
    const t2 = performance.now();
    lastCost = t2 - t0;
    refreshLabel.textContent = `refresh ${(t2 - t0).toFixed(1)} ms (walk ${(t1 - t0).toFixed(1)}, draw ${(t2 - t1).toFixed(1)})`;
  }
  // A big process costs tens of milliseconds per refresh: space the refreshes out so that
  // the emulator keeps most of the main thread.
  const tick = () => {
    if ($<HTMLInputElement>('live').checked) refresh();
    setTimeout(tick, Math.max(REFRESH_MS, lastCost / REFRESH_SHARE));
  };
  // Until the first prompt the emulator has the main thread to itself: refreshing during
  // the boot (init's address space, redrawn every 250 ms) cost the boot a third of its wall
  // time in the page (bench/profile-web.ts). A guest that shows no prompt (a test= demo that
  // only prints) gets its refreshes after LIVE_AFTER_MS all the same.
  let live = false;
  const goLive = () => {
    if (live) return;
    live = true;
    setTimeout(tick, 0); // its own task: not in the one that resolves `ready`
  };
  void ready.then(goLive);
  setTimeout(goLive, LIVE_AFTER_MS);

  const api: TskernPage = {
    send: (s) => machine.send(s),
    serialText: () => text,
    ready,
    processes: () => channel().spaces.map(({ pid, name, cr3, kernel }) => ({ pid, name, cr3, kernel })),
    inspect,
    instructions: () => machine.instructionCount(),
    terminalSize: () => ({ cols: term.cols, rows: term.rows }),
    pageCell: (va) => view.cellCentre(va),
    readyAt: null,
    refreshCost(pid, rounds) {
      let pages = 0;
      const t0 = performance.now();
      for (let i = 0; i < rounds; i++) pages = inspect(pid).pages.length;
      const t1 = performance.now();
      for (let i = 0; i < rounds; i++) view.render(inspect(pid));
      const t2 = performance.now();
      return { pages, walkMs: (t1 - t0) / rounds, totalMs: (t2 - t1) / rounds };
    },
  };
  window.tskern = api;
}

void start().catch((err: unknown) => {
  $('status').textContent = `failed: ${String(err)}`;
  throw err;
});
