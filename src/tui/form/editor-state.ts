import type { FormDef } from '../../core/forms/field.js';
import { validateForm } from '../../core/forms/validate.js';
import type { Text } from '../../core/i18n/text.js';
import { firstToFill, flattenForm, isFocusable, type FormRow } from './fields.js';
import { scrollTop, textAreaRows } from './layout.js';
import { answersFromInitial, buildValues, isBlank, keyOfPath, type Answers, type RawValue } from './values.js';

/**
 * The form editor's state and the helpers its actions share (editor-actions.ts). Pure: the
 * component only draws the state and routes keys, so all behaviour is testable without Ink.
 */

export interface EditorState {
  readonly answers: Answers;
  readonly rows: readonly FormRow[];
  /** Key of the focused row ('' when the form has nothing to fill). */
  readonly focus: string;
  /** Caret position in the focused text, in characters. */
  readonly caret: number;
  /** What each bad row expects, by row key. */
  readonly errors: Readonly<Record<string, Text>>;
  /** Fields left with an answer: judged on leaving, before any submission was tried. */
  readonly touched: Readonly<Record<string, true>>;
  /** A submission was tried: from then on every field is judged, blank required ones too. */
  readonly submitted: boolean;
  /** First row drawn. */
  readonly top: number;
  /** The focused answer changed since the field was entered. */
  readonly dirty: boolean;
}

export interface Env {
  readonly form: FormDef;
  readonly today: string;
  /** Rows the list may use. */
  readonly listHeight: number;
}

export const chars = (s: string): string[] => Array.from(s);
export const rawText = (s: EditorState, key: string): string => {
  const v = s.answers.raw[key];
  return typeof v === 'string' ? v : '';
};

export function focusedRow(s: EditorState): FormRow | undefined {
  return s.rows.find((r) => r.key === s.focus);
}

export function isTextRow(row: FormRow | undefined): boolean {
  return row?.type === 'field' && row.kind !== 'choice' && row.kind !== 'boolean';
}

export function initState(form: FormDef, initial: Readonly<Record<string, unknown>> | undefined, env: Env): EditorState {
  const answers = answersFromInitial(form, initial);
  const rows = flattenForm(form, answers.repeats);
  const focus = firstToFill(rows)?.key ?? '';
  const touched: Record<string, true> = {};
  for (const [key, v] of Object.entries(answers.raw)) if (!isBlank(v)) touched[key] = true;
  const base: EditorState = { answers, rows, focus, caret: 0, errors: {}, touched, submitted: false, top: 0, dirty: false };
  const s = { ...base, errors: judge(base, env).errors, caret: chars(rawText(base, focus)).length };
  return withTop(s, env);
}

/** The core's verdict on the whole questionnaire, as messages by row key. */
export function judge(s: EditorState, env: Env): { errors: Record<string, Text> } {
  const built = buildValues(env.form, s.answers);
  const r = validateForm(env.form, built.values, env.today);
  const problems: Record<string, Text> = {};
  if (!r.ok) {
    for (const p of r.error.fields ?? []) {
      const key = rowKeyFor(s.rows, keyOfPath(p.path, built.kept));
      if (key !== undefined && !(key in problems)) problems[key] = p.expected;
    }
  }
  if (s.submitted) return { errors: problems };
  const errors: Record<string, Text> = {};
  for (const key of Object.keys(s.touched)) if (problems[key]) errors[key] = problems[key];
  return { errors };
}

/** The row a key names, or the nearest enclosing row that exists (a problem of a whole group). */
export function rowKeyFor(rows: readonly FormRow[], key: string): string | undefined {
  for (let k = key; k; k = k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : '') {
    if (rows.some((r) => r.key === k)) return k;
  }
  return undefined;
}

/** A focused several-line field opens into a text area: fewer rows of the form fit around it. */
export function listRows(s: EditorState, listHeight: number): number {
  return focusedRow(s)?.kind === 'multiline' ? listHeight - textAreaRows(listHeight) + 1 : listHeight;
}

export function withTop(s: EditorState, env: Env): EditorState {
  const top = scrollTop(s.rows, s.rows.findIndex((r) => r.key === s.focus), s.top, listRows(s, env.listHeight));
  return top === s.top ? s : { ...s, top };
}

export function setRaw(s: EditorState, key: string, value: RawValue | undefined): EditorState {
  const raw = { ...s.answers.raw };
  if (value === undefined) delete raw[key];
  else raw[key] = value;
  return { ...s, answers: { ...s.answers, raw } };
}

export function withTouched(s: EditorState, key: string): EditorState {
  const touched = { ...s.touched };
  if (isBlank(s.answers.raw[key])) delete touched[key];
  else touched[key] = true;
  return { ...s, touched };
}

export function focusOn(s: EditorState, key: string, env: Env): EditorState {
  return withTop({ ...s, focus: key, caret: chars(rawText(s, key)).length, dirty: false }, env);
}

/** Keeps the focused row in view after the list height changed (terminal resized). */
export function refit(s: EditorState, env: Env): EditorState {
  return withTop(s, env);
}
