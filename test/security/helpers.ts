import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BIN, cleanEnv, HANG_MS, NOW, PROJECT, type CliResult } from '../cli/helpers.js';

/** GNU time, when the machine has it: the child's peak RSS as the kernel counted it (getrusage). */
const GNU_TIME = ['/usr/bin/time'].find((p) => existsSync(p));

export interface Measured extends CliResult {
  /** Peak resident set size in KB, or null where GNU time is not installed. */
  readonly maxRssKb: number | null;
  readonly ms: number;
}

/**
 * Runs the compiled command like test/cli/helpers.ts does, and also measures its peak memory and
 * its wall time. Killed after `timeoutMs` (a read that never ends is then reported, not waited for).
 */
export function measured(args: readonly string[], options: { dataDir?: string; env?: Record<string, string>; cwd?: string; timeoutMs?: number } = {}): Promise<Measured> {
  const env = Object.assign(cleanEnv(), { ANYQTAMA_NOW: NOW }, options.env ?? {});
  const argv = [BIN, ...args, ...(options.dataDir ? ['--data-dir', options.dataDir] : [])];
  const [file, fileArgs] = GNU_TIME ? [GNU_TIME, ['-f', 'MAXRSS=%M', process.execPath, ...argv]] : [process.execPath, argv];
  const started = Date.now();
  return new Promise((resolve) => {
    // Its own process group, so a timeout ends GNU time and the command under it together.
    const child = spawn(file, fileArgs, { env, cwd: options.cwd ?? PROJECT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, options.timeoutMs ?? HANG_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const rss = /MAXRSS=(\d+)\s*$/.exec(stderr);
      resolve({
        code: code ?? (signal ? -1 : 0),
        stdout,
        stderr: (rss ? stderr.slice(0, rss.index) : stderr).replace(/Command (exited with non-zero status \d+|terminated by signal \d+)\n?$/, ''),
        pid: child.pid ?? 0, maxRssKb: rss ? Number(rss[1]) : null, ms: Date.now() - started,
      });
    });
  });
}
