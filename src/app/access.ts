import type { Actor, Request, Role } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { ListFilter, User, UserStore } from '../store/port.js';

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

/**
 * A member of staff who may act now: the login exists and is not disabled. `login` is who the
 * front-end says is acting (the CLI's --as); naming nobody is refused with what to give.
 */
export async function activeStaff(store: Pick<UserStore, 'getUser'>, login: string | undefined): Promise<Result<User, DomainError>> {
  if (!login) return fail(domainError('VALIDATION', { key: 'users.notNamed' }));
  const user = await store.getUser(login);
  if (!user) return fail(domainError('NOT_FOUND', { key: 'app.unknownUser', params: { login } }));
  if (user.disabled) return fail(domainError('FORBIDDEN', { key: 'app.userDisabled', params: { login } }));
  return ok(user);
}

/**
 * The one check of every administrator's command (users, keys, trust, revocation lists): the
 * login exists, is not disabled, and is an admin. A disabled admin is refused like anyone else.
 */
export async function adminOf(store: Pick<UserStore, 'getUser'>, login: string | undefined): Promise<Result<User, DomainError>> {
  const user = await activeStaff(store, login);
  if (!user.ok) return user;
  if (user.value.role !== 'admin') return fail(domainError('FORBIDDEN', { key: 'securityCli.adminOnly', params: { login: user.value.login, role: user.value.role } }));
  return user;
}
