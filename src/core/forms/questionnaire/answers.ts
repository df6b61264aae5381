import type { Field, FormDef, GroupField } from '../field.js';
import { getAt, hasValue, isRecord, joinPath, parsePath, type Path } from './paths.js';

/**
 * A questionnaire's answers as a front-end holds them while the form is filled in, and the
 * object the core validates and stores. The bot keeps answers as the core normalised them, the
 * counter keeps what the clerk typed; both in the nested shape of paths.ts, both turned into
 * the submitted object by `collect`.
 */

export type ScalarField = Exclude<Field, GroupField>;

/** How a given answer is kept: the value to hold, or undefined to leave it out. */
export type KeepLeaf = (field: ScalarField, value: unknown) => unknown;

/** Scalars that JSON can hold, as given. */
export const keepScalar: KeepLeaf = (_field, v) =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : undefined;

/**
 * The answers of a section as the form has them (a prefill, a draft, a stored request): known
 * fields only, each kept by `leaf`; rows cut at the maximum; required sections present (as `{}`
 * or `[]`) so the core reports their missing fields one by one.
 */
export function shapeAnswers(fields: readonly Field[], given: unknown, leaf: KeepLeaf = keepScalar): Record<string, unknown> {
  const from = isRecord(given) ? given : {};
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = from[f.id];
    if (f.kind !== 'group') {
      const kept = leaf(f, v);
      if (kept !== undefined) out[f.id] = kept;
    } else if (f.repeat) {
      if (Array.isArray(v) && v.length > 0) out[f.id] = v.slice(0, f.repeat.max).map((row) => shapeAnswers(f.fields, row, leaf));
      else if (f.required) out[f.id] = [];
    } else if (isRecord(v) || f.required) {
      out[f.id] = shapeAnswers(f.fields, v, leaf);
    }
  }
  return out;
}

export function formAnswers(form: FormDef, given: unknown, leaf: KeepLeaf = keepScalar): Record<string, unknown> {
  return shapeAnswers(form.fields, given, leaf);
}

/** A fresh row of a repeated section. */
export function newRow(group: GroupField): Record<string, unknown> {
  return shapeAnswers(group.fields, {});
}

/** How many rows a repeated section shows: those given, and never fewer than the form requires. */
export function rowCount(group: GroupField, value: unknown): number {
  return Math.max(Array.isArray(value) ? value.length : 0, group.repeat?.min ?? 0);
}

export interface Collected {
  /** The questionnaire object to validate and submit. */
  readonly values: Record<string, unknown>;
  /** For each repeated section (by its path in the answers): the answer rows that went into the array, in order. */
  readonly kept: Readonly<Record<string, readonly number[]>>;
}

/**
 * The questionnaire object: blank answers left out, so the core names a missing required field
 * as "required". A required section is always present (its fields then each say what they
 * miss); an optional one once any of its fields is answered. A row left blank is dropped (a row
 * added by mistake blocks nothing) unless the form needs it to reach its minimum of rows, when it
 * stays, empty, for the core to name the fields it misses.
 */
export function collect(form: FormDef, answers: Record<string, unknown>): Collected {
  const kept: Record<string, number[]> = {};
  const build = (fields: readonly Field[], value: unknown, prefix: Path): Record<string, unknown> => {
    const from = isRecord(value) ? value : {};
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const v = from[f.id];
      const path = [...prefix, f.id];
      if (f.kind !== 'group') {
        if (hasValue(v)) out[f.id] = v;
      } else if (!f.repeat) {
        const sub = build(f.fields, v, path);
        if (f.required || hasValue(sub)) out[f.id] = sub;
      } else {
        const rows = (Array.isArray(v) ? v : []).map((row, i) => ({ i, value: build(f.fields, row, [...path, i]) }));
        const blanksNeeded = f.repeat.min - rows.filter((r) => hasValue(r.value)).length;
        const blanks = rows.filter((r) => !hasValue(r.value)).slice(0, Math.max(0, blanksNeeded)).map((r) => r.i);
        const chosen = rows.filter((r) => hasValue(r.value) || blanks.includes(r.i));
        kept[joinPath(path)] = chosen.map((r) => r.i);
        if (f.required || chosen.length > 0) out[f.id] = chosen.map((r) => r.value);
      }
    }
    return out;
  };
  return { values: build(form.fields, answers, []), kept };
}

/**
 * The path in the answers of a path in the collected object (`employment.1.toYear` →
 * `employment.2.toYear` when the row before it was left blank). A position with no row stops at
 * the section's path.
 */
export function answerPath(path: string, kept: Collected['kept']): string {
  const out: (string | number)[] = [];
  for (const part of parsePath(path)) {
    const rows = typeof part === 'number' ? kept[joinPath(out)] : undefined;
    if (rows === undefined) {
      out.push(part);
      continue;
    }
    const row = rows[part as number];
    if (row === undefined) break;
    out.push(row);
  }
  return joinPath(out);
}

/** The answers without the row at `index` of the repeated section at `group`; the rows after it move up. */
export function removeRow(answers: Record<string, unknown>, group: Path, index: number): Record<string, unknown> {
  const next = structuredClone(answers);
  const rows = getAt(next, group);
  if (Array.isArray(rows)) rows.splice(index, 1);
  return next;
}
