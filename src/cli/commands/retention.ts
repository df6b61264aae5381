import { retentionDays, sweepRetention } from '../../app/retention.js';
import { clockFromEnv } from '../../app/clock.js';
import { formatDateTime } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import { securityPrivacyMessages } from '../../core/i18n/messages/security-privacy.js';
import { fail, ok } from '../../core/result.js';
import { badValue, missing } from '../args.js';
import { finish, type CommandSpec } from '../command.js';

/**
 * `anyqtama retention sweep`: deletes now what `serve` deletes every few hours (app/retention.ts),
 * for an office that runs the command from cron, or checks what the setting does.
 */
export const retentionCommand: CommandSpec = {
  name: 'retention',
  usage: 'anyqtama retention sweep [--json]   (ANYQTAMA_RETENTION_DAYS, 30)',
  summary: securityPrivacyMessages['retention.summary'],
  options: {},
  async run(ctx, _values, positionals) {
    const sub = positionals[0];
    if (sub === undefined) return finish(ctx, fail(missing(ctx.lang, 'sweep', 'retention.expected.sub')), () => undefined);
    if (sub !== 'sweep') return finish(ctx, fail(badValue(ctx.lang, 'retention', 'retention.expected.sub')), () => undefined);
    const days = retentionDays(ctx.io.env);
    if (!days.ok) return finish(ctx, days, () => undefined);
    const reference = ctx.reference();
    if (!reference.ok) return finish(ctx, reference, () => undefined);
    const store = await ctx.openStore();
    if (!store.ok) return finish(ctx, store, () => undefined);
    try {
      const done = await sweepRetention(store.value, clockFromEnv(ctx.io.env), days.value);
      return finish(ctx, ok(done), () => {
        const before = formatDateTime(done.before, reference.value.offices.timezoneOffsetMinutes);
        ctx.io.out(ctx.json ? JSON.stringify(done) : t(ctx.lang, 'retention.swept', { days: done.days, before, chats: done.chats, drafts: done.drafts }));
      });
    } finally {
      await store.value.close();
    }
  },
};
