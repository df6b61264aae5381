import { domainError, fail, type Result } from '../core/result.js';
import { StoreUnavailable } from '../store/port.js';

/**
 * The database went away under a call (a restart, a lost link): the caller gets the same "try
 * again" Result a refused write gives, never an exception that would end a clerk's session.
 */
export async function orUnavailable<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StoreUnavailable) return fail(domainError('STORE_FAILED', { key: 'store.unavailable', params: { reason: error.reason } }));
    throw error;
  }
}
