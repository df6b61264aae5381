import { fail, ok, type Result } from '../result.js';

/**
 * IIN (ЖСН/ИИН) and BIN (БСН/БИН): 12 digits, the last a check digit.
 *
 * Check digit (as published by the Ministry of Justice and used by eGov): the weighted sum of the
 * first 11 digits with weights 1..11, modulo 11. If that gives 10, the sum is taken again with the
 * second weight set 3,4,5,6,7,8,9,10,11,1,2; if that also gives 10 the number is never issued.
 */
const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

export type IinProblem =
  | 'format' // not 12 digits
  | 'checkDigit' // check digit does not match
  | 'unissuable' // both weight sets give 10: no such number is issued
  | 'centuryDigit' // 7th digit is not 1–6
  | 'birthDate'; // YYMMDD is not a real date

export type BinProblem = 'format' | 'checkDigit' | 'unissuable' | 'month' | 'entityType' | 'entityAttribute';

export interface Iin {
  readonly value: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
}

/** The check digit for the first 11 digits, or null when no valid check digit exists. */
export function checkDigit(first11: string): number | null {
  const digits = [...first11].map(Number);
  const weighted = (weights: readonly number[]) =>
    digits.reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0) % 11;
  const first = weighted(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weighted(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function checkDigitProblem(value: string): 'checkDigit' | 'unissuable' | null {
  const expected = checkDigit(value.slice(0, 11));
  if (expected === null) return 'unissuable';
  return expected === Number(value[11]) ? null : 'checkDigit';
}

/** Removes the spaces and dashes people type into numbers. */
export function compactDigits(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function parseIin(input: string): Result<Iin, IinProblem> {
  const value = compactDigits(input);
  if (!/^\d{12}$/.test(value)) return fail('format');
  const centuryDigit = Number(value[6]);
  if (centuryDigit < 1 || centuryDigit > 6) return fail('centuryDigit');
  const century = 1800 + Math.floor((centuryDigit - 1) / 2) * 100;
  const year = century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    month < 1 || month > 12 || day < 1 ||
    date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day
  ) {
    return fail('birthDate');
  }
  const digitProblem = checkDigitProblem(value);
  if (digitProblem) return fail(digitProblem);
  const birthDate = `${year}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  return ok({ value, birthDate, sex: centuryDigit % 2 === 1 ? 'male' : 'female' });
}

/**
 * BIN: YYMM of registration, entity type (4 resident legal entity, 5 non-resident legal entity,
 * 6 joint individual entrepreneurship), attribute (0 head office, 1 branch, 2 representative
 * office, 3 peasant farm), five serial digits, check digit.
 */
export function parseBin(input: string): Result<string, BinProblem> {
  const value = compactDigits(input);
  if (!/^\d{12}$/.test(value)) return fail('format');
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return fail('month');
  if (!['4', '5', '6'].includes(value[4] ?? '')) return fail('entityType');
  if (!['0', '1', '2', '3'].includes(value[5] ?? '')) return fail('entityAttribute');
  const digitProblem = checkDigitProblem(value);
  return digitProblem ? fail(digitProblem) : ok(value);
}

/** Completes 11 digits with their check digit; for fixtures and tests. Null if unissuable. */
export function withCheckDigit(first11: string): string | null {
  const d = checkDigit(first11);
  return d === null ? null : first11 + String(d);
}
