import type { Field, FormDef } from '../../core/forms/field.js';
import { labelParts } from '../../core/forms/questionnaire/display.js';
import { backTarget } from '../../core/forms/questionnaire/move.js';
import { getAt, hasValue, isRecord } from '../../core/forms/questionnaire/paths.js';
import type { QuestionnaireState } from '../../core/forms/questionnaire/state.js';
import { indexOfStep, stepsOf } from '../../core/forms/questionnaire/steps.js';
import { asked, type Asked } from '../../core/forms/questionnaire/walk.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { clip, expectedText, oneLine, shown } from './display.js';
import { CONFIRM, EDIT, fillOrNot, KEEP, rowOptions, choiceOptions, type Option } from './input.js';

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
  const now = asked(form, state);
  const canBack = backTarget(form, state) !== undefined;
  if (now.kind === 'summary') {
    return {
      kind: 'summary', path: '', text: t(lang, 'botForm.atSummary'), canSkip: false, canBack,
      buttons: [[{ label: t(lang, 'botForm.button.confirm'), value: CONFIRM }], [{ label: t(lang, 'botForm.button.edit'), value: EDIT }]],
    };
  }
  const { step, field } = now;
  const steps = stepsOf(form, state);
  const lines: string[] = [];
  if (state.notice) lines.push(pick(state.notice, lang), '');
  const parts = labelParts(form, now.parts, lang);
  if (parts.length > 1) lines.push(t(lang, 'botForm.section', { path: parts.slice(0, -1).join(' › ') }));
  const label = pick(field.label, lang);
  lines.push(now.kind === 'field' ? t(lang, 'botForm.question', { label }) : t(lang, 'botForm.section', { path: label }));
  if (field.hint) lines.push(t(lang, 'botForm.hint', { hint: pick(field.hint, lang) }));
  const { body, buttons } = now.kind === 'field' ? fieldBody(field, getAt(state.answers, now.parts), lang, today) : groupBody(now, state, lang);
  lines.push(...body);
  lines.push(t(lang, 'botForm.step', { n: indexOfStep(steps, step) + 1, total: steps.length }));
  return {
    kind: now.kind,
    path: step.path,
    text: clip(lines.join('\n'), MESSAGE_LIMIT),
    buttons,
    canSkip: now.kind === 'field' && !field.required,
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
    body.push(t(lang, 'botForm.current', { value: oneLine(shown(field, current, lang), 300) }));
    buttons.push([{ label: t(lang, 'botForm.keep'), value: KEEP }]);
  }
  return { body, buttons };
}

function groupBody(now: Asked & { kind: 'enterGroup' | 'moreRows' }, state: QuestionnaireState, lang: Lang): Body {
  if (now.kind === 'moreRows') {
    const max = now.field.repeat?.max ?? 0;
    const body = [now.rows === 0 ? t(lang, 'botForm.rows.first', { max }) : t(lang, 'botForm.rows.next', { count: now.rows, max })];
    return { body, buttons: rowOptions(now.rows).map((o) => [button(o, lang, false)]) };
  }
  const entered = isRecord(getAt(state.answers, now.parts));
  return { body: [t(lang, 'botForm.group.question')], buttons: fillOrNot.map((o, i) => [button(o, lang, entered && i === 0)]) };
}

function button(option: Option, lang: Lang, selected: boolean): Button {
  const label = clip(pick(option.label, lang), 100);
  return { label: selected ? t(lang, 'botForm.selected', { label }) : label, value: option.value };
}
