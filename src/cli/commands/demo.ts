import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably, readJson } from '../../store/durable-file.js';
import { t } from '../../core/i18n/catalogue.js';
import { domainError, fail, ok, type DomainError, type Result } from '../../core/result.js';
import { seedDemo, seedDemoUsers } from '../../demo/seed.js';
import { seedDemoKeys } from '../../demo/keys.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../../demo/users.js';
import type { RequestService } from '../../app/requests.js';
import type { BlobStore, ChangeFeed, RequestStore, UserStore } from '../../store/port.js';
import { finish, type CommandSpec } from '../command.js';
import type { CliContext } from '../context.js';

const MARKER = 'demo.json';

export type DemoOutcome = { readonly seeded: boolean; readonly users: number; readonly requests: number };

/**
 * Seeds the demo once: a marker file records it, so running it again changes nothing. A store
 * that already holds requests without the marker is a real office's: demo data never goes there.
 */
export async function ensureDemo(ctx: CliContext, service: RequestService, store: RequestStore & BlobStore & ChangeFeed & UserStore): Promise<Result<DemoOutcome, DomainError>> {
  const marker = join(ctx.dataDir, MARKER);
  if (existsSync(marker)) {
    const seen = await readJson<{ complete?: boolean; requests: string[] }>(marker);
    if (seen?.complete !== true) return fail(domainError('GUARD_FAILED', { key: 'cli.demo.incomplete', params: { dir: ctx.dataDir } }));
    return ok({ seeded: false, users: DEMO_USERS.length, requests: seen.requests.length });
  }
  const existing = await store.list({ limit: 1 });
  if (existing.total > 0) return fail(domainError('GUARD_FAILED', { key: 'cli.demo.productionStore', params: { dir: ctx.dataDir } }));
  const now = new Date(service.moment().now);
  // Marked first: a seed cut short leaves a store everyone can see is an unfinished demo. With
  // PostgreSQL the data folder holds only the configuration (keys, trust), and may not exist yet.
  await mkdir(ctx.dataDir, { recursive: true });
  await writeFileDurably(marker, JSON.stringify({ seededAt: now.toISOString(), complete: false, requests: [] }));
  await seedDemoUsers(store, now);
  const keys = await seedDemoKeys(store, ctx.dataDir, now);
  if (!keys.ok) return keys;
  ctx.reloadTrust();
  const report = await seedDemo(store, service.reference, now, service.documents!);
  if (!report.ok) return report;
  await writeFileDurably(marker, JSON.stringify({ seededAt: now.toISOString(), complete: true, requests: report.value.requests }, null, 2));
  return ok({ seeded: true, users: report.value.users, requests: report.value.requests.length });
}

export function printLogins(ctx: CliContext): void {
  ctx.io.out(t(ctx.lang, 'cli.demo.logins'));
  for (const u of DEMO_USERS) ctx.io.out(`  ${u.login.padEnd(14)} ${u.role.padEnd(11)} ${(u.organisationId ?? '').padEnd(18)} ${u.fullName}`);
}

export const demoCommand: CommandSpec = {
  name: 'demo',
  local: true,
  usage: 'anyqtama demo [--data-dir DIR]',
  summary: { kk: 'Демо-деректерді жүктеу', ru: 'Загрузить демо-данные', en: 'Load the demo data' },
  options: {},
  async run(ctx) {
    const result = await ctx.withService((service, store) => ensureDemo(ctx, service, store));
    return finish(ctx, result, (outcome) => {
      const params = { users: outcome.users, requests: outcome.requests, dir: ctx.dataDir, password: DEMO_PASSWORD };
      if (ctx.json) ctx.io.out(JSON.stringify({ ...outcome, dataDir: ctx.dataDir, password: DEMO_PASSWORD, logins: DEMO_USERS.map((u) => ({ login: u.login, role: u.role, organisationId: u.organisationId })) }, null, 2));
      else {
        ctx.io.out(t(ctx.lang, outcome.seeded ? 'cli.demo.seeded' : 'cli.demo.already', params));
        printLogins(ctx);
      }
    });
  },
};
