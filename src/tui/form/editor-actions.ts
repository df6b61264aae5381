import type { ChoiceField, GroupField } from '../../core/forms/field.js';
import { formatDate } from '../../core/calendar/dates.js';
import { tidyDate } from '../../core/forms/schema.js';
import { validateAnswer, validateForm } from '../../core/forms/validate.js';
import type { Text } from '../../core/i18n/text.js';
import type { FieldProblem } from '../../core/result.js';
import {
  chars, focusOn, focusedRow, isTextRow, judge, rawText, rowKeyFor, setRaw, withTop, withTouched, type EditorState, type Env,
} from './editor-state.js';
import { childKey, enclosingRow, flattenForm, isFocusable, rowSegment, type FormRow } from './fields.js';
import { buildValues, isBlank, keyOfDisplayPath, keyOfPath, rawFromStored, type RawValue } from './values.js';
import { safeText } from '../../core/text-safety.js';

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
 * Leaving a field: a date typed the counter way is tidied, the answer is checked on its own
 * (validateAnswer) and with the rules across fields (validateForm), and the draft is reported.
 */
function leave(s: EditorState, env: Env): Outcome {
  const row = focusedRow(s);
  if (!s.dirty || !row || row.type !== 'field') return { state: s };
  let next = s;
  let own: Text | undefined;
  const text = rawText(s, row.key);
  if (isTextRow(row) && !isBlank(text)) {
    const typed = row.kind === 'date' ? tidyDate(text) : text;
    const answer = validateAnswer(row.field, typed, env.today);
    next = setRaw(next, row.key, answer.ok && row.kind === 'date' ? formatDate(answer.value as string) : typed);
    if (!answer.ok) own = answer.error;
  }
  next = withTouched({ ...next, dirty: false }, row.key);
  const errors = judge(next, env).errors;
  next = { ...next, errors: own ? { ...errors, [row.key]: own } : errors };
  return { state: next, changed: buildValues(env.form, next.answers).values };
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
  const built = buildValues(env.form, left.state.answers);
  const r = validateForm(env.form, built.values, env.today);
  if (r.ok) return { ...left, submit: r.value };
  const judged = { ...left.state, submitted: true };
  const errors = judge(judged, env).errors;
  const firstBad = judged.rows.findIndex((row) => row.key in errors);
  const target = judged.rows.slice(Math.max(0, firstBad)).find(isFocusable);
  const state = { ...judged, errors };
  return { ...left, state: target ? focusOn(state, target.key, env) : state };
}

function edit(s: EditorState, text: string, caret: number, env: Env): Outcome {
  return { state: withTop({ ...setRaw(s, s.focus, text), caret, dirty: true }, env) };
}

/** A choice or yes/no answer is committed at once: nothing more is typed into it. */
function choose(s: EditorState, value: RawValue | undefined, env: Env): Outcome {
  let next = withTouched(setRaw(s, s.focus, value), s.focus);
  next = { ...next, errors: judge(next, env).errors, dirty: false };
  return { state: next, changed: buildValues(env.form, next.answers).values };
}

function options(row: FormRow): RawValue[] {
  if (row.kind === 'boolean') return [true, false];
  return (row.field as ChoiceField).choices.map((c) => c.value);
}

function cycle(s: EditorState, row: FormRow, by: 1 | -1, env: Env): Outcome {
  // An optional answer can be taken back: its cycle passes through "not answered".
  const slots: (RawValue | undefined)[] = row.required ? options(row) : [undefined, ...options(row)];
  const at = slots.indexOf(s.answers.raw[row.key]);
  const from = at === -1 ? (by === 1 ? -1 : slots.length) : at;
  return choose(s, slots[(from + by + slots.length) % slots.length], env);
}

function addRow(s: EditorState, row: FormRow, env: Env): Outcome {
  const group = row.field as GroupField;
  const groupKey = row.key.slice(0, -2); // the add row's key is the group's key + '.+'
  const ids = s.answers.repeats[groupKey] ?? [];
  if (!group.repeat || ids.length >= group.repeat.max) return { state: s };
  const id = s.answers.nextId;
  const answers = { ...s.answers, repeats: { ...s.answers.repeats, [groupKey]: [...ids, id] }, nextId: id + 1 };
  const rows = flattenForm(env.form, answers.repeats);
  const prefix = `${childKey(groupKey, rowSegment(id))}.`;
  const first = rows.find((r) => isFocusable(r) && r.key.startsWith(prefix));
  return { state: focusOn({ ...s, answers, rows }, first?.key ?? s.focus, env) };
}

