import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/core/forms/field.js';
import { validateForm } from '../../src/core/forms/validate.js';
import type { Text } from '../../src/core/i18n/text.js';
import { withCheckDigit } from '../../src/core/identity/iin.js';
import type { FieldProblem } from '../../src/core/result.js';
import { findService, SERVICES } from '../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { SERVICE_IDS, type ServiceDef, type ServiceId } from '../../src/core/services/types.js';

const TODAY = '2026-11-24';

function service(id: ServiceId): ServiceDef {
  const s = findService(id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

/** The problems of a refused questionnaire; fails the test if it was accepted. */
function problems(id: ServiceId, answers: unknown): readonly FieldProblem[] {
  const r = validateForm(service(id).form, answers, TODAY);
  if (r.ok) throw new Error(`${id}: questionnaire was accepted`);
  expect(r.error.code).toBe('VALIDATION');
  return r.error.fields ?? [];
}

/** The problem on exactly `path`, with a non-empty kk and ru explanation. */
function expectProblemAt(id: ServiceId, answers: unknown, path: string): FieldProblem {
  const found = problems(id, answers).find((p) => p.path === path);
  expect(found, `${id}: no problem on ${path}`).toBeDefined();
  expect(found!.expected.kk.trim()).not.toBe('');
  expect(found!.expected.ru.trim()).not.toBe('');
  expect(found!.label.kk.trim()).not.toBe('');
  return found!;
}

function accepted(id: ServiceId, answers: unknown): Record<string, unknown> {
  const r = validateForm(service(id).form, answers, TODAY);
  if (!r.ok) throw new Error(`${id}: refused: ${JSON.stringify(r.error.fields)}`);
  return r.value;
}

function walk(fields: readonly Field[], visit: (f: Field, siblings: readonly Field[]) => void): void {
  for (const f of fields) {
    visit(f, fields);
    if (f.kind === 'group') walk(f.fields, visit);
  }
}

function texts(s: ServiceDef): Array<[string, Text]> {
  const out: Array<[string, Text]> = [['title', s.title], ['shortTitle', s.shortTitle]];
  s.legalBasis.forEach((t, i) => out.push([`legalBasis.${i}`, t]));
  s.extensionGrounds.forEach((g) => out.push([`extension ${g.code}`, g.label]));
  s.requiredDocuments.forEach((d) => out.push([`document ${d.id}`, d.title]));
  walk(s.form.fields, (f) => {
    out.push([`${f.id} label`, f.label]);
    if (f.hint) out.push([`${f.id} hint`, f.hint]);
    if (f.kind === 'choice') f.choices.forEach((c) => out.push([`${f.id}=${c.value}`, c.label]));
    if (f.kind === 'group') f.checks?.forEach((c) => out.push([`${f.id} check on ${c.field}`, c.expected]));
  });
  return out;
}

const adultIin = withCheckDigit('08010150001'); // a boy born 01.01.2008: 18 before TODAY

describe('service catalogue', () => {
  it('lists the six services in the agreed order and finds each by id', () => {
    expect(SERVICES.map((s) => s.id)).toEqual([...SERVICE_IDS]);
    for (const id of SERVICE_IDS) expect(findService(id)?.id).toBe(id);
    expect(findService('passport-renewal')).toBeUndefined();
  });

  it.each(SERVICES.map((s) => [s.id, s] as const))('%s speaks Kazakh and Russian in every label, hint, choice and document', (_, s) => {
    for (const [where, t] of texts(s)) {
      expect(t.kk.trim(), `${s.id}: ${where} (kk)`).not.toBe('');
      expect(t.ru.trim(), `${s.id}: ${where} (ru)`).not.toBe('');
    }
  });

  it.each(SERVICES.map((s) => [s.id, s] as const))('%s asks no question twice and says where every question comes from', (_, s) => {
    walk(s.form.fields, (f, siblings) => {
      expect(siblings.filter((x) => x.id === f.id), `${s.id}: duplicate id ${f.id}`).toHaveLength(1);
      expect(f.source?.trim(), `${s.id}: ${f.id} has no source`).toBeTruthy();
    });
  });

  it('keeps the seeds\' deadlines: archive 15 calendar days, extendable to 30, Astana\'s 6 months by opt-in', () => {
    const a = service('archive-certificate');
    expect(a.deadline).toMatchObject({ unit: 'calendar', days: 15 });
    expect(a.extensionGrounds.map((g) => [g.code, g.extendedTo, g.officeOptIn ?? false])).toEqual([
      ['MULTIPLE_ORGANISATIONS', { unit: 'calendar', days: 30 }, false],
      ['OLD_DOCUMENTS', { unit: 'calendar', days: 30 }, false],
      ['SPECIAL_CASE', { unit: 'months', months: 6 }, true],
    ]);
    expect(service('unemployed-certificate').deadlineByChannel?.centre).toMatchObject({ unit: 'working', days: 3 });
    expect(service('disabled-child-homeschool-support').deadline).toMatchObject({ unit: 'working', days: 10 });
    expect(service('guardianship-certificate').returnToCentre?.workingDays).toBe(3);
  });

  it('offers each service only on the channels its regulation describes', () => {
    expect(service('disabled-child-homeschool-support').channels).not.toContain('centre');
    for (const id of ['guardianship-minor-deposits-inheritance', 'guardianship-minor-property-transactions', 'guardianship-certificate'] as const) {
      expect(service(id).channels).not.toContain('office');
      expect(service(id).channels).toContain('mobile');
      expect(service(id).representation).toBe('notarised-poa');
    }
    expect(service('archive-certificate').personCheckChannels).toEqual([]);
    expect(service('archive-certificate').legalEntitiesMayApply).toBe(true);
  });
});

describe('example questionnaires', () => {
  it.each([...SERVICE_IDS])('the demo questionnaire for %s is accepted', (id) => {
    accepted(id, exampleAnswers(id));
  });

  it('stores typed dates as YYYY-MM-DD, phones as +7XXXXXXXXXX and years as numbers', () => {
    const archive = accepted('archive-certificate', exampleAnswers('archive-certificate'));
    expect(archive.applicant).toMatchObject({ birthDate: '1985-03-05', phone: '+77011234567' });
    expect(archive.subject).toMatchObject({ birthYear: 1985, birthDate: '1985-03-05' });
    const guardian = accepted('guardianship-certificate', exampleAnswers('guardianship-certificate'));
    expect(guardian.applicant).toMatchObject({ phone: '+77774445566', birthDate: '1988-05-22' });
    expect(guardian.appointment).toMatchObject({ decisionDate: '2020-03-16' });
    const unemployed = accepted('unemployed-certificate', exampleAnswers('unemployed-certificate'));
    expect(unemployed.applicant).toMatchObject({ phone: '+77051112233' });
  });

  it('accepts Жұмабаева\'s representative under her notarised power of attorney', () => {
    const answers = {
      ...exampleAnswers('guardianship-certificate'),
      representative: { iin: '700101300015', lastName: 'Қасымов', firstName: 'Бауыржан', patronymic: 'Төлегенұлы', poaNumber: '2026/1234', poaIssuedOn: '15.01.2026' },
    };
    expect(accepted('guardianship-certificate', answers).representative).toMatchObject({ poaIssuedOn: '2026-01-15' });
  });

  it('accepts an archive request made on behalf of an organisation', () => {
    const answers = { ...exampleAnswers('archive-certificate'), organisation: { bin: withCheckDigit('99034000123'), name: '«Сыр медиа» ЖШС' } };
    expect(accepted('archive-certificate', answers).organisation).toMatchObject({ name: '«Сыр медиа» ЖШС' });
  });

  // Known bug in forms/schema.ts, reported to the lead: `emptyAsMissing(s).optional()` turns ""
  // into undefined before a schema that does not accept undefined. Fixed by
  // `emptyAsMissing(s.optional())`. Change `it.fails` to `it` once that is in.
  it('treats an optional answer left blank as not given', () => {
    const answers = exampleAnswers('unemployed-certificate');
    const applicant = { ...(answers.applicant as object), email: '', patronymic: '' };
    accepted('unemployed-certificate', { ...answers, applicant });
  });
});

describe('a refused questionnaire names the field and says what it expects, in Kazakh and Russian', () => {
  const withApplicant = (id: ServiceId, change: Record<string, unknown>) => {
    const answers = exampleAnswers(id);
    return { ...answers, applicant: { ...(answers.applicant as object), ...change } };
  };

  it.each([...SERVICE_IDS])('%s: an IIN with a wrong check digit', (id) => {
    expectProblemAt(id, withApplicant(id, { iin: '850305400011' }), 'applicant.iin');
  });

  it.each([...SERVICE_IDS])('%s: an emoji in a first name', (id) => {
    expectProblemAt(id, withApplicant(id, { firstName: 'Айгүл😀' }), 'applicant.firstName');
  });

  it.each([...SERVICE_IDS])('%s: a missing surname', (id) => {
    const answers = exampleAnswers(id);
    const { lastName: _, ...applicant } = answers.applicant as Record<string, unknown>;
    const p = expectProblemAt(id, { ...answers, applicant }, 'applicant.lastName');
    expect(p.expected.kk).toContain('міндетті');
    expect(p.expected.ru).toContain('обязательное');
  });

  it.each([...SERVICE_IDS])('%s: an answer to a question the form does not ask', (id) => {
    expectProblemAt(id, { ...exampleAnswers(id), favouriteColour: 'көк' }, 'favouriteColour');
    expectProblemAt(id, withApplicant(id, { nickname: 'Әйка' }), 'applicant.nickname');
  });

  it.each([...SERVICE_IDS])('%s: a birth date that differs from the one in the IIN', (id) => {
    expectProblemAt(id, withApplicant(id, { birthDate: '01.01.1980' }), 'applicant.birthDate');
  });

  it('archive: a birth year that is not a real four-digit year', () => {
    const answers = exampleAnswers('archive-certificate');
    for (const birthYear of ['19x5', '2099', '85']) {
      const subject = { ...(answers.subject as object), birthYear, birthDate: undefined };
      const p = expectProblemAt('archive-certificate', { ...answers, subject }, 'subject.birthYear');
      expect(p.expected.ru).toContain('2026');
    }
  });

  it('archive: the question "what information is requested" left out', () => {
    const { requestedInformation: _, ...answers } = exampleAnswers('archive-certificate');
    expectProblemAt('archive-certificate', answers, 'requestedInformation');
  });

  it('archive: a place of work that ends before it starts', () => {
    const answers = exampleAnswers('archive-certificate');
    const employment = [{ name: '«Сыр медиа» ЖШС', fromYear: '2009', toYear: '2005' }];
    const p = expectProblemAt('archive-certificate', { ...answers, employment }, 'employment.0.toYear');
    expect(p.expected.ru).toContain('раньше');
  });

  it('archive: a birth date in another year than the birth year', () => {
    const answers = exampleAnswers('archive-certificate');
    const subject = { ...(answers.subject as object), birthYear: '1986' };
    expectProblemAt('archive-certificate', { ...answers, subject }, 'subject.birthDate');
  });

  it('archive: an organisation with an invalid BIN', () => {
    const valid = withCheckDigit('99034000123')!;
    const bin = valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
    const answers = { ...exampleAnswers('archive-certificate'), organisation: { bin, name: '«Сыр медиа» ЖШС' } };
    expectProblemAt('archive-certificate', answers, 'organisation.bin');
  });

  it.each(['guardianship-minor-deposits-inheritance', 'guardianship-minor-property-transactions'] as const)(
    '%s: a ward who is already 18 is refused',
    (id) => {
      expect(adultIin).not.toBeNull();
      const answers = exampleAnswers(id);
      const ward = { ...(answers.ward as object), iin: adultIin, birthDate: '01.01.2008' };
      const p = expectProblemAt(id, { ...answers, ward }, 'ward.birthDate');
      expect(p.expected.ru).toContain('18');
    },
  );

  it('disabled child: a child who is already 18 is refused', () => {
    const answers = exampleAnswers('disabled-child-homeschool-support');
    const child = { ...(answers.child as object), iin: adultIin, birthDate: '01.01.2008' };
    expectProblemAt('disabled-child-homeschool-support', { ...answers, child }, 'child.birthDate');
  });

  it('guardianship certificate: a role the template does not know', () => {
    const answers = exampleAnswers('guardianship-certificate');
    const appointment = { ...(answers.appointment as object), role: 'FOSTER' };
    const p = expectProblemAt('guardianship-certificate', { ...answers, appointment }, 'appointment.role');
    expect(p.expected.kk).toContain('қорғаншы');
  });
});
