// Builds the web page as static files: the page's host code bundled by esbuild (with v86's
// browser build and @xterm/xterm inside), v86's WebAssembly core, xterm's style sheet, the
// page itself and the kernel image. Any static file server can host the result unchanged.

import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../image-builder/atomic-write.ts';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../../image-builder/paths.ts';
import { buildRootfs } from '../../image-builder/rootfs.ts';

/** The files of a built page, by name (for the server and the tests). */
export const PAGE_FILES = ['index.html', 'style.css', 'loader.js', 'main.js', 'xterm.css', 'v86.wasm', 'tskern.elf', 'tskern.elf.gz', 'rootfs.cpio', 'rootfs.cpio.gz'] as const;

/**
 * Writes the page into `outDir` (created if needed) with `image` as its kernel image.
 * Throws on a bundling error (esbuild prints the messages).
 */
export async function buildWebPage(outDir: string, image: string, root = projectRoot()): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const page = join(root, 'host', 'web', 'page');
  const require = createRequire(join(root, 'package.json'));
  // loader.js: a classic script that index.html runs first (./page/loader.ts)
  await build({
    entryPoints: [join(page, 'loader.ts')],
    outfile: join(outDir, 'loader.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(page, 'main.ts')],
    outfile: join(outDir, 'main.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: process.env.TSKERN_WEB_MINIFY !== '0', // 0: readable names in a profile (bench/profile-web.ts)
    sourcemap: 'linked',
    // v86's one build runs under Node too and imports Node modules on that path only.
    external: ['fs', 'crypto', 'perf_hooks', 'node:*'],
    logLevel: 'warning',
  });
  copyFileSync(join(page, 'index.html'), join(outDir, 'index.html'));
  copyFileSync(join(page, 'style.css'), join(outDir, 'style.css'));
  copyFileSync(require.resolve('@xterm/xterm/css/xterm.css'), join(outDir, 'xterm.css'));
  copyFileSync(require.resolve('v86/build/v86.wasm'), join(outDir, 'v86.wasm'));
  // the image and the root file system, plain and gzip-compressed: the page fetches the
  // .gz files and inflates them (page/loads.ts), the plain ones where it cannot
  const elf = readFileSync(image);
  const rootfs = buildRootfs({ root });
  writeFileAtomic(join(outDir, 'tskern.elf'), elf);
  writeFileAtomic(join(outDir, 'tskern.elf.gz'), gzipSync(elf));
  writeFileAtomic(join(outDir, 'rootfs.cpio'), rootfs);
  writeFileAtomic(join(outDir, 'rootfs.cpio.gz'), gzipSync(rootfs));
}
