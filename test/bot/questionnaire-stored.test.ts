import { describe, expect, it } from 'vitest';
import { answer, back, prompt, type QuestionnaireState } from '../../src/bot/questionnaire.js';
import { archiveCertificate } from '../../src/core/services/archive-certificate.js';

const TODAY = '2026-03-10';
const form = archiveCertificate.form;

/**
 * A citizen's questionnaire as the bot stored it in the chat before the questionnaire moved into
 * the core (written out from the release before it, byte for byte): halfway through the archive
 * form, the phone verified, sent back to the "to" year of a place of work by the row's check. A
 * chat in progress when the bot is updated must go on where it was.
 */
const storedBefore: QuestionnaireState = {
  answers: {
    applicant: {
      phone: '+77011234567',
      iin: '850305400010',
      lastName: 'Айгүл',
      firstName: 'Айгүл',
      birthDate: '1985-03-05',
      postalAddress: 'мәтін',
      postcode: '120008',
    },
    subject: { fullName: 'Айгүл', birthYear: 1985, birthDate: '1985-03-05', postcode: '120008' },
    requestedInformation: 'мәтін',
    destinationAndPurpose: 'мәтін',
    period: 'мәтін',
    employment: [{ name: 'Сыр медиа', fromYear: 2012, toYear: 2009 }],
  },
  at: { kind: 'field', path: 'employment.0.toYear' },
  history: [
    { kind: 'enterGroup', path: 'organisation' }, { kind: 'field', path: 'applicant.iin' },
    { kind: 'field', path: 'applicant.lastName' }, { kind: 'field', path: 'applicant.firstName' },
    { kind: 'field', path: 'applicant.patronymic' }, { kind: 'field', path: 'applicant.birthDate' },
    { kind: 'field', path: 'applicant.email' }, { kind: 'field', path: 'applicant.postalAddress' },
    { kind: 'field', path: 'applicant.postcode' }, { kind: 'field', path: 'applicant.idDocNumber' },
    { kind: 'field', path: 'applicant.idDocIssuer' }, { kind: 'field', path: 'applicant.idDocIssueDate' },
    { kind: 'enterGroup', path: 'representative' }, { kind: 'field', path: 'subject.fullName' },
    { kind: 'field', path: 'subject.nameChanges' }, { kind: 'field', path: 'subject.birthYear' },
    { kind: 'field', path: 'subject.birthDate' }, { kind: 'field', path: 'subject.postalAddress' },
    { kind: 'field', path: 'subject.postcode' }, { kind: 'field', path: 'subject.phone' },
    { kind: 'field', path: 'requestedInformation' }, { kind: 'field', path: 'destinationAndPurpose' },
    { kind: 'field', path: 'period' }, { kind: 'moreRows', path: 'employment', rows: 0 },
    { kind: 'field', path: 'employment.0.name' }, { kind: 'field', path: 'employment.0.fromYear' },
    { kind: 'field', path: 'employment.0.toYear' }, { kind: 'field', path: 'employment.0.position' },
    { kind: 'field', path: 'employment.0.toYear' },
  ],
  visited: [
    'enterGroup:organisation', 'field:applicant.iin', 'field:applicant.lastName', 'field:applicant.firstName',
    'field:applicant.patronymic', 'field:applicant.birthDate', 'field:applicant.email', 'field:applicant.postalAddress',
    'field:applicant.postcode', 'field:applicant.idDocNumber', 'field:applicant.idDocIssuer', 'field:applicant.idDocIssueDate',
    'enterGroup:representative', 'field:subject.fullName', 'field:subject.nameChanges', 'field:subject.birthYear',
    'field:subject.birthDate', 'field:subject.postalAddress', 'field:subject.postcode', 'field:subject.phone',
    'field:requestedInformation', 'field:destinationAndPurpose', 'field:period', 'moreRows:employment#0',
    'field:employment.0.name', 'field:employment.0.fromYear', 'field:employment.0.toYear', 'field:employment.0.position',
  ],
  locked: ['applicant.phone'],
  scope: null,
  notice: {
    kk: '⚠️ Қызметі, жұмыс орны, оқу орнының нақты атауы → 1-жол → Жылға дейін: «жылға дейін» «жылдан бастап» көрсетілген жылдан ерте болмауы керек',
    ru: '⚠️ Точное наименование службы, места работы, учебного заведения → строка 1 → По какой год: год «по» не может быть раньше года «с»',
    en: '⚠️ Точное наименование службы, места работы, учебного заведения → row 1 → По какой год: год «по» не может быть раньше года «с»',
  },
};

describe('a questionnaire stored before the update', () => {
  it('asks the same question, with the problem that sent the citizen back to it', () => {
    const p = prompt(form, storedBefore, 'ru', TODAY);
    expect(p).toMatchObject({ kind: 'field', path: 'employment.0.toYear', canBack: true, canSkip: false });
    expect(p.text.startsWith('⚠️ Точное наименование службы, места работы, учебного заведения → строка 1 → По какой год: год «по» не может быть')).toBe(true);
    expect(p.text).toContain('Текущий ответ: 2009');
    expect(p.text).toContain('(шаг 27 из 30)');
  });

  it('takes the corrected answer and goes on to "add another row?"; back returns to the question before', () => {
    const r = answer(form, storedBefore, '2013', TODAY);
    if (!r.ok) throw new Error(r.error.ru);
    expect(r.value.answers.employment).toEqual([{ name: 'Сыр медиа', fromYear: 2012, toYear: 2013 }]);
    expect(prompt(form, r.value, 'kk', TODAY)).toMatchObject({ kind: 'moreRows', path: 'employment' });
    expect(back(form, storedBefore).at).toEqual({ kind: 'field', path: 'employment.0.position' });
  });
});
