import type { Text } from '../../i18n/text.js';
import { getAt, hasValue, parsePath, within } from './paths.js';

/**
 * A questionnaire answered one question at a time (the citizen bot; any front-end that asks
 * step by step). Everything here is plain JSON: the bot keeps the state in the store between two
 * messages, and a restart must not lose a citizen halfway through a form. The shape is stored
 * in chats in progress: change it only with a reader for the old one.
 */

/** One question of the walk, named by the dotted path of what it asks. */
export type Step =
  | { readonly kind: 'field'; readonly path: string }
  /** "Fill in this optional section?" */
  | { readonly kind: 'enterGroup'; readonly path: string }
  /** "Add a row?" asked when the repeated group at `path` has `rows` rows. */
  | { readonly kind: 'moreRows'; readonly path: string; readonly rows: number }
  | { readonly kind: 'summary'; readonly path: '' };

export interface QuestionnaireState {
  /** Nested like the form: `{ applicant: { iin: … }, employment: [{ … }] }`; values as the core normalises them. */
  readonly answers: Record<string, unknown>;
  readonly at: Step;
  /** The questions asked before this one, latest last: what "back" returns to. */
  readonly history: readonly Step[];
  /** Keys (stepKey) of the questions answered or skipped: the walk goes on at the first one not yet in here. */
  readonly visited: readonly string[];
  /** Dotted paths filled from a verified source: never asked, not editable. */
  readonly locked: readonly string[];
  /** While editing from the summary: the path being asked again; leaving it returns to the summary. */
  readonly scope: string | null;
  /** A group's cross-field check that sent the citizen back to this question. */
  readonly notice: Text | null;
}

export const SUMMARY: Step = { kind: 'summary', path: '' };

/** At most this many steps are remembered for "back", so a long session does not grow the stored state for ever. */
export const HISTORY_LIMIT = 200;

export function stepKey(step: Step): string {
  return step.kind === 'moreRows' ? `moreRows:${step.path}#${step.rows}` : `${step.kind}:${step.path}`;
}

/** The path a visited key is about ('' for the summary). */
export function keyPath(key: string): string {
  const path = key.slice(key.indexOf(':') + 1);
  const hash = path.indexOf('#');
  return hash < 0 ? path : path.slice(0, hash);
}

export function sameStep(a: Step, b: Step): boolean {
  return stepKey(a) === stepKey(b);
}

/** Filled from a verified source: the path or a section around it is locked, and it has a value. */
export function isLocked(state: Pick<QuestionnaireState, 'answers' | 'locked'>, path: string): boolean {
  return state.locked.some((l) => l !== '' && within(path, l)) && hasValue(getAt(state.answers, parsePath(path)));
}
