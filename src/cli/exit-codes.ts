import type { ErrorCode } from '../core/result.js';

/** Exit codes scripts rely on: 0 ok, 2 bad input, 3 not found, 4 conflict or refused transition, 1 anything else. */
export const EXIT = { ok: 0, failure: 1, badInput: 2, notFound: 3, refused: 4 } as const;

export function exitCodeOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'INVALID_NUMBER':
      return EXIT.badInput;
    case 'NOT_FOUND':
      return EXIT.notFound;
    case 'CONFLICT':
    case 'ILLEGAL_TRANSITION':
    case 'GUARD_FAILED':
    case 'FORBIDDEN':
    case 'INTAKE_REFUSED':
    case 'THROTTLED':
      return EXIT.refused;
    case 'STORE_LOCKED':
    case 'STORE_FAILED':
      return EXIT.failure;
  }
}
