import type { Field, FormDef } from '../../core/forms/field.js';
import type { Text } from '../../core/i18n/text.js';

/**
 * The questionnaire's state and the paths into its answers. Everything here is plain JSON: the
 * bot keeps the state in the store between two messages, and a restart must not lose a citizen
 * halfway through a form.
 */

export type Path = readonly (string | number)[];

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

/** 'employment.1.name' → ['employment', 1, 'name']; '' → []. */
export function parsePath(dotted: string): (string | number)[] {
  if (dotted === '') return [];
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function joinPath(path: Path): string {
  return path.join('.');
}

/** True when `path` is `scope` or lies under it. */
export function within(path: string, scope: string): boolean {
  return scope === '' || path === scope || path.startsWith(`${scope}.`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function getAt(root: unknown, path: Path): unknown {
  let value: unknown = root;
  for (const part of path) {
    if (typeof part === 'number' ? !Array.isArray(value) : !isRecord(value)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** Sets a value, making the objects and rows on the way (rows before it are filled with empty ones). */
export function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  let container: Record<string | number, unknown> = root;
  path.forEach((part, i) => {
    if (i === path.length - 1) {
      container[part] = value;
      return;
    }
    const nextIsRow = typeof path[i + 1] === 'number';
    let child = container[part];
    if (nextIsRow ? !Array.isArray(child) : !isRecord(child)) {
      child = nextIsRow ? [] : {};
      container[part] = child;
    }
    if (nextIsRow) {
      const rows = child as unknown[];
      while (rows.length < (path[i + 1] as number)) rows.push({});
    }
    container = child as Record<string | number, unknown>;
  });
}

export function deleteAt(root: Record<string, unknown>, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (isRecord(parent) && typeof last === 'string') delete parent[last];
}

/** An answer worth showing or submitting: not missing, not blank, not an empty section. */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasValue);
  if (isRecord(value)) return Object.values(value).some(hasValue);
  return true;
}

/** Filled from a verified source: the path or a section around it is locked, and it has a value. */
export function isLocked(state: Pick<QuestionnaireState, 'answers' | 'locked'>, path: string): boolean {
  return state.locked.some((l) => l !== '' && within(path, l)) && hasValue(getAt(state.answers, parsePath(path)));
}

/**
 * The answers of a section as the form has them: known fields only, scalars that JSON can hold,
 * required sections present (as `{}` or `[]`) so the core reports their missing fields one by one.
 */
export function shapeAnswers(fields: readonly Field[], given: unknown): Record<string, unknown> {
  const from = isRecord(given) ? given : {};
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = from[f.id];
    if (f.kind !== 'group') {
      if (typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) out[f.id] = v;
    } else if (f.repeat) {
      if (Array.isArray(v) && v.length > 0) out[f.id] = v.slice(0, f.repeat.max).map((row) => shapeAnswers(f.fields, row));
      else if (f.required) out[f.id] = [];
    } else if (isRecord(v) || f.required) {
      out[f.id] = shapeAnswers(f.fields, v);
    }
  }
  return out;
}

export function formAnswers(form: FormDef, given: unknown): Record<string, unknown> {
  return shapeAnswers(form.fields, given);
}
