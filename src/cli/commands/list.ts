import { formatDate } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick } from '../../core/i18n/text.js';
import { deadlineStatusOf } from '../../core/lifecycle/deadline.js';
import { OPEN_STATES, STATES, type State } from '../../core/request.js';
import { fail, ok } from '../../core/result.js';
import { findService } from '../../core/services/catalogue.js';
import { SERVICE_IDS, type ServiceId } from '../../core/services/types.js';
import type { ListFilter, RequestSummary } from '../../store/port.js';
import { badValue } from '../args.js';
import { finish, str, strs, type CommandSpec } from '../command.js';
import { requestJson, stateLabel, writeOutput } from '../output.js';
import { csvLines, UTF8_BOM } from '../../app/csv.js';
import { ClerkDesk } from '../../app/clerk-desk.js';
import type { RequestService } from '../../app/requests.js';
import type { Actor } from '../../core/request.js';
import type { DomainError, Result } from '../../core/result.js';
import type { Store, UserStore } from '../../store/port.js';
import { actorOf } from '../context.js';

export const listCommand: CommandSpec = {
  name: 'list',
  usage: 'anyqtama list [--state S]... [--service ID] [--office ID] [--search TEXT] [--overdue] [--due-soon] [--limit N] [--as LOGIN] [--json]',
  summary: { kk: 'Өтініштер тізімі (мерзімі бойынша)', ru: 'Список заявок (по сроку)', en: 'List requests, soonest due first' },
  options: {
    state: { type: 'string', multiple: true },
    service: { type: 'string' },
    office: { type: 'string' },
    search: { type: 'string' },
    overdue: { type: 'boolean' },
    'due-soon': { type: 'boolean' },
    limit: { type: 'string' },
    as: { type: 'string' },
  },
  async run(ctx, values) {
    const login = str(values.as);
    const states = strs(values.state).map((s) => s.toUpperCase());
    const bad = states.find((s) => !(STATES as readonly string[]).includes(s));
    if (bad !== undefined) return finish(ctx, fail(badValue(ctx.lang, '--state', 'cli.expected.state', { states: STATES.join(', ') })), () => undefined);
    const serviceId = str(values.service);
    if (serviceId && !(SERVICE_IDS as readonly string[]).includes(serviceId)) {
      return finish(ctx, fail(badValue(ctx.lang, '--service', 'cli.expected.service')), () => undefined);
    }
    const limitText = str(values.limit) ?? '50';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 10_000) return finish(ctx, fail(badValue(ctx.lang, '--limit', 'cli.expected.limit')), () => undefined);
    const wantOverdue = values.overdue === true;
    const wantDueSoon = values['due-soon'] === true;
    const office = str(values.office);
    const text = str(values.search);
    if (text !== undefined && !plainText(text, MAX_SEARCH)) return finish(ctx, fail(badValue(ctx.lang, '--search', 'securityCli.expected.text', { max: String(MAX_SEARCH) })), () => undefined);
    const work = async (service: RequestService, store: Store) => {
      const viewer = await viewerOf(store, login);
      if (!viewer.ok) return viewer;
      const { today } = service.moment();
      const calendar = service.reference.calendar;
      const deadlineFilter = wantOverdue || wantDueSoon;
      const filter: ListFilter = {
        ...(states.length ? { states: states as State[] } : deadlineFilter ? { states: OPEN_STATES } : {}),
        ...(serviceId ? { service: serviceId as ServiceId } : {}),
        ...(office ? { office } : {}),
        ...(text ? { text } : {}),
        order: 'due',
        limit: deadlineFilter ? Number.MAX_SAFE_INTEGER : limit,
      };
      // Names and IINs in full only where the viewer may open the request (the desk masks the rest).
      const page = await new ClerkDesk(service, store).summaries(viewer.value, filter);
      const status = (s: RequestSummary) => deadlineStatusOf(s.state, s.dueDate, today, calendar);
      const items = page.items
        .map((s) => ({ ...s, deadlineStatus: status(s) }))
        .filter((s) => !deadlineFilter || (wantOverdue && s.deadlineStatus === 'overdue') || (wantDueSoon && s.deadlineStatus === 'dueSoon'));
      return ok({ items: deadlineFilter ? items.slice(0, limit) : items, total: deadlineFilter ? items.length : page.total });
    };
    // With --as the names and IINs may be shown in full: that read is audited.
    const result = login ? await ctx.audited({ command: 'list', as: login, subject: text ?? office ?? '' }, work) : await ctx.withService(work);
    return finish(ctx, result, ({ items, total }) => {
      if (items.some((s) => s.masked)) ctx.io.err(t(ctx.lang, 'securityCli.masked'));
      if (ctx.json) {
        ctx.io.out(JSON.stringify(items, null, 2));
        return;
      }
      if (items.length === 0) ctx.io.out(t(ctx.lang, 'cli.list.empty'));
      for (const s of items) {
        const flag = s.deadlineStatus === 'overdue' ? '!' : s.deadlineStatus === 'dueSoon' ? '~' : ' ';
        const title = findService(s.service);
        ctx.io.out(`${flag} ${(s.number ?? '—').padEnd(12)} ${(s.dueDate ? formatDate(s.dueDate) : '—').padEnd(10)} ${stateLabel(ctx.lang, s.state).padEnd(24)} ${title ? pick(title.shortTitle, ctx.lang) : s.service} · ${s.applicantName}`);
      }
      ctx.io.out(t(ctx.lang, 'cli.list.total', { total, shown: items.length }));
    });
  },
};

