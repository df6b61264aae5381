import { describe, expect, it } from 'vitest';
import { answer, answersOf, startQuestionnaire } from '../../../src/bot/questionnaire.js';
import type { FormDef } from '../../../src/core/forms/field.js';
import { reduce } from '../../../src/tui/form/editor-actions.js';
import { initState, type Env } from '../../../src/tui/form/editor-state.js';

/**
 * The bot and the counter once tidied dates with two copies of a rule, and "5, 3, 1985" was
 * accepted by one and refused by the other. Both now call core's tidyDate: the same inputs, the
 * same verdict and the same stored date, whichever door the applicant came through.
 */
const TODAY = '2026-03-10';
const form: FormDef = { fields: [{ id: 'born', kind: 'date', when: 'past', required: true, label: { kk: 'Туған күні', ru: 'Дата рождения' } }] };
const env: Env = { form, today: TODAY, listHeight: 10 };

/** The bot: the citizen sends the text as a message. */
function throughBot(typed: string): string | null {
  const r = answer(form, startQuestionnaire(form), typed, TODAY);
  return r.ok ? String(answersOf(r.value).born) : null;
}

/** The counter: the clerk types into the field and leaves it; the form then submits. */
function throughCounter(typed: string): string | null {
  let s = initState(form, undefined, env);
  s = reduce(s, { type: 'insert', text: typed }, env).state;
  s = reduce(s, { type: 'move', by: 1 }, env).state;
  if (s.errors.born) return null;
  const submitted = reduce(s, { type: 'submit' }, env).submit;
  return submitted ? String(submitted.born) : null;
}

const INPUTS = [
  '05.03.1985', '5.3.1985', '05031985', '5/3/1985', '5-3-1985', '5 3 1985', '5, 3, 1985', '5,3,1985', '05 . 03 . 1985', '1985-03-05',
  '5.3.85', '31.04.2026', '29.02.2025', '5;3;1985', '5 марта 1985', 'март', '01.01.2030',
];

describe('the bot and the counter read a typed date alike', () => {
  for (const typed of INPUTS) {
    it(`${JSON.stringify(typed)}: the same verdict and the same stored date in both`, () => {
      expect(throughCounter(typed)).toBe(throughBot(typed));
    });
  }

  it('both accept a date typed with commas, as a phone keypad offers them', () => {
    expect(throughBot('5, 3, 1985')).toBe('1985-03-05');
    expect(throughCounter('5, 3, 1985')).toBe('1985-03-05');
  });

  it('both refuse a two-digit year and a date still to come', () => {
    for (const typed of ['5.3.85', '01.01.2030']) {
      expect(throughBot(typed)).toBeNull();
      expect(throughCounter(typed)).toBeNull();
    }
  });
});
