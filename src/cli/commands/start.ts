import { formatDate } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import { TRANSITIONS } from '../../core/lifecycle/table.js';
import type { RefusalCode } from '../../core/refusals.js';
import type { Action, Request } from '../../core/request.js';
import { ok, type DomainError, type Result } from '../../core/result.js';
import { exampleAnswers, exampleResult } from '../../core/services/examples.js';
import { ClerkDesk } from '../../app/clerk-desk.js';
import { finish, type CommandSpec } from '../command.js';
import { actorOf } from '../context.js';
import { requestLines, stateLabel } from '../output.js';
import { ensureDemo, printLogins } from './demo.js';
import { runLocalTui } from './tui.js';
import type { CliContext } from '../context.js';

interface Step {
  readonly login: string;
  readonly action: Action;
  readonly ground?: string;
  readonly reasons?: readonly RefusalCode[];
  readonly note?: string;
}

/** The life of one archival request at the Kyzylorda archive, as `npm start` shows it. */
const WALK: readonly Step[] = [
  { login: 'kzo-clerk', action: 'take' },
  { login: 'kzo-clerk', action: 'extend', ground: 'MULTIPLE_ORGANISATIONS', note: 'Екі ұйымның құжаттары зерделенеді / Изучаются документы двух организаций' },
  { login: 'kzo-clerk', action: 'issue' },
  { login: 'kzo-clerk', action: 'deliver' },
];

export const startCommand: CommandSpec = {
  name: 'start',
  local: true,
  usage: 'anyqtama start [--walk]',
  summary: {
    kk: 'Демо деректерімен қызметкердің терминалы; терминал болмаса немесе --walk: бір өтініштің өмірі',
    ru: 'Терминал сотрудника на демо-данных; без терминала или с --walk: жизнь одной заявки',
    en: 'The clerk UI on demo data; without a terminal, or with --walk: one request\'s life',
  },
  options: { walk: { type: 'boolean' } },
  async run(ctx, values) {
    if (process.stdin.isTTY && process.stdout.isTTY && values.walk !== true) return openDemoTui(ctx);
    ctx.io.out(t(ctx.lang, 'cli.start.title'));
    const result = await ctx.withService(async (service, store): Promise<Result<Request, DomainError>> => {
      const demo = await ensureDemo(ctx, service, store);
      if (!demo.ok) return demo;
      if (demo.value.seeded) ctx.io.out(t(ctx.lang, 'cli.demo.seeded', { users: demo.value.users, requests: demo.value.requests, dir: ctx.dataDir, password: 'anyqtama-demo' }));
      const clerk = await actorOf(store, 'kzo-clerk');
      if (!clerk.ok) return clerk;
      const say = (step: number, who: string, request: Request) => {
        const due = request.due ? ` — ${t(ctx.lang, 'cli.status.due')} ${formatDate(request.due.dueDate)}` : '';
        const what = `${t(ctx.lang, `action.${request.history.at(-1)!.action}`)} → «${stateLabel(ctx.lang, request.state)}»${due}`;
        ctx.io.out(t(ctx.lang, 'cli.start.step', { step, who, what }));
      };
      const desk = new ClerkDesk(service, store);
      const submitted = await desk.register(clerk.value, { serviceId: 'archive-certificate', answers: exampleAnswers('archive-certificate'), lang: ctx.lang === 'en' ? 'ru' : ctx.lang });
      if (!submitted.ok) return submitted;
      let request = submitted.value;
      say(1, clerk.value.fullName ?? clerk.value.login, request);
      for (const [i, step] of WALK.entries()) {
        const actor = await actorOf(store, step.login);
        if (!actor.ok) return actor;
        // A signed result is signed with the clerk's demo key, as a real one would be with theirs.
        const { needs, signed } = TRANSITIONS[step.action];
        const acted = await desk.decide(actor.value, request, {
          action: step.action, env: ctx.io.env,
          ...(step.ground ? { ground: step.ground } : {}), ...(step.reasons ? { reasons: step.reasons } : {}), ...(step.note ? { note: step.note } : {}),
          ...(needs.content ? { content: exampleResult('archive-certificate') } : {}),
        });
        if (!acted.ok) return acted;
        request = acted.value;
        say(i + 2, actor.value.fullName ?? actor.value.login, request);
        const document = request.decision?.document;
        if (signed && document) ctx.io.out(`   ${t(ctx.lang, 'cli.signedDocument', { number: request.number ?? '', code: document.code })}`);
      }
      ctx.io.out('');
      ctx.io.out(requestLines(request, service.reference, service.moment().today, ctx.lang).join('\n'));
      return ok(request);
    });
    return finish(ctx, result, (request) => {
      ctx.io.out('');
      printLogins(ctx);
      ctx.io.out(t(ctx.lang, 'cli.start.next', { number: request.number ?? '', dir: ctx.dataDir }));
    });
  },
};

/** `npm start` on a terminal: the demo data (made on first run), the logins, then the clerk UI. */
async function openDemoTui(ctx: CliContext): Promise<number> {
  const demo = await ctx.withService((service, store) => ensureDemo(ctx, service, store));
  if (!demo.ok) return finish(ctx, demo, () => undefined);
  if (demo.value.seeded) ctx.io.out(t(ctx.lang, 'cli.demo.seeded', { users: demo.value.users, requests: demo.value.requests, dir: ctx.dataDir, password: 'anyqtama-demo' }));
  printLogins(ctx);
  ctx.io.out(t(ctx.lang, 'cli.start.tui'));
  return runLocalTui(ctx, { plain: false, fullRedraw: false });
}
