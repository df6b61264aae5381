import type { FieldProblem, Result } from '../../result.js';
import { fail, ok } from '../../result.js';
import { fieldAt, type FormDef } from '../field.js';
import { validateAnswer } from '../validate.js';
import { checkAnswers } from './check.js';
import { pushHistory } from './move.js';
import { getAt, parsePath, within } from './paths.js';
import { isLocked, type QuestionnaireState, type Step } from './state.js';
import { indexOfStep, nearestStep, stepsOf } from './steps.js';

export interface Unconfirmed {
  /** At the question to fix, or, when no question can fix it, as it was. */
  readonly state: QuestionnaireState;
  /** The first problem in the order the form asks its questions. */
  readonly problem?: FieldProblem;
}

/**
 * The whole-form check (validateForm), with the cross-field checks. On failure the state moves to
 * the first problem field, in the order the form asks them; once fixed, the walk returns to the
 * summary. A problem the citizen cannot reach (a locked field) leaves the state at the summary.
 */
export function confirmWalk(form: FormDef, state: QuestionnaireState, today: string): Result<Record<string, unknown>, Unconfirmed> {
  const checked = checkAnswers(form, state.answers, today);
  if (checked.ok) return ok(checked.value);
  const steps = stepsOf(form, state);
  const rank = (t: Step | undefined) => (t ? indexOfStep(steps, t) : Number.MAX_SAFE_INTEGER);
  const first = checked.error
    .map((problem) => ({ problem, target: targetOf(form, state, steps, problem.path, today) }))
    .sort((a, b) => rank(a.target) - rank(b.target))[0];
  if (!first?.target) return fail({ state, ...(first ? { problem: first.problem } : {}) });
  // A whole section or row at fault is asked again in full; a field alone, on its own.
  const scope = within(first.target.path, first.problem.path) ? first.problem.path : first.target.path;
  return fail({ state: { ...state, at: first.target, scope, notice: null, history: pushHistory(state.history, state.at) }, problem: first.problem });
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
