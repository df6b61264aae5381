import type { MessageKey } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import { iinProblemKey } from '../core/identity/checks.js';
import { compactDigits, parseIin } from '../core/identity/iin.js';
import { findOrganisation, type OfficesConfig, type OrganisationKind } from '../core/offices.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { safeText } from '../core/text-safety.js';
import type { User } from '../store/port.js';

/**
 * The rules of a staff account, whichever front-end an administrator uses: what a login looks
 * like, which roles exist and which kind of organisation each works for, how long a password must
 * be, and what of an account may be shown.
 */

export type StaffRole = User['role'];
export const STAFF_ROLES = ['clerk', 'operator', 'callcentre', 'supervisor', 'admin'] as const satisfies readonly StaffRole[];

/** Shorter passwords fall to guessing despite the throttle (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 8;

/** Staff logins: what an SSH client sends as the user name, so no spaces, no case games. */
const LOGIN_PATTERN = /^[a-z][a-z0-9._-]{1,31}$/;
const MAX_NAME_LENGTH = 150;
/** Which kind of organisation each role works for; supervisors and admins belong to none. */
const ORGANISATION_OF: Partial<Record<StaffRole, OrganisationKind>> = { clerk: 'provider', operator: 'centre', callcentre: 'callcentre' };

/** A new member of staff as an administrator typed it, every part still unchecked text. */
export interface NewStaffInput {
  readonly login?: string | undefined;
  readonly role?: string | undefined;
  readonly name?: string | undefined;
  readonly office?: string | undefined;
  readonly iin?: string | undefined;
  readonly lang?: string | undefined;
}

export interface NewStaff {
  readonly login: string;
  readonly role: StaffRole;
  readonly fullName: string;
  readonly organisationId?: string;
  readonly iin?: string;
  readonly lang?: Lang;
}

export type StaffField = keyof NewStaffInput;

/** Which part of a new account is wrong: the front-end names its own field (an option, a form row). */
export interface StaffFieldProblem {
  readonly field: StaffField;
  /** Not given at all, rather than given wrong. */
  readonly missing: boolean;
  readonly expected: MessageKey;
  readonly params?: Readonly<Record<string, string>>;
}

const isRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);
const problem = (field: StaffField, missing: boolean, expected: MessageKey, params?: Record<string, string>): Result<never, StaffFieldProblem> =>
  fail({ field, missing, expected, ...(params ? { params } : {}) });

/** Checks a new account field by field, in the order a form asks, and names the first wrong one. */
export function checkNewStaff(input: NewStaffInput, offices: OfficesConfig): Result<NewStaff, StaffFieldProblem> {
  const { login, role } = input;
  if (!login) return problem('login', true, 'cli.expected.login');
  if (!LOGIN_PATTERN.test(login)) return problem('login', false, 'users.expected.newLogin');
  if (!role) return problem('role', true, 'users.expected.role');
  if (!isRole(role)) return problem('role', false, 'users.expected.role');
  const fullName = safeText(input.name ?? '').trim().replace(/\s+/g, ' ');
  if (!fullName) return problem('name', true, 'users.expected.name');
  if ([...fullName].length > MAX_NAME_LENGTH) return problem('name', false, 'users.expected.name');
  const kind = ORGANISATION_OF[role];
  if (kind) {
    if (!input.office) return problem('office', true, `users.expected.office.${kind}`);
    if (findOrganisation(offices, input.office)?.kind !== kind) return problem('office', false, `users.expected.office.${kind}`);
  } else if (input.office) {
    return problem('office', false, 'users.expected.noOffice', { role });
  }
  let iin: string | undefined;
  if (input.iin !== undefined) {
    const parsed = parseIin(input.iin);
    if (!parsed.ok) return problem('iin', false, iinProblemKey(parsed.error));
    iin = compactDigits(input.iin);
  }
  const lang = input.lang;
  if (lang !== undefined && lang !== 'kk' && lang !== 'ru') return problem('lang', false, 'cli.expected.lang');
  return ok({ login, role, fullName, ...(kind ? { organisationId: input.office! } : {}), ...(iin ? { iin } : {}), ...(lang ? { lang } : {}) });
}

/** A new password, given or not: it must be there and long enough. */
export function checkPassword(password: string | undefined): Result<string, DomainError> {
  if (!password) return fail(domainError('VALIDATION', { key: 'users.password.needed' }));
  if ([...password].length < MIN_PASSWORD_LENGTH) return fail(domainError('VALIDATION', { key: 'users.password.tooShort', params: { min: MIN_PASSWORD_LENGTH } }));
  return ok(password);
}

/** An account as a list shows it: never a password hash or a key, only whether there is one. */
export interface StaffView extends Omit<User, 'passwordHash' | 'publicKeys' | 'signingKey'> {
  readonly hasPassword: boolean;
  readonly publicKeys: number;
  readonly signingKey: { readonly serial: string; readonly issuer: string; readonly validTo: string; readonly demo: boolean } | null;
}

export function staffView({ passwordHash, publicKeys, signingKey, ...user }: User): StaffView {
  return {
    ...user,
    hasPassword: Boolean(passwordHash),
    publicKeys: publicKeys?.length ?? 0,
    signingKey: signingKey ? { serial: signingKey.serial, issuer: signingKey.issuer, validTo: signingKey.validTo, demo: Boolean(signingKey.demo) } : null,
  };
}

export const activeAdmins = (users: readonly User[]): User[] => users.filter((u) => u.role === 'admin' && !u.disabled);
