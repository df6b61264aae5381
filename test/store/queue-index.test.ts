import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATES } from '../../src/core/request.js';
import type { ListFilter, RequestSummary } from '../../src/store/port.js';
import { QueueIndex } from '../../src/store/lowdb/queue-index.js';
import { query, restOf } from '../../src/store/lowdb/summary.js';

const offices = ['kzo-archives', 'ast-archives', 'ekb-employment'];
const centres = ['kzo-centre', 'ekb-centre', 'bot'];

const summary = fc.record({
  id: fc.uuid(),
  number: fc.constant(null),
  version: fc.constant(1),
  state: fc.constantFrom(...STATES),
  service: fc.constantFrom('archive-certificate' as const, 'unemployed-certificate' as const),
  office: fc.constantFrom(...offices),
  receivedBy: fc.constantFrom(...centres),
  channel: fc.constant('office' as const),
  dueDate: fc.option(fc.constantFrom('2026-03-20', '2026-03-26', '2026-04-01', '2026-04-06'), { nil: null }),
  applicantIin: fc.constantFrom('850305400010', '781115300019'),
  applicantName: fc.constantFrom('Нұрланова Айгүл', 'Сейітов Ерлан'),
  submittedAt: fc.option(fc.constantFrom('2026-03-01T05:00:00Z', '2026-03-02T05:00:00Z'), { nil: null }),
  updatedAt: fc.constant('2026-03-02T05:00:00Z'),
  pendingOutbox: fc.constant([]),
  lastEvent: fc.constant(null),
}) as fc.Arbitrary<RequestSummary>;

const filter = fc.record({
  states: fc.option(fc.subarray([...STATES], { minLength: 1 }), { nil: undefined }),
  office: fc.option(fc.constantFrom(...offices), { nil: undefined }),
  receivedBy: fc.option(fc.constantFrom(...centres), { nil: undefined }),
  service: fc.option(fc.constant('unemployed-certificate' as const), { nil: undefined }),
  dueOnOrBefore: fc.option(fc.constant('2026-03-26'), { nil: undefined }),
  text: fc.option(fc.constant('сейітов'), { nil: undefined }),
  offset: fc.nat(8),
  limit: fc.integer({ min: 1, max: 10 }),
}, { requiredKeys: ['offset', 'limit'] }) as fc.Arbitrary<ListFilter>;

describe('a queue page served by the due-order index', () => {
  it('is exactly the page a full scan and sort would give, after any adds and removals', () => {
    fc.assert(fc.property(fc.uniqueArray(summary, { selector: (s) => s.id, maxLength: 40 }), fc.nat(), filter, (entries, drop, f) => {
      const index = new QueueIndex();
      for (const e of entries) index.add(e);
      const removed = entries.filter((_, i) => (i + drop) % 3 === 0);
      for (const e of removed) index.remove(e);
      const kept = entries.filter((e) => !removed.includes(e));
      expect(index.page(f, restOf(f))).toEqual(query(kept, f));
    }), { numRuns: 500 });
  });
});
