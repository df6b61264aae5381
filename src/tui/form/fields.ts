import type { Field, FieldKind, FormDef, GroupField } from '../../core/forms/field.js';
import type { Text } from '../../core/i18n/text.js';

/**
 * A questionnaire as the lines a terminal shows: one row per field, group heading, repeated
 * row heading and "add a row" action. Pure, so the editor's layout (and its tests) rest on a
 * plain list.
 */

export type RowType =
  | 'section' // heading of a group of fields (not focusable)
  | 'item' // heading of one repeated row, e.g. the 2nd place of work (not focusable)
  | 'field' // a field the clerk fills
  | 'add'; // "+ add a row" at the end of a repeated group

export type ScalarDef = Exclude<Field, GroupField>;

export interface FormRow {
  readonly type: RowType;
  /**
   * Stable identity of the row, also the key of its answer in the editor's state. Repeated rows
   * are named by an id that survives removing an earlier row (`employment.#2.name`), so the
   * answers of later rows do not move when one is removed.
   */
  readonly key: string;
  /** Where the answer goes in the questionnaire, with rows by position: ['employment', 1, 'name']. */
  readonly path: readonly (string | number)[];
  readonly label: Text;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** Nesting level: 0 for top-level fields and headings. */
  readonly depth: number;
  readonly field: Field;
  /** For 'item': the 1-based position of the row; for 'add': how many rows there are now. */
  readonly index?: number;
}

/** Row ids of each repeated group, by the group's key; a group not listed has no rows yet. */
export type RepeatRows = Readonly<Record<string, readonly number[]>>;

export function rowSegment(id: number): string {
  return `#${id}`;
}

export function childKey(parent: string, segment: string): string {
  return parent ? `${parent}.${segment}` : segment;
}

/** Rows of a questionnaire in the order they are shown; repeated groups get the rows in `repeats`. */
export function flattenForm(form: FormDef, repeats: RepeatRows = {}): FormRow[] {
  const rows: FormRow[] = [];
  addFields(rows, form.fields, '', [], 0, repeats);
  return rows;
}

function addFields(
  rows: FormRow[],
  fields: readonly Field[],
  parentKey: string,
  parentPath: readonly (string | number)[],
  depth: number,
  repeats: RepeatRows,
): void {
  for (const field of fields) {
    const key = childKey(parentKey, field.id);
    const path = [...parentPath, field.id];
    const base = { key, path, label: field.label, kind: field.kind, required: field.required, depth, field };
    if (field.kind !== 'group') {
      rows.push({ ...base, type: 'field' });
      continue;
    }
    rows.push({ ...base, type: 'section' });
    if (!field.repeat) {
      addFields(rows, field.fields, key, path, depth + 1, repeats);
      continue;
    }
    const ids = repeats[key] ?? [];
    ids.forEach((id, position) => {
      const rowKey = childKey(key, rowSegment(id));
      const rowPath = [...path, position];
      rows.push({ ...base, type: 'item', key: rowKey, path: rowPath, depth: depth + 1, index: position + 1 });
      addFields(rows, field.fields, rowKey, rowPath, depth + 2, repeats);
    });
    rows.push({ ...base, type: 'add', key: `${key}.+`, depth: depth + 1, index: ids.length });
  }
}

export function isFocusable(row: FormRow): boolean {
  return row.type === 'field' || row.type === 'add';
}

/**
 * Where the editor starts: the first field outside optional groups. Forms open with sections
 * most people skip (the archive's "on behalf of an organisation"); a clerk starts with the
 * applicant. A form of optional groups only starts at its first field.
 */
export function firstToFill(rows: readonly FormRow[]): FormRow | undefined {
  const optional = rows.filter((r) => r.type === 'section' && !r.required).map((r) => `${r.key}.`);
  return rows.find((r) => r.type === 'field' && !optional.some((p) => r.key.startsWith(p))) ?? rows.find(isFocusable);
}

/** The repeated group (and the row id) that a field's key lies in, innermost first; undefined outside any. */
export function enclosingRow(key: string): { groupKey: string; id: number } | undefined {
  const parts = key.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const m = /^#(\d+)$/.exec(parts[i]!);
    if (m) return { groupKey: parts.slice(0, i).join('.'), id: Number(m[1]) };
  }
  return undefined;
}

/**
 * One row in every repeated group (at any depth): flattened with it, a form shows every field
 * its definition has, which is what column widths are measured on.
 */
export function sampleRepeats(fields: readonly Field[], parentKey = ''): Record<string, number[]> {
  const found: Record<string, number[]> = {};
  for (const f of fields) {
    if (f.kind !== 'group') continue;
    const key = childKey(parentKey, f.id);
    if (f.repeat) found[key] = [0];
    Object.assign(found, sampleRepeats(f.fields, f.repeat ? childKey(key, rowSegment(0)) : key));
  }
  return found;
}
