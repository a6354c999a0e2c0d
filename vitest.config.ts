import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // typescript through require(), much faster to load: see image-builder/typescript-cjs.ts
    alias: [{ find: /^typescript$/, replacement: fileURLToPath(new URL('./image-builder/typescript-cjs.ts', import.meta.url)) }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Booting v86 takes a while and the CLI tests spawn whole processes; on a loaded machine
    // (two test workers and whatever else runs) a test's wall time can grow tenfold.
    testTimeout: 120_000,
    pool: 'forks',
    // One test file per core: vitest's default (cores - 1) leaves one of two cores idle, and
    // the main process only collects results. Heavy files run first (vitest orders files by
    // their last duration), so the long guest runs overlap the many short files.
    maxWorkers: availableParallelism(),
  },
});
