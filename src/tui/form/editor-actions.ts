import { answerPath, collect, newRow, removeRow as withoutRow, rowCount } from '../../core/forms/questionnaire/answers.js';
import { checkAnswers } from '../../core/forms/questionnaire/check.js';
import { getAt, parsePath, withAnswer } from '../../core/forms/questionnaire/paths.js';
import { editText, readTyped } from '../../core/forms/questionnaire/read.js';
import type { Text } from '../../core/i18n/text.js';
import type { FieldProblem } from '../../core/result.js';
import { safeText } from '../../core/text-safety.js';
import {
  chars, focusOn, focusedRow, judge, rawText, rawValue, rowKeyFor, setRaw, touchedOf, withTop, withTouched,
  type EditorState, type Env, type RawValue,
} from './editor-state.js';
import { enclosingRow, formRows, isChoiceRow, isFocusable, isTextRow, type FormRow } from './fields.js';

/**
 * The form editor as a pure state machine: each key becomes an action, each action gives the
 * next state and what to tell the screen (changed answers, a submission, a cancel).
 */

export type Action =
  | { readonly type: 'move'; readonly by: number }
  | { readonly type: 'page'; readonly by: 1 | -1 }
  | { readonly type: 'enter' }
  | { readonly type: 'submit' }
  | { readonly type: 'cancel' }
  | { readonly type: 'insert'; readonly text: string }
  | { readonly type: 'backspace' }
  | { readonly type: 'clear' }
  | { readonly type: 'caret'; readonly to: 'left' | 'right' | 'home' | 'end' }
  | { readonly type: 'cycle'; readonly by: 1 | -1 }
  | { readonly type: 'pick'; readonly index: number }
  | { readonly type: 'removeRow' }
  | { readonly type: 'set'; readonly patch: Readonly<Record<string, unknown>> }
  | { readonly type: 'problems'; readonly problems: readonly FieldProblem[] };

export interface Outcome {
  readonly state: EditorState;
  /** The answers after a committed change (a field left, a choice made, a row removed). */
  readonly changed?: Record<string, unknown>;
  /** The answers as the core normalised them: the form passed validateForm. */
  readonly submit?: Record<string, unknown>;
  readonly cancel?: true;
}

/**
 * Leaving a field: the answer is read as every front-end reads it (a date tidied, then checked
 * on its own), checked with the rules across fields, and the draft is reported.
 */
function leave(s: EditorState, env: Env): Outcome {
  const row = focusedRow(s);
  if (!s.dirty || row?.kind !== 'field') return { state: s };
  let next = s;
  let own: Text | undefined;
  const text = rawText(s, row.key);
  if (isTextRow(row) && text.trim() !== '') {
    const reading = readTyped(row.field, text, env.today);
    next = setRaw(next, row.key, reading.text);
    if (!reading.result.ok) own = reading.result.error;
  }
  next = withTouched({ ...next, dirty: false }, row.key);
  const errors = judge(next, env);
  next = { ...next, errors: own ? { ...errors, [row.key]: own } : errors };
  return { state: next, changed: draft(next, env) };
}

/** The answers as they stand, blank ones left out, not validated: what a screen keeps as a draft. */
export function draft(s: EditorState, env: Env): Record<string, unknown> {
  return collect(env.form, s.answers).values;
}

function move(s: EditorState, by: number, env: Env): Outcome {
  const left = leave(s, env);
  const focusables = left.state.rows.filter(isFocusable);
  const at = focusables.findIndex((r) => r.key === left.state.focus);
  const target = focusables[Math.max(0, Math.min(focusables.length - 1, at + by))];
  return { ...left, state: target ? focusOn(left.state, target.key, env) : left.state };
}

function submit(s: EditorState, env: Env): Outcome {
  const left = leave(s, env);
  const checked = checkAnswers(env.form, left.state.answers, env.today);
  if (checked.ok) return { ...left, submit: checked.value };
  const judged = { ...left.state, submitted: true };
  return { ...left, state: focusFirstBad({ ...judged, errors: judge(judged, env) }, env) };
}

/** Focus on the first row with a problem (the first field after it, for a section's problem). */
function focusFirstBad(s: EditorState, env: Env): EditorState {
  const firstBad = s.rows.findIndex((row) => row.key in s.errors);
  const target = s.rows.slice(Math.max(0, firstBad)).find(isFocusable);
  return target ? focusOn(s, target.key, env) : s;
}

function edit(s: EditorState, text: string, caret: number, env: Env): Outcome {
  return { state: withTop({ ...setRaw(s, s.focus, text), caret, dirty: true }, env) };
}

/** A choice or yes/no answer is committed at once: nothing more is typed into it. */
function choose(s: EditorState, value: RawValue | undefined, env: Env): Outcome {
  let next = withTouched(setRaw(s, s.focus, value), s.focus);
  next = { ...next, errors: judge(next, env), dirty: false };
  return { state: next, changed: draft(next, env) };
}

function options(row: FormRow): RawValue[] {
  if (row.kind !== 'field') return [];
  if (row.field.kind === 'boolean') return [true, false];
  return row.field.kind === 'choice' ? row.field.choices.map((c) => c.value) : [];
}

