// Finds and starts a headless Chromium for the page's tests and benchmark: a system
// Chromium where one is installed, else the one @sparticuz/chromium ships. Started with
// the switches that keep it from reaching for the network (this machine's closed network
// hangs it otherwise) and with a fresh profile each time.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export const CHROMIUM_SWITCHES = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * The path of a Chromium: $CHROMIUM_PATH, a system one, or @sparticuz/chromium's (unpacked
 * into /tmp on first use); null with the reason when there is none.
 */
export async function findChromium(): Promise<{ path: string } | { path: null; why: string }> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv } : { path: null, why: `CHROMIUM_PATH=${fromEnv} does not exist` };
  for (const p of SYSTEM_CHROMIUMS) if (existsSync(p)) return { path: p };
  try {
    const chromium = (await import('@sparticuz/chromium')).default;
    return { path: await chromium.executablePath() };
  } catch (err) {
    return { path: null, why: `no system Chromium (${SYSTEM_CHROMIUMS.join(', ')}) and @sparticuz/chromium failed: ${String(err)}` };
  }
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Starts Chromium at `path` headless with a fresh profile; close() also removes the profile. */
export async function launchChromium(path: string): Promise<LaunchedBrowser> {
  const puppeteer = (await import('puppeteer')).default;
  const profile = mkdtempSync(join(tmpdir(), 'tskern-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: path,
    headless: true,
    args: [...CHROMIUM_SWITCHES, `--user-data-dir=${profile}`, '--window-size=1400,1000'],
    defaultViewport: { width: 1400, height: 1000 },
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
