import { fieldAt, type Field, type FormDef, type GroupField } from '../../core/forms/field.js';
import type { Text } from '../../core/i18n/text.js';
import {
  getAt, isLocked, isRecord, joinPath, parsePath, stepKey, SUMMARY, within,
  type Path, type QuestionnaireState, type Step,
} from './state.js';

/**
 * The questions of a form in the order they are asked, given the answers so far: an optional
 * section contributes its "fill it in?" question and, once the citizen said yes, its fields; a
 * repeated section one set of fields per row and an "add another?" after each row while the
 * rows allow one. The list is worked out afresh from the state each time, so nothing in the
 * stored state can disagree with it.
 */
export function stepsOf(form: FormDef, state: Pick<QuestionnaireState, 'answers' | 'locked'>): Step[] {
  const out: Step[] = [];
  addSteps(form.fields, [], state, out);
  return out;
}

function addSteps(fields: readonly Field[], prefix: Path, state: Pick<QuestionnaireState, 'answers' | 'locked'>, out: Step[]): void {
  for (const f of fields) {
    const path = [...prefix, f.id];
    const dotted = joinPath(path);
    if (isLocked(state, dotted)) continue;
    if (f.kind !== 'group') {
      out.push({ kind: 'field', path: dotted });
    } else if (f.repeat) {
      const given = getAt(state.answers, path);
      const rows = Math.max(Array.isArray(given) ? given.length : 0, f.repeat.min);
      // Asked before the first row when rows are optional; kept once rows exist, so "back" from the first row returns to it.
      if (f.repeat.min === 0 && f.repeat.max > 0) out.push({ kind: 'moreRows', path: dotted, rows: 0 });
      for (let i = 0; i < rows; i++) {
        addSteps(f.fields, [...path, i], state, out);
        if (i + 1 >= f.repeat.min && i + 1 < f.repeat.max) out.push({ kind: 'moreRows', path: dotted, rows: i + 1 });
      }
    } else {
      if (!f.required) out.push({ kind: 'enterGroup', path: dotted });
      if (f.required || isRecord(getAt(state.answers, path))) addSteps(f.fields, path, state, out);
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
  const index = indexOfStep(steps, from);
  const later = steps.slice(index + 1);
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

export interface CheckProblem {
  /** The sub-field the check names, e.g. 'applicant.birthDate'. */
  readonly path: string;
  readonly expected: Text;
}

/**
 * A group's cross-field checks run when the citizen leaves the group (or one row of it): the
 * step just answered lies inside, the next one outside. Innermost group first.
 */
export function failedCheckOnLeaving(form: FormDef, answers: Record<string, unknown>, from: Step, to: Step, today: string): CheckProblem | null {
  if (from.kind === 'summary') return null;
  const path = parsePath(from.path);
  for (let end = path.length - 1; end >= 1; end--) {
    const groupPath = path.slice(0, end);
    const dotted = joinPath(groupPath);
    if (to.kind !== 'summary' && within(to.path, dotted)) continue;
    const group = groupAt(form, groupPath);
    const value = getAt(answers, groupPath);
    if (!group?.checks || !isRecord(value)) continue;
    const failed = group.checks.find((check) => !check.test(value, today));
    if (failed) return { path: `${dotted}.${failed.field}`, expected: failed.expected };
  }
  return null;
}

/** The group whose fields sit at this path: a section, or one row of a repeated section. */
function groupAt(form: FormDef, path: Path): GroupField | undefined {
  const field = fieldAt(form, path);
  if (field?.kind !== 'group') return undefined;
  const rowPath = typeof path[path.length - 1] === 'number';
  return rowPath === Boolean(field.repeat) ? field : undefined;
}
