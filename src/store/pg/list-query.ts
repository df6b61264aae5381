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

/** The key of a request without a due date: after every real date, as in the embedded store. */
const NO_DUE = '9999-12-31';

/**
 * The page and count statements for a filter, with the same meaning as the embedded store's query().
 * The queue's order (due date) is read from the office or centre queue index: one state is an
 * equality the index serves in order; several (the "overdue" and "done" tabs) are one ordered
 * branch per state, merged (a Merge Append of index scans) rather than one filtered walk.
 */
export function listQuery(filter: ListFilter): { page: string; count: string; params: unknown[]; countParams: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  if (filter.service) where.push(`r.service = ${p(filter.service)}`);
  if (filter.office) where.push(`r.office = ${p(filter.office)}`);
  if (filter.receivedBy) where.push(`r.received_by = ${p(filter.receivedBy)}`);
  if (filter.applicantIin) where.push(`r.applicant_iin = ${p(filter.applicantIin)}`);
  if (filter.chatId !== undefined) where.push(`r.chat_id = ${p(filter.chatId)}`);
  // Conditions on the key itself (not on has_due), so the queue index answers them.
  if (filter.dueOnOrBefore) where.push(`r.due_key <= ${p(filter.dueOnOrBefore)}`);
  if (filter.dueOnOrAfter) where.push(`r.due_key >= ${p(filter.dueOnOrAfter)} AND r.due_key <> '${NO_DUE}'`);
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
  const states = filter.states ? [...new Set(filter.states)] : null;
  const and = (extra: string[]) => (extra.length ? `WHERE ${extra.join(' AND ')}` : '');
  const stateClause = (add: (v: unknown) => string) =>
    states === null ? [] : states.length === 1 ? [`r.state = ${add(states[0])}`] : [`r.state = ANY(${add(states)}::text[])`];
  // The count has parameters of its own: the page may spell the states differently.
  const countParams = params.slice();
  const count = `SELECT count(*) AS total FROM requests r ${and([...stateClause((v) => `$${countParams.push(v)}`), ...where])}`;
  const limit = filter.limit ?? 50;
  const offset = filter.offset ?? 0;
  const order = filter.order ?? 'due';
  let page: string;
  if (states && states.length > 1 && order === 'due') {
    const head = p(offset + limit);
    const branches = states.map((state) =>
      `(SELECT r.id, r.due_key, r.submitted_key FROM requests r ${and([`r.state = ${p(state)}`, ...where])} ORDER BY ${ORDER.due} LIMIT ${head})`);
    page = `SELECT ${SUMMARY_COLUMNS} FROM (
        SELECT u.id, u.due_key, u.submitted_key FROM (${branches.join(' UNION ALL ')}) u
        ORDER BY u.due_key, u.submitted_key, u.id LIMIT ${p(limit)} OFFSET ${p(offset)}
      ) k JOIN requests r ON r.id = k.id ORDER BY k.due_key, k.submitted_key, k.id`;
  } else {
    page = `SELECT ${SUMMARY_COLUMNS} FROM requests r ${and([...stateClause(p), ...where])} ORDER BY ${ORDER[order]} LIMIT ${p(limit)} OFFSET ${p(offset)}`;
  }
  return { page, count, params, countParams };
}
