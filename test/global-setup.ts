import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { SUITE_ENV } from './suite-env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data dir where `anyqtama demo` ran at test/cli/helpers.ts NOW; seededDir copies it. */
    demoTemplate: string;
    /** The ANYQTAMA_NOW the template was seeded at. */
    demoTemplateNow: string;
  }
}

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
// The same instant as NOW in test/cli/helpers.ts (not imported: that module needs a running test).
const NOW = '2026-11-20T05:00:00Z';

/**
 * Runs `anyqtama demo` once per test run, the way seededDir did in some thirty places: a demo
 * costs seconds of CPU (eleven users, keys, signed decisions), and on a busy two-core machine
 * those seconds were what pushed tests past their limits. demo.test.ts still runs the command
 * itself; everything else starts from a copy of this.
 */
export default function setup(project: TestProject): () => void {
  const bin = join(PROJECT, 'bin', 'anyqtama.js');
  // Without dist/ the helpers say "run `npm run build` first"; seededDir then falls back too.
  if (!existsSync(join(PROJECT, 'dist', 'src', 'cli', 'main.js'))) return () => undefined;
  const root = mkdtempSync(join(tmpdir(), 'anyqtama-suite-'));
  const template = mkdtempSync(join(root, 'demo-'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ANYQTAMA_')) env[k] = v;
  execFileSync(process.execPath, [bin, 'demo', '--data-dir', template], { cwd: PROJECT, env: { ...env, ...SUITE_ENV, ANYQTAMA_NOW: NOW }, stdio: 'ignore' });
  project.provide('demoTemplate', template);
  project.provide('demoTemplateNow', NOW);
  return () => rmSync(root, { recursive: true, force: true });
}
