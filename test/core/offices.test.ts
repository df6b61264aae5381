import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fill, pick, type Lang } from '../../src/core/i18n/text.js';
import { referenceMessages } from '../../src/core/i18n/messages/reference.js';
import type { MessageRef } from '../../src/core/i18n/catalogue.js';
import {
  centresOf,
  contactPhones,
  findOrganisation,
  parseOffices,
  providersOf,
  type OfficesConfig,
} from '../../src/core/offices.js';
import { SERVICE_IDS } from '../../src/core/services/types.js';

const SERVICES = SERVICE_IDS;

const shipped = (): Record<string, unknown> & { organisations: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(new URL('../../data/offices.json', import.meta.url), 'utf8'));

const say = (lang: Lang, ref: MessageRef): string =>
  fill(pick(referenceMessages[ref.key as keyof typeof referenceMessages], lang), ref.params);

function parsed(): OfficesConfig {
  const result = parseOffices(shipped());
  if (!result.ok) throw new Error(say('ru', result.error.message));
  return result.value;
}

/** The shipped file with one entry changed. */
function withEntry(id: string, change: (entry: Record<string, unknown>) => void) {
  const json = shipped();
  const entry = json.organisations.find((o) => o.id === id);
  if (!entry) throw new Error(`no ${id}`);
  change(entry);
  return parseOffices(json);
}

function refusal(result: ReturnType<typeof parseOffices>): { kk: string; ru: string } {
  if (result.ok) throw new Error('accepted a broken configuration');
  expect(result.error.code).toBe('VALIDATION');
  return { kk: say('kk', result.error.message), ru: say('ru', result.error.message) };
}

describe('offices configuration', () => {
  it('the shipped data/offices.json is accepted, on Kazakhstan time (UTC+5)', () => {
    const config = parsed();
    expect(config.timezoneOffsetMinutes).toBe(300);
    expect(config.callCentrePhone).toBe('1414');
  });

  it('offices only offer services the system knows', () => {
    for (const org of parsed().organisations) {
      for (const s of org.services) expect(SERVICES).toContain(s);
    }
  });

  it.each(SERVICES)('someone decides %s requests', (service) => {
    expect(providersOf(parsed(), service).length).toBeGreaterThan(0);
  });

  it('both Astana archive bodies decide archive requests, and only they may extend up to 6 months', () => {
    const config = parsed();
    expect(providersOf(config, 'archive-certificate').map((o) => o.id)).toEqual(['kzo-archives', 'ast-archives', 'ast-state-archive']);
    expect(findOrganisation(config, 'ast-state-archive')?.extensionGrounds?.['archive-certificate']).toEqual(['SPECIAL_CASE']);
    expect(findOrganisation(config, 'kzo-archives')?.extensionGrounds).toBeUndefined();
    expect(findOrganisation(config, 'ast-archives')?.storesUncollected?.days).toBe(30);
  });

  it('disabled-child documents cannot be handed in at a centre, unemployed certificates can', () => {
    const config = parsed();
    expect(centresOf(config, 'disabled-child-homeschool-support')).toEqual([]);
    expect(centresOf(config, 'unemployed-certificate').map((o) => o.id)).toEqual(['ekb-centre']);
  });

  it('a citizen of Ekibastuz is given 1414, a citizen of Kyzylorda the local line as well', () => {
    const config = parsed();
    expect(contactPhones(config, findOrganisation(config, 'ekb-employment'))).toEqual(['1414']);
    expect(contactPhones(config, findOrganisation(config, 'kzo-archives'))).toEqual(['8 (7242) 263913', '1414']);
    expect(contactPhones(config, findOrganisation(config, 'callcentre-1414'))).toEqual(['1414']);
  });

  it('the guardianship certificate has a signer and archives an addressee for the questionnaire', () => {
    const config = parsed();
    for (const id of ['kzo-archives', 'ast-archives', 'ast-state-archive', 'tmr-education']) {
      expect(findOrganisation(config, id)?.director?.fullName).toBeTruthy();
    }
    expect(findOrganisation(config, 'nowhere')).toBeUndefined();
  });

  it('a bad phone number is reported with the entry it is in', () => {
    const message = refusal(withEntry('kzo-archives', (e) => (e.phones = ['call us'])));
    expect(message.kk).toContain('kzo-archives');
    expect(message.kk).toContain('phones.0');
    expect(message.ru).toContain('kzo-archives');
  });

  it('an unknown service is reported with the entry and the services allowed', () => {
    const message = refusal(withEntry('ekb-employment', (e) => (e.services = ['archive-certificat'])));
    expect(message.ru).toContain('ekb-employment');
    expect(message.ru).toContain('archive-certificate, unemployed-certificate');
  });

  it('a misspelt key is refused rather than silently ignored', () => {
    const message = refusal(withEntry('ast-archives', (e) => {
      e.extensionGround = e.extensionGrounds;
      delete e.extensionGrounds;
    }));
    expect(message.kk).toContain('ast-archives');
    expect(message.ru).toContain('extensionGround');
  });

  it('an entry without an id is named by its position', () => {
    const message = refusal(withEntry('tmr-centre', (e) => delete e.id));
    expect(message.kk).toContain('#9');
    expect(message.ru).toContain('«id»');
  });

  it('two entries with one id are refused', () => {
    expect(refusal(withEntry('ekb-centre', (e) => (e.id = 'kzo-centre'))).ru).toContain('kzo-centre');
  });

  it('a provider without services, or opting into grounds of a service it does not provide, is refused', () => {
    expect(refusal(withEntry('tmr-education', (e) => (e.services = []))).kk).toContain('tmr-education');
    const grounds = refusal(withEntry('kzo-archives', (e) => (e.extensionGrounds = { 'guardianship-certificate': ['SPECIAL_CASE'] })));
    expect(grounds.ru).toContain('guardianship-certificate');
    expect(grounds.ru).toContain('kzo-archives');
  });

  it('a wrong top-level value or a non-object is refused in words', () => {
    const json = shipped();
    json.timezoneOffsetMinutes = '+5';
    expect(refusal(parseOffices(json)).ru).toContain('timezoneOffsetMinutes');
    expect(refusal(parseOffices([])).kk).toContain('JSON');
    expect(refusal(parseOffices(null)).ru).toContain('JSON');
  });
});
