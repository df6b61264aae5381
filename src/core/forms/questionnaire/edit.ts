import { fieldAt, type Field, type FormDef, type GroupField } from '../field.js';
import { newRow, removeRow, type ScalarField } from './answers.js';
import { arriveAtSummary, forgetRows, pushHistory } from './move.js';
import { getAt, hasValue, isRecord, joinPath, parsePath, setAt, within, type Path } from './paths.js';
import { isLocked, type QuestionnaireState, type Step } from './state.js';
import { firstStepWithin, indexOfStep, stepsOf } from './steps.js';

/**
 * Changing answers from the summary: what can be changed at each level (sections and fields,
 * a section's rows, a row's fields), and asking part of the form again. A front-end words the
 * items as a menu; opening one lists the items under it, choosing one starts the edit.
 */
export type EditItem =
  /** A field and its answer: asked again on its own. */
  | { readonly kind: 'field'; readonly path: string; readonly field: ScalarField; readonly value: unknown }
  /** An optional section left out: asked whether to fill it in. */
  | { readonly kind: 'notFilled'; readonly path: string; readonly field: GroupField }
  /** A section: its items. */
  | { readonly kind: 'section'; readonly path: string; readonly field: GroupField }
  /** A repeated section: its rows. */
  | { readonly kind: 'rows'; readonly path: string; readonly field: GroupField; readonly count: number }
  /** In an optional section: whether it is needed at all, asked again. */
  | { readonly kind: 'decision'; readonly path: string }
  /** One row: its items; `first` is its first answer, to tell the rows apart. */
  | { readonly kind: 'row'; readonly path: string; readonly index: number; readonly first?: { readonly field: Field; readonly value: unknown } }
  /** A new row at the next free position (`path` ends with it). */
  | { readonly kind: 'addRow'; readonly path: string }
  /** Every field of the row asked again. */
  | { readonly kind: 'wholeRow'; readonly path: string }
  /** The row removed. */
  | { readonly kind: 'removeRow'; readonly path: string };

/** The items at `at`: the top level ('' or undefined), a section, a repeated section, or one of its rows. */
export function editItems(form: FormDef, state: QuestionnaireState, at?: string): EditItem[] {
  if (at === undefined || at === '') return itemsOf(form.fields, [], state);
  const path = parsePath(at);
  const field = fieldAt(form, path);
  if (field?.kind !== 'group' || isLocked(state, at)) return [];
  const value = getAt(state.answers, path);
  const isRow = typeof path[path.length - 1] === 'number';
  if (field.repeat && isRow) return isRecord(value) ? rowItems(field, path, state) : [];
  if (field.repeat) return rowsItems(field, path, state);
  if (!isRecord(value)) return [];
  const decision: EditItem[] = field.required ? [] : [{ kind: 'decision', path: at }];
  return [...decision, ...itemsOf(field.fields, path, state)];
}

function itemsOf(fields: readonly Field[], prefix: Path, state: QuestionnaireState): EditItem[] {
  const items: EditItem[] = [];
  for (const f of fields) {
    const parts = [...prefix, f.id];
    const path = joinPath(parts);
    if (isLocked(state, path)) continue;
    const value = getAt(state.answers, parts);
    if (f.kind !== 'group') items.push({ kind: 'field', path, field: f, value });
    else if (f.repeat) items.push({ kind: 'rows', path, field: f, count: Array.isArray(value) ? value.length : 0 });
    else if (!isRecord(value)) items.push({ kind: 'notFilled', path, field: f });
    // A section whose every field is verified has nothing to change, unless it is optional.
    else if (itemsOf(f.fields, parts, state).length > 0 || !f.required) items.push({ kind: 'section', path, field: f });
  }
  return items;
}

function rowsItems(group: GroupField, path: Path, state: QuestionnaireState): EditItem[] {
  const rows = getAt(state.answers, path);
  const list = Array.isArray(rows) ? rows : [];
  const items: EditItem[] = list.map((row, index) => {
    const first = group.fields.find((f) => isRecord(row) && hasValue(row[f.id]));
    return { kind: 'row', path: joinPath([...path, index]), index, ...(first && isRecord(row) ? { first: { field: first, value: row[first.id] } } : {}) };
  });
  if (list.length < (group.repeat?.max ?? 0)) items.push({ kind: 'addRow', path: joinPath([...path, list.length]) });
  return items;
}

function rowItems(group: GroupField, path: Path, state: QuestionnaireState): EditItem[] {
  const rows = getAt(state.answers, path.slice(0, -1));
  const count = Array.isArray(rows) ? rows.length : 0;
  const items: EditItem[] = [{ kind: 'wholeRow', path: joinPath(path) }, ...itemsOf(group.fields, path, state)];
  if (count > (group.repeat?.min ?? 0)) items.push({ kind: 'removeRow', path: joinPath(path) });
  return items;
}

/**
 * Asks the part at `at` again (a field, a row, a section, or a new row at the next free
 * position) and returns to the summary after it. A path the form does not ask, or a locked
 * one, leaves the state as it is.
 */
export function startEdit(form: FormDef, state: QuestionnaireState, at: string): QuestionnaireState {
  const path = parsePath(at);
  const field = fieldAt(form, path);
  if (!field || at === '' || isLocked(state, at)) return state;
  let next = state;
  const row = path[path.length - 1];
  if (field.kind === 'group' && field.repeat && typeof row === 'number') {
    const rows = getAt(state.answers, path.slice(0, -1));
    const count = Array.isArray(rows) ? rows.length : 0;
    if (row > count || (row === count && count >= field.repeat.max)) return state;
    if (row === count) {
      const answers = structuredClone(state.answers);
      setAt(answers, path, newRow(field));
      next = { ...state, answers };
    }
  }
  const steps = stepsOf(form, next);
  const exact: Step = field.kind === 'group' ? { kind: 'enterGroup', path: at } : { kind: 'field', path: at };
  const target = indexOfStep(steps, exact) >= 0 ? exact : firstStepWithin(steps, at);
  if (!target) return state;
  return { ...next, at: target, scope: at, notice: null, history: pushHistory(state.history, state.at) };
}

/** Removes the row at `at` (e.g. 'employment.1') and returns to the summary; a row the form needs stays. */
export function removeRowAt(form: FormDef, state: QuestionnaireState, at: string): QuestionnaireState {
  const path = parsePath(at);
  const row = path[path.length - 1];
  const field = fieldAt(form, path);
  const groupPath = path.slice(0, -1);
  const rows = getAt(state.answers, groupPath);
  if (field?.kind !== 'group' || !field.repeat || typeof row !== 'number' || !Array.isArray(rows)) return state;
  if (row >= rows.length || rows.length <= field.repeat.min || isLocked(state, at)) return state;
  const answers = removeRow(state.answers, groupPath, row);
  // The rows after it move up one place; their questions are all answered, as before.
  const group = joinPath(groupPath);
  const visited = forgetRows(state.visited, group, rows.length - 1);
  // "Back" must not lead into a row that is gone or has moved.
  const history = state.history.filter((s) => !within(s.path, group));
  return arriveAtSummary(form, { ...state, answers, visited, history, notice: null });
}
