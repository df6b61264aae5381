import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, t } from '../../src/core/i18n/catalogue.js';
import { checkApplicant, checkPowerOfAttorney, phoneMatches, type PoaQuery } from '../../src/core/identity/checks.js';
import { parseIin } from '../../src/core/identity/iin.js';
import type { Person } from '../../src/core/identity/registries.js';
import { loadFileRegistries, RegistryFileError, type FileRegistries } from '../../src/registry/file-registry.js';
import type { DomainError, Result } from '../../src/core/result.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../data/registry/${name}`, import.meta.url));
const shipped = { persons: fixture('persons.json'), powersOfAttorney: fixture('powers-of-attorney.json') };

let registries: FileRegistries;
beforeAll(() => {
  registries = loadFileRegistries(shipped);
});

function refusal<T>(result: Result<T, DomainError>): DomainError {
  if (result.ok) throw new Error('expected a refusal, got a success');
  return result.error;
}

describe('the demo ГБД ФЛ', () => {
  it('finds the demo applicant with her name, birth date and phone', async () => {
    const aigul = await registries.persons.findPerson('850305400010');
    expect(aigul).toMatchObject({
      lastName: 'Нұрланова',
      firstName: 'Айгүл',
      patronymic: 'Серікқызы',
      birthDate: '1985-03-05',
      sex: 'female',
      phone: '+77011234567',
      address: { locality: 'Қызылорда қ.', postcode: '120008' },
    });
  });

  it('holds only people whose IIN encodes their birth date and sex, adults and minors alike', () => {
    const { persons, note } = JSON.parse(readFileSync(shipped.persons, 'utf8')) as { persons: Person[]; note: string };
    expect(note).toMatch(/demo/i);
    expect(persons.length).toBeGreaterThanOrEqual(22);
    for (const p of persons) {
      expect(parseIin(p.iin), p.iin).toEqual({ ok: true, value: { value: p.iin, birthDate: p.birthDate, sex: p.sex } });
    }
    expect(persons.filter((p) => p.birthDate > '2008-06-01').length).toBeGreaterThanOrEqual(4);
  });
});

describe('intake: the applicant in ГБД ФЛ (R3)', () => {
  it('lets a registered applicant through and returns the registry record', async () => {
    const result = await checkApplicant(registries.persons, '781115300019', { lastName: 'Сейітов', firstName: 'Ерлан' });
    expect(result).toMatchObject({ ok: true, value: { iin: '781115300019', patronymic: 'Қайратұлы' } });
  });

  it('refuses an IIN absent from ГБД ФЛ, saying so in Kazakh and Russian and naming the IIN', async () => {
    const error = refusal(await checkApplicant(registries.persons, '480701300059'));
    expect(error).toMatchObject({ code: 'INTAKE_REFUSED', reasons: ['R3'] });
    const kk = render('kk', error.message);
    const ru = render('ru', error.message);
    expect(kk).toContain('480701300059');
    expect(kk).toContain('ЖТ ММБ');
    expect(ru).toContain('480701300059');
    expect(ru).toContain('ГБД ФЛ');
    expect(kk).not.toBe(ru);
  });

  it('refuses when the name typed is not the registry name for that IIN', async () => {
    const error = refusal(
      await checkApplicant(registries.persons, '850305400010', { lastName: 'Сейітова', firstName: 'Айгүл' }),
    );
    expect(error).toMatchObject({ code: 'INTAKE_REFUSED', reasons: ['R3'], message: { key: 'identity.person.nameMismatch' } });
    expect(render('ru', error.message)).toContain('не совпадают');
  });

  it('does not refuse a name typed in another case, with extra spaces, е for ё or without Kazakh letters', async () => {
    const korolev = (await registries.persons.findPerson('861212300955'))!;
    expect(korolev.lastName).toBe('Королёв');
    expect(await checkApplicant(registries.persons, '861212300955', { lastName: '  королев ', firstName: 'ПЕТР' })).toMatchObject({ ok: true });
    expect(await checkApplicant(registries.persons, '850305400010', { lastName: 'Нурланова', firstName: 'айгул' })).toMatchObject({ ok: true });
  });

  it('treats an IIN with a typo as a typo, not as a person missing from the registry', async () => {
    const error = refusal(await checkApplicant(registries.persons, '850305400011'));
    expect(error).toMatchObject({ code: 'VALIDATION', message: { key: 'identity.iin.checkDigit' } });
  });

  it('refuses a request in the name of a person the registry marks as deceased', async () => {
    const error = refusal(await checkApplicant(registries.persons, '410220300081'));
    expect(error).toMatchObject({ code: 'INTAKE_REFUSED', reasons: ['R3'], message: { key: 'identity.person.deceased' } });
  });
});

