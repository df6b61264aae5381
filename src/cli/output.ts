import { explainDue, type DueExplanation } from '../core/calendar/due.js';
import { formatDate, formatDateTime } from '../core/calendar/dates.js';
import { render, t } from '../core/i18n/catalogue.js';
import { pick, type Lang } from '../core/i18n/text.js';
import { deadlineStatus } from '../core/lifecycle/deadline.js';
import { findOrganisation } from '../core/offices.js';
import type { Request, State } from '../core/request.js';
import { writeFileSync } from 'node:fs';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { findService } from '../core/services/catalogue.js';
import type { Reference } from '../config/reference.js';
import type { CliContext } from './context.js';


export function errorLines(lang: Lang, error: DomainError): string[] {
  const lines = [render(lang, error.message)];
  if (error.detail) lines.push(`  ${render(lang, error.detail)}`);
  for (const f of error.fields ?? []) {
    lines.push(`  - ${f.path}: ${t(lang, 'form.problem', { label: pick(f.label, lang), expected: pick(f.expected, lang) })}`);
  }
  if (error.reasons?.length) lines.push(`  ${t(lang, 'cli.reasonCodes', { codes: error.reasons.join(', ') })}`);
  return lines;
}

export function errorJson(lang: Lang, error: DomainError): unknown {
  return {
    error: {
      code: error.code,
      message: render(lang, error.message),
      ...(error.detail ? { detail: render(lang, error.detail) } : {}),
      ...(error.fields ? { fields: error.fields.map((f) => ({ path: f.path, label: pick(f.label, lang), expected: pick(f.expected, lang) })) } : {}),
      ...(error.reasons ? { reasons: error.reasons } : {}),
    },
  };
}

/** Prints an error the way the reader asked for: JSON on stdout with --json, text on stderr otherwise. */
export function printError(ctx: CliContext, error: DomainError): void {
  if (ctx.json) ctx.io.out(JSON.stringify(errorJson(ctx.lang, error), null, 2));
  else ctx.io.err(errorLines(ctx.lang, error).join('\n'));
}

export function stateLabel(lang: Lang, state: State): string {
  return t(lang, `state.${state}`);
}

/** The request as scripts read it (`status --json`, `submit --json`). */
export function requestJson(request: Request, reference: Reference, today: string, lang: Lang): Record<string, unknown> {
  const service = findService(request.service);
  return {
    number: request.number,
    id: request.id,
    service: request.service,
    serviceTitle: service ? pick(service.title, lang) : request.service,
    state: request.state,
    stateLabel: stateLabel(lang, request.state),
    channel: request.channel,
    office: request.office,
    receivedBy: request.receivedBy,
    applicant: request.applicant,
    submittedAt: request.submittedAt,
    submittedOn: request.submittedOn,
    dueDate: request.due?.dueDate ?? null,
    deadlineStatus: deadlineStatus(request, today, reference.calendar),
    due: request.due ? { rule: request.due.rule, explanation: explainDue(request.due.explanation as DueExplanation, lang) } : null,
    ...(request.extension ? { extension: request.extension } : {}),
    ...(request.returnBy ? { returnBy: request.returnBy } : {}),
    ...(request.decision ? { decision: request.decision } : {}),
    ...(request.intakeRefusal ? { intakeRefusal: request.intakeRefusal } : {}),
    attachments: request.attachments,
    paperDocuments: request.paperDocuments,
    history: request.history.map((e) => ({ ...e })),
    outbox: request.outbox,
    answers: request.answers,
  };
}

/** The request as a clerk reads it in the terminal. */
export function requestLines(request: Request, reference: Reference, today: string, lang: Lang): string[] {
  const offset = reference.offices.timezoneOffsetMinutes;
  const service = findService(request.service);
  const office = findOrganisation(reference.offices, request.office);
  const status = deadlineStatus(request, today, reference.calendar);
  const lines = [
    `${t(lang, 'cli.status.number')}: ${request.number ?? '—'}`,
    `${t(lang, 'cli.status.service')}: ${service ? pick(service.title, lang) : request.service}`,
    `${t(lang, 'cli.status.state')}: ${stateLabel(lang, request.state)} (${request.state})`,
    `${t(lang, 'cli.status.office')}: ${office ? pick(office.title, lang) : request.office}`,
    `${t(lang, 'cli.status.applicant')}: ${request.applicant.fullName}, ${request.applicant.iin}`,
  ];
  if (request.submittedAt) lines.push(`${t(lang, 'cli.status.submitted')}: ${formatDateTime(request.submittedAt, offset)} (${t(lang, `channel.${request.channel}`)})`);
  if (request.due) {
    const flag = status === 'overdue' || status === 'dueSoon' ? ` — ${t(lang, `cli.deadline.${status}`)}` : '';
    lines.push(`${t(lang, 'cli.status.due')}: ${formatDate(request.due.dueDate)}${flag}`);
    for (const l of explainDue(request.due.explanation as DueExplanation, lang)) lines.push(`    ${l}`);
  }
  if (request.returnBy && request.state === 'IN_WORK') lines.push(`${t(lang, 'cli.status.returnBy')}: ${formatDate(request.returnBy)}`);
  if (request.decision) {
    const d = request.decision;
    lines.push(`${t(lang, 'cli.status.decision')}: ${t(lang, `outcome.${d.outcome}`)}${d.reasons.length ? ` [${d.reasons.join(', ')}]` : ''}${d.note ? ` — ${d.note}` : ''}`);
  }
  lines.push(`${t(lang, 'cli.status.history')}:`);
  for (const e of request.history) {
    const arrow = `${e.from ? stateLabel(lang, e.from) : '—'} → ${stateLabel(lang, e.to)}`;
    const extra = [e.reasons?.join(', '), e.dueDate ? `${t(lang, 'cli.status.due')} ${formatDate(e.dueDate)}` : '', e.note].filter(Boolean).join('; ');
    lines.push(`  ${formatDateTime(e.at, offset)}  ${e.by} (${t(lang, `role.${e.role}`)}, ${t(lang, `channel.${e.channel}`)}${e.via ? `, ${e.via}` : ''})  ${arrow}${extra ? `  ${extra}` : ''}`);
  }
  return lines;
}

/** Writes a file the user named (-o, --csv): a folder that is not there or a read-only disk is a clear message, not a crash. */
export function writeOutput(path: string, data: string | Uint8Array): Result<string, DomainError> {
  try {
    writeFileSync(path, data);
    return ok(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return fail(domainError('VALIDATION', { key: 'cli.fileUnwritable', params: { path, reason } }));
  }
}
