import type { FormDef } from '../field.js';
import { failedGroupCheck, type CheckProblem } from './check.js';
import { outline, type OutlineNode } from './outline.js';
import { joinPath, parsePath, within } from './paths.js';
import { isLocked, stepKey, SUMMARY, type QuestionnaireState, type Step } from './state.js';

/**
 * The questions of a form in the order they are asked, given the answers so far: an optional
 * section contributes its "fill it in?" question and, once the citizen said yes, its fields; a
 * repeated section one set of fields per row and an "add another?" after each row while the
 * rows allow one. The list is worked out afresh from the state each time, so nothing in the
 * stored state can disagree with it.
 */
export function stepsOf(form: FormDef, state: Pick<QuestionnaireState, 'answers' | 'locked'>): Step[] {
  return outline(form, state.answers, { sections: 'entered', hidden: (path) => isLocked(state, path) }).flatMap(stepOf);
}

function stepOf(node: OutlineNode): Step[] {
  switch (node.kind) {
    case 'field':
      return [{ kind: 'field', path: node.path }];
    case 'section':
      return node.field.required || node.field.repeat ? [] : [{ kind: 'enterGroup', path: node.path }];
    case 'row':
      return [];
    case 'addRow': {
      // Asked before the first row when rows are optional, and after each row while more are allowed.
      const { min, max } = node.field.repeat ?? { min: 0, max: 0 };
      return node.rows >= min && node.rows < max ? [{ kind: 'moreRows', path: node.path, rows: node.rows }] : [];
    }
  }
}

export function indexOfStep(steps: readonly Step[], step: Step): number {
  const key = stepKey(step);
  return steps.findIndex((s) => stepKey(s) === key);
}

/** The first question of a section (or the question itself), when it is asked at all. */
export function firstStepWithin(steps: readonly Step[], path: string): Step | undefined {
  return steps.find((s) => s.kind !== 'summary' && within(s.path, path));
}

/**
 * Where to send the citizen for a problem found on `path`: the question itself, or, when the
 * field is not asked (filled from a verified source), the nearest section around it that has a
 * question, e.g. the IIN typed by the citizen when the verified birth date disagrees with it.
 */
export function nearestStep(steps: readonly Step[], path: string): Step | undefined {
  const parts = parsePath(path);
  for (let end = parts.length; end >= 1; end--) {
    const dotted = joinPath(parts.slice(0, end));
    const found = steps.find((s) => s.path === dotted && s.kind !== 'moreRows') ?? firstStepWithin(steps, dotted);
    if (found) return found;
  }
  return undefined;
}

/**
 * Where the walk goes after `from`: while editing, the next question of the part being edited,
 * then the summary; otherwise the next question not yet answered (an answer given earlier is
 * kept, so going back to fix one question does not make the citizen answer the rest again).
 */
export function following(steps: readonly Step[], state: QuestionnaireState, from: Step): Step {
  const later = steps.slice(indexOfStep(steps, from) + 1);
  if (state.scope !== null) {
    const scope = state.scope;
    return later.find((s) => within(s.path, scope)) ?? SUMMARY;
  }
  const visited = new Set(state.visited);
  const fromKey = stepKey(from);
  return (
    later.find((s) => !visited.has(stepKey(s))) ??
    steps.find((s) => !visited.has(stepKey(s)) && stepKey(s) !== fromKey) ??
    SUMMARY
  );
}

/** The step the state is at; a state stored before the form changed falls back to the first open question. */
export function currentStep(form: FormDef, state: QuestionnaireState): Step {
  if (state.at.kind === 'summary') return SUMMARY;
  const steps = stepsOf(form, state);
  if (indexOfStep(steps, state.at) >= 0) return state.at;
  const visited = new Set(state.visited);
  return steps.find((s) => !visited.has(stepKey(s))) ?? SUMMARY;
}

/**
 * A group's cross-field checks run when the citizen leaves the group (or one row of it): the
 * step just answered lies inside, the next one outside. Innermost group first.
 */
export function failedCheckOnLeaving(form: FormDef, answers: Record<string, unknown>, from: Step, to: Step, today: string): CheckProblem | null {
  if (from.kind === 'summary') return null;
  const path = parsePath(from.path);
  for (let end = path.length - 1; end >= 1; end--) {
    const group = path.slice(0, end);
    if (to.kind !== 'summary' && within(to.path, joinPath(group))) continue;
    const problem = failedGroupCheck(form, answers, group, today);
    if (problem) return problem;
  }
  return null;
}
