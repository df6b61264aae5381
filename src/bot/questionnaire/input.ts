import type { Field } from '../../core/forms/field.js';
import type { ScalarField } from '../../core/forms/questionnaire/answers.js';
import { message } from '../../core/forms/questionnaire/display.js';
import { readTyped } from '../../core/forms/questionnaire/read.js';
import { validateAnswer } from '../../core/forms/validate.js';
import { pick, type Lang, type Text } from '../../core/i18n/text.js';
import { fail, type Result } from '../../core/result.js';
import { expectedText } from './display.js';
import { hasUnsafeText } from '../../core/text-safety.js';

/**
 * What the citizen sent, turned into an answer. Button values are short fixed words (Telegram
 * allows 64 bytes of callback data); typed text is matched against the button labels in every
 * language and the option numbers, so "2", "қорғаншысы" and "опекун" all pick the same choice.
 */

export const KEEP = '~keep';
export const YES = 'yes';
export const NO = 'no';
export const MORE = 'more';
export const DONE = 'done';
export const CONFIRM = 'confirm';
export const EDIT = 'edit';

export interface Option {
  readonly value: string;
  readonly label: Text;
}

export const yesNo: readonly Option[] = [
  { value: YES, label: message('botForm.yes') },
  { value: NO, label: message('botForm.no') },
];

export const fillOrNot: readonly Option[] = [
  { value: YES, label: message('botForm.group.fill') },
  { value: NO, label: message('botForm.group.skip') },
];

export function rowOptions(rows: number): readonly Option[] {
  return rows === 0
    ? [{ value: MORE, label: message('botForm.rows.add') }, { value: DONE, label: message('botForm.rows.none') }]
    : [{ value: MORE, label: message('botForm.rows.addAnother') }, { value: DONE, label: message('botForm.rows.done') }];
}

export function choiceOptions(field: Field): readonly Option[] {
  if (field.kind === 'choice') return field.choices;
  if (field.kind === 'boolean') return yesNo;
  return [];
}

// Typed answers to the yes/no buttons, in the ways people write them in Kazakh, Russian and English.
const YES_WORDS = ['иә', 'ия', 'иа', 'йә', 'иэ', 'да', 'д', 'yes', 'y', 'true', 'ok'];
const NO_WORDS = ['жоқ', 'жок', 'нет', 'н', 'no', 'n', 'false'];
const SYNONYMS: Readonly<Record<string, ReadonlySet<string>>> = {
  [YES]: new Set(YES_WORDS),
  [NO]: new Set(NO_WORDS),
  [MORE]: new Set([...YES_WORDS, 'тағы', 'қосу', 'ещё', 'еще', 'добавить', 'add']),
  [DONE]: new Set([...NO_WORDS, 'болды', 'бітті', 'жетеді', 'все', 'это все', 'хватит', 'дальше', 'enough', 'that s all']),
};

/** Letters and digits only, lower case, ё as е: "✓ Қорғаншысы" and "қорғаншысы" compare equal. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The option the input names (its value, its label in any language, or its number), if any. */
export function matchOption(options: readonly Option[], input: string): string | undefined {
  const typed = comparable(input);
  if (typed === '') return undefined;
  if (/^\d{1,3}$/.test(typed)) return options[Number(typed) - 1]?.value;
  const found = options.find(
    (o) => comparable(o.value) === typed || [o.label.kk, o.label.ru, o.label.en].some((l) => l !== undefined && comparable(l) === typed),
  );
  return (found ?? options.find((o) => SYNONYMS[o.value]?.has(typed)))?.value;
}

export function optionsText(options: readonly Option[]): Text {
  const list = (lang: Lang) => options.map((o) => `«${pick(o.label, lang)}»`).join(', ');
  return message('botForm.expected.buttons', (lang) => ({ options: list(lang) }));
}


/**
 * The normalised value of a typed answer, or what the field expects (without the field's name:
 * the caller adds it). `current` is the answer already given, for the "keep it" button.
 */
export function interpret(field: ScalarField, input: string, current: unknown, today: string): Result<unknown, Text> {
  const expected = expectedText(field, today);
  if (input === KEEP) {
    if (current === undefined) return fail(message('botForm.nothingToKeep', (lang) => ({ expected: pick(expected, lang) })));
    const kept = validateAnswer(field, current, today);
    return kept.ok ? kept : fail(expected);
  }
  // Controls, escapes and bidi overrides (core/text-safety.ts): asked again rather than silently
  // changed, so the citizen sees what is stored. Tabs and line breaks are judged by the field.
  if (hasUnsafeText(input)) return fail(message('botForm.controlChars'));
  if (input.trim() === '') return fail(message('botForm.blank', (lang) => ({ expected: pick(expected, lang) })));
  if (field.kind === 'choice' || field.kind === 'boolean') {
    const value = matchOption(choiceOptions(field), input);
    if (value === undefined) return fail(expected);
    const checked = validateAnswer(field, field.kind === 'boolean' ? value === YES : value, today);
    return checked.ok ? checked : fail(expected);
  }
  const checked = readTyped(field, input, today).result;
  return checked.ok ? checked : fail(expected);
}
