import { expectedFor } from '../../core/forms/validate.js';
import type { Field } from '../../core/forms/field.js';
import { message, showValue } from '../../core/forms/questionnaire/display.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang, type Text } from '../../core/i18n/text.js';

/** How the bot words what a field expects and shows an answer in a message or on a button. */

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

/** An answer as the summary and the edit menu show it; a dash when there is none. */
export function shown(field: Field, value: unknown, lang: Lang): string {
  return showValue(field, value, lang) ?? t(lang, 'botForm.summary.empty');
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
