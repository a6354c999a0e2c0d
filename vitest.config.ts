import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Booting v86 takes a while and the CLI tests spawn whole processes.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
