import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // typescript through require(), much faster to load: see image-builder/typescript-cjs.ts
    alias: [{ find: /^typescript$/, replacement: fileURLToPath(new URL('./image-builder/typescript-cjs.ts', import.meta.url)) }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Booting v86 takes a while and the CLI tests spawn whole processes.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
