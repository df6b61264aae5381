import { domainError, fail, type Result } from '../core/result.js';
import { diskProblem, isDiskProblem, type Unsaved } from '../store/disk-problem.js';
import { diskErrorCode, StoreUnavailable, type DiskErrorCode } from '../store/port.js';

export { diskProblem, isDiskProblem, type Unsaved };

/** The same refusal, naming `what` was not saved (a store's write says only "the change"). */
export function naming<T>(result: Result<T>, what: Unsaved): Result<T> {
  if (result.ok || !isDiskProblem(result.error)) return result;
  const reason = String(result.error.message.params?.reason ?? 'EIO') as DiskErrorCode;
  return fail(diskProblem(reason, what));
}

/**
 * The database went away under a call (a restart, a lost link), or the disk refused a write (full,
 * read-only): the caller gets the same Result a refused write gives, never an exception that would
 * end a clerk's session or the whole `serve`. With `what`, a disk refusal names what was not saved.
 */
export async function orUnavailable<T>(work: () => Promise<Result<T>>, what?: Unsaved): Promise<Result<T>> {
  try {
    const result = await work();
    return what ? naming(result, what) : result;
  } catch (error) {
    if (error instanceof StoreUnavailable) return fail(domainError('STORE_FAILED', { key: 'store.unavailable', params: { reason: error.reason } }));
    const disk = diskErrorCode(error);
    if (disk) return fail(diskProblem(disk, what ?? 'change'));
    throw error;
  }
}
