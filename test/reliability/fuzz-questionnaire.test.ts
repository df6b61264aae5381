import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  answer, back, CONFIRM, confirm, EDIT, editAt, editMenu, isAtSummary, prompt, skip, startQuestionnaire, summary,
  type Prompt, type QuestionnaireState,
} from '../../src/bot/questionnaire.js';
import type { FormDef } from '../../src/core/forms/field.js';
import { t } from '../../src/core/i18n/catalogue.js';
import type { Lang, Text } from '../../src/core/i18n/text.js';
import type { Result } from '../../src/core/result.js';
import { SERVICES } from '../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { fieldOf, langs, replay, runs, typedText, validAnswer, valueAt } from './fuzz-inputs.js';

const TODAY = '2026-11-20';

/**
 * Property-based fuzzing of every service's bot questionnaire: whatever a citizen types or
 * presses, in whatever order, nothing throws, every refusal names the field being asked in
 * Kazakh and in Russian, the state stays one the bot can store and ask from, and a citizen who
 * answers sensibly gets to the summary despite the odd mistake.
 */

type Action =
  | { readonly type: 'text'; readonly input: string }
  | { readonly type: 'button'; readonly pick: number }
  | { readonly type: 'valid' }
  | { readonly type: 'skip' }
  | { readonly type: 'back' }
  | { readonly type: 'edit'; readonly pick: number };

const chaosAction: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: typedText.map((input): Action => ({ type: 'text', input })), weight: 4 },
  { arbitrary: fc.nat(20).map((pick): Action => ({ type: 'button', pick })), weight: 2 },
  { arbitrary: fc.constant<Action>({ type: 'valid' }), weight: 3 },
  { arbitrary: fc.constant<Action>({ type: 'skip' }), weight: 1 },
  { arbitrary: fc.constant<Action>({ type: 'back' }), weight: 1 },
  { arbitrary: fc.nat(30).map((pick): Action => ({ type: 'edit', pick })), weight: 1 },
);

/** A citizen who mostly answers right: most runs of this profile must reach the summary. */
const diligentAction: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constant<Action>({ type: 'valid' }), weight: 14 },
  { arbitrary: typedText.map((input): Action => ({ type: 'text', input })), weight: 1 },
  { arbitrary: fc.nat(20).map((pick): Action => ({ type: 'button', pick })), weight: 1 },
  { arbitrary: fc.constant<Action>({ type: 'skip' }), weight: 1 },
);

const session = fc.oneof(
  fc.record({ diligent: fc.constant(false), lang: langs, prefillPhone: fc.boolean(), actions: fc.array(chaosAction, { minLength: 1, maxLength: 80 }) }),
  fc.record({ diligent: fc.constant(true), lang: langs, prefillPhone: fc.boolean(), actions: fc.array(diligentAction, { minLength: 90, maxLength: 160 }) }),
);

/** The field's own label, kk and ru, for the question a prompt asks (a section for enterGroup/moreRows). */
function labelOf(form: FormDef, p: Prompt): Text {
  const field = fieldOf(form, p.path);
  if (!field) throw new Error(`prompt names a path the form has not: ${p.path}`);
  return field.label;
}

/** A refusal to a question: non-empty, different in kk and ru, naming the field in both. */
function expectNamesField(form: FormDef, p: Prompt, refusal: Text): void {
  const label = labelOf(form, p);
  for (const lang of ['kk', 'ru'] as const) {
    expect(refusal[lang].trim().length, `${lang} refusal is empty`).toBeGreaterThan(0);
    expect(refusal[lang].startsWith('⚠️ '), refusal[lang]).toBe(true);
    expect(refusal[lang], `${lang} refusal does not name «${label[lang]}»`).toContain(label[lang]);
  }
  expect(refusal.kk).not.toBe(refusal.ru);
}

/** A state the bot can store and ask from, in both languages, within Telegram's limits. */
function expectWellFormed(form: FormDef, s: QuestionnaireState): Prompt {
  expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
  let asked: Prompt | undefined;
  for (const lang of ['kk', 'ru'] as const) {
    const p = prompt(form, s, lang, TODAY);
    expect(p.text.trim().length).toBeGreaterThan(0);
    expect(p.text.length).toBeLessThanOrEqual(4096);
    expect(p.buttons.flat().every((b) => b.label.length > 0 && Buffer.byteLength(b.value) <= 64)).toBe(true);
    if (p.kind !== 'summary') expect(p.text).toContain(labelOf(form, p)[lang]);
    if (lang === 'kk') asked = p;
  }
  if (isAtSummary(s)) for (const lang of ['kk', 'ru'] as const) expect(summary(form, s, lang).every((part) => part.length > 0 && part.length <= 4096)).toBe(true);
  return asked!;
}

