import { fieldAt, type FormDef } from '../core/forms/field.js';
import { confirmWalk } from '../core/forms/questionnaire/confirm.js';
import { message, problemText } from '../core/forms/questionnaire/display.js';
import { removeRowAt, startEdit } from '../core/forms/questionnaire/edit.js';
import { getAt, hasValue, isRecord, parsePath } from '../core/forms/questionnaire/paths.js';
import type { QuestionnaireState } from '../core/forms/questionnaire/state.js';
import {
  answerField, asked, decideRows, decideSection, goBack, skipField, startWalk, type StartOptions,
} from '../core/forms/questionnaire/walk.js';
import { catalogue } from '../core/i18n/catalogue.js';
import { fill, pick, type Lang, type Text } from '../core/i18n/text.js';
import { fail, ok, type FieldProblem, type Result } from '../core/result.js';
import { expectedText } from './questionnaire/display.js';
import { editEntries, REMOVE_ROW, type EditEntry } from './questionnaire/edit.js';
import { fillOrNot, interpret, matchOption, MORE, optionsText, rowOptions, YES } from './questionnaire/input.js';
import { buildPrompt, type Prompt } from './questionnaire/prompt.js';
import { summaryParts } from './questionnaire/summary.js';

/**
 * The citizen bot's questionnaire, one question at a time, over the core's questionnaire model
 * (core/forms/questionnaire: the order of questions, optional sections, rows, checks). This
 * facade only reads what the citizen typed or pressed and words the replies: the telegraf wiring
 * sends `prompt()`, passes what the citizen typed or pressed to `answer()`, and offers skip and
 * back as the prompt allows. At the summary it sends `summary()` and, on "edit", the
 * `editMenu()`; `confirm()` runs the whole-form check and hands back the answers to submit.
 */

export type { Path } from '../core/forms/questionnaire/paths.js';
export type { QuestionnaireState } from '../core/forms/questionnaire/state.js';
export type { StartOptions } from '../core/forms/questionnaire/walk.js';
export type { Button, Prompt } from './questionnaire/prompt.js';
export type { EditEntry } from './questionnaire/edit.js';
/** Button values at the summary: the wiring calls confirm() for CONFIRM and shows editMenu() for EDIT. */
export { CONFIRM, EDIT, KEEP } from './questionnaire/input.js';

export function startQuestionnaire(form: FormDef, options: StartOptions = {}): QuestionnaireState {
  return startWalk(form, options);
}

export function prompt(form: FormDef, state: QuestionnaireState, lang: Lang, today: string): Prompt {
  return buildPrompt(form, state, lang, today);
}

/**
 * Text typed or a button value. On a bad answer: fail with the message to send (names the field
 * and says what is expected), state unchanged; send it, then the prompt again.
 */
export function answer(form: FormDef, state: QuestionnaireState, input: string, today: string): Result<QuestionnaireState, Text> {
  const now = asked(form, state);
  switch (now.kind) {
    case 'summary':
      return fail(message('botForm.atSummary'));
    case 'enterGroup': {
      const choice = matchOption(fillOrNot, input);
      if (choice === undefined) return fail(problemText(form, now.parts, optionsText(fillOrNot)));
      return ok(decideSection(form, state, now, choice === YES, today));
    }
    case 'moreRows': {
      const options = rowOptions(now.rows);
      const choice = matchOption(options, input);
      if (choice === undefined) return fail(problemText(form, now.parts, optionsText(options)));
      return ok(decideRows(form, state, now, choice === MORE, today));
    }
    case 'field': {
      const value = interpret(now.field, input, getAt(state.answers, now.parts), today);
      if (!value.ok) return fail(problemText(form, now.parts, value.error));
      return ok(answerField(form, state, now, value.value, today));
    }
  }
}

/** Leaves an optional field empty; fails (naming the field) when the field is required. */
export function skip(form: FormDef, state: QuestionnaireState, today: string): Result<QuestionnaireState, Text> {
  const now = asked(form, state);
  switch (now.kind) {
    case 'summary':
      return fail(message('botForm.atSummary'));
    case 'enterGroup':
      return ok(decideSection(form, state, now, false, today));
    case 'moreRows':
      return ok(decideRows(form, state, now, false, today));
    case 'field': {
      if (!now.field.required) return ok(skipField(form, state, now, today));
      const expected = expectedText(now.field, today);
      return fail(problemText(form, now.parts, message('botForm.cannotSkip', (lang) => ({ expected: pick(expected, lang) }))));
    }
  }
}

/** To the previous question actually asked; at the first question, unchanged. */
export function back(form: FormDef, state: QuestionnaireState): QuestionnaireState {
  return goBack(form, state);
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

/** Asks the field (or every field of a row or section) at path again, then returns to the summary; `<row>.-` removes the row. */
export function editAt(form: FormDef, state: QuestionnaireState, path: string): QuestionnaireState {
  const removal = `.${REMOVE_ROW}`;
  return path.endsWith(removal) ? removeRowAt(form, state, path.slice(0, -removal.length)) : startEdit(form, state, path);
}

/** The answers given so far, blank ones left out (the answers to submit come from confirm()). */
export function answersOf(state: QuestionnaireState): Record<string, unknown> {
  const cleaned = clean(state.answers);
  return isRecord(cleaned) ? cleaned : {};
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((row) => clean(row) ?? {});
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v)]).filter(([, v]) => v !== undefined));
  return hasValue(value) ? value : undefined;
}

/**
 * The whole-form check, with the cross-field checks. On failure the state moves to the first
 * problem field, in the order the form asks them, and the message names it; once fixed, the walk
 * returns to the summary. A problem the citizen cannot reach (a locked field) leaves the state
 * at the summary.
 */
export function confirm(form: FormDef, state: QuestionnaireState, today: string): Result<{ answers: Record<string, unknown> }, { state: QuestionnaireState; message: Text }> {
  const checked = confirmWalk(form, state, today);
  if (checked.ok) return ok({ answers: checked.value });
  const { problem } = checked.error;
  const text = problem ? problemMessage(form, state, problem, today) : message('form.invalid', () => ({ count: 1 }));
  return fail({ state: checked.error.state, message: text });
}

function problemMessage(form: FormDef, state: QuestionnaireState, problem: FieldProblem, today: string): Text {
  const path = parsePath(problem.path);
  const field = fieldAt(form, path);
  if (!field) return message('form.problemAt', (lang) => ({ label: pick(problem.label, lang), expected: pick(problem.expected, lang) }));
  // The core names a missing choice by its stored values (PARENT); a citizen knows the labels.
  if (field.kind !== 'group' && !hasValue(getAt(state.answers, path))) {
    const expected = expectedText(field, today);
    const required = catalogue['form.required'];
    return problemText(form, path, { kk: fill(required.kk, { expected: expected.kk }), ru: fill(required.ru, { expected: expected.ru }) });
  }
  return problemText(form, path, problem.expected);
}
