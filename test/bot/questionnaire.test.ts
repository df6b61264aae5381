import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answer, answersOf, back, confirm, editAt, editMenu, isAtSummary, KEEP, prompt, skip, startQuestionnaire, summary,
  type Prompt, type QuestionnaireState,
} from '../../src/bot/questionnaire.js';
import type { Field, FormDef } from '../../src/core/forms/field.js';
import { validateForm } from '../../src/core/forms/validate.js';
import { t } from '../../src/core/i18n/catalogue.js';
import type { Lang, Text } from '../../src/core/i18n/text.js';
import { withCheckDigit } from '../../src/core/identity/iin.js';
import type { Result } from '../../src/core/result.js';
import { archiveCertificate } from '../../src/core/services/archive-certificate.js';
import { SERVICES } from '../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { guardianshipMinorDepositsInheritance } from '../../src/core/services/guardianship-minor-deposits-inheritance.js';
import { unemployedCertificate } from '../../src/core/services/unemployed-certificate.js';

const TODAY = '2026-03-10';
const BIN = withCheckDigit('99034000123')!;
const archive = archiveCertificate.form;
const unemployed = unemployedCertificate.form;

function valueOf<T>(r: Result<T, unknown>): T {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

function refusal<T>(r: Result<T, Text>): Text {
  if (r.ok) throw new Error('accepted');
  return r.error;
}

function at(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), root);
}

/** Every stored state must come back from the store exactly as it went in. */
function expectStorable(state: QuestionnaireState): void {
  expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
}

function ask(form: FormDef, state: QuestionnaireState, lang: Lang = 'kk'): Prompt {
  const p = prompt(form, state, lang, TODAY);
  expect(p.text.length).toBeLessThanOrEqual(4096);
  return p;
}

function typedChoice(form: FormDef, path: string, value: unknown, lang: Lang): string {
  const field = path.split('.').filter((p) => !/^\d+$/.test(p)).reduce<Field | undefined>(
    (f, id) => (f === undefined ? form.fields : f.kind === 'group' ? f.fields : []).find((x) => x.id === id), undefined);
  if (field?.kind !== 'choice') return String(value);
  const choice = field.choices.find((c) => c.value === value);
  return choice ? choice.label[lang === 'en' ? 'ru' : lang].toUpperCase() : String(value);
}

/**
 * Answers every question the way a citizen would, from a filled questionnaire: typed values
 * (choices by their label), the optional sections and rows it has; skips what it leaves out.
 */
function walk(form: FormDef, filled: Record<string, unknown>, lang: Lang, state = startQuestionnaire(form)): { state: QuestionnaireState; asked: string[] } {
  const asked: string[] = [];
  for (let i = 0; i < 300 && !isAtSummary(state); i++) {
    expectStorable(state);
    const p = ask(form, state, lang);
    asked.push(`${p.kind}:${p.path}`);
    const given = at(filled, p.path);
    let next: Result<QuestionnaireState, Text>;
    if (p.kind === 'field') {
      next = given === undefined ? skip(form, state, TODAY) : answer(form, state, typedChoice(form, p.path, given, lang), TODAY);
    } else if (p.kind === 'enterGroup') {
      next = answer(form, state, given === undefined ? 'no' : 'yes', TODAY);
    } else {
      const have = at(state.answers, p.path);
      const want = Array.isArray(given) ? given.length : 0;
      next = answer(form, state, (Array.isArray(have) ? have.length : 0) < want ? 'more' : 'done', TODAY);
    }
    state = valueOf(next);
  }
  expectStorable(state);
  return { state, asked };
}

describe('walking every service to the summary', () => {
  for (const service of SERVICES) {
    for (const lang of ['kk', 'ru'] as const) {
      it(`${service.id} (${lang}): the example answers, typed one by one, are what the core accepts`, () => {
        const example = exampleAnswers(service.id);
        const { state } = walk(service.form, example, lang);
        expect(isAtSummary(state)).toBe(true);
        const expected = valueOf(validateForm(service.form, example, TODAY));
        expect(valueOf(validateForm(service.form, answersOf(state), TODAY))).toEqual(expected);
        expect(valueOf(confirm(service.form, state, TODAY)).answers).toEqual(expected);
        const parts = summary(service.form, state, lang);
        expect(parts.every((p) => p.length <= 4096)).toBe(true);
        expect(parts[parts.length - 1]!.endsWith(t(lang, 'botForm.summary.confirm'))).toBe(true);
        const p = ask(service.form, state, lang);
        expect(p).toMatchObject({ kind: 'summary', canSkip: false, canBack: true });
        expect(p.buttons.flat().map((b) => b.value)).toEqual(['confirm', 'edit']);
      });
    }
  }

  it('asks in form order, one question at a time, with the section, hint, format and step count', () => {
    const { asked } = walk(unemployed, exampleAnswers('unemployed-certificate'), 'kk');
    expect(asked.slice(0, 3)).toEqual(['field:applicant.iin', 'field:applicant.lastName', 'field:applicant.firstName']);
    expect(asked.slice(-3)).toEqual(['enterGroup:representative', 'field:registration.registeredOn', 'field:registration.presentTo']);
    const first = ask(unemployed, startQuestionnaire(unemployed), 'kk');
    expect(first.text).toContain('Өтініш беруші');
    expect(first.text).toContain('ЖСН');
    expect(first.text).toContain('12 цифр, жеке куәлікте көрсетілген');
    expect(first.text).toContain('(қадам 1/15)');
    expect(first).toMatchObject({ kind: 'field', path: 'applicant.iin', canSkip: false, canBack: false, buttons: [] });
    const ru = ask(unemployed, startQuestionnaire(unemployed), 'ru');
    expect(ru.text).toContain('Заявитель');
    expect(ru.text).toContain('(шаг 1 из 15)');
  });

  it('shows the summary the way a person reads it: dates DD.MM.YYYY, choice labels, sections not filled', () => {
    const { state } = walk(guardianshipMinorDepositsInheritance.form, exampleAnswers('guardianship-minor-deposits-inheritance'), 'ru');
    const text = summary(guardianshipMinorDepositsInheritance.form, state, 'ru').join('\n');
    expect(text).toContain('• Дата рождения: 22.05.1988');
    expect(text).toContain('• Для чего нужна справка: для распоряжения вкладом в банке');
    expect(text).toContain('• Кем заявитель приходится ребёнку: опекун');
    expect(text).toContain('• Представитель (по доверенности): не заполнено');
    expect(text).not.toContain('1988-05-22');
    expect(text).not.toContain('BANK_DEPOSIT');
  });
});
