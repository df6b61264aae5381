import { pick } from '../../core/i18n/text.js';
import { t } from '../../core/i18n/catalogue.js';
import { providersOf } from '../../core/offices.js';
import { exampleAnswers } from '../../core/services/examples.js';
import { findService, SERVICES } from '../../core/services/catalogue.js';
import { domainError, fail, ok } from '../../core/result.js';
import { finish, type CommandSpec } from '../command.js';
import { missing } from '../args.js';

export const servicesCommand: CommandSpec = {
  name: 'services',
  local: true,
  usage: 'anyqtama services [--json]',
  summary: { kk: 'Қызметтер каталогы', ru: 'Каталог услуг', en: 'The service catalogue' },
  options: {},
  async run(ctx) {
    const reference = ctx.reference();
    return finish(ctx, reference, (ref) => {
      const items = SERVICES.map((s) => ({
        id: s.id,
        title: s.title,
        shortTitle: s.shortTitle,
        seeds: s.seeds,
        channels: s.channels,
        deadline: s.deadline,
        ...(s.deadlineByChannel ? { deadlineByChannel: s.deadlineByChannel } : {}),
        extensionGrounds: s.extensionGrounds.map((g) => ({ code: g.code, label: g.label, extendedTo: g.extendedTo })),
        ...(s.returnToCentre ? { returnToCentre: s.returnToCentre } : {}),
        requiredDocuments: s.requiredDocuments,
        refusalReasons: s.refusalReasons,
        providers: providersOf(ref.offices, s.id).map((p) => p.id),
        output: s.output,
        // What `act … issue --field NAME=VALUE` takes: the result form's fields, their labels and hints.
        resultFields: s.resultForm.fields.map((f) => ({ id: f.id, kind: f.kind, required: f.required, label: f.label, ...(f.hint ? { hint: f.hint } : {}) })),
        ...(s.resultPrefill ? { resultPrefill: s.resultPrefill } : {}),
      }));
      if (ctx.json) {
        ctx.io.out(JSON.stringify(items, null, 2));
        return;
      }
      for (const s of items) {
        const term = t(ctx.lang, s.deadline.unit === 'calendar' ? 'cli.term.calendar' : 'cli.term.working', { days: s.deadline.days });
        const channels = s.channels.map((c) => t(ctx.lang, `channel.${c}`)).join(', ');
        ctx.io.out(`${s.id}\n  ${pick(s.title, ctx.lang)}\n  ${channels} · ${term} · ${s.providers.join(', ')}`);
      }
    });
  },
};

export const exampleCommand: CommandSpec = {
  name: 'example',
  local: true,
  usage: 'anyqtama example SERVICE_ID',
  summary: { kk: 'Қызмет сауалнамасының үлгісі (JSON)', ru: 'Пример анкеты услуги (JSON)', en: 'A valid example questionnaire (JSON)' },
  options: {},
  async run(ctx, _values, positionals) {
    const id = positionals[0];
    if (!id) return finish(ctx, fail(missing(ctx.lang, 'SERVICE_ID', 'cli.expected.service')), () => undefined);
    const service = findService(id);
    const result = service ? ok(exampleAnswers(service.id)) : fail(domainError('NOT_FOUND', { key: 'app.unknownService', params: { service: id } }));
    return finish(ctx, result, (answers) => ctx.io.out(JSON.stringify(answers, null, 2)));
  },
};
