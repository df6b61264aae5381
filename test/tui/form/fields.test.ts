import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { archiveCertificate } from '../../../src/core/services/archive-certificate.js';
import { SERVICES } from '../../../src/core/services/catalogue.js';
import { guardianshipCertificate } from '../../../src/core/services/guardianship-certificate.js';
import { firstToFill, formRows, isFocusable, sampleAnswers } from '../../../src/tui/form/fields.js';
import { frameLayout, scrollTop, textArea, wrap } from '../../../src/tui/form/layout.js';

describe('a questionnaire as rows', () => {
  it('shows a group as a heading with its fields indented under it, in the order of the definition', () => {
    const rows = formRows(guardianshipCertificate.form, {});
    const applicant = rows.filter((r) => r.key === 'applicant' || r.key.startsWith('applicant.'));
    expect(applicant[0]).toMatchObject({ kind: 'section', depth: 0, field: { kind: 'group', required: true, label: { kk: 'Өтініш беруші (қорғаншы немесе қамқоршы)' } } });
    expect(applicant.slice(1, 5).map((r) => [r.path, r.field.kind, r.field.required, r.depth])).toEqual([
      ['applicant.iin', 'iin', true, 1],
      ['applicant.lastName', 'name', true, 1],
      ['applicant.firstName', 'name', true, 1],
      ['applicant.patronymic', 'name', false, 1],
    ]);
    const role = rows.find((r) => r.key === 'appointment.role');
    expect(role).toMatchObject({ kind: 'field', depth: 1, field: { kind: 'choice', label: { ru: 'Кем назначен(а)' } } });
  });

  it('gives a repeated group one heading per row and one "add a row" line after the last, fields addressed by position', () => {
    const rows = formRows(archiveCertificate.form, { employment: [{ name: 'Сыр медиа' }, {}] });
    const employment = rows.filter((r) => r.key.startsWith('employment'));
    expect(employment.map((r) => [r.kind, r.key, r.depth])).toEqual([
      ['section', 'employment', 0],
      ['row', 'employment.0', 1],
      ['field', 'employment.0.name', 2],
      ['field', 'employment.0.fromYear', 2],
      ['field', 'employment.0.toYear', 2],
      ['field', 'employment.0.position', 2],
      ['row', 'employment.1', 1],
      ['field', 'employment.1.name', 2],
      ['field', 'employment.1.fromYear', 2],
      ['field', 'employment.1.toYear', 2],
      ['field', 'employment.1.position', 2],
      ['addRow', 'employment.+', 1],
    ]);
    expect(employment.filter(isFocusable).map((r) => r.kind)).not.toContain('section');
  });

  it('starts the clerk at the applicant, past the optional organisation section', () => {
    expect(firstToFill(formRows(archiveCertificate.form, {}))?.key).toBe('applicant.iin');
    expect(firstToFill(formRows(archiveCertificate.resultForm, {}))?.key).toBe('certificateType');
  });

  it('lists every field of every service form and result form exactly once, a row of each repeated group included', () => {
    for (const service of SERVICES) {
      for (const form of [service.form, service.resultForm]) {
        const keys = formRows(form, sampleAnswers(form.fields)).filter((r) => r.kind === 'field').map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.length).toBeGreaterThan(0);
      }
    }
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
    const rows = formRows(archiveCertificate.form, { employment: [{}, {}, {}] });
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
