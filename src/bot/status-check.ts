import type { CitizenStatus } from '../app/citizen-desk.js';
import { formatDate, formatDateTime } from '../core/calendar/dates.js';
import { render, t } from '../core/i18n/catalogue.js';
import { actionName } from '../core/i18n/labels.js';
import { pick } from '../core/i18n/text.js';
import { contactPhones, findOrganisation } from '../core/offices.js';
import { findService } from '../core/services/catalogue.js';
import type { RequestSummary } from '../store/port.js';
import type { Button } from './replies.js';
import type { Turn } from './turn.js';

// The status check by number, shared by /status, the status links of /start and the card of one
// of the citizen's own requests. The rules (whose request, the IIN digits, the pause, the audit
// log) are the citizen desk's; this says what it answered.

export function askStatusNumber(turn: Turn): void {
  turn.flow = { kind: 'status', stage: 'number' };
  turn.say(turn.t('bot.status.askNumber'), turn.cancelRow());
}

export async function statusNumber(turn: Turn, input: string): Promise<void> {
  const checked = await turn.desk.checkNumber(turn.citizen, input);
  if (!checked.ok) return turn.say(turn.problem(checked.error), turn.cancelRow());
  const answer = checked.value;
  switch (answer.kind) {
    case 'invalid':
      turn.flow = { kind: 'status', stage: 'number' };
      return turn.say(`${render(turn.lang, answer.error.message)}\n${turn.t('bot.status.askNumber')}`, turn.cancelRow());
    case 'shown':
      return statusCard(turn, answer.status);
    case 'paused':
      return paused(turn, answer.until);
    case 'askDigits':
      turn.flow = { kind: 'status', stage: 'digits', number: answer.number };
      return turn.say(turn.t('bot.status.askDigits', { number: answer.number }), turn.cancelRow());
  }
}

/** Someone else's request: shown only to who knows the last 4 digits of its applicant's IIN. */
export async function statusDigits(turn: Turn, number: string, input: string): Promise<void> {
  const checked = await turn.desk.checkDigits(turn.citizen, number, input);
  if (!checked.ok) return turn.say(turn.problem(checked.error), turn.cancelRow());
  const answer = checked.value;
  switch (answer.kind) {
    case 'notDigits':
      return turn.say(turn.t('bot.status.digitsExpected'), turn.cancelRow());
    case 'shown':
      return statusCard(turn, answer.status);
    case 'noMatch':
      return turn.say(turn.t('bot.status.noMatch', { left: answer.left }), turn.cancelRow());
    case 'paused':
      return paused(turn, answer.until);
  }
}

function paused(turn: Turn, until: string): void {
  const offices = turn.reference.offices;
  turn.flow = null;
  turn.say(turn.t('bot.status.throttled', { until: formatDateTime(until, offices.timezoneOffsetMinutes), callCentre: offices.callCentrePhone }), turn.menuKeyboard());
}

export function statusCard(turn: Turn, status: CitizenStatus): void {
  const s = status.request;
  turn.flow = null;
  const offices = turn.reference.offices;
  const office = findOrganisation(offices, s.office);
  const buttons: Button[][] = [];
  if (status.resultOut && s.number) buttons.push([turn.button('bot.button.pdf', { kind: 'pdf', number: s.number })]);
  buttons.push([turn.button('bot.button.otherNumber', { kind: 'status' }), turn.button('bot.button.menu', { kind: 'menu' })]);
  turn.say(turn.t('bot.status.card', {
    number: s.number ?? '—',
    service: serviceTitle(turn, s),
    office: office ? pick(office.title, turn.lang) : s.office,
    state: t(turn.lang, `state.${s.state}`),
    submitted: s.submittedAt ? formatDateTime(s.submittedAt, offices.timezoneOffsetMinutes) : '—',
    due: dueLine(turn, status),
    last: s.lastEvent
      ? turn.t('bot.status.lastEvent', { date: formatDateTime(s.lastEvent.at, offices.timezoneOffsetMinutes), action: actionName(turn.lang, s.lastEvent.action) })
      : '—',
  }), { inline: buttons });
}

/** The due date, with the office's phones when it has passed. */
function dueLine(turn: Turn, { request: s, overdue }: CitizenStatus): string {
  if (!s.dueDate) return turn.t('bot.status.noDue');
  const offices = turn.reference.offices;
  const phones = contactPhones(offices, findOrganisation(offices, s.office)).join(', ');
  return turn.t(overdue ? 'bot.status.dueOverdue' : 'bot.status.due', { date: formatDate(s.dueDate), phones });
}

export function serviceTitle(turn: Turn, s: RequestSummary): string {
  return pick(findService(s.service)?.shortTitle ?? { kk: s.service, ru: s.service }, turn.lang);
}
