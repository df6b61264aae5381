import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateForm } from '../../../src/core/forms/validate.js';
import { archiveCertificate } from '../../../src/core/services/archive-certificate.js';
import { SERVICES } from '../../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../../src/core/services/examples.js';
import { guardianshipCertificate } from '../../../src/core/services/guardianship-certificate.js';
import { firstToFill, flattenForm, isFocusable } from '../../../src/tui/form/fields.js';
import { frameLayout, scrollTop, textArea, wrap } from '../../../src/tui/form/layout.js';
import { answersFromInitial, buildValues, keyOfPath } from '../../../src/tui/form/values.js';

const TODAY = '2026-03-10';

describe('a questionnaire as rows', () => {
  it('shows a group as a heading with its fields indented under it, in the order of the definition', () => {
    const rows = flattenForm(guardianshipCertificate.form);
    const applicant = rows.filter((r) => r.key === 'applicant' || r.key.startsWith('applicant.'));
    expect(applicant[0]).toMatchObject({ type: 'section', depth: 0, kind: 'group', required: true, label: { kk: 'Өтініш беруші (қорғаншы немесе қамқоршы)' } });
    expect(applicant.slice(1, 5).map((r) => [r.path.join('.'), r.kind, r.required, r.depth])).toEqual([
      ['applicant.iin', 'iin', true, 1],
      ['applicant.lastName', 'name', true, 1],
      ['applicant.firstName', 'name', true, 1],
      ['applicant.patronymic', 'name', false, 1],
    ]);
    const role = rows.find((r) => r.key === 'appointment.role');
    expect(role).toMatchObject({ type: 'field', kind: 'choice', depth: 1, label: { ru: 'Кем назначен(а)' } });
  });

  it('gives a repeated group one heading per row and an "add a row" line, fields addressed by position', () => {
    const rows = flattenForm(archiveCertificate.form, { employment: [7, 3] });
    const employment = rows.filter((r) => r.key.startsWith('employment'));
    expect(employment.map((r) => [r.type, r.path.join('.'), r.depth])).toEqual([
      ['section', 'employment', 0],
      ['item', 'employment.0', 1],
      ['field', 'employment.0.name', 2],
      ['field', 'employment.0.fromYear', 2],
      ['field', 'employment.0.toYear', 2],
      ['field', 'employment.0.position', 2],
      ['item', 'employment.1', 1],
      ['field', 'employment.1.name', 2],
      ['field', 'employment.1.fromYear', 2],
      ['field', 'employment.1.toYear', 2],
      ['field', 'employment.1.position', 2],
      ['add', 'employment', 1],
    ]);
    // Keys follow the row's id, not its position: removing row 7 leaves row 3's answers where they are.
    expect(employment[7]!.key).toBe('employment.#3.name');
    expect(employment.filter(isFocusable).map((r) => r.type)).not.toContain('section');
  });

  it('starts the clerk at the applicant, past the optional organisation section', () => {
    expect(firstToFill(flattenForm(archiveCertificate.form))?.key).toBe('applicant.iin');
    expect(firstToFill(flattenForm(archiveCertificate.resultForm))?.key).toBe('certificateType');
  });

  it('lists every field of every service form and result form exactly once', () => {
    for (const service of SERVICES) {
      for (const form of [service.form, service.resultForm]) {
        const keys = flattenForm(form).filter((r) => r.type === 'field').map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });
});

describe('answers and the questionnaire object', () => {
  it('round-trips each service example: shown for editing, rebuilt, accepted by the core', () => {
    for (const service of SERVICES) {
      const answers = answersFromInitial(service.form, exampleAnswers(service.id));
      const built = buildValues(service.form, answers);
      expect(validateForm(service.form, built.values, TODAY).ok, service.id).toBe(true);
    }
  });

  it('shows normalised dates as DD.MM.YYYY and years as text', () => {
    const answers = answersFromInitial(archiveCertificate.form, { subject: { birthDate: '1985-03-05', birthYear: 1985 } });
    expect(answers.raw['subject.birthDate']).toBe('05.03.1985');
    expect(answers.raw['subject.birthYear']).toBe('1985');
  });

  it('leaves out blank answers and untouched optional sections, keeps required sections', () => {
    const answers = answersFromInitial(archiveCertificate.form, { applicant: { lastName: 'Нұрланова', firstName: '  ' } });
    const { values } = buildValues(archiveCertificate.form, answers);
    expect(values).toEqual({ applicant: { lastName: 'Нұрланова' }, subject: {} });
  });

  it('drops a repeated row left blank and maps the core\'s positions back to the rows on screen', () => {
    const answers = {
      raw: { 'employment.#0.name': 'Сыр медиа', 'employment.#2.name': 'Ақмешіт', 'employment.#2.fromYear': '2012', 'employment.#2.toYear': '2009' },
      repeats: { employment: [0, 1, 2] },
      nextId: 3,
    };
    const built = buildValues(archiveCertificate.form, answers);
    expect(built.values.employment).toEqual([{ name: 'Сыр медиа' }, { name: 'Ақмешіт', fromYear: '2012', toYear: '2009' }]);
    expect(keyOfPath('employment.1.toYear', built.kept)).toBe('employment.#2.toYear');
    expect(keyOfPath('applicant.iin', built.kept)).toBe('applicant.iin');
  });
});

describe('the editor rectangle', () => {
  it('never plans more rows than it is given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 80 }), fc.boolean(), fc.integer({ min: 0, max: 200 }), (height, title, rows) => {
        const l = frameLayout(height, title, rows);
        const used = (l.title ? 1 : 0) + (l.scrollLines ? 2 : 0) + Math.min(l.list, rows) + l.detail + 1;
        return used <= height && (l.scrollLines || rows <= l.list);
      }),
    );
  });

  it('keeps the focused row inside the window whatever the moves', () => {
    const rows = flattenForm(archiveCertificate.form, { employment: [0, 1, 2] });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.integer({ min: 0, max: rows.length - 1 }), { maxLength: 30 }), (height, focuses) => {
        let top = 0;
        for (const f of focuses) {
          top = scrollTop(rows, f, top, height);
          if (f < top || f >= top + height || top < 0) return false;
        }
        return true;
      }),
    );
  });

  it('wraps a text area at spaces and keeps the caret\'s row in view', () => {
    const rows = textArea('бір екі үш төрт бес', 10, 8, 2);
    expect(rows).toEqual([{ before: 'бір екі ', after: '' }, { before: 'үш', at: ' ', after: 'төрт ' }]);
    expect(textArea('бір екі үш төрт бес', 19, 8, 2).at(-1)).toEqual({ before: 'бес', at: ' ', after: '' });
  });

  it('wraps a message into the rows it has, marking what was cut', () => {
    expect(wrap('бір екі үш төрт бес', 8, 2)).toEqual(['бір екі', 'үш төрт…']);
    expect(wrap('бір екі', 20, 2)).toEqual(['бір екі']);
  });
});
