import type { ListFilter, RequestSummary } from '../port.js';

/** The summary columns, read without the request's document: queues, look-ups. */
export const SUMMARY_COLUMNS = `r.id, r.number, r.version, r.state, r.service, r.office, r.received_by, r.channel,
  r.due_key, r.has_due, r.applicant_iin, r.applicant_name, r.submitted_key, r.updated_at, r.chat_id, r.last_event,
  (SELECT coalesce(array_agg(o.item_id ORDER BY o.position), '{}') FROM outbox o WHERE o.request_id = r.id AND o.delivered_at IS NULL) AS pending`;

export interface SummaryRow {
  id: string;
  number: string | null;
  version: number;
  state: RequestSummary['state'];
  service: RequestSummary['service'];
  office: string;
  received_by: string;
  channel: RequestSummary['channel'];
  due_key: string;
  has_due: boolean;
  applicant_iin: string;
  applicant_name: string;
  submitted_key: string;
  updated_at: string;
  chat_id: string | null;
  last_event: RequestSummary['lastEvent'];
  pending: string[];
}

export function rowToSummary(row: SummaryRow): RequestSummary {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    state: row.state,
    service: row.service,
    office: row.office,
    receivedBy: row.received_by,
    channel: row.channel,
    dueDate: row.has_due ? row.due_key : null,
    applicantIin: row.applicant_iin,
    applicantName: row.applicant_name,
    submittedAt: row.submitted_key === '' ? null : row.submitted_key,
    updatedAt: row.updated_at,
    pendingOutbox: row.pending,
    lastEvent: row.last_event,
    ...(row.chat_id !== null ? { chatId: Number(row.chat_id) } : {}),
  };
}

const ORDER: Record<NonNullable<ListFilter['order']>, string> = {
  // The embedded store's order (queue-index.ts dueKey): due date, no date last, then submitted, then id.
  due: 'r.due_key, r.submitted_key, r.id',
  submitted: 'r.submitted_key DESC, r.id',
  updated: 'r.updated_at DESC, r.id',
};

/** As the embedded store folds names and what is typed (summary.ts). */
export const fold = (s: string) => s.toLocaleLowerCase('kk').replace(/ё/g, 'е');

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The page and count statements for a filter, with the same meaning as the embedded store's query(). */
export function listQuery(filter: ListFilter): { page: string; count: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  if (filter.states) where.push(`r.state = ANY(${p(filter.states)}::text[])`);
  if (filter.service) where.push(`r.service = ${p(filter.service)}`);
  if (filter.office) where.push(`r.office = ${p(filter.office)}`);
  if (filter.receivedBy) where.push(`r.received_by = ${p(filter.receivedBy)}`);
  if (filter.applicantIin) where.push(`r.applicant_iin = ${p(filter.applicantIin)}`);
  if (filter.chatId !== undefined) where.push(`r.chat_id = ${p(filter.chatId)}`);
  if (filter.dueOnOrBefore) where.push(`r.has_due AND r.due_key <= ${p(filter.dueOnOrBefore)}`);
  if (filter.dueOnOrAfter) where.push(`r.has_due AND r.due_key >= ${p(filter.dueOnOrAfter)}`);
  const text = filter.text?.trim() ? fold(filter.text.trim()) : null;
  if (text) {
    const digits = text.replace(/[\s-]/g, '');
    const name = `r.applicant_fold LIKE ${p(`%${likeEscape(text)}%`)}`;
    if (/^\d+$/.test(digits)) {
      const d = p(`%${digits}%`);
      where.push(`(replace(coalesce(r.number, ''), '-', '') LIKE ${d} OR r.applicant_iin LIKE ${d} OR ${name})`);
    } else {
      where.push(name);
    }
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = `SELECT count(*) AS total FROM requests r ${clause}`;
  const limit = p(filter.limit ?? 50);
  const offset = p(filter.offset ?? 0);
  const page = `SELECT ${SUMMARY_COLUMNS} FROM requests r ${clause} ORDER BY ${ORDER[filter.order ?? 'due']} LIMIT ${limit} OFFSET ${offset}`;
  return { page, count, params };
}
