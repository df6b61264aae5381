import type { EventEmitter } from 'node:events';
import type { TransitionContext } from '../core/lifecycle/context.js';
import { findOrganisation } from '../core/offices.js';
import type { Request } from '../core/request.js';
import type { Result } from '../core/result.js';
import type { ServiceDef } from '../core/services/types.js';
import type { Reference } from '../config/reference.js';
import type { DocumentService } from '../documents/service.js';
import type { BlobStore, ChangeFeed, RequestStore } from '../store/port.js';
import { localDate, type Clock } from './clock.js';

/**
 * 'changed' (request) after every stored change, here or in another process sharing the database:
 * open screens refresh from it. 'resync' when changes may have been missed (the database came back).
 */
export type RequestChanges = EventEmitter<{ changed: [Request]; resync: [] }>;

/**
 * What filing, deciding, reading and the survey share: the store they write through, the reference
 * data, the clock, and the one change feed. RequestService (requests.ts) builds it once.
 */
export interface RequestEnv {
  readonly store: RequestStore & BlobStore & ChangeFeed;
  readonly reference: Reference;
  readonly clock: Clock;
  readonly newId: () => string;
  /** Renders and signs result documents; without it, decisions that need a signature are refused. */
  readonly documents: DocumentService | undefined;
  readonly changes: RequestChanges;
}

/** Now, and today's date in Kazakhstan. */
export function moment(env: Pick<RequestEnv, 'clock' | 'reference'>): { now: string; today: string } {
  const now = env.clock.now();
  return { now: now.toISOString(), today: localDate(now, env.reference.offices.timezoneOffsetMinutes) };
}

/** What the pure lifecycle needs to move a request of `service` at `office` now. */
export function transitionContext(env: RequestEnv, service: ServiceDef, office: string): TransitionContext {
  const { now, today } = moment(env);
  return {
    now,
    today,
    calendar: env.reference.calendar,
    service,
    office: findOrganisation(env.reference.offices, office),
    newId: env.newId,
  };
}

/** Tells open screens (and the bot) of a stored change; a refused save changes nothing and says nothing. */
export function announce(env: RequestEnv, saved: Result<Request>): Result<Request> {
  if (saved.ok) env.changes.emit('changed', saved.value);
  return saved;
}
