import { fieldAt, type Field, type FormDef, type GroupField } from '../../core/forms/field.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { oneLine, showValue } from './display.js';
import { arriveAtSummary, forgetRows, pushHistory } from './move.js';
import {
  getAt, hasValue, isLocked, isRecord, joinPath, parsePath, setAt, shapeAnswers, within,
  type Path, type QuestionnaireState, type Step,
} from './state.js';
import { firstStepWithin, indexOfStep, stepsOf } from './steps.js';

/**
 * Changing answers from the summary: a menu of sections and fields, and asking part of the form
 * again. A row of a repeated section is removed with the menu value `<row path>.-`.
 */

export interface EditEntry {
  readonly label: string;
  /** A path: to editMenu() when isSection, else to editAt(). */
  readonly value: string;
  readonly isSection: boolean;
}

export const REMOVE_ROW = '-';

const LABEL_MAX = 60;

export function editEntries(form: FormDef, state: QuestionnaireState, lang: Lang, at?: string): EditEntry[] {
  if (at === undefined || at === '') return entriesOf(form.fields, [], state, lang);
  const path = parsePath(at);
  const field = fieldAt(form, path);
  if (field?.kind !== 'group' || isLocked(state, at)) return [];
  const value = getAt(state.answers, path);
  const isRow = typeof path[path.length - 1] === 'number';
  if (field.repeat && isRow) return isRecord(value) ? rowEntries(field, path, state, lang) : [];
  if (field.repeat) return rowsEntries(field, path, state, lang);
  if (!isRecord(value)) return [];
  const decision: EditEntry[] = field.required ? [] : [{
    label: t(lang, 'botForm.edit.decision', { answer: t(lang, 'botForm.yes') }), value: at, isSection: false,
  }];
  return [...decision, ...entriesOf(field.fields, path, state, lang)];
}

function entriesOf(fields: readonly Field[], prefix: Path, state: QuestionnaireState, lang: Lang): EditEntry[] {
  const entries: EditEntry[] = [];
  for (const f of fields) {
    const path = [...prefix, f.id];
    const dotted = joinPath(path);
    if (isLocked(state, dotted)) continue;
    const value = getAt(state.answers, path);
    const label = pick(f.label, lang);
    if (f.kind !== 'group') {
      entries.push({ label: fieldLabel(label, showValue(f, value, lang), lang), value: dotted, isSection: false });
    } else if (f.repeat) {
      const count = Array.isArray(value) ? value.length : 0;
      entries.push({ label: oneLine(t(lang, 'botForm.edit.rows', { label, count }), LABEL_MAX), value: dotted, isSection: true });
    } else if (!isRecord(value)) {
      entries.push({ label: fieldLabel(label, t(lang, 'botForm.summary.notFilled'), lang), value: dotted, isSection: false });
    } else if (entriesOf(f.fields, path, state, lang).length > 0 || !f.required) {
      entries.push({ label: oneLine(t(lang, 'botForm.edit.section', { label }), LABEL_MAX), value: dotted, isSection: true });
    }
  }
  return entries;
}

function rowsEntries(group: GroupField, path: Path, state: QuestionnaireState, lang: Lang): EditEntry[] {
  const rows = getAt(state.answers, path);
  const list = Array.isArray(rows) ? rows : [];
  const entries: EditEntry[] = list.map((row, i) => {
    const first = group.fields.find((f) => isRecord(row) && hasValue(row[f.id]));
    const shown = first && isRecord(row) ? showValue(first, row[first.id], lang) : t(lang, 'botForm.summary.empty');
    return { label: fieldLabel(t(lang, 'botForm.row', { n: i + 1 }), shown, lang), value: joinPath([...path, i]), isSection: true };
  });
  if (list.length < (group.repeat?.max ?? 0)) {
    entries.push({ label: t(lang, 'botForm.rows.add'), value: joinPath([...path, list.length]), isSection: false });
  }
  return entries;
}

function rowEntries(group: GroupField, path: Path, state: QuestionnaireState, lang: Lang): EditEntry[] {
  const rows = getAt(state.answers, path.slice(0, -1));
  const count = Array.isArray(rows) ? rows.length : 0;
  const entries: EditEntry[] = [{ label: t(lang, 'botForm.edit.wholeRow'), value: joinPath(path), isSection: false }];
  entries.push(...entriesOf(group.fields, path, state, lang));
  if (count > (group.repeat?.min ?? 0)) {
    entries.push({ label: t(lang, 'botForm.edit.removeRow'), value: `${joinPath(path)}.${REMOVE_ROW}`, isSection: false });
  }
  return entries;
}

/** "Label: value" short enough for a button: a long label is cut first, so the value still shows. */
function fieldLabel(label: string, value: string, lang: Lang): string {
  return oneLine(t(lang, 'botForm.edit.field', { label: oneLine(label, 40), value }), LABEL_MAX);
}

/**
 * Asks the part at `path` again (a field, a row, a section, or "add a row" at the next free
 * position) and returns to the summary after it. A path the form does not ask, or a locked
 * one, leaves the state as it is.
 */
export function startEdit(form: FormDef, state: QuestionnaireState, at: string): QuestionnaireState {
  if (at.endsWith(`.${REMOVE_ROW}`)) return removeRow(form, state, at.slice(0, -REMOVE_ROW.length - 1));
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
      setAt(answers, path, shapeAnswers(field.fields, {}));
      next = { ...state, answers };
    }
  }
  const steps = stepsOf(form, next);
  const exact: Step = field.kind === 'group' ? { kind: 'enterGroup', path: at } : { kind: 'field', path: at };
  const target = indexOfStep(steps, exact) >= 0 ? exact : firstStepWithin(steps, at);
  if (!target) return state;
  return { ...next, at: target, scope: at, notice: null, history: pushHistory(state.history, state.at) };
}

function removeRow(form: FormDef, state: QuestionnaireState, at: string): QuestionnaireState {
  const path = parsePath(at);
  const row = path[path.length - 1];
  const field = fieldAt(form, path);
  const groupPath = path.slice(0, -1);
  const rows = getAt(state.answers, groupPath);
  if (field?.kind !== 'group' || !field.repeat || typeof row !== 'number' || !Array.isArray(rows)) return state;
  if (row >= rows.length || rows.length <= field.repeat.min || isLocked(state, at)) return state;
  const answers = structuredClone(state.answers);
  (getAt(answers, groupPath) as unknown[]).splice(row, 1);
  // The rows after it move up one place; their questions are all answered, as before.
  const group = joinPath(groupPath);
  const visited = forgetRows(state.visited, group, rows.length - 1);
  // "Back" must not lead into a row that is gone or has moved.
  const history = state.history.filter((s) => !within(s.path, group));
  return arriveAtSummary(form, { ...state, answers, visited, history, notice: null });
}