describe('intake: the representative’s power of attorney in ЕНИС (R4)', () => {
  const query = (over: Partial<PoaQuery> = {}): PoaQuery => ({
    number: '2026/1234',
    principalIin: '880522400016',
    attorneyIin: '700101300015',
    serviceId: 'guardianship-certificate',
    today: '2026-03-16',
    ...over,
  });
  const refused = async (over: Partial<PoaQuery>) => refusal(await checkPowerOfAttorney(registries.notary, query(over)));

  it('accepts the notarised PoA 2026/1234 of Жұмабаева for Қасымов, however the number is typed', async () => {
    for (const number of ['2026/1234', '№ 2026/1234', ' 2026 / 1234 ']) {
      const result = await checkPowerOfAttorney(registries.notary, query({ number }));
      expect(result, number).toMatchObject({ ok: true, value: { number: '2026/1234', certifiedBy: 'notary' } });
    }
  });

  it('refuses a PoA number ЕНИС does not know as R4a, naming the number', async () => {
    const error = await refused({ number: '2026/9999' });
    expect(error).toMatchObject({ code: 'INTAKE_REFUSED', reasons: ['R4a'], message: { key: 'identity.poa.notFound' } });
    expect(render('kk', error.message)).toContain('2026/9999');
    expect(render('kk', error.message)).toContain('БНАЖ');
    expect(render('ru', error.message)).toContain('2026/9999');
  });

  it('refuses a PoA certified by an employer instead of a notary as R4b', async () => {
    const error = await refused({ number: '2026/0777', principalIin: '781115300019', attorneyIin: '680930300889' });
    expect(error).toMatchObject({ reasons: ['R4b'], message: { key: 'identity.poa.notNotarised' } });
    expect(render('ru', error.message)).toContain('нотариально');
  });

  it('refuses a revoked PoA, giving the date it was revoked', async () => {
    const error = await refused({ number: '2025/0456', principalIin: '900712400015' });
    expect(error).toMatchObject({ reasons: ['R4a'], message: { key: 'identity.poa.revoked' } });
    expect(render('ru', error.message)).toContain('10.02.2026');
  });

  it('accepts that PoA on the day before it was revoked', async () => {
    const result = await checkPowerOfAttorney(registries.notary, query({ number: '2025/0456', principalIin: '900712400015', today: '2026-02-09' }));
    expect(result).toMatchObject({ ok: true });
  });

  it('refuses an expired PoA, giving the day it ended', async () => {
    const error = await refused({ number: '2023/0999', principalIin: '850305400010', attorneyIin: '620814300212', serviceId: 'archive-certificate' });
    expect(error).toMatchObject({ reasons: ['R4a'], message: { key: 'identity.poa.expired' } });
    expect(render('kk', error.message)).toContain('30.06.2025');
  });

  it('refuses a PoA given by someone other than the applicant, naming the applicant’s IIN', async () => {
    const error = await refused({ number: '2026/0321' });
    expect(error).toMatchObject({ reasons: ['R4a'], message: { key: 'identity.poa.wrongPrincipal' } });
    expect(render('ru', error.message)).toContain('880522400016');
  });

  it('refuses a PoA made out to someone other than the person at the counter', async () => {
    const error = await refused({ attorneyIin: '720404300373' });
    expect(error).toMatchObject({ reasons: ['R4a'], message: { key: 'identity.poa.wrongAttorney' } });
  });

  it('does not reveal that someone else’s PoA was revoked', async () => {
    const error = await refused({ number: '2025/0456' });
    expect(error.message.key).toBe('identity.poa.wrongPrincipal');
  });

  it('refuses a PoA that does not cover the service applied for, and accepts it for the one it covers', async () => {
    const base = { number: '2026/0555', attorneyIin: '720404300373' };
    const error = await refused({ ...base, serviceId: 'guardianship-minor-property-transactions' });
    expect(error).toMatchObject({ reasons: ['R4a'], message: { key: 'identity.poa.serviceNotCovered' } });
    expect(await checkPowerOfAttorney(registries.notary, query({ ...base, serviceId: 'guardianship-certificate' }))).toMatchObject({ ok: true });
  });

  it('holds a PoA that names no term for one year from the day it was made', async () => {
    const deed = { number: '2025/0100', principalIin: '880522400016', attorneyIin: '700101300015', certifiedBy: 'notary', services: 'all' } as const;
    const notary = (issuedOn: string) => ({ findPowerOfAttorney: async () => ({ ...deed, issuedOn }) });
    const on = (issuedOn: string, today: string) => checkPowerOfAttorney(notary(issuedOn), query({ number: deed.number, today }));
    expect(await on('2025-03-01', '2026-03-01')).toMatchObject({ ok: true });
    const error = refusal(await on('2025-03-01', '2026-03-02'));
    expect(error).toMatchObject({ reasons: ['R4a'], message: { key: 'identity.poa.expired', params: { date: '01.03.2026' } } });
    expect(refusal(await on('2024-02-29', '2025-03-01')).message.params).toMatchObject({ date: '28.02.2025' });
    expect(refusal(await on('2026-04-01', '2026-03-16')).message.key).toBe('identity.poa.notYetValid');
  });

  it('has a Kazakh and a Russian text for every refusal', () => {
    const keys = ['notFound', 'notNotarised', 'revoked', 'expired', 'notYetValid', 'wrongPrincipal', 'wrongAttorney', 'serviceNotCovered'] as const;
    for (const k of keys) {
      const key = `identity.poa.${k}` as const;
      expect(t('kk', key, { number: '1' })).toContain('№ 1');
      expect(t('ru', key, { number: '1' })).toContain('№ 1');
    }
  });
});

