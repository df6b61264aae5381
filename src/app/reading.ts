import { parseRequestNumber } from '../core/identity/request-number.js';
import { numberProblemKey } from '../core/identity/checks.js';
import type { Request } from '../core/request.js';
import { domainError, fail, ok, type Result } from '../core/result.js';
import type { RequestReader, RequestSummary } from '../store/port.js';
import { orUnavailable } from './unavailable.js';

/** Reading requests by number as a person typed it, and lists: no role is checked here (the desks do). */

/** Looks a number up as a person typed it: a typo is INVALID_NUMBER, not NOT_FOUND. */
export async function byNumber<T>(numberInput: string, read: (number: string) => Promise<T | null>): Promise<Result<T>> {
  const parsed = parseRequestNumber(numberInput);
  if (!parsed.ok) {
    return fail(domainError('INVALID_NUMBER', { key: numberProblemKey(parsed.error), params: { number: numberInput.trim() } }));
  }
  const found = await read(parsed.value);
  return found ? ok(found) : fail(domainError('NOT_FOUND', { key: 'store.notFound', params: { number: parsed.value } }));
}

/** The whole request, for the clerk's screen and decisions. */
export function find(store: Pick<RequestReader, 'getByNumber'>, numberInput: string): Promise<Result<Request>> {
  return orUnavailable(() => byNumber(numberInput, (n) => store.getByNumber(n)));
}

/** State, dates and last event from the index: what the call-centre and the bot read out. */
export function lookup(store: Pick<RequestReader, 'summaryByNumber'>, numberInput: string): Promise<Result<RequestSummary>> {
  return orUnavailable(() => byNumber(numberInput, (n) => store.summaryByNumber(n)));
}
