import { fieldAt, type FormDef, type GroupField } from '../core/forms/field.js';
import { validateAnswer, validateForm } from '../core/forms/validate.js';
import { catalogue } from '../core/i18n/catalogue.js';
import { fill, pick, type Lang, type Text } from '../core/i18n/text.js';
import { fail, ok, type FieldProblem, type Result } from '../core/result.js';
import { expectedText, message, problemText } from './questionnaire/display.js';
import { editEntries, startEdit, type EditEntry } from './questionnaire/edit.js';
import { fillOrNot, interpret, matchOption, MORE, optionsText, rowOptions, YES } from './questionnaire/input.js';
import { arriveAtSummary, backTarget, forget, forgetRows, moveOn, pushHistory } from './questionnaire/move.js';
import { buildPrompt, type Prompt } from './questionnaire/prompt.js';
import {
  deleteAt, formAnswers, getAt, hasValue, isLocked, isRecord, parsePath, setAt, shapeAnswers, SUMMARY, within,
  type QuestionnaireState, type Step,
} from './questionnaire/state.js';
import { currentStep, indexOfStep, nearestStep, stepsOf } from './questionnaire/steps.js';
import { summaryParts } from './questionnaire/summary.js';

/**
 * The citizen bot's questionnaire, one question at a time, as pure functions over a state that
 * is plain JSON (the bot stores it between messages). The telegraf wiring sends `prompt()`,
 * passes what the citizen typed or pressed to `answer()`, and offers skip and back as the prompt
 * allows. At the summary it sends `summary()` and, on "edit", the `editMenu()`; `confirm()` runs
 * the whole-form check and hands back the answers to submit.
 */

export type { Path, QuestionnaireState } from './questionnaire/state.js';
export type { Button, Prompt } from './questionnaire/prompt.js';
export type { EditEntry } from './questionnaire/edit.js';
/** Button values at the summary: the wiring calls confirm() for CONFIRM and shows editMenu() for EDIT. */
export { CONFIRM, EDIT, KEEP } from './questionnaire/input.js';

export interface StartOptions {
  /** Answers known beforehand (e.g. from the citizen's last request), asked with a "keep it" button. */
  readonly prefill?: Record<string, unknown>;
  /** Dotted paths filled from a verified source (e.g. 'applicant.phone'): never asked, marked as confirmed, not editable. */
  readonly locked?: readonly string[];
}

export function startQuestionnaire(form: FormDef, options: StartOptions = {}): QuestionnaireState {
  const answers = formAnswers(form, options.prefill ?? {});
  // A path with nothing filled in is asked like any other: there is nothing to confirm.
  const locked = (options.locked ?? []).filter((p) => p !== '' && hasValue(getAt(answers, parsePath(p))));
  const state: QuestionnaireState = { answers, at: SUMMARY, history: [], visited: [], locked, scope: null, notice: null };
  const first = stepsOf(form, state)[0];
  return first ? { ...state, at: first } : arriveAtSummary(form, state);
}

export function prompt(form: FormDef, state: QuestionnaireState, lang: Lang, today: string): Prompt {
  return buildPrompt(form, state, lang, today);
}

/**
 * Text typed or a button value. On a bad answer: fail with the message to send (names the field
 * and says what is expected), state unchanged; send it, then the prompt again.
 */
export function answer(form: FormDef, state: QuestionnaireState, input: string, today: string): Result<QuestionnaireState, Text> {
  const step = currentStep(form, state);
  const here: QuestionnaireState = { ...state, at: step };
  const path = parsePath(step.path);
  const field = fieldAt(form, path);
  if (step.kind === 'summary' || !field) return fail(message('botForm.atSummary'));
  if (step.kind === 'enterGroup') {
    const choice = matchOption(fillOrNot, input);
    if (choice === undefined) return fail(problemText(form, path, optionsText(fillOrNot)));
    return ok(choice === YES ? enterGroup(form, here, step, today) : declineGroup(form, here, step, today));
  }
  if (step.kind === 'moreRows') {
    const choice = matchOption(rowOptions(step.rows), input);
    if (choice === undefined || field.kind !== 'group') return fail(problemText(form, path, optionsText(rowOptions(step.rows))));
    return ok(choice === MORE ? addRow(form, here, step, field, today) : closeRows(form, here, step, field, today));
  }
  if (field.kind === 'group') return fail(message('botForm.atSummary'));
  const value = interpret(field, input, getAt(state.answers, path), today);
  if (!value.ok) return fail(problemText(form, path, value.error));
  const answers = structuredClone(state.answers);
  setAt(answers, path, value.value);
  return ok(moveOn(form, { ...here, answers }, step, today));
}

