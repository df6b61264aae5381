import { fieldAt, type FormDef, type GroupField } from '../field.js';
import { formAnswers, newRow, shapeAnswers, type ScalarField } from './answers.js';
import { arriveAtSummary, backTarget, forget, forgetRows, moveOn } from './move.js';
import { deleteAt, getAt, hasValue, parsePath, setAt, withAnswer, type Path } from './paths.js';
import { SUMMARY, type QuestionnaireState, type Step } from './state.js';
import { currentStep, stepsOf } from './steps.js';

/**
 * The questionnaire asked one question at a time, as pure functions over a state that is plain
 * JSON: what is asked now, and the state after an answer, a skip, a yes/no to an optional
 * section, an "add another row?" or "back". A front-end turns what the person typed or pressed
 * into one of these and words the question; it decides nothing about the order.
 */

export interface StartOptions {
  /** Answers known beforehand (e.g. from the citizen's last request), asked with a "keep it" button. */
  readonly prefill?: Record<string, unknown>;
  /** Dotted paths filled from a verified source (e.g. 'applicant.phone'): never asked, marked as confirmed, not editable. */
  readonly locked?: readonly string[];
}

export function startWalk(form: FormDef, options: StartOptions = {}): QuestionnaireState {
  const answers = formAnswers(form, options.prefill ?? {});
  // A path with nothing filled in is asked like any other: there is nothing to confirm.
  const locked = (options.locked ?? []).filter((p) => p !== '' && hasValue(getAt(answers, parsePath(p))));
  const state: QuestionnaireState = { answers, at: SUMMARY, history: [], visited: [], locked, scope: null, notice: null };
  const first = stepsOf(form, state)[0];
  return first ? { ...state, at: first } : arriveAtSummary(form, state);
}

/** What is asked now, with the definition it asks about. */
export type Asked =
  | { readonly kind: 'summary' }
  | { readonly kind: 'field'; readonly step: Step; readonly parts: Path; readonly field: ScalarField }
  | { readonly kind: 'enterGroup'; readonly step: Step; readonly parts: Path; readonly field: GroupField }
  | { readonly kind: 'moreRows'; readonly step: Step; readonly parts: Path; readonly field: GroupField; readonly rows: number };

export function asked(form: FormDef, state: QuestionnaireState): Asked {
  const step = currentStep(form, state);
  const parts = parsePath(step.path);
  const field = step.kind === 'summary' ? undefined : fieldAt(form, parts);
  if (!field || step.kind === 'summary') return { kind: 'summary' };
  if (field.kind !== 'group') return step.kind === 'field' ? { kind: 'field', step, parts, field } : { kind: 'summary' };
  if (step.kind === 'enterGroup') return { kind: 'enterGroup', step, parts, field };
  if (step.kind === 'moreRows') return { kind: 'moreRows', step, parts, field, rows: step.rows };
  return { kind: 'summary' };
}

/** The answer (already read and normalised) to the field asked, and on to the next question. */
export function answerField(form: FormDef, state: QuestionnaireState, at: Asked & { kind: 'field' }, value: unknown, today: string): QuestionnaireState {
  const answers = withAnswer(state.answers, at.parts, value);
  return moveOn(form, { ...state, at: at.step, answers }, at.step, today);
}

/** Leaves the (optional) field asked empty. */
export function skipField(form: FormDef, state: QuestionnaireState, at: Asked & { kind: 'field' }, today: string): QuestionnaireState {
  const answers = withAnswer(state.answers, at.parts, undefined);
  return moveOn(form, { ...state, at: at.step, answers }, at.step, today);
}

/** Yes or no to "fill in this optional section?"; no removes what was typed in it. */
export function decideSection(form: FormDef, state: QuestionnaireState, at: Asked & { kind: 'enterGroup' }, fill: boolean, today: string): QuestionnaireState {
  const answers = structuredClone(state.answers);
  if (fill) {
    setAt(answers, at.parts, shapeAnswers(at.field.fields, getAt(answers, at.parts)));
    return moveOn(form, { ...state, at: at.step, answers }, at.step, today);
  }
  deleteAt(answers, at.parts);
  return moveOn(form, { ...state, at: at.step, answers, visited: forget(state.visited, at.step.path) }, at.step, today);
}

/** Yes or no to "add another row?"; no drops the rows past this point (down to the minimum). */
export function decideRows(form: FormDef, state: QuestionnaireState, at: Asked & { kind: 'moreRows' }, more: boolean, today: string): QuestionnaireState {
  const answers = structuredClone(state.answers);
  const rows = getAt(answers, at.parts);
  const count = Array.isArray(rows) ? rows.length : 0;
  const repeat = at.field.repeat ?? { min: 0, max: 0 };
  if (more) {
    // Back at an "add another?" already answered yes, the row it added is still there.
    if (count <= at.rows && count < repeat.max) setAt(answers, [...at.parts, count], newRow(at.field));
    return moveOn(form, { ...state, at: at.step, answers }, at.step, today);
  }
  if (Array.isArray(rows)) rows.length = Math.min(rows.length, Math.max(at.rows, repeat.min));
  if (!at.field.required && (!Array.isArray(rows) || rows.length === 0)) deleteAt(answers, at.parts);
  return moveOn(form, { ...state, at: at.step, answers, visited: forgetRows(state.visited, at.step.path, at.rows) }, at.step, today);
}

/** To the previous question actually asked; at the first question, unchanged. */
export function goBack(form: FormDef, state: QuestionnaireState): QuestionnaireState {
  const target = backTarget(form, state);
  if (!target) return state;
  const moved: QuestionnaireState = { ...state, at: target.at, history: target.history, notice: null };
  // Backing out of an edit drops what it opened and left empty (a row added, a section said yes to).
  return target.at.kind === 'summary' ? arriveAtSummary(form, moved) : moved;
}
