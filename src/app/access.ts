import type { Actor, Request, Role } from '../core/request.js';
import type { ListFilter } from '../store/port.js';

/**
 * Who sees which requests. Personal data is shown only to those whose role needs it: a clerk
 * sees their own provider office's requests, an operator those their centre took in, supervisors
 * and admins every office's; the call-centre opens no request at all, it only looks up a masked
 * status by number (src/app/lookups.ts).
 */
export function queueScope(actor: Actor): ListFilter | null {
  switch (actor.role) {
    case 'clerk':
      return actor.organisationId ? { office: actor.organisationId } : null;
    case 'operator':
      return actor.organisationId ? { receivedBy: actor.organisationId } : null;
    case 'supervisor':
    case 'admin':
      return {};
    default:
      return null;
  }
}

export function canOpen(actor: Actor, request: Pick<Request, 'office' | 'receivedBy'>): boolean {
  switch (actor.role) {
    case 'clerk':
      return actor.organisationId === request.office;
    case 'operator':
      return actor.organisationId === request.receivedBy;
    case 'supervisor':
    case 'admin':
      return true;
    default:
      return false;
  }
}

/** Roles that take requests in at a counter and act on them. */
export const DECIDING_ROLES: readonly Role[] = ['clerk', 'operator'];