/** Leaves an optional field empty; fails (naming the field) when the field is required. */
export function skip(form: FormDef, state: QuestionnaireState, today: string): Result<QuestionnaireState, Text> {
  const step = currentStep(form, state);
  const here: QuestionnaireState = { ...state, at: step };
  const path = parsePath(step.path);
  const field = fieldAt(form, path);
  if (step.kind === 'summary' || !field) return fail(message('botForm.atSummary'));
  if (step.kind === 'enterGroup') return ok(declineGroup(form, here, step, today));
  if (step.kind === 'moreRows' && field.kind === 'group') return ok(closeRows(form, here, step, field, today));
  if (field.required) {
    const expected = expectedText(field, today);
    return fail(problemText(form, path, message('botForm.cannotSkip', (lang) => ({ expected: pick(expected, lang) }))));
  }
  const answers = structuredClone(state.answers);
  deleteAt(answers, path);
  return ok(moveOn(form, { ...here, answers }, step, today));
}

/** To the previous question actually asked; at the first question, unchanged. */
export function back(form: FormDef, state: QuestionnaireState): QuestionnaireState {
  const target = backTarget(form, state);
  if (!target) return state;
  const moved: QuestionnaireState = { ...state, at: target.at, history: target.history, notice: null };
  // Backing out of an edit drops what it opened and left empty (a row added, a section said yes to).
  return target.at.kind === 'summary' ? arriveAtSummary(form, moved) : moved;
}

export function isAtSummary(state: QuestionnaireState): boolean {
  return state.at.kind === 'summary';
}

/** The summary of all answers, split into messages of ≤ 4096 chars; the last part ends with the "check and confirm" line. */
export function summary(form: FormDef, state: QuestionnaireState, lang: Lang): readonly string[] {
  return summaryParts(form, state, lang);
}

/**
 * Edit menu: at the top level the sections and top-level fields; given a section path, its
 * fields (and rows for a repeated section, plus "add a row"); given a row, its fields and
 * "remove this row". value: a path for editMenu() when isSection, else for editAt().
 */
export function editMenu(form: FormDef, state: QuestionnaireState, lang: Lang, at?: string): readonly EditEntry[] {
  return editEntries(form, state, lang, at);
}

/** Asks the field (or every field of a row or section) at path again, then returns to the summary. */
export function editAt(form: FormDef, state: QuestionnaireState, path: string): QuestionnaireState {
  return startEdit(form, state, path);
}

/** The answers to submit: empty optional answers left out. */
export function answersOf(state: QuestionnaireState): Record<string, unknown> {
  const cleaned = clean(state.answers);
  return isRecord(cleaned) ? cleaned : {};
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((row) => clean(row) ?? {});
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined) out[key] = c;
    }
    return out;
  }
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  return value;
}

/**
 * The whole-form check (validateForm), with the cross-field checks. On failure the state moves to
 * the first problem field, in the order the form asks them, and the message names it; once fixed,
 * the walk returns to the summary. A problem the citizen cannot reach (a locked field) leaves
 * the state at the summary.
 */
