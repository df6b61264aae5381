import { domainError, type DomainError } from '../core/result.js';
import type { DiskErrorCode } from './port.js';

// The words for a write the disk refused, said once for every store and every writer of files
// (the embedded store, the document service, the CLI opening a store).

/** What a refused write failed to store, as the message names it to the person who asked. */
export type Unsaved = 'change' | 'decision' | 'request' | 'open';

/** "Out of space / the disk refused: the <what> was not saved, tell the administrator", in kk/ru. */
export function diskProblem(code: DiskErrorCode, what: Unsaved = 'change'): DomainError {
  const full = code === 'ENOSPC' || code === 'EDQUOT';
  return domainError('STORE_FAILED', { key: full ? `store.full.${what}` : `store.disk.${what}`, params: { reason: code } });
}

/** True for the disk-refusal messages diskProblem gives. */
export function isDiskProblem(error: DomainError): boolean {
  return /^store\.(full|disk)\./.test(error.message.key);
}
