import { describe, expect, it } from 'vitest';
import {
  REFUSAL_CODES,
  REFUSALS,
  decisionRefusals,
  findRefusal,
  isRefusalCode,
} from '../../src/core/refusals.js';

describe('refusal catalogue', () => {
  it('has every code of SPEC §4, each under its own code', () => {
    expect([...REFUSAL_CODES]).toEqual(['R1', 'R2', 'R3', 'R4a', 'R4b', 'R5a', 'R5b', 'R5c', 'R5d', 'R6', 'R6b', 'R7', 'R8', 'R9', 'R10']);
    for (const code of REFUSAL_CODES) expect(REFUSALS[code].code).toBe(code);
  });

  it.each(REFUSAL_CODES)('%s gives the citizen a full sentence in Kazakh and Russian, and cites a seed clause', (code) => {
    const r = REFUSALS[code];
    expect(r.text.kk.trim()).toMatch(/[.!]$/);
    expect(r.text.ru.trim()).toMatch(/[.!]$/);
    expect(r.label.kk.trim()).not.toBe('');
    expect(r.label.ru.trim()).not.toBe('');
    expect(r.clause).toMatch(/S[0-4]/);
    expect(r.name).toMatch(/^[A-Z][A-Z_]+$/);
  });

  it('the Kazakh texts are written in Kazakh and the Russian ones in Russian', () => {
    for (const r of Object.values(REFUSALS)) {
      expect(r.text.kk).toMatch(/[әғқңөұүһі]/i);
      expect(r.text.ru).not.toMatch(/[әғқңөұүһі]/i);
    }
  });

  it('a clerk can choose exactly the refusals made after registration', () => {
    const offered = decisionRefusals().map((r) => r.code);
    expect(offered).toEqual(REFUSAL_CODES.filter((c) => REFUSALS[c].stage === 'decision'));
    expect(offered).toEqual(['R6', 'R6b', 'R7', 'R9', 'R10']);
    for (const r of decisionRefusals()) expect(r.resultingState).toBe('REFUSED');
  });

  it('refusals before registration leave the request without a number; returning goes back to the Centre', () => {
    for (const code of ['R1', 'R2', 'R3', 'R4a', 'R4b', 'R5a', 'R5b', 'R5c', 'R5d'] as const) {
      expect(REFUSALS[code]).toMatchObject({ stage: 'intake', resultingState: 'INTAKE_REFUSED' });
    }
    expect(REFUSALS.R8).toMatchObject({ stage: 'return', resultingState: 'RETURNED_TO_CENTRE' });
  });

  it('the archive "no information" letter carries the seed sentence word for word', () => {
    expect(REFUSALS.R9.text.kk).toContain('Сіз сұратқан мәлімет бойынша ақпараттың жоқ екенін назарыңызға жеткіземіз.');
    expect(REFUSALS.R9.name).toBe('ARCHIVE_INFO_NOT_FOUND');
  });

  it('every signature failure tells the citizen the ЭЦҚ was not confirmed, and why', () => {
    const causes = new Set<string>();
    for (const code of ['R5a', 'R5b', 'R5c', 'R5d'] as const) {
      const { kk, ru } = REFUSALS[code].text;
      expect(kk).toContain('ЭЦҚ түпнұсқалығының расталмауына байланысты');
      expect(ru).toContain('неподтверждением подлинности ЭЦП');
      causes.add(kk);
    }
    expect(causes.size).toBe(4);
  });

  it('finds a refusal by code and says nothing for an unknown one', () => {
    expect(findRefusal('R7')?.name).toBe('DOCUMENTS_NONCONFORMING');
    expect(findRefusal('R11')).toBeUndefined();
    expect(findRefusal('toString')).toBeUndefined();
    expect(isRefusalCode('R4b')).toBe(true);
    expect(isRefusalCode('r4b')).toBe(false);
    expect(isRefusalCode(7)).toBe(false);
  });
});
