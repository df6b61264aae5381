import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binProblemKey, iinProblemKey, numberProblemKey } from '../../src/core/identity/checks.js';
import { checkDigit, parseBin, parseIin, withCheckDigit } from '../../src/core/identity/iin.js';
import { formatRequestNumber, parseRequestNumber } from '../../src/core/identity/request-number.js';
import { t } from '../../src/core/i18n/catalogue.js';

// Valid vectors were computed with an independent implementation of the published algorithm
// (weights 1..11, then 3..11,1,2), not with iin.ts, so they can catch a wrong weight.
describe('a typed IIN', () => {
  it.each([
    ['850305400010', '1985-03-05', 'female'], // demo applicant
    ['781115300019', '1978-11-15', 'male'],
    ['150907600012', '2015-09-07', 'female'],
    ['120409500010', '2012-04-09', 'male'],
    ['191111100070', '1819-11-11', 'male'], // century digit 1: the 19th century
    ['850305200018', '1885-03-05', 'female'],
    ['000229500038', '2000-02-29', 'male'], // 2000 was a leap year
  ])('%s is accepted as born %s, %s', (iin, birthDate, sex) => {
    expect(parseIin(iin)).toEqual({ ok: true, value: { value: iin, birthDate, sex } });
  });

  it('is accepted with the spaces and dashes people type', () => {
    for (const typed of ['850305 400010', ' 8503 0540 0010 ', '850305-400010', '8503-0540-0010']) {
      expect(parseIin(typed)).toMatchObject({ ok: true, value: { value: '850305400010' } });
    }
  });

  it('with one digit changed is refused for its check digit', () => {
    expect(parseIin('850305400011')).toEqual({ ok: false, error: 'checkDigit' });
    expect(parseIin('781115300010')).toEqual({ ok: false, error: 'checkDigit' });
    expect(parseIin('850305400100')).toEqual({ ok: false, error: 'checkDigit' }); // two serial digits swapped
  });

  it('whose first 11 digits have no check digit under either weight set is refused as never issued', () => {
    // 8+10+12+30+28+10+77 = 175 ≡ 10 (mod 11); 24+20+18+40+36+1+14 = 153 ≡ 10 (mod 11).
    expect(checkDigit('85030540017')).toBeNull();
    expect(withCheckDigit('85030540017')).toBeNull();
    for (let last = 0; last <= 9; last++) {
      expect(parseIin(`85030540017${last}`)).toEqual({ ok: false, error: 'unissuable' });
    }
  });

  it('with a date that does not exist is refused for its birth date', () => {
    for (const first11 of ['85023140001', '85130140001', '85000140001', '85030040001', '00022930001']) {
      // 31 Feb, month 13, month 00, day 00, 29 Feb 1900 (not a leap year)
      expect(parseIin(`${first11}0`)).toEqual({ ok: false, error: 'birthDate' });
    }
  });

  it('with a century digit outside 1–6 is refused for it', () => {
    for (const century of ['0', '7', '8', '9']) {
      expect(parseIin(`850305${century}00010`)).toEqual({ ok: false, error: 'centuryDigit' });
    }
  });

  it('of the wrong length or with letters is refused as malformed', () => {
    for (const typed of ['85030540001', '8503054000100', '', '85030540001O', 'ИИН850305400010']) {
      expect(parseIin(typed)).toEqual({ ok: false, error: 'format' });
    }
  });

  it('made by withCheckDigit always parses back, for every century and sex', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom('male', 'female'),
        fc.integer({ min: 0, max: 9999 }),
        (date, sex, serial) => {
          const iso = date.toISOString().slice(0, 10);
          const century = (Math.floor(date.getUTCFullYear() / 100) - 18) * 2 + (sex === 'male' ? 1 : 2);
          const first11 = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${century}${String(serial).padStart(4, '0')}`;
          const iin = withCheckDigit(first11);
          if (iin === null) return;
          expect(parseIin(iin)).toEqual({ ok: true, value: { value: iin, birthDate: iso, sex } });
        },
      ),
    );
  });
});

describe('a typed BIN', () => {
  it.each(['040340000126', '151241005678', '990160000452', '0403 4000 0126'])('%s is accepted', (bin) => {
    expect(parseBin(bin)).toEqual({ ok: true, value: bin.replace(/\s/g, '') });
  });

  it('with a month that does not exist is refused for it', () => {
    expect(parseBin('041340000126')).toEqual({ ok: false, error: 'month' });
    expect(parseBin('040040000126')).toEqual({ ok: false, error: 'month' });
  });

  it('with an unknown kind of entity is refused for it', () => {
    expect(parseBin('040370000126')).toEqual({ ok: false, error: 'entityType' });
    expect(parseBin('040345000126')).toEqual({ ok: false, error: 'entityAttribute' });
  });

  it('with one digit changed is refused for its check digit', () => {
    expect(parseBin('040340000127')).toEqual({ ok: false, error: 'checkDigit' });
    expect(parseBin('040340000216')).toEqual({ ok: false, error: 'checkDigit' });
  });

  it('of the wrong length is refused as malformed', () => {
    expect(parseBin('04034000012')).toEqual({ ok: false, error: 'format' });
  });
});

/** Every single-digit substitution and every swap of adjacent different digits of `digits`. */
function typos(digits: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < digits.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) !== digits[i]) out.push(digits.slice(0, i) + d + digits.slice(i + 1));
    }
    if (i + 1 < digits.length && digits[i] !== digits[i + 1]) {
      out.push(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2));
    }
  }
  return out;
}

describe('a request number', () => {
  it('is printed as YY-NNNNNN-C and read back unchanged', () => {
    expect(formatRequestNumber(2026, 123)).toBe('26-000123-3');
    expect(parseRequestNumber('26-000123-3')).toEqual({ ok: true, value: '26-000123-3' });
  });

  it('is found however it is typed: case, spaces, dashes, a № or No prefix', () => {
    for (const typed of ['260001233', '26 000123 3', ' 26-000-123-3 ', '№26-000123-3', '№ 26-000123-3', 'No. 26 000123 3', 'NO 260001233', 'n260001233']) {
      expect(parseRequestNumber(typed)).toEqual({ ok: true, value: '26-000123-3' });
    }
  });

  it('round-trips for any year and sequence, including seven-digit sequences', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 9_999_999 }), (year, seq) => {
        const number = formatRequestNumber(year, seq);
        expect(parseRequestNumber(number)).toEqual({ ok: true, value: number });
      }),
    );
  });

  it('with any one digit mistyped or two adjacent digits swapped is an invalid number, never another request', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 9_999_999 }), (year, seq) => {
        const digits = formatRequestNumber(year, seq).replace(/-/g, '');
        for (const typo of typos(digits)) {
          expect(parseRequestNumber(typo), typo).toEqual({ ok: false, error: 'checkDigit' });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('with too few or too many digits is reported as malformed, not as a typo', () => {
    for (const typed of ['26-00012-3', '2600012', '26-00000123-3', '', '26-ABC123-3']) {
      expect(parseRequestNumber(typed)).toEqual({ ok: false, error: 'format' });
    }
  });
});

describe('what the `iin` command prints about a bad number', () => {
  const iinProblems = ['format', 'checkDigit', 'unissuable', 'centuryDigit', 'birthDate'] as const;
  const binProblems = ['format', 'checkDigit', 'unissuable', 'month', 'entityType', 'entityAttribute'] as const;

  it('explains every IIN, BIN and number problem in Kazakh and Russian', () => {
    const keys = [...iinProblems.map(iinProblemKey), ...binProblems.map(binProblemKey), ...(['format', 'checkDigit'] as const).map(numberProblemKey)];
    for (const key of keys) {
      expect(t('kk', key).length, key).toBeGreaterThan(20);
      expect(t('ru', key).length, key).toBeGreaterThan(20);
    }
  });

  it('tells a mistyped request number apart from a missing request', () => {
    expect(t('ru', numberProblemKey('checkDigit'))).toMatch(/опечатка/);
    expect(t('kk', numberProblemKey('checkDigit'))).toMatch(/цифрларды тексеріңіз/);
    expect(t('ru', iinProblemKey('checkDigit'))).toMatch(/контрольная цифра/);
  });
});
