import type { Field, FormDef } from '../field.js';
import { problemText } from './display.js';
import { hasValue, isRecord, parsePath, type Path } from './paths.js';
import { HISTORY_LIMIT, isLocked, keyPath, sameStep, stepKey, SUMMARY, type QuestionnaireState, type Step } from './state.js';
import { failedCheckOnLeaving, following, indexOfStep, nearestStep, stepsOf } from './steps.js';

/** Moving from one question to the next, and the bookkeeping that goes with it. */

export function pushHistory(history: readonly Step[], step: Step): Step[] {
  const last = history[history.length - 1];
  const next = last && sameStep(last, step) ? [...history] : [...history, step];
  return next.slice(-HISTORY_LIMIT);
}

/** Forgets that the questions inside `path` were answered, so they are asked again if they come back. */
export function forget(visited: readonly string[], path: string): string[] {
  return visited.filter((key) => !keyPath(key).startsWith(`${path}.`));
}

/** Forgets the rows of a repeated section from `from` on, and the "add another?" asked after them. */
export function forgetRows(visited: readonly string[], group: string, from: number): string[] {
  return visited.filter((key) => {
    const path = keyPath(key);
    if (key.startsWith('moreRows:') && path === group) return Number(key.slice(key.indexOf('#') + 1)) <= from;
    if (!path.startsWith(`${group}.`)) return true;
    const row = Number(path.slice(group.length + 1).split('.')[0]);
    return !(row >= from);
  });
}

/**
 * After the question `from` was answered (the answer is already in `state`): marks it answered
 * and goes to the next question, unless leaving a group finds one of its checks failing, which
 * sends the citizen back to the field the check names, with the check's explanation.
 */
export function moveOn(form: FormDef, state: QuestionnaireState, from: Step, today: string): QuestionnaireState {
  const done: QuestionnaireState = { ...state, visited: addKey(state.visited, stepKey(from)), notice: null };
  const steps = stepsOf(form, done);
  const next = following(steps, done, from);
  const problem = failedCheckOnLeaving(form, done.answers, from, next, today);
  const target = problem ? nearestStep(steps, problem.path) : undefined;
  if (problem && target) {
    return {
      ...done,
      at: target,
      history: pushHistory(done.history, from),
      notice: problemText(form, parsePath(problem.path), problem.expected),
      // While editing, fixing the named field is what is left to do before the summary.
      scope: done.scope === null ? null : target.path,
    };
  }
  if (next.kind === 'summary') return arriveAtSummary(form, { ...done, history: pushHistory(done.history, from) });
  return { ...done, at: next, history: pushHistory(done.history, from) };
}

export function arriveAtSummary(form: FormDef, state: QuestionnaireState): QuestionnaireState {
  const answers = structuredClone(state.answers);
  const dropped: string[] = [];
  prune(form.fields, answers, [], state, dropped);
  const visited = dropped.reduce<readonly string[]>((v, path) => forget(v, path), state.visited);
  return { ...state, answers, visited: [...visited], at: SUMMARY, scope: null };
}

/**
 * Leaves out what was opened and never filled: an optional section the citizen said yes to and
 * then backed out of, a row added and left empty. Rows the form requires stay, for the core to
 * name their missing fields.
 */
function prune(fields: readonly Field[], container: Record<string, unknown>, prefix: Path, state: QuestionnaireState, dropped: string[]): void {
  for (const f of fields) {
    if (f.kind !== 'group') continue;
    const path = [...prefix, f.id];
    const dotted = path.join('.');
    const value = container[f.id];
    if (f.repeat && Array.isArray(value)) {
      value.forEach((row, i) => isRecord(row) && prune(f.fields, row, [...path, i], state, dropped));
      while (value.length > f.repeat.min && !hasValue(value[value.length - 1])) {
        value.pop();
        dropped.push(`${dotted}.${value.length}`);
      }
      if (value.length === 0 && !f.required) delete container[f.id];
    } else if (isRecord(value)) {
      prune(f.fields, value, path, state, dropped);
      if (!f.required && !hasValue(value) && !isLocked(state, dotted)) {
        delete container[f.id];
        dropped.push(dotted);
      }
    }
  }
}

function addKey(visited: readonly string[], key: string): string[] {
  return visited.includes(key) ? [...visited] : [...visited, key];
}

/**
 * The question "back" returns to: the latest one asked that the form still asks (a section the
 * citizen has since declined, or a row since removed, is passed over), or the summary.
 */
export function backTarget(form: FormDef, state: QuestionnaireState): { at: Step; history: Step[] } | undefined {
  const steps = stepsOf(form, state);
  const history = [...state.history];
  while (history.length > 0) {
    const previous = history.pop()!;
    if (sameStep(previous, state.at)) continue;
    if (previous.kind === 'summary' || indexOfStep(steps, previous) >= 0) return { at: previous, history };
  }
  return undefined;
}
