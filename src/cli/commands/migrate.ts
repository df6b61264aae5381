import { t } from '../../core/i18n/catalogue.js';
import { domainError, fail } from '../../core/result.js';
import { finish, type CommandSpec } from '../command.js';
import { migratePostgres } from '../wiring.js';

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
    const result = await migratePostgres(ctx.databaseUrl);
    return finish(ctx, result, (done) => {
      if (ctx.json) ctx.io.out(JSON.stringify(done));
      else if (done.applied.length === 0) ctx.io.out(t(ctx.lang, 'pg.migrate.upToDate', { version: done.to }));
      else ctx.io.out(t(ctx.lang, 'pg.migrate.applied', { from: done.from, to: done.to, steps: done.applied.map((m) => `${m.version} ${m.name}`).join('; ') }));
    });
  },
};
