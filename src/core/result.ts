import type { MessageRef } from './i18n/catalogue.js';
import type { Text } from './i18n/text.js';
import type { RefusalCode } from './refusals.js';

/**
 * Errors are values. The code says what kind of failure it is (front-ends map it to an exit
 * code or a screen), the message says it to a person in kk/ru, `fields` names every bad field.
 */
export type ErrorCode =
  | 'VALIDATION' // bad input: fields named in `fields`
  | 'NOT_FOUND' // no such request, user, service, office
  | 'INVALID_NUMBER' // request number fails its check digit: a typo, not a missing request
  | 'ILLEGAL_TRANSITION' // the request's state does not allow the action
  | 'GUARD_FAILED' // the state allows it, a rule of the regulation does not (yet)
  | 'FORBIDDEN' // the user's role or organisation does not allow it
  | 'CONFLICT' // changed by someone else since it was read
  | 'INTAKE_REFUSED' // a pre-registration check failed (SPEC §4 R1–R5)
  | 'THROTTLED' // too many failed attempts lately: try again at the time the message names
  | 'STORE_LOCKED' // another process holds the embedded store
  | 'STORE_FAILED'; // the disk refused a write; nothing was changed

export interface FieldProblem {
  /** Dotted path in the questionnaire, e.g. `subject.birthYear` or `employment.1.fromYear`. */
  readonly path: string;
  readonly label: Text;
  /** What the field expects, e.g. "a year between 1900 and 2026". */
  readonly expected: Text;
}

export interface DomainError {
  readonly code: ErrorCode;
  readonly message: MessageRef;
  readonly fields?: readonly FieldProblem[];
  /** Refusal codes for INTAKE_REFUSED (R1–R5). */
  readonly reasons?: readonly RefusalCode[];
  /** The underlying problem, when `message` names the context (e.g. which data file). */
  readonly detail?: MessageRef;
}

export type Result<T, E = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = DomainError>(error: E): Result<never, E> => ({ ok: false, error });

export function domainError(
  code: ErrorCode,
  message: MessageRef,
  extra: Omit<DomainError, 'code' | 'message'> = {},
): DomainError {
  return { code, message, ...extra };
}
