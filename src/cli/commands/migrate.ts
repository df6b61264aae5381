import { t } from '../../core/i18n/catalogue.js';
import { domainError, fail } from '../../core/result.js';
import { finish, type CommandSpec } from '../command.js';

export const migrateCommand: CommandSpec = {
  name: 'migrate',
  local: true,
  usage: 'anyqtama migrate --database-url postgres://… [--json]',
  summary: {
    kk: 'PostgreSQL дерекқорының сұлбасын осы нұсқаға дейін жаңарту',
    ru: 'Обновить схему базы PostgreSQL до этой версии',
    en: 'Bring the PostgreSQL schema up to this version',
  },
  options: {},
  async run(ctx) {
    if (!ctx.databaseUrl) return finish(ctx, fail(domainError('VALIDATION', { key: 'pg.noUrl' })), () => undefined);
    const pg = (await import('pg')).default;
    const { migrate, LATEST } = await import('../../store/pg/migrations.js');
    const { PgStore, redact } = await import('../../store/pg/pg-store.js');
    const client = new pg.Client(PgStore.config({ url: ctx.databaseUrl, application: 'anyqtama migrate' }));
    try {
      await client.connect();
    } catch (error) {
      const reason = (error as { code?: string }).code ?? (error as Error).message;
      return finish(ctx, fail(domainError('STORE_FAILED', { key: 'store.cannotConnect', params: { url: redact(ctx.databaseUrl), reason } })), () => undefined);
    }
    try {
      const done = await migrate(client);
      if (done.from > LATEST) {
        return finish(ctx, fail(domainError('STORE_FAILED', { key: 'store.newerSchema', params: { found: done.from, supported: LATEST } })), () => undefined);
      }
      if (ctx.json) ctx.io.out(JSON.stringify({ from: done.from, to: done.to, applied: done.applied.map((m) => ({ version: m.version, name: m.name })) }));
      else if (done.applied.length === 0) ctx.io.out(t(ctx.lang, 'pg.migrate.upToDate', { version: done.to }));
      else ctx.io.out(t(ctx.lang, 'pg.migrate.applied', { from: done.from, to: done.to, steps: done.applied.map((m) => `${m.version} ${m.name}`).join('; ') }));
      return 0;
    } finally {
      await client.end().catch(() => undefined);
    }
  },
};
