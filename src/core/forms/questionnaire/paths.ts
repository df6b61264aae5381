/**
 * Paths into a questionnaire's answers: nested like the form, `{ applicant: { iin: … },
 * employment: [{ … }] }`, a path naming rows by position ('employment.1.name'). Every front-end
 * keeps its answers in this one shape, so the walk, the checks and the summary read them alike.
 */

export type Path = readonly (string | number)[];

/** 'employment.1.name' → ['employment', 1, 'name']; '' → []. */
export function parsePath(dotted: string): (string | number)[] {
  if (dotted === '') return [];
  return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function joinPath(path: Path): string {
  return path.join('.');
}

/** True when `path` is `scope` or lies under it ('' is the whole form). */
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

/** Removes a named answer or section (a row is removed with removeRow in answers.ts). */
export function deleteAt(root: Record<string, unknown>, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (isRecord(parent) && typeof last === 'string') delete parent[last];
}

/**
 * The answers with `value` at `path` (undefined removes it), leaving `root` as it was: only the
 * sections and rows on the path are copied, so a keystroke does not copy the whole form.
 */
export function withAnswer(root: Record<string, unknown>, path: Path, value: unknown): Record<string, unknown> {
  const out = { ...root };
  let from: unknown = root;
  let into: Record<string | number, unknown> = out;
  for (const part of path.slice(0, -1)) {
    const child = Array.isArray(from) || isRecord(from) ? (from as Record<string | number, unknown>)[part] : undefined;
    const copy = Array.isArray(child) ? [...child] : isRecord(child) ? { ...child } : undefined;
    // Beyond this point nothing exists yet: setAt makes it.
    if (copy === undefined) break;
    into[part] = copy;
    into = copy as Record<string | number, unknown>;
    from = child;
  }
  if (value === undefined) deleteAt(out, path);
  else setAt(out, path, value);
  return out;
}

/** An answer worth showing or submitting: not missing, not blank, not an empty section. */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasValue);
  if (isRecord(value)) return Object.values(value).some(hasValue);
  return true;
}

/** Dotted paths of every answer given (not blank), e.g. ['applicant.iin', 'employment.0.name']. */
export function filledPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value) || isRecord(value)) {
    return Object.entries(value).flatMap(([key, v]) => filledPaths(v, prefix === '' ? key : `${prefix}.${key}`));
  }
  return prefix !== '' && hasValue(value) ? [prefix] : [];
}
