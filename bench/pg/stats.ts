import { readFileSync } from 'node:fs';

export interface Percentiles {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const s = Float64Array.from(samples).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { count: s.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(s.at(-1) ?? 0) };
}

export const round = (ms: number, digits = 2) => Math.round(ms * 10 ** digits) / 10 ** digits;

/** "p50 / p95 / p99 / max" */
export const spread = (p: Percentiles) => `${p.p50} / ${p.p95} / ${p.p99} / ${p.max}`;

/** Busy and total jiffies of the whole machine (/proc/stat), to tell how much of the 2 cores a run used. */
export function cpuTimes(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (line[3] ?? 0) + (line[4] ?? 0);
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Share of the machine's CPU time that was busy between two cpuTimes() readings, in %. */
export const busyPercent = (a: ReturnType<typeof cpuTimes>, b: ReturnType<typeof cpuTimes>) =>
  Math.round((100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total));

/** Runs `work` `count` times with `inFlight` calls at once, or until `budgetMs` has passed; the time of each call, ms. */
export async function sample(count: number, inFlight: number, work: (i: number) => Promise<unknown>, budgetMs = Infinity): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + budgetMs;
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < count && performance.now() < end) {
      const i = next++;
      const t = performance.now();
      await work(i);
      times.push(performance.now() - t);
    }
  }));
  return times;
}
