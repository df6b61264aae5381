import { formatDate } from '../../calendar/dates.js';
import { t, type MessageKey, type Params } from '../../i18n/catalogue.js';
import { LANGS, pick, type Lang, type Text } from '../../i18n/text.js';
import type { Field, FormDef } from '../field.js';
import { normaliseDate } from '../schema.js';
import { hasValue, type Path } from './paths.js';

/** How a questionnaire names its fields and shows answers to a person, in every front-end. */

/** A catalogue message in every language, with parameters that may differ per language. */
export function message(key: MessageKey, params: (lang: Lang) => Params = () => ({})): Text {
  const [kk, ru, en] = LANGS.map((lang) => t(lang, key, params(lang)));
  return { kk: kk!, ru: ru!, en: en! };
}

/** An answer the way a person reads it: dates DD.MM.YYYY, choices by label, yes/no; undefined when blank. */
export function showValue(field: Field, value: unknown, lang: Lang): string | undefined {
  if (!hasValue(value)) return undefined;
  if (field.kind === 'boolean' && typeof value === 'boolean') return t(lang, value ? 'common.yes' : 'common.no');
  if (field.kind === 'choice') {
    const choice = field.choices.find((c) => c.value === value);
    if (choice) return pick(choice.label, lang);
  }
  if (field.kind === 'date' && typeof value === 'string') {
    const iso = normaliseDate(value);
    if (iso) return formatDate(iso);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
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
      parts.push(t(lang, 'form.row', { n: part + 1 }));
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

/** "Өтініш беруші → ЖСН: <expected>", naming the field a problem is about. */
export function problemText(form: FormDef, path: Path, expected: Text): Text {
  return message('form.problemAt', (lang) => ({ label: labelPath(form, path, lang), expected: pick(expected, lang) }));
}
