import { STATES } from '../../core/request.js';
import type { ListFilter, Page, RequestSummary } from '../port.js';

/** Soonest due first; no due date (drafts, intake refusals) last; then by submission, then id. */
export const dueKey = (e: RequestSummary): string => `${e.dueDate ?? '9999-12-31'}|${e.submittedAt ?? ''}|${e.id}`;

/** One bucket: summaries kept in dueKey order, so a queue page is a walk, not a sort. */
class Bucket {
  readonly keys: string[] = [];
  readonly items: RequestSummary[] = [];

  private position(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(e: RequestSummary): void {
    const key = dueKey(e);
    const at = this.position(key);
    this.keys.splice(at, 0, key);
    this.items.splice(at, 0, e);
  }

  remove(e: RequestSummary): void {
    const key = dueKey(e);
    const at = this.position(key);
    if (this.keys[at] === key) {
      this.keys.splice(at, 1);
      this.items.splice(at, 1);
    }
  }
}

/**
 * Queues by (provider office, state), (receiving centre, state) and (state) alone, each in due
 * order. A clerk's queue page at 100k requests then costs the page, not a scan and a sort of
 * everything (which measured 27 ms median, 78 ms p99, blocking every session meanwhile).
 */
export class QueueIndex {
  private readonly buckets = new Map<string, Bucket>();

  private names(e: RequestSummary): string[] {
    return [`o:${e.office}|${e.state}`, `c:${e.receivedBy}|${e.state}`, `*|${e.state}`];
  }

  add(e: RequestSummary): void {
    for (const name of this.names(e)) {
      let bucket = this.buckets.get(name);
      if (!bucket) this.buckets.set(name, (bucket = new Bucket()));
      bucket.add(e);
    }
  }

  remove(e: RequestSummary): void {
    for (const name of this.names(e)) this.buckets.get(name)?.remove(e);
  }

  /** A page in due order; null when the filter asks for another order (the caller scans). */
  page(filter: ListFilter, extra: ((e: RequestSummary) => boolean) | null): Page<RequestSummary> | null {
    if ((filter.order ?? 'due') !== 'due') return null;
    const family = filter.office ? `o:${filter.office}` : filter.receivedBy ? `c:${filter.receivedBy}` : '*';
    const buckets = (filter.states ?? STATES).flatMap((s) => {
      const b = this.buckets.get(`${family}|${s}`);
      return b && b.items.length > 0 ? [b] : [];
    });
    const offset = filter.offset ?? 0;
    const end = offset + (filter.limit ?? 50);
    const cursors = buckets.map(() => 0);
    const items: RequestSummary[] = [];
    let total = 0;
    for (;;) {
      let best = -1;
      for (let i = 0; i < buckets.length; i++) {
        const key = buckets[i]!.keys[cursors[i]!];
        if (key !== undefined && (best < 0 || key < buckets[best]!.keys[cursors[best]!]!)) best = i;
      }
      if (best < 0) break;
      const e = buckets[best]!.items[cursors[best]!]!;
      cursors[best]!++;
      if (extra && !extra(e)) continue;
      if (total >= offset && total < end) items.push(e);
      total++;
      // Without further conditions the total is known from the bucket sizes: stop after the page.
      if (!extra && total >= end) {
        total = buckets.reduce((n, b) => n + b.items.length, 0);
        break;
      }
    }
    return { items, total };
  }
}
