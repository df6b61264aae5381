import fc from 'fast-check';
import type { Field, FormDef } from '../../src/core/forms/field.js';
import { withCheckDigit } from '../../src/core/identity/iin.js';
import { pick, type Lang } from '../../src/core/i18n/text.js';

/**
 * What people (and broken clients) type, for the fuzzing suites: any Unicode, emoji, other
 * scripts, control characters, whitespace only, text up to and past Telegram's 4096 characters,
 * and words that look like answers (dates, numbers, IINs, yes/no in both languages).
 */

export const BIN = withCheckDigit('99034000123')!;

const CONTROL = fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u200e', '\u202e', '\ufeff', '\r', '\t', '\n');
const WHITESPACE = fc.constantFrom(' ', '   ', '\n', '\t', '\r\n', '\u00a0', '\u3000', ' \n \t ');
const LOOKALIKES = fc.constantFrom(
  'иә', 'Жоқ', 'да', 'НЕТ', 'yes', 'no', 'more', 'done', '1', '2', '3', '0', '99', '-1', '1e3', 'NaN', '2005', '20051',
  '05.03.1985', '31.02.2020', '2026-13-01', '00.00.0000', '850305400010', '850305400011', '+7 701 123 45 67', '12345',
  'a@b.kz', 'aigul@', '120008', 'Z05T3E2', '~keep', 'confirm', 'edit', 'KZ86125KZT5004100100', 'Нұрланова', 'Әсем',
  '😀', '👨‍👩‍👧‍👦', 'محمد', '王伟', 'Ａｉｇｕｌ', '/start', '/cancel', '<b>x</b>', '${x}', '{label}', 'null', 'undefined',
);

/** One typed message: weighted towards the troublesome kinds. */
export const typedText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: LOOKALIKES, weight: 4 },
  { arbitrary: WHITESPACE, weight: 1 },
  { arbitrary: fc.array(fc.oneof(CONTROL, LOOKALIKES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('А', 'ж', '😀', 'x', 'сөз '), fc.integer({ min: 1000, max: 5000 })).map(([c, n]) => c.repeat(n)), weight: 1 },
);

export const langs = fc.constantFrom<Lang>('kk', 'ru');

/** Kazakh letters Russian lacks: a Kazakh text has some, a Russian one none. */
export const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
export const CYRILLIC = /[\u0400-\u04FF]/;

/** The field a dotted path names (row numbers passed over), or undefined. */
export function fieldOf(form: FormDef, dotted: string): Field | undefined {
  let fields: readonly Field[] = form.fields;
  let found: Field | undefined;
  for (const part of dotted.split('.')) {
    if (/^\d+$/.test(part)) continue;
    found = fields.find((f) => f.id === part);
    if (!found) return undefined;
    fields = found.kind === 'group' ? found.fields : [];
  }
  return found;
}

export function valueAt(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), root);
}

/**
 * A valid typed answer to the field at `path`: the service's example answer when it has one
 * (so the cross-field checks agree), else a plausible value of the field's kind.
 */
export function validAnswer(field: Field, example: unknown, lang: Lang): string {
  if (field.kind === 'choice') {
    const chosen = field.choices.find((c) => c.value === example) ?? field.choices[0]!;
    return pick(chosen.label, lang);
  }
  if (field.kind === 'boolean') return example === false ? 'no' : 'yes';
  if (example !== undefined && example !== null && typeof example !== 'object') return String(example);
  switch (field.kind) {
    case 'name':
      return 'Айгүл';
    case 'iin':
      return '850305400010';
    case 'bin':
    case 'iinOrBin':
      return BIN;
    case 'date':
      return field.when === 'future' ? '01.01.2031' : '01.02.2020';
    case 'year':
      return '2005';
    case 'phone':
      return '87011234567';
    case 'email':
      return 'a@b.kz';
    case 'postcode':
      return '120008';
    default:
      return 'мәтін 1';
  }
}

/**
 * fast-check prints the seed (and path) of a failing run; FC_SEED=<seed> replays it. Without it
 * every run draws new cases, so the suites keep looking further.
 */
export const replay: { seed?: number } = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};

/**
 * How many cases a property draws: `quick` in every `npm test` (a few seconds each, so a busy
 * machine does not turn the fuzzing into the slowest part of the suite), `long` with FUZZ=long,
 * for a run before a release or after a change to parsing (`FUZZ=long npx vitest run test/reliability`).
 * Every run draws new cases, so the quick counts still add up to the long ones over a week.
 */
export const runs = (quick: number, long: number): number => (process.env.FUZZ === 'long' ? long : quick);