function cycle(s: EditorState, row: FormRow, by: 1 | -1, env: Env): Outcome {
  // An optional answer can be taken back: its cycle passes through "not answered".
  const slots: (RawValue | undefined)[] = row.field.required ? options(row) : [undefined, ...options(row)];
  const at = slots.indexOf(rawValue(s, row.key));
  const from = at === -1 ? (by === 1 ? -1 : slots.length) : at;
  return choose(s, slots[(from + by + slots.length) % slots.length], env);
}

function addRow(s: EditorState, row: FormRow & { kind: 'addRow' }, env: Env): Outcome {
  const group = row.field;
  if (!group.repeat || row.rows >= group.repeat.max) return { state: s };
  const answers = withAnswer(s.answers, [...row.parts, row.rows], newRow(group));
  const rows = formRows(env.form, answers);
  const prefix = `${row.path}.${row.rows}.`;
  const first = rows.find((r) => isFocusable(r) && r.key.startsWith(prefix));
  return { state: focusOn({ ...s, answers, rows }, first?.key ?? s.focus, env) };
}

function removeRow(s: EditorState, env: Env): Outcome {
  const left = leave(s, env);
  const at = enclosingRow(left.state.focus);
  if (!at) return left;
  const heading = left.state.rows.find((r) => r.key === at.groupKey);
  const group = heading?.kind === 'section' ? heading.field : undefined;
  const parts = parsePath(at.groupKey);
  if (!group?.repeat || rowCount(group, getAt(left.state.answers, parts)) <= group.repeat.min) return left;
  const answers = withoutRow(left.state.answers, parts, at.index);
  const rows = formRows(env.form, answers);
  // The rows after it moved up: the one that followed now has this position.
  const target = rows.find((r) => isFocusable(r) && r.key.startsWith(`${at.groupKey}.${at.index}.`))?.key ?? `${at.groupKey}.+`;
  // Left (above), nothing is being typed: every answer given has been left, so is judged.
  let state: EditorState = { ...left.state, answers, rows, touched: touchedOf(answers) };
  state = { ...state, errors: judge(state, env) };
  return { state: focusOn(state, target, env), changed: draft(state, env) };
}

function setValues(s: EditorState, patch: Readonly<Record<string, unknown>>, env: Env): Outcome {
  let next = s;
  for (const [path, value] of Object.entries(patch)) {
    const row = next.rows.find((r) => r.key === path);
    if (row?.kind !== 'field') continue;
    next = withTouched(setRaw(next, row.key, editText(row.field, value)), row.key);
    if (row.key === next.focus) next = { ...next, caret: chars(rawText(next, row.key)).length };
  }
  next = { ...next, errors: judge(next, env) };
  return { state: next, changed: draft(next, env) };
}

function showProblems(s: EditorState, problems: readonly FieldProblem[], env: Env): Outcome {
  const { kept } = collect(env.form, s.answers);
  const errors: Record<string, Text> = { ...s.errors };
  for (const p of problems) {
    const key = rowKeyFor(s.rows, answerPath(p.path, kept));
    if (key !== undefined) errors[key] = p.expected;
  }
  return { state: focusFirstBad({ ...s, errors, submitted: true }, env) };
}

export function reduce(s: EditorState, action: Action, env: Env): Outcome {
  const row = focusedRow(s);
  const text = chars(rawText(s, s.focus));
  switch (action.type) {
    case 'move':
      return move(s, action.by, env);
    case 'page':
      return move(s, action.by * Math.max(1, env.listHeight - 1), env);
    case 'enter': {
      if (row?.kind === 'addRow') return addRow(s, row, env);
      const focusables = s.rows.filter(isFocusable);
      return focusables[focusables.length - 1]?.key === s.focus ? submit(s, env) : move(s, 1, env);
    }
    case 'submit':
      return submit(s, env);
    case 'cancel':
      return { state: s, cancel: true };
    case 'insert': {
      if (row?.kind !== 'field' || !isTextRow(row)) return { state: s };
      // Pasted text: a line break only where the field holds several lines; control bytes never.
      const clean = safeText(action.text, { multiline: row.field.kind === 'multiline' });
      if (!clean) return { state: s };
      const added = chars(clean);
      return edit(s, [...text.slice(0, s.caret), ...added, ...text.slice(s.caret)].join(''), s.caret + added.length, env);
    }
    case 'backspace':
      if (!isTextRow(row) || s.caret === 0) return { state: s };
      return edit(s, [...text.slice(0, s.caret - 1), ...text.slice(s.caret)].join(''), s.caret - 1, env);
    case 'clear':
      if (row?.kind !== 'field') return { state: s };
      return isTextRow(row) ? edit(s, '', 0, env) : choose(s, undefined, env);
    case 'caret': {
      if (!isTextRow(row)) return { state: s };
      const to = { left: s.caret - 1, right: s.caret + 1, home: 0, end: text.length }[action.to];
      const caret = Math.max(0, Math.min(text.length, to));
      return caret === s.caret ? { state: s } : { state: { ...s, caret } };
    }
    case 'cycle':
      return row?.kind === 'field' && isChoiceRow(row) ? cycle(s, row, action.by, env) : { state: s };
    case 'pick': {
      if (!row || !isChoiceRow(row)) return { state: s };
      const value = options(row)[action.index];
      return value === undefined ? { state: s } : choose(s, value, env);
    }
    case 'removeRow':
      return removeRow(s, env);
    case 'set':
      return setValues(s, action.patch, env);
    case 'problems':
      return showProblems(s, action.problems, env);
  }
}