/** A refused step leaves the state as it was: the same question is asked again. */
function step(form: FormDef, s: QuestionnaireState, p: Prompt, r: Result<QuestionnaireState, Text>): QuestionnaireState {
  if (r.ok) return r.value;
  if (p.kind === 'summary') {
    expect(r.error.kk).toBe(t('kk', 'botForm.atSummary'));
    expect(r.error.ru).toBe(t('ru', 'botForm.atSummary'));
  } else expectNamesField(form, p, r.error);
  return s;
}

/** The answer a sensible citizen gives to what is asked, following the service's example. */
function sensible(form: FormDef, s: QuestionnaireState, p: Prompt, example: Record<string, unknown>, lang: Lang): Result<QuestionnaireState, Text> {
  const given = valueAt(example, p.path);
  if (p.kind === 'enterGroup') return answer(form, s, given === undefined ? 'no' : 'yes', TODAY);
  if (p.kind === 'moreRows') {
    const have = valueAt(s.answers, p.path);
    const want = Array.isArray(given) ? given.length : 0;
    return answer(form, s, (Array.isArray(have) ? have.length : 0) < want ? 'more' : 'done', TODAY);
  }
  const field = fieldOf(form, p.path)!;
  if (given === undefined && p.canSkip) return skip(form, s, TODAY);
  return answer(form, s, validAnswer(field, given, lang), TODAY);
}

const stats = { diligent: 0, reached: 0, confirmed: 0, refusals: 0 };

afterAll(() => {
  // Printed so a change that makes the generator useless shows in the log as well as failing below.
  console.info(`questionnaire fuzz: ${stats.diligent} diligent runs, ${stats.reached} reached the summary, ${stats.confirmed} confirmed; ${stats.refusals} refusals checked`);
});

describe('every questionnaire, whatever the citizen sends', () => {
  for (const service of SERVICES) {
    const form = service.form;
    const example = exampleAnswers(service.id);
    const phone = valueAt(example, 'applicant.phone');

    it(`${service.id}: never throws, every refusal names the field in kk and ru, the state stays well-formed`, () => {
      let diligent = 0;
      let reached = 0;
      fc.assert(
        fc.property(session, ({ diligent: careful, lang, prefillPhone, actions }) => {
          let s = startQuestionnaire(form, prefillPhone && typeof phone === 'string' ? { prefill: { applicant: { phone } } } : {});
          let atSummary = false;
          for (const a of actions) {
            const p = expectWellFormed(form, s);
            const before = JSON.stringify(s);
            if (isAtSummary(s)) atSummary = true;
            if (isAtSummary(s) && (a.type === 'valid' || (a.type === 'button' && p.buttons.flat()[a.pick % 2]?.value === CONFIRM))) {
              const done = confirm(form, s, TODAY);
              if (done.ok) {
                stats.confirmed += 1;
                break;
              }
              // The whole-form check sends the citizen to the first field at fault, and names it.
              stats.refusals += 1;
              const target = prompt(form, done.error.state, 'kk', TODAY);
              if (target.kind !== 'summary') expectNamesField(form, target, done.error.message);
              s = done.error.state;
              continue;
            }
            let r: Result<QuestionnaireState, Text> | null = null;
            switch (a.type) {
              case 'text':
                r = answer(form, s, a.input, TODAY);
                break;
              case 'button': {
                const value = p.buttons.flat()[a.pick % Math.max(1, p.buttons.flat().length)]?.value;
                if (value === EDIT) s = editAt(form, s, editMenu(form, s, lang).find((e) => !e.isSection)?.value ?? '');
                else r = answer(form, s, value ?? '', TODAY);
                break;
              }
              case 'valid':
                r = sensible(form, s, p, example, lang);
                break;
              case 'skip':
                r = skip(form, s, TODAY);
                break;
              case 'back':
                s = back(form, s);
                break;
              case 'edit': {
                const entries = editMenu(form, s, lang);
                const entry = entries[a.pick % Math.max(1, entries.length)];
                if (entry) s = editAt(form, s, entry.isSection ? (editMenu(form, s, lang, entry.value)[0]?.value ?? entry.value) : entry.value);
                break;
              }
            }
            if (r) {
              if (!r.ok) {
                stats.refusals += 1;
                expect(JSON.stringify(s), 'a refusal changed the state').toBe(before);
              }
              s = step(form, s, p, r);
            }
          }
          expectWellFormed(form, s);
          if (isAtSummary(s)) atSummary = true;
          if (careful) {
            diligent += 1;
            if (atSummary) reached += 1;
          }
        }),
        { numRuns: runs(60, 100), ...replay },
      );
      stats.diligent += diligent;
      stats.reached += reached;
      // The generator must be able to get somewhere: most careful citizens reach the summary.
      expect(diligent).toBeGreaterThan(10);
      expect(reached / diligent).toBeGreaterThanOrEqual(0.5);
    });
  }
});
