import type { Request } from '../../core/request.js';
import type { ListFilter, Page, RequestSummary } from '../port.js';
import { dueKey } from './queue-index.js';

export function summarise(request: Request): RequestSummary {
  return {
    id: request.id,
    number: request.number,
    version: request.version,
    state: request.state,
    service: request.service,
    office: request.office,
    receivedBy: request.receivedBy,
    channel: request.channel,
    dueDate: request.due?.dueDate ?? null,
    applicantIin: request.applicant.iin,
    applicantName: request.applicant.fullName,
    submittedAt: request.submittedAt,
    updatedAt: request.updatedAt,
    pendingOutbox: request.outbox.filter((o) => !o.deliveredAt).map((o) => o.id),
    lastEvent: lastEventOf(request),
    ...(request.contact?.telegramChatId !== undefined ? { chatId: request.contact.telegramChatId } : {}),
  };
}

function lastEventOf(request: Request): RequestSummary['lastEvent'] {
  const e = request.history.at(-1);
  return e ? { at: e.at, action: e.action, to: e.to } : null;
}

const fold = (s: string) => s.toLocaleLowerCase('kk').replace(/ё/g, 'е');

function matches(e: RequestSummary, f: ListFilter, text: string | null): boolean {
  if (f.states && !f.states.includes(e.state)) return false;
  if (f.office && e.office !== f.office) return false;
  if (f.receivedBy && e.receivedBy !== f.receivedBy) return false;
  return matchesRest(e, f, text);
}

/** The conditions a queue bucket (office or centre, and state) does not already guarantee. */
function matchesRest(e: RequestSummary, f: ListFilter, text: string | null): boolean {
  if (f.service && e.service !== f.service) return false;
  if (f.applicantIin && e.applicantIin !== f.applicantIin) return false;
  if (f.chatId !== undefined && e.chatId !== f.chatId) return false;
  if (f.dueOnOrBefore && (!e.dueDate || e.dueDate > f.dueOnOrBefore)) return false;
  if (f.dueOnOrAfter && (!e.dueDate || e.dueDate < f.dueOnOrAfter)) return false;
  if (text) {
    const digits = text.replace(/[\s-]/g, '');
    const byNumber = /^\d+$/.test(digits) && (e.number?.replace(/-/g, '').includes(digits) || e.applicantIin.includes(digits));
    if (!byNumber && !fold(e.applicantName).includes(text)) return false;
  }
  return true;
}

const ORDER: Record<NonNullable<ListFilter['order']>, (a: RequestSummary, b: RequestSummary) => number> = {
  // The queue index's order, so both paths page identically.
  due: (a, b) => (dueKey(a) < dueKey(b) ? -1 : dueKey(a) > dueKey(b) ? 1 : 0),
  submitted: (a, b) => (b.submittedAt ?? '').localeCompare(a.submittedAt ?? ''),
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
};

/** The predicate a queue walk must still apply, or null when the buckets say it all. */
export function restOf(filter: ListFilter): ((e: RequestSummary) => boolean) | null {
  const text = filter.text?.trim() ? fold(filter.text.trim()) : null;
  const both = filter.office !== undefined && filter.receivedBy !== undefined;
  if (!filter.service && !filter.applicantIin && filter.chatId === undefined && !filter.dueOnOrBefore && !filter.dueOnOrAfter && !text && !both) return null;
  return (e) => (!both || e.receivedBy === filter.receivedBy) && matchesRest(e, filter, text);
}

/** Filters, sorts and pages summaries by a full scan: for orders and filters no queue index serves. */
export function query(entries: Iterable<RequestSummary>, filter: ListFilter): Page<RequestSummary> {
  const text = filter.text?.trim() ? fold(filter.text.trim()) : null;
  const found: RequestSummary[] = [];
  for (const e of entries) if (matches(e, filter, text)) found.push(e);
  found.sort(ORDER[filter.order ?? 'due']);
  const offset = filter.offset ?? 0;
  return { items: found.slice(offset, offset + (filter.limit ?? 50)), total: found.length };
}
