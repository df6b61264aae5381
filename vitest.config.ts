import { defineConfig } from 'vitest/config';
import { SUITE_ENV } from './test/suite-env.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Seeds the demo data dir once for the run (seededDir copies it).
    globalSetup: ['test/global-setup.ts'],
    env: { ...SUITE_ENV },
    // Tests wait on conditions (a line printed, a screen shown, a process gone), not on the clock:
    // these limits only catch a hang, so they are set for a busy machine, not an idle one.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Forks, not threads: the tests chdir, set process.env, load native addons (fs-ext, node-pty)
    // and send signals, all of which a worker thread shares with its siblings.
    pool: 'forks',
    // CLI and store tests spawn child processes; two workers fit the 2-core machines.
    maxWorkers: 2,
  },
});
