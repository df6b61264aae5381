import type { Field, FieldKind, FormDef } from '../../core/forms/field.js';
import { rowCount } from '../../core/forms/questionnaire/answers.js';
import { outline, type OutlineNode } from '../../core/forms/questionnaire/outline.js';
import { getAt, parsePath } from '../../core/forms/questionnaire/paths.js';

/**
 * A questionnaire as the lines a terminal shows, from the core's outline of the form: one line
 * per field, section heading and repeated row heading, and one "add a row" line after the last
 * row. The counter shows every field at once, optional sections included.
 */

/** A line of the editor: an outline node and the key its focus, answer and problem go by. */
export type FormRow = OutlineNode & {
  /** The node's dotted path; `<section>.+` for the "add a row" line. */
  readonly key: string;
};

export function formRows(form: FormDef, answers: Record<string, unknown>): FormRow[] {
  return outline(form, answers, { sections: 'all' }).flatMap((node): FormRow[] => {
    if (node.kind !== 'addRow') return [{ ...node, key: node.path }];
    return node.rows === rowCount(node.field, getAt(answers, node.parts)) ? [{ ...node, key: `${node.path}.+` }] : [];
  });
}

export function isFocusable(row: FormRow): boolean {
  return row.kind === 'field' || row.kind === 'addRow';
}

/** The kind of answer a field line takes; undefined for headings and "add a row". */
export function fieldKind(row: FormRow | undefined): FieldKind | undefined {
  return row?.kind === 'field' ? row.field.kind : undefined;
}

/** A choice or yes/no field: picked, not typed. */
export function isChoiceRow(row: FormRow | undefined): boolean {
  const kind = fieldKind(row);
  return kind === 'choice' || kind === 'boolean';
}

export function isTextRow(row: FormRow | undefined): boolean {
  return fieldKind(row) !== undefined && !isChoiceRow(row);
}

/**
 * Where the editor starts: the first field outside optional groups. Forms open with sections
 * most people skip (the archive's "on behalf of an organisation"); a clerk starts with the
 * applicant. A form of optional groups only starts at its first field.
 */
export function firstToFill(rows: readonly FormRow[]): FormRow | undefined {
  const optional = rows.filter((r) => r.kind === 'section' && !r.field.required).map((r) => `${r.key}.`);
  return rows.find((r) => r.kind === 'field' && !optional.some((p) => r.key.startsWith(p))) ?? rows.find(isFocusable);
}

/** The repeated section (and the row's position) that a key lies in, innermost first; undefined outside any. */
export function enclosingRow(key: string): { groupKey: string; index: number } | undefined {
  const parts = parsePath(key);
  for (let i = parts.length - 1; i > 0; i--) {
    const part = parts[i];
    if (typeof part === 'number') return { groupKey: parts.slice(0, i).join('.'), index: part };
  }
  return undefined;
}

/**
 * Answers with one row in every repeated section (at any depth): with them, a form shows every
 * field its definition has, which is what column widths are measured on.
 */
export function sampleAnswers(fields: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.kind === 'group') out[f.id] = f.repeat ? [sampleAnswers(f.fields)] : sampleAnswers(f.fields);
  return out;
}
