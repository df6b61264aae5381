import { formatDate, formatDateTime } from '../../core/calendar/dates.js';
import { t, render } from '../../core/i18n/catalogue.js';
import { actionName } from '../../core/i18n/labels.js';
import { pick } from '../../core/i18n/text.js';
import { parseRequestNumber } from '../../core/identity/request-number.js';
import { deadlineStatusOf } from '../../core/lifecycle/deadline.js';
import { contactPhones, findOrganisation } from '../../core/offices.js';
import { RESULT_STATES, type Request } from '../../core/request.js';
import { findService } from '../../core/services/catalogue.js';
import { localDate } from '../../app/clock.js';
import { failuresLeft, lookupAllowedAt, recentFailures } from '../../app/lookup-throttle.js';
import { auditSubject } from '../../app/lookups.js';
import type { AuditEntry, RequestSummary } from '../../store/port.js';
import { kindLabel } from '../../documents/verification-text.js';
import type { Button } from '../replies.js';
import type { Turn } from '../turn.js';
import { stale } from './ask.js';

export function askStatusNumber(turn: Turn): void {
  turn.flow = { kind: 'status', stage: 'number' };
  turn.say(turn.t('bot.status.askNumber'), turn.cancelRow());
}

export async function statusNumber(turn: Turn, input: string): Promise<void> {
  const found = await turn.deps.requests.lookup(input.slice(0, 40));
  if (!found.ok && found.error.code === 'INVALID_NUMBER') {
    turn.flow = { kind: 'status', stage: 'number' };
    return turn.say(`${render(turn.lang, found.error.message)}\n${turn.t('bot.status.askNumber')}`, turn.cancelRow());
  }
  const parsed = parseRequestNumber(input.slice(0, 40));
  const number = parsed.ok ? parsed.value : input.trim();
  // The citizen's own requests need no check.
  if (found.ok && found.value.chatId === turn.update.chatId) return statusCard(turn, found.value);
  if (await throttled(turn, number)) return;
  turn.flow = { kind: 'status', stage: 'digits', number };
  turn.say(turn.t('bot.status.askDigits', { number }), turn.cancelRow());
}

/** Someone else's request: shown only to who knows the last 4 digits of its applicant's IIN. */
export async function statusDigits(turn: Turn, number: string, input: string): Promise<void> {
  if (await throttled(turn, number)) return;
  const digits = input.replace(/\s/g, '');
  if (!/^\d{4}$/.test(digits)) return turn.say(turn.t('bot.status.digitsExpected'), turn.cancelRow());
  const found = await turn.deps.requests.lookup(number);
  const matched = found.ok && found.value.applicantIin.slice(-4) === digits;
  // Who looked at whose request is kept, as for the call-centre's look-ups, before anything is shown.
  await audit(turn, number, matched ? 'found' : 'notFound');
  if (found.ok && matched) {
    turn.flow = null;
    return statusCard(turn, found.value);
  }
  // Not found and wrong digits get the same answer: nobody learns which numbers exist.
  // Status checks follow the call-centre's look-up rule (app/lookup-throttle.ts).
  const now = turn.deps.requests.moment().now;
  const failures = [...recentFailures(turn.chat.failedChecks ?? [], Date.parse(now)), now];
  turn.changes = { ...turn.changes, failedChecks: failures };
  if (await throttled(turn, null)) return;
  turn.say(turn.t('bot.status.noMatch', { left: failuresLeft(failures, Date.parse(now)) }), turn.cancelRow());
}

/** The digits the citizen typed are never logged, right or wrong: only the number and the outcome. */
function audit(turn: Turn, subject: string, outcome: AuditEntry['outcome']): Promise<void> {
  return turn.deps.store.appendAudit({
    at: turn.deps.requests.moment().now, actor: `telegram:${turn.update.userId}`, role: 'citizen', kind: 'lookup', subject: auditSubject(subject), outcome, source: 'bot',
  });
}

/**
 * Whether status checks are paused for this chat now (said when they are). A refused attempt at a
 * number is audited; `subject` is null when the failure that caused the pause was audited already.
 */
async function throttled(turn: Turn, subject: string | null): Promise<boolean> {
  const now = Date.parse(turn.deps.requests.moment().now);
  const allowedAt = lookupAllowedAt(turn.changes.failedChecks ?? turn.chat.failedChecks ?? [], now);
  if (!allowedAt) return false;
  if (subject !== null) await audit(turn, subject, 'throttled');
  const until = allowedAt.toISOString();
  const offices = turn.reference.offices;
  turn.flow = null;
  turn.say(turn.t('bot.status.throttled', { until: formatDateTime(until, offices.timezoneOffsetMinutes), callCentre: offices.callCentrePhone }), turn.menuKeyboard());
  return true;
}

