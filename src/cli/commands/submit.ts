import { basename } from 'node:path';
import { MAX_ATTACHMENT_BYTES, mediaTypeOf, type NewAttachment } from '../../app/attachments.js';
import { readLimited } from '../read-limited.js';
import { formatDate } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick } from '../../core/i18n/text.js';
import type { Actor, Request } from '../../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../../core/result.js';
import { findService } from '../../core/services/catalogue.js';
import { CHANNELS, type Channel } from '../../core/services/types.js';
import { badValue, missing, readJsonArg } from '../args.js';
import { finish, str, strs, type CommandSpec } from '../command.js';
import { actorOf } from '../context.js';
import { requestJson } from '../output.js';
import type { UserStore } from '../../store/port.js';
import { ClerkDesk } from '../../app/clerk-desk.js';

/**
 * A scan named by --attach: a regular file (a link is followed only to one) of at most the
 * attachment limit, never read past it (read-limited.ts). Its name is the one typed.
 */
function readAttachment(path: string): Result<NewAttachment, DomainError> {
  const name = basename(path);
  const content = readLimited(path, { option: '--attach', maxBytes: MAX_ATTACHMENT_BYTES });
  return content.ok ? ok({ name, mediaType: mediaTypeOf(name) ?? 'application/octet-stream', content: content.value }) : content;
}

/** Staff register under their own login; in the bot channel the citizen is the actor. */
async function submitter(store: Pick<UserStore, 'getUser'>, channel: Channel, login: string | undefined, answers: unknown): Promise<Result<Actor, DomainError>> {
  if (login) return actorOf(store, login);
  if (channel !== 'bot') return fail(domainError('VALIDATION', { key: 'app.loginRequired', params: { channel } }));
  const iin = (answers as { applicant?: { iin?: unknown } } | null)?.applicant?.iin;
  return ok({ login: `citizen:${typeof iin === 'string' ? iin.replace(/\s/g, '') : '?'}`, role: 'citizen' });
}

export const submitCommand: CommandSpec = {
  name: 'submit',
  paths: { options: ['data', 'attach'] },
  usage: 'anyqtama submit --service ID --channel office|centre|mobile|bot --data FILE [--attach FILE]... [--paper DOC_ID]... [--office ID] [--as LOGIN] [--json]',
  summary: { kk: 'Өтінішті тіркеу', ru: 'Зарегистрировать заявку', en: 'Register a request' },
  options: {
    service: { type: 'string' },
    channel: { type: 'string' },
    data: { type: 'string' },
    attach: { type: 'string', multiple: true },
    paper: { type: 'string', multiple: true },
    office: { type: 'string' },
    as: { type: 'string' },
  },
  async run(ctx, values) {
    const serviceId = str(values.service);
    const channel = str(values.channel);
    const dataPath = str(values.data);
    if (!serviceId) return finish(ctx, fail(missing(ctx.lang, '--service', 'cli.expected.service')), () => undefined);
    if (!channel) return finish(ctx, fail(missing(ctx.lang, '--channel', 'cli.expected.channel')), () => undefined);
    if (!(CHANNELS as readonly string[]).includes(channel)) return finish(ctx, fail(badValue(ctx.lang, '--channel', 'cli.expected.channel')), () => undefined);
    if (!dataPath) return finish(ctx, fail(missing(ctx.lang, '--data', 'cli.expected.file')), () => undefined);
    const answers = readJsonArg(dataPath, '--data');
    if (!answers.ok) return finish(ctx, answers, () => undefined);
    const attachments: NewAttachment[] = [];
    for (const path of strs(values.attach)) {
      const file = readAttachment(path);
      if (!file.ok) return finish(ctx, file, () => undefined);
      attachments.push(file.value);
    }
    const result = await ctx.audited<{ request: Request; today: string }>({ command: 'submit', as: str(values.as), subject: (v: { request: Request }) => v.request.number ?? v.request.id }, async (service, store) => {
      const actor = await submitter(store, channel as Channel, str(values.as), answers.value);
      if (!actor.ok) return actor;
      const office = str(values.office);
      // Registered as at a counter, with the channel the command line names (the bot's on a citizen's behalf).
      const submitted = await new ClerkDesk(service, store).register(actor.value, {
        serviceId, channel: channel as Channel, answers: answers.value, lang: ctx.lang,
        attachments, paperDocuments: strs(values.paper), ...(office ? { office } : {}), via: 'cli',
      });
      return submitted.ok ? ok({ request: submitted.value, today: service.moment().today }) : submitted;
    });
    return finish(ctx, result, ({ request, today }) => {
      const reference = ctx.reference();
      if (!reference.ok) return;
      const def = findService(request.service)!;
      const given = new Set([...request.paperDocuments, ...request.attachments.flatMap((a) => (a.documentId ? [a.documentId] : []))]);
      const missingDocs = def.requiredDocuments.filter((d) => d.required && (!d.channels || d.channels.includes(request.channel)) && !given.has(d.id));
      if (ctx.json) {
        ctx.io.out(JSON.stringify({ ...requestJson(request, reference.value, today, ctx.lang), missingDocuments: missingDocs.map((d) => d.id) }, null, 2));
        return;
      }
      ctx.io.out(t(ctx.lang, 'cli.submitted', { number: request.number ?? '—', due: request.due ? formatDate(request.due.dueDate) : '—' }));
      if (missingDocs.length > 0) {
        ctx.io.out(t(ctx.lang, 'cli.missingDocuments', { documents: missingDocs.map((d) => pick(d.title, ctx.lang)).join('; ') }));
      }
    });
  },
};
