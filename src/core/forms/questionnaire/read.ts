import { formatDate } from '../../calendar/dates.js';
import type { Text } from '../../i18n/text.js';
import type { Result } from '../../result.js';
import { normaliseDate, tidyDate } from '../schema.js';
import { validateAnswer } from '../validate.js';
import type { ScalarField } from './answers.js';

/**
 * One typed answer read the way every front-end reads it: a date tidied first ("5, 3, 1985" as
 * typed on a phone's keypad), then checked and normalised by the field's schema. The bot and the
 * counter once each had their own copy of this and drifted; they now both come here.
 */
export interface Reading {
  /** The normalised value, or what the field expects. */
  readonly result: Result<unknown, Text>;
  /** The answer as it is shown back for editing: a date tidied, and once valid as DD.MM.YYYY. */
  readonly text: string;
}

export function readTyped(field: ScalarField, typed: string, today: string): Reading {
  const tidied = field.kind === 'date' ? tidyDate(typed) : typed;
  const result = validateAnswer(field, tidied, today);
  const text = result.ok && field.kind === 'date' ? formatDate(String(result.value)) : tidied;
  return { result, text };
}

/**
 * A stored answer (normalised, or a draft as typed) the way it is edited: dates as DD.MM.YYYY,
 * years and numbers as text, yes/no only for a yes/no field; undefined when there is none.
 */
export function editText(field: ScalarField, value: unknown): string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (field.kind === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  if (field.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text) && normaliseDate(text)) return formatDate(text);
  return text;
}
