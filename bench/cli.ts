/**
 * bench/cli: how long one `anyqtama` command takes from the shell, as an office's script sees it,
 * against `node -e 0` measured in the same run. Every round runs each command once, in turn, so
 * a machine that gets busier halfway slows all of them alike; the table shows the median wall
 * time of N rounds, the ratio to `node -e 0`'s median, and the mean CPU time of the child (user +
 * system, from /proc: what other load on the machine inflates less).
 *
 *   npm run build && npm run bench:cli [-- --runs 21 --bin path/to/bin/anyqtama.js --only iin,status]
 *
 * `status` and `lookup` read a store seeded by `demo` beforehand (not timed); `demo` itself is
 * timed on a new empty folder each round, at the production password cost.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const NOW = '2026-11-20T05:00:00Z';

interface Case {
  readonly name: string;
  readonly args: (round: number) => readonly string[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** CPU time of this process's waited-for children so far, in ms (Linux; 0 elsewhere). */
function childrenCpuMs(): number {
  try {
    // Fields after the command name (which may hold spaces): cutime and cstime are 14th and 15th from there.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return 0;
  }
}

function timed(command: readonly string[], env: NodeJS.ProcessEnv): { wallMs: number; cpuMs: number } {
  const cpu = childrenCpuMs();
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, command, { env, stdio: ['ignore', 'ignore', 'pipe'], cwd: PROJECT });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) throw new Error(`${command.join(' ')} exited ${child.status}: ${child.stderr.toString()}`);
  return { wallMs, cpuMs: childrenCpuMs() - cpu };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, bin: { type: 'string' }, only: { type: 'string' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('usage: bench/cli [--runs N] [--bin path/to/bin/anyqtama.js] [--only iin,due,services,status,lookup,demo]');
  const bin = resolve(values.bin ?? join(PROJECT, 'bin', 'anyqtama.js'));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('ANYQTAMA_')) env[k] = v;
  env.ANYQTAMA_NOW = NOW;
  const root = mkdtempSync(join(tmpdir(), 'anyqtama-bench-cli-'));
  try {
    const seeded = join(root, 'seeded');
    timed([bin, 'demo', '--data-dir', seeded], env);
    const number = (JSON.parse(readFileSync(join(seeded, 'demo.json'), 'utf8')) as { requests: string[] }).requests[0]!;
    const all: readonly Case[] = [
      { name: 'node -e 0', args: () => ['-e', '0'] },
      { name: 'iin', args: () => [bin, 'iin', '900101300126'] },
      { name: 'due', args: () => [bin, 'due', '--from', '2026-11-20', '--days', '15', '--working'] },
      { name: 'services', args: () => [bin, 'services'] },
      { name: 'status', args: () => [bin, 'status', number, '--data-dir', seeded] },
      { name: 'lookup', args: () => [bin, 'lookup', number, '--as', 'callcentre', '--data-dir', seeded] },
      { name: 'demo (empty dir)', args: (round) => [bin, 'demo', '--data-dir', join(root, `demo-${round}`)] },
    ];
    const only = values.only?.split(',');
    const cases = all.filter((c, i) => i === 0 || !only || only.includes(c.name.split(' ')[0]!));
    const wall = cases.map((): number[] => []);
    const cpu = cases.map((): number[] => []);
    for (let round = 0; round < runs; round++) {
      cases.forEach((c, i) => {
        const t = timed(c.args(round), env);
        wall[i]!.push(t.wallMs);
        cpu[i]!.push(t.cpuMs);
      });
      rmSync(join(root, `demo-${round}`), { recursive: true, force: true });
    }
    const base = median(wall[0]!);
    console.log(`node ${process.version}, ${runs} rounds, ${bin}`);
    console.log(['command'.padEnd(18), 'median ms', '× node -e 0', 'CPU ms'].map((c, i) => (i ? c.padStart(12) : c)).join(' '));
    cases.forEach((c, i) => {
      const m = median(wall[i]!);
      const meanCpu = cpu[i]!.reduce((a, b) => a + b, 0) / runs;
      console.log([c.name.padEnd(18), m.toFixed(0).padStart(12), (m / base).toFixed(2).padStart(12), meanCpu.toFixed(0).padStart(12)].join(' '));
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
