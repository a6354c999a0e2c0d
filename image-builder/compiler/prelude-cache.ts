// The compiled runtime prelude, cached: compiling it (esbuild, parsing, code generation:
// about a second) dominated every `tskern run` and every test program. The cache entry is
// a .tsbc container, build/cache/prelude-KEY.tsbc, KEY a hash of everything the result
// depends on: the prelude's sources (runtime/), the compiler and the bytecode definition,
// and the esbuild and typescript versions. Within a process the decoded module is kept too.

import { decodeModule, encodeModule, type CompiledModule } from '../bytecode/index.ts';
import { readCache, sourceHash, writeCache } from '../build-cache.ts';

/** Directories (relative to the project root) whose .ts files the compiled prelude depends on. */
const INPUT_DIRS = ['runtime', 'image-builder/compiler', 'image-builder/bytecode'];

const memo = new Map<string, CompiledModule>();

/**
 * The compiled prelude (file names absolute): from this process's memo, else from the
 * cache, else made by `compile` and stored. An entry that cannot be decoded is made again.
 */
export function cachedPrelude(compile: () => CompiledModule): CompiledModule {
  const key = sourceHash(INPUT_DIRS);
  let module = memo.get(key);
  if (module) return module;
  const name = `prelude-${key}.tsbc`;
  const stored = readCache(name);
  try {
    module = stored && decodeModule(stored);
  } catch {
    module = undefined; // a damaged entry: make it again
  }
  if (!module) {
    // Encoded and decoded once, so a fresh compile and a cache hit give the same module.
    const bytes = encodeModule(compile());
    module = decodeModule(bytes);
    writeCache(name, bytes, /^prelude-\w+\.tsbc$/);
  }
  memo.set(key, module);
  return module;
}
