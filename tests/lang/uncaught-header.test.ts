// The first line of an uncaught error's report, as Node heads it: Node prints the error
// (its inspect: the stack, formatted when first read, with improveStack's "E2 [Error]")
// after the source excerpt; the reference interpreter prints "Uncaught " and the same
// header. The stack frames themselves differ (paths), so only the header is compared.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { runReference } from '../../image-builder/refvm/index.ts';
import { node, runNode } from './node-oracle.ts';

const dir = fileURLToPath(new URL('./uncaught/', import.meta.url));

/** The header line Node printed: the first line after the blank line that ends the source excerpt. */
function nodeHeader(stderr: string): string {
  const lines = stderr.split('\n');
  const blank = lines.indexOf('');
  return lines[blank + 1];
}

node.describe('uncaught errors are headed with the error\'s own name', () => {
  for (const p of ['own-name.ts', 'subclass-name.ts']) {
    test(p, async () => {
      const file = join(dir, p);
      const [out, ref] = [await runNode(file), runReference(file)];
      expect(ref.stdout).toBe(out.stdout);
      expect(ref.status).toBe(out.status);
      expect(ref.stderr.split('\n')[0]).toBe(`Uncaught ${nodeHeader(out.stderr)}`);
    }, 60000);
  }
});
