import type { Text } from '../i18n/text.js';

/**
 * What a questionnaire field holds. Each kind has one zod schema (forms/schema.ts) and one
 * "what is expected" text (messages/forms.ts), so the TUI, the bot and the CLI validate and
 * explain a field identically.
 */
export type FieldKind =
  | 'name' // a person's name: letters of the Kazakh, Russian or Latin alphabets, space, hyphen, apostrophe
  | 'text' // one line of free text
  | 'multiline' // free text over several lines
  | 'iin' // individual identification number (ЖСН/ИИН), check digit verified
  | 'bin' // business identification number (БСН/БИН), check digit verified
  | 'iinOrBin'
  | 'date' // a calendar date; accepted as DD.MM.YYYY or YYYY-MM-DD, stored as YYYY-MM-DD
  | 'year' // a four-digit year
  | 'phone' // a Kazakhstan phone number, stored as +7XXXXXXXXXX
  | 'email'
  | 'postcode' // Kazpost index: 6 digits, or the 2019 format such as Z05T3E2
  | 'choice' // one of `choices`
  | 'boolean'
  | 'group'; // a section of sub-fields, or a repeated row (`repeat`)

export interface Choice {
  readonly value: string;
  readonly label: Text;
}

interface FieldBase {
  /** Key within the parent object. */
  readonly id: string;
  readonly label: Text;
  readonly hint?: Text;
  readonly required: boolean;
  /** Where the field comes from: a seed clause, or "office practice" for our own additions. */
  readonly source?: string;
}

export interface ScalarField extends FieldBase {
  readonly kind: Exclude<FieldKind, 'group' | 'choice' | 'date' | 'year'>;
  readonly maxLength?: number;
}

export interface ChoiceField extends FieldBase {
  readonly kind: 'choice';
  readonly choices: readonly Choice[];
}

export interface DateField extends FieldBase {
  readonly kind: 'date';
  /** `past`: not after today; `future`: not before today. */
  readonly when?: 'past' | 'future';
}

export interface YearField extends FieldBase {
  readonly kind: 'year';
  readonly min?: number;
}

/** A rule across several fields of one group; returns the offending sub-field or null. */
export interface GroupCheck {
  readonly test: (value: Record<string, unknown>, today: string) => boolean;
  /** Sub-field the problem is reported on. */
  readonly field: string;
  readonly expected: Text;
}

export interface GroupField extends FieldBase {
  readonly kind: 'group';
  readonly fields: readonly Field[];
  /** Present for a repeated row, e.g. the places of work in the archival questionnaire. */
  readonly repeat?: { readonly min: number; readonly max: number };
  readonly checks?: readonly GroupCheck[];
}

export type Field = ScalarField | ChoiceField | DateField | YearField | GroupField;

/** A service's questionnaire: top-level fields (usually groups) in the order they are asked. */
export interface FormDef {
  readonly fields: readonly Field[];
}

/** Finds the definition of the field at a dotted path; array indexes in the path are skipped. */
export function fieldAt(form: FormDef, path: readonly (string | number)[]): Field | undefined {
  let fields: readonly Field[] = form.fields;
  let found: Field | undefined;
  for (const part of path) {
    if (typeof part === 'number') continue;
    found = fields.find((f) => f.id === part);
    if (!found) return undefined;
    fields = found.kind === 'group' ? found.fields : [];
  }
  return found;
}

/** Labels of the path, outermost first, e.g. ["Applicant", "IIN"], for messages that name a field. */
export function labelsAt(form: FormDef, path: readonly (string | number)[]): Text[] {
  const labels: Text[] = [];
  let fields: readonly Field[] = form.fields;
  for (const part of path) {
    if (typeof part === 'number') continue;
    const f = fields.find((x) => x.id === part);
    if (!f) break;
    labels.push(f.label);
    fields = f.kind === 'group' ? f.fields : [];
  }
  return labels;
}
