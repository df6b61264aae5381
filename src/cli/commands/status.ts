import { ok } from '../../core/result.js';
import { ACTIONS, type Action } from '../../core/request.js';
import { t } from '../../core/i18n/catalogue.js';
import { badValue, missing } from '../args.js';
import { finish, str, strs, type CommandSpec } from '../command.js';
import { actorOf } from '../context.js';
import { fail } from '../../core/result.js';
import { requestJson, requestLines, stateLabel } from '../output.js';

export const statusCommand: CommandSpec = {
  name: 'status',
  usage: 'anyqtama status NUMBER [--json]',
  summary: { kk: 'Өтініштің күйі мен тарихы', ru: 'Состояние и история заявки', en: 'A request\'s state and history' },
  options: {},
  async run(ctx, _values, positionals) {
    const number = positionals[0];
    if (!number) return finish(ctx, fail(missing(ctx.lang, 'NUMBER', 'cli.expected.number')), () => undefined);
    const result = await ctx.withService(async (service) => {
      const found = await service.find(number);
      return found.ok ? ok({ request: found.value, today: service.moment().today, reference: service.reference }) : found;
    });
    return finish(ctx, result, ({ request, today, reference }) => {
      if (ctx.json) ctx.io.out(JSON.stringify(requestJson(request, reference, today, ctx.lang), null, 2));
      else ctx.io.out(requestLines(request, reference, today, ctx.lang).join('\n'));
    });
  },
};

export const actCommand: CommandSpec = {
  name: 'act',
  usage: 'anyqtama act NUMBER take|issue|refuse|extend|return|deliver|store --as LOGIN [--reason CODE]... [--note TEXT] [--json]',
  summary: { kk: 'Өтініш бойынша әрекет (шешім)', ru: 'Действие по заявке (решение)', en: 'Act on a request' },
  options: {
    as: { type: 'string' },
    reason: { type: 'string', multiple: true },
    note: { type: 'string' },
  },
  async run(ctx, values, positionals) {
    const [number, action] = positionals;
    const login = str(values.as);
    if (!number) return finish(ctx, fail(missing(ctx.lang, 'NUMBER', 'cli.expected.number')), () => undefined);
    if (!action) return finish(ctx, fail(missing(ctx.lang, 'ACTION', 'cli.expected.action')), () => undefined);
    const actions = ACTIONS.filter((a) => a !== 'register' && a !== 'refuseIntake');
    if (!(actions as string[]).includes(action)) return finish(ctx, fail(badValue(ctx.lang, 'ACTION', 'cli.expected.action')), () => undefined);
    if (!login) return finish(ctx, fail(missing(ctx.lang, '--as', 'cli.expected.login')), () => undefined);
    const reasons = strs(values.reason);
    const note = str(values.note);
    const result = await ctx.withService(async (service, store) => {
      const actor = await actorOf(store, login);
      if (!actor.ok) return actor;
      const found = await service.find(number);
      if (!found.ok) return found;
      const before = found.value;
      const channel = actor.value.role === 'operator' ? 'centre' : 'office';
      const acted = await service.actOn(before, {
        action: action as Action,
        actor: actor.value,
        channel,
        ...(action === 'extend' ? { ground: reasons[0] } : { reasons }),
        ...(note ? { note } : {}),
      });
      return acted.ok ? ok({ before, after: acted.value, today: service.moment().today, reference: service.reference }) : acted;
    });
    return finish(ctx, result, ({ before, after, today, reference }) => {
      if (ctx.json) ctx.io.out(JSON.stringify(requestJson(after, reference, today, ctx.lang), null, 2));
      else ctx.io.out(t(ctx.lang, 'cli.acted', { number: after.number ?? '—', from: stateLabel(ctx.lang, before.state), to: stateLabel(ctx.lang, after.state) }));
    });
  },
};
