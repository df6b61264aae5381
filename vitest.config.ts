import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // CLI and store tests spawn child processes; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
