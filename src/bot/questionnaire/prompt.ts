import { fieldAt, type Field, type FormDef } from '../../core/forms/field.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { clip, expectedText, labelParts, oneLine, showValue } from './display.js';
import { CONFIRM, EDIT, fillOrNot, KEEP, rowOptions, choiceOptions, type Option } from './input.js';
import { backTarget } from './move.js';
import { getAt, hasValue, isRecord, parsePath, type QuestionnaireState, type Step } from './state.js';
import { currentStep, indexOfStep, stepsOf } from './steps.js';

/** The message that asks the current question, and its answer buttons. */

/** Telegram refuses a message longer than this. */
export const MESSAGE_LIMIT = 4096;

export interface Button {
  readonly label: string;
  /** What answer() accepts for this button (short enough for Telegram's 64-byte callback data). */
  readonly value: string;
}

export interface Prompt {
  readonly kind: 'field' | 'enterGroup' | 'moreRows' | 'summary';
  /** Dotted path of what is asked, e.g. 'employment.0.fromYear'; the section for enterGroup and moreRows; '' at the summary. */
  readonly path: string;
  /** The whole message, in the reader's language; starts with the problem a group's check found, when it sent the citizen back here. */
  readonly text: string;
  readonly buttons: readonly (readonly Button[])[];
  /** Offer a "skip" button (skip() then succeeds). */
  readonly canSkip: boolean;
  /** Offer a "back" button (back() then moves). */
  readonly canBack: boolean;
}

export function buildPrompt(form: FormDef, state: QuestionnaireState, lang: Lang, today: string): Prompt {
  const step = currentStep(form, state);
  const canBack = backTarget(form, state) !== undefined;
  if (step.kind === 'summary') {
    return {
      kind: 'summary', path: '', text: t(lang, 'botForm.atSummary'), canSkip: false, canBack,
      buttons: [[{ label: t(lang, 'botForm.button.confirm'), value: CONFIRM }], [{ label: t(lang, 'botForm.button.edit'), value: EDIT }]],
    };
  }
  const field = fieldAt(form, parsePath(step.path));
  if (!field) return { kind: 'summary', path: '', text: t(lang, 'botForm.atSummary'), buttons: [], canSkip: false, canBack };
  const steps = stepsOf(form, state);
  const lines: string[] = [];
  if (state.notice) lines.push(pick(state.notice, lang), '');
  const parts = labelParts(form, parsePath(step.path), lang);
  if (parts.length > 1) lines.push(t(lang, 'botForm.section', { path: parts.slice(0, -1).join(' › ') }));
  const label = pick(field.label, lang);
  lines.push(step.kind === 'field' ? t(lang, 'botForm.question', { label }) : t(lang, 'botForm.section', { path: label }));
  if (field.hint) lines.push(t(lang, 'botForm.hint', { hint: pick(field.hint, lang) }));
  const { body, buttons } = step.kind === 'field' ? fieldBody(field, getAt(state.answers, parsePath(step.path)), lang, today) : groupBody(field, step, state, lang);
  lines.push(...body);
  lines.push(t(lang, 'botForm.step', { n: indexOfStep(steps, step) + 1, total: steps.length }));
  return {
    kind: step.kind,
    path: step.path,
    text: clip(lines.join('\n'), MESSAGE_LIMIT),
    buttons,
    canSkip: step.kind === 'field' && !field.required,
    canBack,
  };
}

interface Body {
  readonly body: string[];
  readonly buttons: Button[][];
}

function fieldBody(field: Field, current: unknown, lang: Lang, today: string): Body {
  const body: string[] = [];
  const options = choiceOptions(field);
  const buttons: Button[][] = [];
  if (field.kind === 'choice') {
    body.push(t(lang, 'botForm.chooseOne'));
    field.choices.forEach((c, i) => body.push(t(lang, 'botForm.option', { n: i + 1, label: pick(c.label, lang) })));
    buttons.push(...options.map((o) => [button(o, lang, o.value === current)]));
  } else if (field.kind === 'boolean') {
    buttons.push(options.map((o) => button(o, lang, (o.value === 'yes') === current)));
  } else {
    body.push(t(lang, 'botForm.howTo', { expected: pick(expectedText(field, today), lang) }));
  }
  if (!field.required) body.push(t(lang, 'botForm.optional'));
  if (hasValue(current) && field.kind !== 'choice' && field.kind !== 'boolean') {
    body.push(t(lang, 'botForm.current', { value: oneLine(showValue(field, current, lang), 300) }));
    buttons.push([{ label: t(lang, 'botForm.keep'), value: KEEP }]);
  }
  return { body, buttons };
}

function groupBody(field: Field, step: Step, state: QuestionnaireState, lang: Lang): Body {
  if (step.kind === 'moreRows' && field.kind === 'group') {
    const max = field.repeat?.max ?? 0;
    const body = [step.rows === 0 ? t(lang, 'botForm.rows.first', { max }) : t(lang, 'botForm.rows.next', { count: step.rows, max })];
    return { body, buttons: rowOptions(step.rows).map((o) => [button(o, lang, false)]) };
  }
  const entered = isRecord(getAt(state.answers, parsePath(step.path)));
  return { body: [t(lang, 'botForm.group.question')], buttons: fillOrNot.map((o, i) => [button(o, lang, entered && i === 0)]) };
}

function button(option: Option, lang: Lang, selected: boolean): Button {
  const label = clip(pick(option.label, lang), 100);
  return { label: selected ? t(lang, 'botForm.selected', { label }) : label, value: option.value };
}
