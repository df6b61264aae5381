import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormDef } from '../../src/core/forms/field.js';
import { answerPath, collect, formAnswers } from '../../src/core/forms/questionnaire/answers.js';
import { checkAnswers } from '../../src/core/forms/questionnaire/check.js';
import { deleteAt, parsePath, setAt, withAnswer } from '../../src/core/forms/questionnaire/paths.js';
import { editText, readTyped } from '../../src/core/forms/questionnaire/read.js';
import { validateForm } from '../../src/core/forms/validate.js';
import { archiveCertificate } from '../../src/core/services/archive-certificate.js';
import { SERVICES } from '../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../src/core/services/examples.js';

const TODAY = '2026-03-10';
const archive = archiveCertificate.form;

describe('answers being filled in and the questionnaire they make', () => {
  it('every service example, held as a clerk edits it, makes a questionnaire the core accepts', () => {
    for (const service of SERVICES) {
      const held = formAnswers(service.form, exampleAnswers(service.id), editText);
      expect(validateForm(service.form, collect(service.form, held).values, TODAY).ok, service.id).toBe(true);
    }
  });

  it('a stored answer is edited as it was typed: dates DD.MM.YYYY, years as text', () => {
    const held = formAnswers(archive, { subject: { birthDate: '1985-03-05', birthYear: 1985 } }, editText);
    expect(held.subject).toEqual({ birthDate: '05.03.1985', birthYear: '1985' });
  });

  it('leaves out blank answers and untouched optional sections, keeps required sections', () => {
    const held = formAnswers(archive, { applicant: { lastName: 'Нұрланова', firstName: '  ' }, organisation: {} });
    expect(collect(archive, held).values).toEqual({ applicant: { lastName: 'Нұрланова' }, subject: {} });
  });

  it('drops a row left blank and names the problems of the rows after it where they are on screen', () => {
    const held = { employment: [{ name: 'Сыр медиа' }, { name: ' ' }, { name: 'Ақмешіт', fromYear: '2012', toYear: '2009' }] };
    const { values, kept } = collect(archive, held);
    expect(values.employment).toEqual([{ name: 'Сыр медиа' }, { name: 'Ақмешіт', fromYear: '2012', toYear: '2009' }]);
    expect(answerPath('employment.1.toYear', kept)).toBe('employment.2.toYear');
    expect(answerPath('applicant.iin', kept)).toBe('applicant.iin');
    const checked = checkAnswers(archive, held, TODAY);
    expect(checked.ok ? [] : checked.error.map((p) => p.path)).toContain('employment.2.toYear');
  });

  it('keeps blank rows a form requires, so each missing field of them is named', () => {
    const form: FormDef = {
      fields: [{
        id: 'children', kind: 'group', required: true, repeat: { min: 2, max: 5 }, label: { kk: 'Балалар', ru: 'Дети' },
        fields: [{ id: 'name', kind: 'name', required: true, label: { kk: 'Аты', ru: 'Имя' } }],
      }],
    };
    const checked = checkAnswers(form, { children: [{}, { name: 'Әсем' }, {}, {}] }, TODAY);
    expect(checked.ok ? [] : checked.error.map((p) => p.path)).toEqual(['children.0.name']);
  });
});

describe('a typed answer', () => {
  it('is read the same way whatever front-end typed it: a date tidied, then checked and shown back DD.MM.YYYY', () => {
    const born = { id: 'born', kind: 'date', when: 'past', required: true, label: { kk: 'Туған күні', ru: 'Дата рождения' } } as const;
    expect(readTyped(born, '5, 3, 1985', TODAY)).toEqual({ result: { ok: true, value: '1985-03-05' }, text: '05.03.1985' });
    expect(readTyped(born, '05031985', TODAY).text).toBe('05.03.1985');
    const refused = readTyped(born, '31/4/2020', TODAY);
    expect(refused.result.ok).toBe(false);
    expect(refused.text).toBe('31.04.2020');
  });
});

describe('changing one answer', () => {
  const segment = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.nat(3));
  const answersArb: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.jsonValue({ maxDepth: 3 }));

  it('gives the same answers as changing a deep copy, and leaves the answers it was given as they were', () => {
    fc.assert(
      fc.property(answersArb, fc.array(segment, { minLength: 1, maxLength: 4 }), fc.option(fc.string(), { nil: undefined }), (root, path, value) => {
        fc.pre(typeof path[0] === 'string');
        const before = structuredClone(root);
        const expected = structuredClone(root);
        if (value === undefined) deleteAt(expected, path);
        else setAt(expected, path, value);
        expect(withAnswer(root, path, value)).toEqual(expected);
        expect(root).toEqual(before);
      }),
    );
    expect(withAnswer({ a: [{ x: '1' }] }, parsePath('a.2.x'), '3')).toEqual({ a: [{ x: '1' }, {}, { x: '3' }] });
  });
});
