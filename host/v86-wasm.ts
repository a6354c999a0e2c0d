// Supplies v86's WebAssembly core. The ESM build of v86 looks for build/v86.wasm relative
// to the current directory under Node (it has no __dirname), so we locate the file in the
// installed package ourselves, and compile it once per process so repeated boots are cheap.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { V86Options } from 'v86';

type WasmFn = NonNullable<V86Options['wasm_fn']>;

// The project compiles without the DOM lib, which is where TypeScript declares
// WebAssembly; describe the two calls used here.
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: object }>;
};

let compiled: Promise<object> | undefined;

function compileOnce(): Promise<object> {
  if (!compiled) {
    const path = createRequire(import.meta.url).resolve('v86/build/v86.wasm');
    compiled = readFile(path).then((bytes) => WebAssembly.compile(bytes));
    compiled.catch(() => { compiled = undefined; }); // allow a retry after a failure
  }
  return compiled;
}

/** A `wasm_fn` for the V86 constructor. */
export const instantiateV86Wasm: WasmFn = async (imports) => {
  const instance = await WebAssembly.instantiate(await compileOnce(), imports);
  return instance.exports;
};
