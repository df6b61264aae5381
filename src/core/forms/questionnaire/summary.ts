import type { Text } from '../../i18n/text.js';
import type { Field, FormDef } from '../field.js';
import { message } from './display.js';
import type { ScalarField } from './answers.js';
import { isRecord, joinPath, type Path } from './paths.js';

/**
 * Every answer of a questionnaire, for a person to read before confirming: one block per
 * top-level field or section, each line with its depth. A front-end only words and draws it.
 */
export type SummaryLine =
  | { readonly kind: 'value'; readonly depth: number; readonly label: Text; readonly field: ScalarField; readonly value: unknown; readonly path: string }
  /** A section or one of its rows, its lines following one level deeper. */
  | { readonly kind: 'heading'; readonly depth: number; readonly label: Text }
  /** A repeated section without rows. */
  | { readonly kind: 'noRows'; readonly depth: number; readonly label: Text }
  /** An optional section left out. */
  | { readonly kind: 'notFilled'; readonly depth: number; readonly label: Text };

export function summaryBlocks(form: FormDef, answers: Record<string, unknown>): SummaryLine[][] {
  return form.fields.map((f) => linesOf(f, answers[f.id], [f.id], 0));
}

function linesOf(field: Field, value: unknown, path: Path, depth: number): SummaryLine[] {
  const label = field.label;
  if (field.kind !== 'group') return [{ kind: 'value', depth, label, field, value, path: joinPath(path) }];
  if (field.repeat) {
    const rows = Array.isArray(value) ? value : [];
    if (rows.length === 0) return [{ kind: 'noRows', depth, label }];
    return [
      { kind: 'heading', depth, label },
      ...rows.flatMap((row, i): SummaryLine[] => [
        { kind: 'heading', depth: depth + 1, label: message('form.row', () => ({ n: i + 1 })) },
        ...field.fields.flatMap((f) => linesOf(f, isRecord(row) ? row[f.id] : undefined, [...path, i, f.id], depth + 2)),
      ]),
    ];
  }
  if (!isRecord(value)) return [{ kind: 'notFilled', depth, label }];
  return [{ kind: 'heading', depth, label }, ...field.fields.flatMap((f) => linesOf(f, value[f.id], [...path, f.id], depth + 1))];
}
