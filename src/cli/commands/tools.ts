import { dueByCalendarDays, dueByWorkingDays, explainDue } from '../../core/calendar/due.js';
import { formatDate } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import { iinProblemKey } from '../../core/identity/checks.js';
import { parseIin } from '../../core/identity/iin.js';
import { domainError, fail, ok } from '../../core/result.js';
import { normaliseDate, tidyDate } from '../../core/forms/schema.js';
import { badValue, missing } from '../args.js';
import { finish, str, type CommandSpec } from '../command.js';

export const dueCommand: CommandSpec = {
  name: 'due',
  local: true,
  usage: 'anyqtama due --from YYYY-MM-DD --days N --working|--calendar [--explain] [--json]',
  summary: { kk: 'Мерзімнің соңғы күнін есептеу', ru: 'Рассчитать последний день срока', en: 'Compute a due date' },
  options: { from: { type: 'string' }, days: { type: 'string' }, working: { type: 'boolean' }, calendar: { type: 'boolean' }, explain: { type: 'boolean' } },
  async run(ctx, values) {
    const fromInput = str(values.from);
    if (!fromInput) return finish(ctx, fail(missing(ctx.lang, '--from', 'cli.expected.date')), () => undefined);
    const from = normaliseDate(tidyDate(fromInput));
    if (!from) return finish(ctx, fail(badValue(ctx.lang, '--from', 'cli.expected.date')), () => undefined);
    const daysInput = str(values.days);
    if (!daysInput) return finish(ctx, fail(missing(ctx.lang, '--days', 'cli.expected.days')), () => undefined);
    const days = Number(daysInput);
    if (!/^\d+$/.test(daysInput) || days < 1 || days > 3650) return finish(ctx, fail(badValue(ctx.lang, '--days', 'cli.expected.days')), () => undefined);
    if ((values.working === true) === (values.calendar === true)) return finish(ctx, fail(missing(ctx.lang, '--working|--calendar', 'cli.expected.unit')), () => undefined);
    const reference = ctx.reference();
    if (!reference.ok) return finish(ctx, reference, () => undefined);
    const cal = reference.value.calendar;
    const due = values.working === true ? dueByWorkingDays(cal, from, days) : dueByCalendarDays(cal, from, days);
    return finish(ctx, ok(due), (d) => {
      if (ctx.json) ctx.io.out(JSON.stringify({ due: d.due, explanation: explainDue(d.explanation, ctx.lang) }, null, 2));
      else if (values.explain === true) ctx.io.out([d.due, ...explainDue(d.explanation, ctx.lang)].join('\n'));
      else ctx.io.out(d.due);
    });
  },
};

export const iinCommand: CommandSpec = {
  name: 'iin',
  local: true,
  usage: 'anyqtama iin IIN',
  summary: { kk: 'ЖСН-ді тексеру', ru: 'Проверить ИИН', en: 'Check an IIN' },
  options: {},
  async run(ctx, _values, positionals) {
    const input = positionals.join('');
    if (!input) return finish(ctx, fail(missing(ctx.lang, 'IIN', 'form.expected.iin')), () => undefined);
    const parsed = parseIin(input);
    const result = parsed.ok
      ? ok(parsed.value)
      : fail(domainError('VALIDATION', { key: iinProblemKey(parsed.error), params: { iin: input } }));
    return finish(ctx, result, (iin) => {
      if (ctx.json) ctx.io.out(JSON.stringify({ valid: true, ...iin }));
      else ctx.io.out(t(ctx.lang, 'cli.iin.valid', { iin: iin.value, birthDate: formatDate(iin.birthDate), sex: t(ctx.lang, `cli.sex.${iin.sex}`) }));
    });
  },
};
