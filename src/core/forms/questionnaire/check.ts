import type { Text } from '../../i18n/text.js';
import { fail, ok, type FieldProblem, type Result } from '../../result.js';
import { fieldAt, type FormDef, type GroupField } from '../field.js';
import { validateForm } from '../validate.js';
import { answerPath, collect } from './answers.js';
import { getAt, isRecord, joinPath, type Path } from './paths.js';

/**
 * The whole-form check over answers being filled in: the core's validateForm on the collected
 * object, its problems named by their paths in the answers (a blank row dropped before the
 * check does not shift the rows after it).
 */
export function checkAnswers(form: FormDef, answers: Record<string, unknown>, today: string): Result<Record<string, unknown>, readonly FieldProblem[]> {
  const { values, kept } = collect(form, answers);
  const checked = validateForm(form, values, today);
  if (checked.ok) return ok(checked.value);
  return fail((checked.error.fields ?? []).map((p) => ({ ...p, path: answerPath(p.path, kept) })));
}

export interface CheckProblem {
  /** The sub-field the check names, e.g. 'applicant.birthDate'. */
  readonly path: string;
  readonly expected: Text;
}

/**
 * The first cross-field check of the group at `group` (a section, or one row of a repeated
 * section) that its answers fail, e.g. a birth date that disagrees with the IIN.
 */
export function failedGroupCheck(form: FormDef, answers: Record<string, unknown>, group: Path, today: string): CheckProblem | null {
  const def = groupAt(form, group);
  const value = getAt(answers, group);
  if (!def?.checks || !isRecord(value)) return null;
  const failed = def.checks.find((check) => !check.test(value, today));
  return failed ? { path: `${joinPath(group)}.${failed.field}`, expected: failed.expected } : null;
}

/** The group whose fields sit at this path: a section, or one row of a repeated section. */
function groupAt(form: FormDef, path: Path): GroupField | undefined {
  const field = fieldAt(form, path);
  if (field?.kind !== 'group') return undefined;
  const rowPath = typeof path[path.length - 1] === 'number';
  return rowPath === Boolean(field.repeat) ? field : undefined;
}
