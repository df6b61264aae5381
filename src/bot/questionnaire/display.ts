import { formatDate } from '../../core/calendar/dates.js';
import { expectedFor } from '../../core/forms/validate.js';
import type { Field, FormDef } from '../../core/forms/field.js';
import { normaliseDate } from '../../core/forms/schema.js';
import { t, type MessageKey, type Params } from '../../core/i18n/catalogue.js';
import { LANGS, pick, type Lang, type Text } from '../../core/i18n/text.js';
import type { Path } from './state.js';

/** How the questionnaire names fields and shows answers to a person. */

/** A catalogue message in every language, with parameters that may differ per language. */
export function message(key: MessageKey, params: (lang: Lang) => Params = () => ({})): Text {
  const [kk, ru, en] = LANGS.map((lang) => t(lang, key, params(lang)));
  return { kk: kk!, ru: ru!, en: en! };
}

/**
 * The labels from the outermost section to the field, rows by number:
 * ['Өтініш беруші', 'ЖСН'] or ['Қызметі…', '2-жол', 'Атауы'].
 */
export function labelParts(form: FormDef, path: Path, lang: Lang): string[] {
  const parts: string[] = [];
  let fields: readonly Field[] = form.fields;
  for (const part of path) {
    if (typeof part === 'number') {
      parts.push(t(lang, 'botForm.row', { n: part + 1 }));
      continue;
    }
    const f = fields.find((x) => x.id === part);
    if (!f) break;
    parts.push(pick(f.label, lang));
    fields = f.kind === 'group' ? f.fields : [];
  }
  return parts;
}

export function labelPath(form: FormDef, path: Path, lang: Lang): string {
  return labelParts(form, path, lang).join(' → ');
}

/** "Өтініш беруші → ЖСН: <expected>", the message for a refused answer. */
export function problemText(form: FormDef, path: Path, expected: Text): Text {
  return message('botForm.problem', (lang) => ({ label: labelPath(form, path, lang), expected: pick(expected, lang) }));
}

/**
 * What a field expects, in words a citizen reads. Choices and yes/no are named by their labels
 * (the core's text lists the stored values, such as PARENT, meant for staff and the CLI).
 */
export function expectedText(field: Field, today: string): Text {
  if (field.kind === 'choice') {
    return message('botForm.expected.choice', (lang) => ({
      choices: field.choices.map((c, i) => `${i + 1} — ${pick(c.label, lang)}`).join('; '),
    }));
  }
  if (field.kind === 'boolean') return message('botForm.expected.boolean');
  return expectedFor(field, today);
}

/** An answer the way a person reads it: dates DD.MM.YYYY, choices by label, yes/no. */
export function showValue(field: Field, value: unknown, lang: Lang): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return t(lang, 'botForm.summary.empty');
  }
  if (field.kind === 'boolean' && typeof value === 'boolean') return t(lang, value ? 'botForm.yes' : 'botForm.no');
  if (field.kind === 'choice') {
    const choice = field.choices.find((c) => c.value === value);
    if (choice) return pick(choice.label, lang);
  }
  if (field.kind === 'date' && typeof value === 'string') {
    const iso = normaliseDate(value);
    if (iso) return formatDate(iso);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return t(lang, 'botForm.summary.empty');
}

/** At most `max` characters, with an ellipsis; never cuts a surrogate pair in two. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** One line of a value, for a button or a "current answer" line. */
export function oneLine(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}
