import type { FormDef, GroupField, Field } from '../field.js';
import { rowCount, type ScalarField } from './answers.js';
import { getAt, isRecord, joinPath, type Path } from './paths.js';

/**
 * A form walked in the order it is filled in, given the answers so far: fields, the heading of
 * each section, each row of a repeated section, and the places where a row can be added. The
 * bot asks these one at a time, the counter shows them as lines; both take them from here, so
 * a form's order, its optional sections and its rows are read one way.
 */

interface At {
  /** Dotted path in the answers, rows by position: 'employment.1.name'. */
  readonly path: string;
  readonly parts: Path;
  /** Nesting level: 0 for top-level fields and sections. */
  readonly depth: number;
}

export type OutlineNode =
  | (At & { readonly kind: 'field'; readonly field: ScalarField })
  /** The heading of a section, repeated or not. */
  | (At & { readonly kind: 'section'; readonly field: GroupField })
  /** One row of a repeated section; `path` ends with its position. */
  | (At & { readonly kind: 'row'; readonly field: GroupField; readonly index: number })
  /** Where a row may be added to the repeated section at `path`, which then has `rows` rows before it. */
  | (At & { readonly kind: 'addRow'; readonly field: GroupField; readonly rows: number });

export interface OutlineOptions {
  /**
   * 'entered': an optional section's fields only once it has been opened (its answers are an
   * object), as the bot asks "fill it in?" first; 'all': every field, as the counter shows them.
   */
  readonly sections: 'entered' | 'all';
  /** Paths left out with everything under them (e.g. answers filled from a verified source). */
  readonly hidden?: (path: string) => boolean;
}

export function outline(form: FormDef, answers: Record<string, unknown>, options: OutlineOptions): OutlineNode[] {
  const out: OutlineNode[] = [];
  addNodes(form.fields, [], 0, answers, options, out);
  return out;
}

function addNodes(fields: readonly Field[], prefix: Path, depth: number, answers: Record<string, unknown>, options: OutlineOptions, out: OutlineNode[]): void {
  for (const field of fields) {
    const parts = [...prefix, field.id];
    const path = joinPath(parts);
    if (options.hidden?.(path)) continue;
    const at = { path, parts, depth };
    if (field.kind !== 'group') {
      out.push({ ...at, kind: 'field', field });
      continue;
    }
    out.push({ ...at, kind: 'section', field });
    if (!field.repeat) {
      const open = field.required || options.sections === 'all' || isRecord(getAt(answers, parts));
      if (open) addNodes(field.fields, parts, depth + 1, answers, options, out);
      continue;
    }
    const rows = rowCount(field, getAt(answers, parts));
    out.push({ ...at, depth: depth + 1, kind: 'addRow', field, rows: 0 });
    for (let i = 0; i < rows; i++) {
      const rowParts = [...parts, i];
      out.push({ path: joinPath(rowParts), parts: rowParts, depth: depth + 1, kind: 'row', field, index: i });
      addNodes(field.fields, rowParts, depth + 2, answers, options, out);
      out.push({ ...at, depth: depth + 1, kind: 'addRow', field, rows: i + 1 });
    }
  }
}
