import { fail, ok, type Result } from '../result.js';

/**
 * Request numbers are read over the phone, so they are digits only, grouped as YY-NNNNNN-C:
 * the year of registration, a sequence within the year, and a Damm check digit. Damm catches
 * every single mistyped digit and every swap of two adjacent digits, so a typo is reported as
 * "invalid number" rather than silently finding nobody (Luhn, for one, misses a 09↔90 swap).
 * Beyond 999 999 requests in a year the sequence simply grows to seven digits.
 */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

export function dammDigit(digits: string): number {
  let interim = 0;
  for (const ch of digits) interim = DAMM[interim]![Number(ch)]!;
  return interim;
}

const SEQUENCE_DIGITS = 6;

/** The canonical form, e.g. `26-000123-7`. */
export function formatRequestNumber(year: number, sequence: number): string {
  const yy = String(year % 100).padStart(2, '0');
  const seq = String(sequence).padStart(SEQUENCE_DIGITS, '0');
  return `${yy}-${seq}-${dammDigit(yy + seq)}`;
}

export type NumberProblem = 'format' | 'checkDigit';

/**
 * Accepts what people type: any case, spaces, dashes, a leading № or "No". Returns the
 * canonical form, or why the input cannot be a request number.
 */
export function parseRequestNumber(input: string): Result<string, NumberProblem> {
  const compact = input.trim().replace(/^(№|no\.?|n°?|#)\s*/i, '').replace(/[\s\-–—_./]/g, '');
  if (!/^\d{9,10}$/.test(compact)) return fail('format');
  if (dammDigit(compact) !== 0) return fail('checkDigit');
  // A seven-digit sequence is only issued past 999 999, so never begins with 0.
  if (compact.length === 10 && compact[2] === '0') return fail('format');
  const yy = compact.slice(0, 2);
  const seq = compact.slice(2, -1);
  return ok(`${yy}-${seq}-${compact.slice(-1)}`);
}
