import type { FormDef } from '../../core/forms/field.js';
import { formAnswers } from '../../core/forms/questionnaire/answers.js';
import { checkAnswers } from '../../core/forms/questionnaire/check.js';
import { filledPaths, getAt, hasValue, parsePath, withAnswer } from '../../core/forms/questionnaire/paths.js';
import { editText } from '../../core/forms/questionnaire/read.js';
import type { Text } from '../../core/i18n/text.js';
import { firstToFill, formRows, type FormRow } from './fields.js';
import { scrollTop, textAreaRows } from './layout.js';

/**
 * The form editor's state and the helpers its actions share (editor-actions.ts). The answers
 * are the core's questionnaire answers, held as the clerk typed them; the editor adds only what
 * a terminal needs (focus, caret, scrolling, which problems to show yet). Pure: the component
 * only draws the state and routes keys, so all behaviour is testable without Ink.
 */

/** Text as typed; a choice's value; a yes/no answer. */
export type RawValue = string | boolean;

export interface EditorState {
  /** The draft, nested like the form (core/forms/questionnaire/paths.ts), answers as typed. */
  readonly answers: Record<string, unknown>;
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

export function rawValue(s: EditorState, key: string): RawValue | undefined {
  const v = getAt(s.answers, parsePath(key));
  return typeof v === 'string' || typeof v === 'boolean' ? v : undefined;
}

export const rawText = (s: EditorState, key: string): string => {
  const v = rawValue(s, key);
  return typeof v === 'string' ? v : '';
};

export function focusedRow(s: EditorState): FormRow | undefined {
  return s.rows.find((r) => r.key === s.focus);
}

/** Fields with an answer, as `touched`: each is judged from the start. */
export function touchedOf(answers: Record<string, unknown>): Record<string, true> {
  return Object.fromEntries(filledPaths(answers).map((path) => [path, true] as const));
}

export function initState(form: FormDef, initial: Readonly<Record<string, unknown>> | undefined, env: Env): EditorState {
  const answers = formAnswers(form, initial ?? {}, editText);
  const rows = formRows(form, answers);
  const focus = firstToFill(rows)?.key ?? '';
  const base: EditorState = { answers, rows, focus, caret: 0, errors: {}, touched: touchedOf(answers), submitted: false, top: 0, dirty: false };
  const s = { ...base, errors: judge(base, env), caret: chars(rawText(base, focus)).length };
  return withTop(s, env);
}

/** The core's verdict on the whole questionnaire, as messages by row key: for touched rows, or all once submitted. */
export function judge(s: EditorState, env: Env): Record<string, Text> {
  const checked = checkAnswers(env.form, s.answers, env.today);
  const problems: Record<string, Text> = {};
  for (const p of checked.ok ? [] : checked.error) {
    const key = rowKeyFor(s.rows, p.path);
    if (key !== undefined && !(key in problems)) problems[key] = p.expected;
  }
  if (s.submitted) return problems;
  return Object.fromEntries(Object.entries(problems).filter(([key]) => s.touched[key]));
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
  const row = focusedRow(s);
  return row?.kind === 'field' && row.field.kind === 'multiline' ? listHeight - textAreaRows(listHeight) + 1 : listHeight;
}

export function withTop(s: EditorState, env: Env): EditorState {
  const top = scrollTop(s.rows, s.rows.findIndex((r) => r.key === s.focus), s.top, listRows(s, env.listHeight));
  return top === s.top ? s : { ...s, top };
}

export function setRaw(s: EditorState, key: string, value: RawValue | undefined): EditorState {
  return { ...s, answers: withAnswer(s.answers, parsePath(key), value) };
}

export function withTouched(s: EditorState, key: string): EditorState {
  const touched = { ...s.touched };
  if (hasValue(rawValue(s, key))) touched[key] = true;
  else delete touched[key];
  return { ...s, touched };
}

export function focusOn(s: EditorState, key: string, env: Env): EditorState {
  return withTop({ ...s, focus: key, caret: chars(rawText(s, key)).length, dirty: false }, env);
}

/** Keeps the focused row in view after the list height changed (terminal resized). */
export function refit(s: EditorState, env: Env): EditorState {
  return withTop(s, env);
}
