import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnsafeText, safeText, terminalSafe } from '../../src/core/text-safety.js';
import { validateAnswer } from '../../src/core/forms/validate.js';
import type { Field } from '../../src/core/forms/field.js';

const ESC = '\x1b';
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const C1 = /[\u0080-\u009f]/;
const C0_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;
const KAZAKH = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';
const CYRILLIC = 'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** Escape sequences and invisible controls as they come from terminals, editors and attackers. */
const nasty = fc.constantFrom(
  '\x1b]0;PWNED-TITLE\x07', '\x1b]0;PWNED\x1b\\', '\x1b]8;;https://evil.example\x07', '\x1b[31m', '\x1b[2J', '\x1b[1;1H',
  '\x1b[?1049h', '\x1bc', '\x1b7', '\x1b(B', '\x1bP+q\x1b\\', '\x9b31m', '\x9d0;x\x9c', '\x1b', '\x07', '\x08', '\x7f',
  '\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\r', '\t', '\x00',
);
const letters = fc.constantFrom(...[...KAZAKH, ...CYRILLIC, ...'AZaz09 .,-«»№\n'], '😀');
const mixed = fc.array(fc.oneof(nasty, letters, fc.string()), { maxLength: 40 }).map((parts) => parts.join(''));

describe('text made safe for a clerk\'s terminal', () => {
  it('never keeps an ESC, a C1 control or a bidi control, whatever it is given', () => {
    fc.assert(fc.property(fc.oneof(mixed, fc.string({ unit: 'binary' })), fc.boolean(), (text, multiline) => {
      const out = safeText(text, { multiline });
      expect(out).not.toContain(ESC);
      expect(out).not.toMatch(C1);
      expect(out).not.toMatch(BIDI);
      expect(out).not.toMatch(C0_BUT_NEWLINE);
      if (!multiline) expect(out).not.toContain('\n');
      expect(hasUnsafeText(out)).toBe(false);
      // Cleaning twice changes nothing more.
      expect(safeText(out, { multiline })).toBe(out);
    }), { numRuns: 500 });
  });

  it('keeps Kazakh and Russian letters, digits, punctuation and emoji exactly as typed', () => {
    fc.assert(fc.property(fc.array(letters, { maxLength: 60 }).map((l) => l.join('')), (text) => {
      expect(safeText(text, { multiline: true })).toBe(text);
    }));
    const name = 'Нұрланова Әсемгүл Қайратқызы, Өскемен, Ұлы дала, һ, і, ң, ғ, ү';
    expect(safeText(name)).toBe(name);
  });

  it('removes a title-setting sequence whole, with its text, and colour codes, and a right-to-left override', () => {
    expect(safeText('Архив \x1b]0;PWNED-TITLE\x07\x1b[31mRED\u202E 1985')).toBe('Архив RED 1985');
    expect(safeText('a\x1b]0;no terminator')).toBe('a');
    expect(safeText('a\x1b]0;x\x1b[31mb')).toBe('ab');
    expect(safeText('жол\r\nекінші\tжол', { multiline: true })).toBe('жол\nекінші жол');
    expect(safeText('жол\nекінші')).toBe('жол екінші');
    // An 8-bit introducer goes alone: mis-decoded Cyrillic keeps the rest of the answer.
    expect(safeText('x\u0090yz \u009b31mRED')).toBe('xyz 31mRED');
  });

  it('the bot asks again for an answer with a bidi override, as for a control character', () => {
    expect(hasUnsafeText('Иванов\u202Eвонави')).toBe(true);
    expect(hasUnsafeText('бір\nекі\tүш')).toBe(false);
  });
});

describe('what the command line prints', () => {
  it('keeps tabs and CSV line ends but loses sequences, overrides and a lone carriage return', () => {
    expect(terminalSafe('№\tАты\r\n26-000001-1\t\x1b]0;PWNED\x07Нұр\u202Eланова\r\n')).toBe('№\tАты\r\n26-000001-1\tНұрланова\r\n');
    expect(terminalSafe('ok\rFAKE')).toBe('okFAKE');
    fc.assert(fc.property(mixed, (text) => {
      const out = terminalSafe(text);
      expect(out).not.toContain(ESC);
      expect(out).not.toMatch(C1);
      expect(out).not.toMatch(BIDI);
    }));
  });
});

describe('a questionnaire answer is stored clean', () => {
  const TODAY = '2026-11-20';
  const multiline: Field = { id: 'info', kind: 'multiline', required: true, label: { kk: 'Мәлімет', ru: 'Сведения' } };
  const text: Field = { id: 'period', kind: 'text', required: true, label: { kk: 'Кезең', ru: 'Период' } };
  const name: Field = { id: 'lastName', kind: 'name', required: true, label: { kk: 'Тегі', ru: 'Фамилия' } };

  it('free text loses escapes and overrides but keeps its words and line breaks', () => {
    expect(validateAnswer(multiline, '\x1b]0;PWNED\x07\x1b[31mRED\u202E\nекінші жол', TODAY)).toEqual({ ok: true, value: 'RED\nекінші жол' });
    expect(validateAnswer(text, '1985–1990\x1b[2J', TODAY)).toEqual({ ok: true, value: '1985–1990' });
  });

  it('an answer of escapes alone is no answer', () => {
    expect(validateAnswer(multiline, '\x1b[31m\x1b]0;x\x07', TODAY).ok).toBe(false);
  });

  it('a one-line field still refuses a line break instead of joining the lines', () => {
    expect(validateAnswer(text, 'бір\nекі', TODAY).ok).toBe(false);
  });

  it('a name with a hidden override is stored as the letters it shows', () => {
    expect(validateAnswer(name, 'Нұр\u202Eланова', TODAY)).toEqual({ ok: true, value: 'Нұрланова' });
  });
});