describe('the bot’s phone confirmation', () => {
  const aigul = { phone: '+77011234567' } as Person;

  it('matches the registry phone however Telegram or the citizen writes it', () => {
    for (const phone of ['+77011234567', '77011234567', '87011234567', '8 701 123-45-67', '+7 (701) 123 45 67']) {
      expect(phoneMatches(aigul, phone), phone).toBe(true);
    }
  });

  it('does not match another number, a partial number, or a person with no phone on record', () => {
    expect(phoneMatches(aigul, '+77011234568')).toBe(false);
    expect(phoneMatches(aigul, '1234567')).toBe(false);
    expect(phoneMatches({ phone: undefined } as unknown as Person, '+77011234567')).toBe(false);
  });
});

describe('a broken fixture file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anyqtama-registry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof data === 'string' ? data : JSON.stringify(data));
    return file;
  };
  const load = (persons: string, powersOfAttorney = shipped.powersOfAttorney) => () =>
    loadFileRegistries({ persons, powersOfAttorney });

  it('stops the start with the file, the entry and the field named', () => {
    const file = write('bad-birth.json', { persons: [{ iin: '850305400010', lastName: 'А', firstName: 'Б', birthDate: '1985-03-06', sex: 'female' }] });
    expect(load(file)).toThrow(RegistryFileError);
    expect(load(file)).toThrow(`${file}, persons[0] (850305400010): birthDate: the IIN encodes 1985-03-05`);
  });

  it('names an entry with an invalid IIN or a misspelt field', () => {
    const file = write('bad-iin.json', { persons: [{ iin: '850305400011', lastName: 'А', firstName: 'Б', birthDate: '1985-03-05', sex: 'female', phon: '+77011234567' }] });
    expect(load(file)).toThrow(/persons\[0\] \(850305400011\): .*iin: not a valid IIN \(checkDigit\)/);
    expect(load(file)).toThrow(/phon/);
  });

  it('names the second entry that repeats an IIN', () => {
    const p = { iin: '850305400010', lastName: 'А', firstName: 'Б', birthDate: '1985-03-05', sex: 'female' };
    expect(load(write('dup.json', { persons: [p, p] }))).toThrow(/persons\[1\] \(850305400010\): duplicate/);
  });

  it('says when the file is not JSON or not there', () => {
    expect(load(write('not-json.json', '{ persons: ['))).toThrow(/not-json\.json: is not valid JSON/);
    expect(load(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot be read/);
  });

  it('names a PoA entry with an unknown service', () => {
    const poa = write('poa.json', {
      powersOfAttorney: [{ number: '1/1', issuedOn: '2026-01-01', principalIin: '850305400010', attorneyIin: '781115300019', certifiedBy: 'other', services: ['passport'] }],
    });
    expect(load(shipped.persons, poa)).toThrow(/powersOfAttorney\[0\] \(1\/1\): services/);
  });
});