function statusCard(turn: Turn, s: RequestSummary): void {
  turn.flow = null;
  const offices = turn.reference.offices;
  const office = findOrganisation(offices, s.office);
  const buttons: Button[][] = [];
  if (s.chatId === turn.update.chatId && RESULT_STATES.includes(s.state)) buttons.push([turn.button('bot.button.pdf', `pdf:${s.number}`)]);
  buttons.push([turn.button('bot.button.otherNumber', 'st'), turn.button('bot.button.menu', 'menu')]);
  turn.say(turn.t('bot.status.card', {
    number: s.number ?? '—',
    service: serviceTitle(turn, s),
    office: office ? pick(office.title, turn.lang) : s.office,
    state: t(turn.lang, `state.${s.state}`),
    submitted: s.submittedAt ? formatDateTime(s.submittedAt, offices.timezoneOffsetMinutes) : '—',
    due: dueLine(turn, s),
    last: s.lastEvent
      ? turn.t('bot.status.lastEvent', { date: formatDateTime(s.lastEvent.at, offices.timezoneOffsetMinutes), action: actionName(turn.lang, s.lastEvent.action) })
      : '—',
  }), { inline: buttons });
}

/** The due date, with the office's phones when it has passed. */
function dueLine(turn: Turn, s: RequestSummary): string {
  if (!s.dueDate) return turn.t('bot.status.noDue');
  const offices = turn.reference.offices;
  const today = localDate(new Date(turn.deps.requests.moment().now), offices.timezoneOffsetMinutes);
  const overdue = deadlineStatusOf(s.state, s.dueDate, today, turn.reference.calendar) === 'overdue';
  const phones = contactPhones(offices, findOrganisation(offices, s.office)).join(', ');
  return turn.t(overdue ? 'bot.status.dueOverdue' : 'bot.status.due', { date: formatDate(s.dueDate), phones });
}

function serviceTitle(turn: Turn, s: RequestSummary): string {
  return pick(findService(s.service)?.shortTitle ?? { kk: s.service, ru: s.service }, turn.lang);
}

export async function myRequests(turn: Turn): Promise<void> {
  if (turn.flow?.kind !== 'apply') turn.flow = null;
  const mine = await turn.deps.store.list({ chatId: turn.update.chatId, order: 'submitted', limit: 10 });
  const filed = mine.items.filter((s) => s.number);
  if (filed.length === 0) {
    return turn.say(turn.t('bot.my.none'), { inline: [[turn.button('bot.button.status', 'st'), turn.button('bot.button.menu', 'menu')]] });
  }
  const lines = filed.map((s) => turn.t('bot.my.item', { number: s.number!, service: serviceTitle(turn, s), state: t(turn.lang, `state.${s.state}`) }));
  turn.say(`${turn.t('bot.my.list', { count: mine.total })}\n${lines.join('\n')}`, {
    inline: [...filed.map((s): Button[] => [{ label: s.number!, data: `r:${s.number}` }]), [turn.button('bot.button.menu', 'menu')]],
  });
}

/** A button of "my requests": the card of one of the chat's own requests. */
export async function ownRequest(turn: Turn, number: string): Promise<void> {
  const found = await turn.deps.requests.lookup(number);
  if (!found.ok || found.value.chatId !== turn.update.chatId) return stale(turn);
  return statusCard(turn, found.value);
}

/** The decision's PDF again, as the office holds it now. */
export async function sendDocument(turn: Turn, number: string): Promise<void> {
  const found = await turn.deps.requests.find(number);
  const documents = turn.deps.requests.documents;
  if (!found.ok || found.value.contact?.telegramChatId !== turn.update.chatId) return stale(turn);
  const request: Request = found.value;
  if (!request.decision?.document || !documents) return turn.say(turn.t('bot.pdf.none', { number }));
  const current = await documents.current(request);
  if (!current.ok) return turn.say(render(turn.lang, current.error.message));
  turn.replies.push({ kind: 'action', action: 'upload_document' });
  const kind = request.decision.outcome === 'issued' ? 'certificate' : 'refusal';
  turn.replies.push({
    kind: 'document', bytes: current.value.bytes, fileName: `${number}-${kind}.pdf`,
    caption: turn.t('bot.pdf.caption', { number, document: kindLabel(turn.lang, request.decision.document.template) }),
  });
}