function removeRow(s: EditorState, env: Env): Outcome {
  const left = leave(s, env);
  const at = enclosingRow(left.state.focus);
  if (!at) return left;
  const group = left.state.rows.find((r) => r.key === at.groupKey)?.field as GroupField | undefined;
  const ids = left.state.answers.repeats[at.groupKey] ?? [];
  if (!group?.repeat || ids.length <= group.repeat.min) return left;
  const prefix = `${childKey(at.groupKey, rowSegment(at.id))}.`;
  const without = <T>(rec: Readonly<Record<string, T>>) => Object.fromEntries(Object.entries(rec).filter(([k]) => !k.startsWith(prefix)));
  const nextIds = ids.filter((id) => id !== at.id);
  const answers = { ...left.state.answers, raw: without(left.state.answers.raw), repeats: { ...left.state.answers.repeats, [at.groupKey]: nextIds } };
  const rows = flattenForm(env.form, answers.repeats);
  const following = nextIds[ids.indexOf(at.id)];
  const target = following === undefined
    ? `${at.groupKey}.+`
    : rows.find((r) => isFocusable(r) && r.key.startsWith(`${childKey(at.groupKey, rowSegment(following))}.`))?.key ?? `${at.groupKey}.+`;
  let state: EditorState = { ...left.state, answers, rows, touched: without(left.state.touched) as Record<string, true>, errors: without(left.state.errors) };
  state = { ...state, errors: judge(state, env).errors };
  return { state: focusOn(state, target, env), changed: buildValues(env.form, answers).values };
}

function setValues(s: EditorState, patch: Readonly<Record<string, unknown>>, env: Env): Outcome {
  let next = s;
  for (const [path, value] of Object.entries(patch)) {
    const key = keyOfDisplayPath(path, next.answers.repeats);
    const row = key === undefined ? undefined : next.rows.find((r) => r.key === key && r.type === 'field');
    if (!row) continue;
    next = withTouched(setRaw(next, row.key, rawFromStored(row.field, value)), row.key);
    if (row.key === next.focus) next = { ...next, caret: chars(rawText(next, row.key)).length };
  }
  next = { ...next, errors: judge(next, env).errors };
  return { state: next, changed: buildValues(env.form, next.answers).values };
}

function showProblems(s: EditorState, problems: readonly FieldProblem[], env: Env): Outcome {
  const { kept } = buildValues(env.form, s.answers);
  const errors: Record<string, Text> = { ...s.errors };
  for (const p of problems) {
    const key = rowKeyFor(s.rows, keyOfPath(p.path, kept));
    if (key !== undefined) errors[key] = p.expected;
  }
  const firstBad = s.rows.findIndex((r) => r.key in errors);
  const target = s.rows.slice(Math.max(0, firstBad)).find(isFocusable);
  const state = { ...s, errors, submitted: true };
  return { state: target ? focusOn(state, target.key, env) : state };
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
      if (row?.type === 'add') return addRow(s, row, env);
      const focusables = s.rows.filter(isFocusable);
      return focusables[focusables.length - 1]?.key === s.focus ? submit(s, env) : move(s, 1, env);
    }
    case 'submit':
      return submit(s, env);
    case 'cancel':
      return { state: s, cancel: true };
    case 'insert': {
      if (!row || !isTextRow(row)) return { state: s };
      // Pasted text: a line break only where the field holds several lines; control bytes never.
      const clean = safeText(action.text, { multiline: row.kind === 'multiline' });
      if (!clean) return { state: s };
      const added = chars(clean);
      return edit(s, [...text.slice(0, s.caret), ...added, ...text.slice(s.caret)].join(''), s.caret + added.length, env);
    }
    case 'backspace':
      if (!isTextRow(row) || s.caret === 0) return { state: s };
      return edit(s, [...text.slice(0, s.caret - 1), ...text.slice(s.caret)].join(''), s.caret - 1, env);
    case 'clear':
      if (row?.type !== 'field') return { state: s };
      return isTextRow(row) ? edit(s, '', 0, env) : choose(s, undefined, env);
    case 'caret': {
      if (!isTextRow(row)) return { state: s };
      const to = { left: s.caret - 1, right: s.caret + 1, home: 0, end: text.length }[action.to];
      const caret = Math.max(0, Math.min(text.length, to));
      return caret === s.caret ? { state: s } : { state: { ...s, caret } };
    }
    case 'cycle':
      return row?.type === 'field' && !isTextRow(row) ? cycle(s, row, action.by, env) : { state: s };
    case 'pick': {
      if (row?.type !== 'field' || isTextRow(row)) return { state: s };
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
