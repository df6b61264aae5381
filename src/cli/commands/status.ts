import { ok, type DomainError, type Result } from '../../core/result.js';
import type { Lang } from '../../core/i18n/text.js';
import { TRANSITIONS } from '../../core/lifecycle/table.js';
import { readJsonArg } from '../args.js';
import { ACTIONS } from '../../core/request.js';
import { t } from '../../core/i18n/catalogue.js';
import { badValue, missing } from '../args.js';
import { finish, str, strs, type CommandSpec } from '../command.js';
import { actorOf } from '../context.js';
import { fail } from '../../core/result.js';
import { requestJson, requestLines, stateLabel } from '../output.js';
import { ClerkDesk } from '../../app/clerk-desk.js';
import type { RequestService } from '../../app/requests.js';
import type { Store } from '../../store/port.js';
import { readSecretFile } from '../read-limited.js';

export const statusCommand: CommandSpec = {
  name: 'status',
  usage: 'anyqtama status NUMBER [--as LOGIN] [--json]',
  summary: { kk: 'Өтініштің күйі мен тарихы', ru: 'Состояние и история заявки', en: 'A request\'s state and history' },
  options: { as: { type: 'string' } },
  async run(ctx, values, positionals) {
    const number = positionals[0];
    const login = str(values.as);
    if (!number) return finish(ctx, fail(missing(ctx.lang, 'NUMBER', 'cli.expected.number')), () => undefined);
    // The applicant's IIN, name and questionnaire in full only for a member of staff who may open
    // the request (src/app/access.ts), and that read is audited; otherwise masked as the call-centre sees it.
    const work = async (service: RequestService, store: Store) => {
      const actor = login ? await actorOf(store, login) : null;
      if (actor && !actor.ok) return actor;
      const viewed = await new ClerkDesk(service, store).view(actor?.value ?? null, { number });
      if (!viewed.ok) return viewed;
      return ok({ ...viewed.value, today: service.moment().today, reference: service.reference });
    };
    const result = login ? await ctx.audited({ command: 'status', as: login, subject: number.trim().slice(0, 40) }, work) : await ctx.withService(work);
    return finish(ctx, result, ({ request, full, today, reference }) => {
      if (ctx.json) ctx.io.out(JSON.stringify({ ...requestJson(request, reference, today, ctx.lang), ...(full ? {} : { masked: true, answers: null }) }, null, 2));
      else ctx.io.out(requestLines(request, reference, today, ctx.lang).join('\n'));
      if (!full) ctx.io.err(t(ctx.lang, 'securityCli.masked'));
    });
  },
};

/** --content FILE (JSON object) and --field NAME=VALUE pairs, over what the questionnaire pre-fills. */
function resultContent(lang: Lang, contentFile: string | undefined, fields: readonly string[]): Result<Record<string, unknown>, DomainError> {
  let content: Record<string, unknown> = {};
  if (contentFile) {
    const json = readJsonArg(contentFile, '--content');
    if (!json.ok) return json;
    if (!json.value || typeof json.value !== 'object' || Array.isArray(json.value)) return fail(badValue(lang, '--content', 'cli.expected.file'));
    content = { ...(json.value as Record<string, unknown>) };
  }
  for (const pair of fields) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return fail(badValue(lang, '--field', 'documents.expected.field'));
    content[pair.slice(0, eq).trim()] = pair.slice(eq + 1);
  }
  return ok(content);
}

export const actCommand: CommandSpec = {
  name: 'act',
  paths: { options: ['content', 'passphrase-file'] },
  usage: 'anyqtama act NUMBER take|issue|refuse|extend|return|deliver|store --as LOGIN [--reason CODE]... [--note TEXT] [--content FILE.json] [--field NAME=VALUE]... [--passphrase-file F] [--json]',
  summary: { kk: 'Өтініш бойынша әрекет (шешім)', ru: 'Действие по заявке (решение)', en: 'Act on a request' },
  options: {
    as: { type: 'string' },
    reason: { type: 'string', multiple: true },
    note: { type: 'string' },
    content: { type: 'string' },
    field: { type: 'string', multiple: true },
    'passphrase-file': { type: 'string' },
  },
  async run(ctx, values, positionals) {
    const [number, action] = positionals;
    const login = str(values.as);
    if (!number) return finish(ctx, fail(missing(ctx.lang, 'NUMBER', 'cli.expected.number')), () => undefined);
    if (!action) return finish(ctx, fail(missing(ctx.lang, 'ACTION', 'cli.expected.action')), () => undefined);
    const chosen = ACTIONS.filter((a) => a !== 'register' && a !== 'refuseIntake').find((a) => a === action);
    if (!chosen) return finish(ctx, fail(badValue(ctx.lang, 'ACTION', 'cli.expected.action')), () => undefined);
    if (!login) return finish(ctx, fail(missing(ctx.lang, '--as', 'cli.expected.login')), () => undefined);
    const reasons = strs(values.reason);
    const note = str(values.note);
    const content = resultContent(ctx.lang, str(values.content), strs(values.field));
    if (!content.ok) return finish(ctx, content, () => undefined);
    const passphraseFile = str(values['passphrase-file']);
    const passphrase = passphraseFile !== undefined ? readSecretFile(passphraseFile, '--passphrase-file') : null;
    if (passphrase && !passphrase.ok) return finish(ctx, passphrase, () => undefined);
    const result = await ctx.audited({ command: `act ${action}`, as: login, subject: number.trim().slice(0, 40) }, async (service, store) => {
      const actor = await actorOf(store, login);
      if (!actor.ok) return actor;
      // The desk opens the request for this member of staff, unlocks their key for a signed result,
      // takes the channel from their role, and fills the certificate's fields not given here.
      const acted = await new ClerkDesk(service, store).act(actor.value, number, {
        action: chosen,
        via: 'cli',
        ...(TRANSITIONS[chosen].needs.ground ? { ground: reasons[0] } : { reasons }),
        ...(note ? { note } : {}),
        ...(TRANSITIONS[chosen].needs.content ? { content: content.value } : {}),
        ...(passphrase?.ok ? { passphrase: passphrase.value } : {}),
        env: ctx.io.env,
      });
      return acted.ok ? ok({ after: acted.value, today: service.moment().today, reference: service.reference }) : acted;
    });
    return finish(ctx, result, ({ after, today, reference }) => {
      if (ctx.json) return ctx.io.out(JSON.stringify(requestJson(after, reference, today, ctx.lang), null, 2));
      const from = after.history.at(-1)?.from ?? after.state;
      ctx.io.out(t(ctx.lang, 'cli.acted', { number: after.number ?? '—', from: stateLabel(ctx.lang, from), to: stateLabel(ctx.lang, after.state) }));
      const document = after.decision?.document;
      if (document && TRANSITIONS[chosen].signed) {
        ctx.io.out(t(ctx.lang, 'cli.signedDocument', { number: after.number ?? '', code: document.code }));
      }
    });
  },
};
