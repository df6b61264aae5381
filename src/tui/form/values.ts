import { formatDate } from '../../core/calendar/dates.js';
import type { Field, FormDef } from '../../core/forms/field.js';
import { normaliseDate } from '../../core/forms/schema.js';
import { childKey, rowSegment } from './fields.js';

/**
 * The editor's answers and the questionnaire object built from them. The editor keeps what the
 * clerk typed, by row key (fields.ts), and builds the nested object the core validates
 * (groups as objects, repeated groups as arrays, blank answers left out) only when needed.
 */

/** Text as typed; a choice's value; a yes/no answer. */
export type RawValue = string | boolean;

export interface Answers {
  readonly raw: Readonly<Record<string, RawValue>>;
  /** Row ids of each repeated group, by the group's key. */
  readonly repeats: Readonly<Record<string, readonly number[]>>;
  /** Next free row id. */
  readonly nextId: number;
}

export function isBlank(value: RawValue | undefined): boolean {
  return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** How a stored answer is shown for editing: dates as DD.MM.YYYY, years and numbers as text. */
export function rawFromStored(field: Field, value: unknown): RawValue | undefined {
  if (value === undefined || value === null) return undefined;
  if (field.kind === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  if (field.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text) && normaliseDate(text)) return formatDate(text);
  return text;
}

/** Answers from a draft or a prefill (either as typed or as the core normalised them). */
export function answersFromInitial(form: FormDef, initial: Readonly<Record<string, unknown>> = {}): Answers {
  const raw: Record<string, RawValue> = {};
  const repeats: Record<string, number[]> = {};
  let nextId = 0;
  const walk = (fields: readonly Field[], parentKey: string, value: unknown): void => {
    const obj = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    for (const f of fields) {
      const key = childKey(parentKey, f.id);
      if (f.kind !== 'group') {
        const r = rawFromStored(f, obj[f.id]);
        if (r !== undefined) raw[key] = r;
      } else if (!f.repeat) {
        walk(f.fields, key, obj[f.id]);
      } else {
        const given = Array.isArray(obj[f.id]) ? (obj[f.id] as unknown[]).slice(0, f.repeat.max) : [];
        const ids: number[] = [];
        for (let i = 0; i < Math.max(given.length, f.repeat.min); i++) {
          const id = nextId++;
          ids.push(id);
          walk(f.fields, childKey(key, rowSegment(id)), given[i]);
        }
        repeats[key] = ids;
      }
    }
  };
  walk(form.fields, '', initial);
  return { raw, repeats, nextId };
}

export interface Built {
  readonly values: Record<string, unknown>;
  /** Ids of the rows that went into each repeated group's array, in order: maps positions back to rows. */
  readonly kept: Readonly<Record<string, readonly number[]>>;
}

/**
 * The questionnaire object. A blank answer is left out, so the core reports a missing required
 * field as "required". A required group is always present (its fields then each say what they
 * miss); an optional group is present once any of its fields is answered. A repeated row left
 * entirely blank is dropped: a row added by mistake does not block the submission.
 */
export function buildValues(form: FormDef, answers: Answers): Built {
  const kept: Record<string, number[]> = {};
  const build = (fields: readonly Field[], parentKey: string): { value: Record<string, unknown>; filled: boolean } => {
    const value: Record<string, unknown> = {};
    let filled = false;
    for (const f of fields) {
      const key = childKey(parentKey, f.id);
      if (f.kind !== 'group') {
        const r = answers.raw[key];
        if (!isBlank(r)) {
          value[f.id] = r;
          filled = true;
        }
      } else if (!f.repeat) {
        const sub = build(f.fields, key);
        if (sub.filled || f.required) value[f.id] = sub.value;
        filled ||= sub.filled;
      } else {
        const rows: Record<string, unknown>[] = [];
        const ids: number[] = [];
        for (const id of answers.repeats[key] ?? []) {
          const row = build(f.fields, childKey(key, rowSegment(id)));
          if (!row.filled) continue;
          rows.push(row.value);
          ids.push(id);
        }
        kept[key] = ids;
        if (rows.length > 0 || f.required) value[f.id] = rows;
        filled ||= rows.length > 0;
      }
    }
    return { value, filled };
  };
  return { values: build(form.fields, '').value, kept };
}

/**
 * The row key of a dotted path in the built questionnaire (`employment.1.toYear` →
 * `employment.#4.toYear`). Positions are those of `kept`, i.e. after blank rows were dropped.
 * A position with no row (e.g. a missing row) stops at the group's key.
 */
export function keyOfPath(path: string, kept: Readonly<Record<string, readonly number[]>>): string {
  let key = '';
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part) && kept[key]) {
      const id = kept[key]![Number(part)];
      if (id === undefined) return key;
      key = childKey(key, rowSegment(id));
    } else {
      key = childKey(key, part);
    }
  }
  return key;
}

/**
 * The row key of a dotted path with display positions (`employment.0.name`), as a screen names
 * a field it fills; undefined when the row does not exist.
 */
export function keyOfDisplayPath(path: string, repeats: Answers['repeats']): string | undefined {
  let key = '';
  for (const part of path.split('.')) {
    if (/^\d+$/.test(part) && repeats[key]) {
      const id = repeats[key]![Number(part)];
      if (id === undefined) return undefined;
      key = childKey(key, rowSegment(id));
    } else {
      key = childKey(key, part);
    }
  }
  return key;
}
