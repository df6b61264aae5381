import { t } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { ChatStore, RequestStore } from '../store/port.js';
import { clockFromEnv, type Clock } from './clock.js';

/**
 * How long what a citizen left unfinished is kept: a bot conversation (the phone Telegram verified,
 * the answers so far) and a counter intake put aside as a DRAFT. Kazakhstan's law on personal data
 * (No. 94-V, art. 12) asks that data be kept no longer than its purpose needs; a questionnaire
 * nobody touched for a month is not going to be finished. Filed requests are records of the office
 * and are not swept here.
 *
 * One setting, from the environment so `serve` and `anyqtama retention sweep` read the same:
 * ANYQTAMA_RETENTION_DAYS, 30 when unset.
 */
export const DEFAULT_RETENTION_DAYS = 30;
export const RETENTION_ENV = 'ANYQTAMA_RETENTION_DAYS';
/** How often `serve` sweeps, after the sweep at start. */
export const SWEEP_EVERY_HOURS = 6;

export interface SweepOutcome {
  readonly days: number;
  /** ISO: what was last changed before this was deleted. */
  readonly before: string;
  readonly chats: number;
  readonly drafts: number;
}

/** The retention period in days from the environment; a value that is not 1–3650 whole days is refused. */
export function retentionDays(env: NodeJS.ProcessEnv): Result<number, DomainError> {
  const raw = env[RETENTION_ENV]?.trim();
  if (raw === undefined || raw === '') return ok(DEFAULT_RETENTION_DAYS);
  const days = Number(raw);
  if (!/^\d{1,4}$/.test(raw) || days < 1 || days > 3650) {
    return fail(domainError('VALIDATION', { key: 'retention.badDays', params: { value: raw.slice(0, 40) } }));
  }
  return ok(days);
}

/** The two deletions retention makes, and nothing else of the store. */
export type RetentionStore = Pick<ChatStore, 'sweepChats'> & Pick<RequestStore, 'sweepDrafts'>;

/** Deletes the chats and drafts whose last change is more than `days` before the clock's now. */
export async function sweepRetention(store: RetentionStore, clock: Clock, days: number): Promise<SweepOutcome> {
  const before = new Date(clock.now().getTime() - days * 86_400_000).toISOString();
  const chats = await store.sweepChats(before);
  const drafts = await store.sweepDrafts(before);
  return { days, before, chats, drafts };
}

export interface RetentionSweeps {
  /** Stops the timer and waits for a sweep under way, so the store can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Sweeps at once and then every few hours, for `serve`. The timer is unref'd: it never keeps a
 * stopping daemon alive. With an unreadable setting nothing is deleted (a typo must not shorten
 * what an office meant to keep longer), and the log says so.
 */
export function startRetentionSweeps(store: RetentionStore, env: NodeJS.ProcessEnv, lang: Lang, log: (line: string) => void): RetentionSweeps {
  const days = retentionDays(env);
  if (!days.ok) {
    log(t(lang, 'retention.off', { value: env[RETENTION_ENV] ?? '', expected: t(lang, 'retention.expected.days') }));
    return { stop: async () => undefined };
  }
  const clock = clockFromEnv(env);
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = running.then(async () => {
      try {
        const done = await sweepRetention(store, clock, days.value);
        if (done.chats + done.drafts > 0) log(t(lang, 'retention.swept', { days: done.days, before: done.before, chats: done.chats, drafts: done.drafts }));
      } catch (error) {
        log(t(lang, 'retention.failed', { reason: (error as Error).message, hours: SWEEP_EVERY_HOURS }));
      }
    });
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_HOURS * 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
