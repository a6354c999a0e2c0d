// The typescript package, loaded with require(). It is one 9 MB CommonJS file: imported
// from an ES module, Node first parses it looking for ES module syntax and then scans it
// for its export names, which costs more than compiling it (about a second of a `tskern
// run`, and of every test file that compiles). The CLI bundle (bin/tskern.js) and vitest
// (vitest.config.ts) resolve `import ts from 'typescript'` to this module.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

const ts: typeof TS = createRequire(import.meta.url)('typescript');
export default ts;