/** A search is a number, an IIN or part of a name: a line, not a page. */
const MAX_SEARCH = 200;
const plainText = (text: string, max: number) => [...text].length <= max && !/[\u0000-\u001f\u007f-\u009f]/u.test(text);

/** Who is reading: the member of staff --as names (refused if unknown or disabled), or nobody. */
async function viewerOf(store: Pick<UserStore, 'getUser'>, login: string | undefined): Promise<Result<Actor | null, DomainError>> {
  if (!login) return ok(null);
  return actorOf(store, login);
}

const CSV_COLUMNS = ['number', 'service', 'state', 'channel', 'office', 'receivedBy', 'applicantIin', 'applicantName', 'submittedAt', 'dueDate', 'updatedAt'] as const;

export const exportCommand: CommandSpec = {
  name: 'export',
  paths: { options: ['output'] },
  usage: 'anyqtama export --format json|csv [-o FILE] [--as LOGIN]',
  summary: { kk: 'Барлық өтініштерді шығару', ru: 'Выгрузка всех заявок', en: 'Export all requests' },
  options: { format: { type: 'string' }, output: { type: 'string', short: 'o' }, as: { type: 'string' } },
  async run(ctx, values) {
    const login = str(values.as);
    const format = str(values.format) ?? 'json';
    if (format !== 'json' && format !== 'csv') return finish(ctx, fail(badValue(ctx.lang, '--format', 'cli.expected.format')), () => undefined);
    const output = str(values.output);
    // Personal data in full only for rows the --as member of staff may open (the desk masks the
    // rest); the read is audited.
    const work = async (service: RequestService, store: Store) => {
      const viewer = await viewerOf(store, login);
      if (!viewer.ok) return viewer;
      const desk = new ClerkDesk(service, store);
      const page = await desk.summaries(viewer.value, { order: 'submitted', limit: Number.MAX_SAFE_INTEGER });
      const masked = page.items.some((s) => s.masked);
      if (format === 'csv') {
        const rows = page.items.map((s) => CSV_COLUMNS.map((c) => s[c]));
        return ok({ text: UTF8_BOM + csvLines([CSV_COLUMNS, ...rows]), count: page.items.length, masked });
      }
      const { today } = service.moment();
      const docs = [];
      for (const s of page.items) {
        const viewed = await desk.view(viewer.value, { id: s.id });
        if (!viewed.ok && viewed.error.code === 'NOT_FOUND') continue;
        if (!viewed.ok) return viewed;
        const { request, full } = viewed.value;
        docs.push({ ...requestJson(request, service.reference, today, ctx.lang), ...(full ? {} : { masked: true, answers: null }) });
      }
      return ok({ text: JSON.stringify(docs, null, 2), count: docs.length, masked });
    };
    const result = login ? await ctx.audited({ command: `export ${format}`, as: login, subject: output ?? '-' }, work) : await ctx.withService(work);
    if (result.ok && result.value.masked) ctx.io.err(t(ctx.lang, 'securityCli.masked'));
    if (!result.ok || !output) return finish(ctx, result, ({ text }) => ctx.io.out(text));
    const { count } = result.value;
    return finish(ctx, writeOutput(output, result.value.text), () => ctx.io.err(t(ctx.lang, 'cli.exported', { count, path: output })));
  },
};
