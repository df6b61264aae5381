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
    // Three workers on the 2-core machines: the end-to-end files spend much of their time waiting
    // on other processes (a daemon, Telegram's pauses, an idle limit, a terminal going quiet), and
    // a third worker runs a CPU-bound file meanwhile. Measured on the wait-heavy folders
    // (reliability, ssh, tui, bot, documents): 137 s with two workers, 107 s with three, the
    // same CPU; the CLI-heavy folders take as long either way.
    maxWorkers: 3,
  },
});