export function confirm(form: FormDef, state: QuestionnaireState, today: string): Result<{ answers: Record<string, unknown> }, { state: QuestionnaireState; message: Text }> {
  const checked = validateForm(form, answersOf(state), today);
  if (checked.ok) return ok({ answers: checked.value });
  const steps = stepsOf(form, state);
  const found = (checked.error.fields ?? []).map((problem) => ({ problem, target: targetOf(form, state, steps, problem.path, today) }));
  const rank = (t: Step | undefined) => (t ? indexOfStep(steps, t) : Number.MAX_SAFE_INTEGER);
  const first = [...found].sort((a, b) => rank(a.target) - rank(b.target))[0];
  if (!first) return fail({ state, message: message('form.invalid', () => ({ count: 1 })) });
  const text = problemMessage(form, state, first.problem, today);
  if (!first.target) return fail({ state, message: text });
  // A whole section or row at fault is asked again in full; a field alone, on its own.
  const scope = within(first.target.path, first.problem.path) ? first.problem.path : first.target.path;
  const moved: QuestionnaireState = { ...state, at: first.target, scope, notice: null, history: pushHistory(state.history, state.at) };
  return fail({ state: moved, message: text });
}

/**
 * The question to fix a problem at. A verified (locked) value that is itself invalid is nothing
 * the citizen can fix: there is none. A locked value that only disagrees with another answer
 * (a group's check) sends the citizen to the nearest question around it.
 */
function targetOf(form: FormDef, state: QuestionnaireState, steps: readonly Step[], path: string, today: string): Step | undefined {
  if (path === '(root)') return undefined;
  const parts = parsePath(path);
  const field = fieldAt(form, parts);
  if (isLocked(state, path) && field && field.kind !== 'group' && !validateAnswer(field, getAt(state.answers, parts), today).ok) return undefined;
  return nearestStep(steps, path);
}

function problemMessage(form: FormDef, state: QuestionnaireState, problem: FieldProblem, today: string): Text {
  const path = parsePath(problem.path);
  const field = fieldAt(form, path);
  if (!field) return message('botForm.problem', (lang) => ({ label: pick(problem.label, lang), expected: pick(problem.expected, lang) }));
  // The core names a missing choice by its stored values (PARENT); a citizen knows the labels.
  if (field.kind !== 'group' && !hasValue(getAt(state.answers, path))) {
    const expected = expectedText(field, today);
    const required = catalogue['form.required'];
    return problemText(form, path, { kk: fill(required.kk, { expected: expected.kk }), ru: fill(required.ru, { expected: expected.ru }) });
  }
  return problemText(form, path, problem.expected);
}

function enterGroup(form: FormDef, state: QuestionnaireState, step: Step, today: string): QuestionnaireState {
  const path = parsePath(step.path);
  const group = fieldAt(form, path) as GroupField;
  const answers = structuredClone(state.answers);
  setAt(answers, path, shapeAnswers(group.fields, getAt(answers, path)));
  return moveOn(form, { ...state, answers }, step, today);
}

function declineGroup(form: FormDef, state: QuestionnaireState, step: Step, today: string): QuestionnaireState {
  const answers = structuredClone(state.answers);
  deleteAt(answers, parsePath(step.path));
  return moveOn(form, { ...state, answers, visited: forget(state.visited, step.path) }, step, today);
}

function addRow(form: FormDef, state: QuestionnaireState, step: Step & { kind: 'moreRows' }, group: GroupField, today: string): QuestionnaireState {
  const path = parsePath(step.path);
  const answers = structuredClone(state.answers);
  const rows = getAt(answers, path);
  const count = Array.isArray(rows) ? rows.length : 0;
  // Back at an "add another?" already answered yes, the row it added is still there.
  if (count <= step.rows && count < (group.repeat?.max ?? 0)) setAt(answers, [...path, count], shapeAnswers(group.fields, {}));
  return moveOn(form, { ...state, answers }, step, today);
}

function closeRows(form: FormDef, state: QuestionnaireState, step: Step & { kind: 'moreRows' }, group: GroupField, today: string): QuestionnaireState {
  const path = parsePath(step.path);
  const answers = structuredClone(state.answers);
  const rows = getAt(answers, path);
  if (Array.isArray(rows)) rows.length = Math.min(rows.length, Math.max(step.rows, group.repeat?.min ?? 0));
  if (!group.required && (!Array.isArray(rows) || rows.length === 0)) deleteAt(answers, path);
  return moveOn(form, { ...state, answers, visited: forgetRows(state.visited, step.path, step.rows) }, step, today);
}
