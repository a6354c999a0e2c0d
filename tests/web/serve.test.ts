// `tskern web` through the real launcher: serving the page on 127.0.0.1 with its URL as the
// first line of stdout, and `--out DIR` writing the same files. No browser needed.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PAGE_FILES } from '../../host/web/build.ts';

const launcher = fileURLToPath(new URL('../../bin/tskern.js', import.meta.url));

describe('tskern web', () => {
  test('serves the page on 127.0.0.1, printing the URL first, until SIGTERM', async () => {
    const child = spawn(process.execPath, [launcher, 'web', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.on('close', () => reject(new Error(`tskern web exited before printing a URL:\n${stderr}`)));
      });
      expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const get = (path: string) => fetch(new URL(path, firstLine));
      const index = await get('/');
      expect(index.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await index.text()).toContain('<script type="module" src="main.js">');
      const wasm = await get('/v86.wasm');
      expect(wasm.headers.get('content-type')).toBe('application/wasm'); // for compileStreaming
      expect([...new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
      const elf = new Uint8Array(await (await get('/tskern.elf')).arrayBuffer());
      expect([...elf.slice(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
      // the compressed copy the page fetches and inflates itself: no Content-Encoding, or the
      // browser would inflate it first
      const gz = await get('/tskern.elf.gz');
      expect(gz.headers.get('content-type')).toBe('application/gzip');
      expect(gz.headers.get('content-encoding')).toBeNull();
      expect(Buffer.compare(gunzipSync(new Uint8Array(await gz.arrayBuffer())), elf)).toBe(0);
      expect((await get('/main.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await get('/package.json')).status).toBe(404);
      expect((await get('/../package.json')).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 180_000);

  test('--out DIR writes the page as static files', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'tskern-web-out-')), 'site');
    const child = spawn(process.execPath, [launcher, 'web', '--out', dir], { stdio: 'ignore' });
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([...PAGE_FILES, 'main.js.map'].sort());
    for (const name of ['tskern.elf', 'rootfs.cpio']) {
      expect(Buffer.compare(gunzipSync(readFileSync(join(dir, name + '.gz'))), readFileSync(join(dir, name))), name).toBe(0);
    }
    // index.html runs loader.js (which starts the downloads) before main.js
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(index.indexOf('<script src="loader.js">')).toBeGreaterThan(0);
    expect(index.indexOf('<script src="loader.js">')).toBeLessThan(index.indexOf('src="main.js"'));
    expect(readFileSync(join(dir, 'main.js'), 'utf8')).not.toMatch(/from\s*"v86"/); // v86 is inside the bundle
  }, 180_000);

  test('a bad --port is a usage error', async () => {
    const child = spawn(process.execPath, [launcher, 'web', '--port', 'http'], { stdio: 'ignore' });
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
  }, 60_000);
});
