import { ok, type DomainError, type Result } from '../../core/result.js';
import type { Lang } from '../../core/i18n/text.js';
import { channelOf } from '../../core/lifecycle/channels.js';
import { TRANSITIONS } from '../../core/lifecycle/table.js';
import type { Request } from '../../core/request.js';
import { findService } from '../../core/services/catalogue.js';
import { credentialFor } from '../../documents/keys.js';
import { readJsonArg } from '../args.js';
import { ACTIONS } from '../../core/request.js';
import { t } from '../../core/i18n/catalogue.js';
import { badValue, missing } from '../args.js';
import { finish, str, strs, type CommandSpec } from '../command.js';
import { actorOf } from '../context.js';
import { fail } from '../../core/result.js';
import { requestJson, requestLines, stateLabel } from '../output.js';
import { prefilled } from '../../app/result-content.js';
import { canOpen } from '../../app/access.js';
import { maskRequest } from '../../app/masking.js';
import type { RequestService } from '../../app/requests.js';
import type { UserStore } from '../../store/port.js';
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
    const work = async (service: RequestService, store: Pick<UserStore, 'getUser'>) => {
      const found = await service.find(number);
      if (!found.ok) return found;
      const actor = login ? await actorOf(store, login) : null;
      if (actor && !actor.ok) return actor;
      const full = actor !== null && canOpen(actor.value, found.value);
      return ok({ request: full ? found.value : maskRequest(found.value), full, today: service.moment().today, reference: service.reference });
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
      const found = await service.find(number);
      if (!found.ok) return found;
      const before = found.value;
      const channel = channelOf(actor.value.role);
      // The clerk's key is opened only for an action whose result is a signed document.
      const { needs, signed: signs } = TRANSITIONS[chosen];
      const credential = signs ? await credentialFor(store, actor.value, { env: ctx.io.env, ...(passphrase ? { given: passphrase.value } : {}) }) : null;
      if (credential && !credential.ok) return credential;
      const acted = await service.actOn(before, {
        action: chosen,
        actor: actor.value,
        channel,
        via: 'cli',
        ...(needs.ground ? { ground: reasons[0] } : { reasons }),
        ...(note ? { note } : {}),
        ...(needs.content ? { content: prefilled(before, content.value) } : {}),
        ...(credential?.ok ? { credential: credential.value } : {}),
      });
      return acted.ok ? ok({ before, after: acted.value, today: service.moment().today, reference: service.reference }) : acted;
    });
    return finish(ctx, result, ({ before, after, today, reference }) => {
      if (ctx.json) return ctx.io.out(JSON.stringify(requestJson(after, reference, today, ctx.lang), null, 2));
      ctx.io.out(t(ctx.lang, 'cli.acted', { number: after.number ?? '—', from: stateLabel(ctx.lang, before.state), to: stateLabel(ctx.lang, after.state) }));
      const document = after.decision?.document;
      if (document && before.decision?.document?.code !== document.code) {
        ctx.io.out(t(ctx.lang, 'cli.signedDocument', { number: after.number ?? '', code: document.code }));
      }
    });
  },
};
