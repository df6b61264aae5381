import { randomUUID } from 'node:crypto';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import type { Request, State } from '../../src/core/request.js';
import type { ServiceId } from '../../src/core/services/types.js';

let sequence = 0;

/** A registered request as the store sees it; fields the store indexes can be set. */
export function aRequest(over: Partial<Request> & { seq?: number } = {}): Request {
  const seq = over.seq ?? ++sequence;
  const now = '2026-03-20T05:00:00.000Z';
  const { seq: _s, ...rest } = over;
  return {
    id: randomUUID(),
    number: formatRequestNumber(2026, seq),
    version: 1,
    service: 'archive-certificate' as ServiceId,
    channel: 'office',
    lang: 'kk',
    office: 'kzo-archives',
    receivedBy: 'kzo-archives',
    state: 'SUBMITTED' as State,
    applicant: { iin: '850305400010', fullName: 'Нұрланова Айгүл Серікқызы' },
    answers: { applicant: { iin: '850305400010' }, note: 'x'.repeat(800) },
    attachments: [],
    paperDocuments: [],
    createdAt: now,
    updatedAt: now,
    submittedAt: now,
    submittedOn: '2026-03-20',
    due: { dueDate: '2026-04-06', rule: { unit: 'calendar', amount: 15, source: 'test' }, explanation: {} },
    history: [{ seq: 1, at: now, by: 'kzo-clerk', role: 'clerk', channel: 'office', action: 'register', from: 'DRAFT', to: 'SUBMITTED' }],
    outbox: [{ id: randomUUID(), kind: 'registered', at: now, state: 'SUBMITTED' }],
    ...rest,
  };
}

/** The request one change later, as the lifecycle would produce it (new state, version + 1). */
export function changed(request: Request, state: State, extra: Partial<Request> = {}): Request {
  const at = new Date(Date.parse(request.updatedAt) + 60_000).toISOString();
  return {
    ...request,
    ...extra,
    state,
    version: request.version + 1,
    updatedAt: at,
    history: [...request.history, { seq: request.history.length + 1, at, by: 'kzo-clerk', role: 'clerk', channel: 'office', action: 'take', from: request.state, to: state }],
    outbox: [...request.outbox, { id: randomUUID(), kind: 'status', at, state }],
  };
}
