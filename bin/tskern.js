#!/usr/bin/env node
// Launcher for the tskern CLI. Node cannot run the TypeScript sources directly, so this
// bundles host/cli.ts (with the image builder it imports) into build/host/cli.mjs with
// esbuild, but only when a source is newer than the bundle, then runs it.

import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'host', 'cli.ts');
const outfile = join(root, 'build', 'host', 'cli.mjs');
const typescriptShim = join(root, 'image-builder', 'typescript-cjs.ts');
const sourceDirs = ['host', 'image-builder', 'boot', 'kernel'].map((d) => join(root, d));

function mtimeMs(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function newestTsMtime(dir) {
  let newest = -1;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return newest;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestTsMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, mtimeMs(path));
  }
  return newest;
}

function isBundleStale() {
  const bundled = mtimeMs(outfile);
  // This launcher's own bundling options count as a source too.
  const newest = Math.max(mtimeMs(fileURLToPath(import.meta.url)), ...sourceDirs.map(newestTsMtime));
  return newest > bundled;
}

async function bundle() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external', // v86 etc. load from node_modules at run time
    // typescript through require(): see image-builder/typescript-cjs.ts
    plugins: [{
      name: 'typescript-cjs',
      setup(b) {
        b.onResolve({ filter: /^typescript$/ }, (args) => (args.importer === typescriptShim ? undefined : { path: typescriptShim }));
      },
    }],
    sourcemap: 'inline',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(outfile), { recursive: true });
  // Write then rename, so a concurrently starting tskern never imports half a file.
  const temp = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temp, result.outputFiles[0].contents);
  renameSync(temp, outfile);
}

if (isBundleStale()) {
  try {
    await bundle();
  } catch {
    process.stderr.write('tskern: could not bundle host/cli.ts (errors above)\n');
    process.exit(1);
  }
}
process.setSourceMapsEnabled(true);
const { main } = await import(pathToFileURL(outfile).href);
const status = await main(process.argv.slice(2));
// On a pipe, stdout and stderr are written asynchronously and process.exit() drops what is
// still queued (a long disassembly would be cut off): wait until both are flushed.
await Promise.all([process.stdout, process.stderr].map((s) => new Promise((done) => s.write('', done))));
process.exit(status);
