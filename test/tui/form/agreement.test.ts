import { describe, expect, it } from 'vitest';
import { answer, confirm, isAtSummary, prompt, skip, startQuestionnaire, type QuestionnaireState } from '../../../src/bot/questionnaire.js';
import type { Field, FormDef } from '../../../src/core/forms/field.js';
import { getAt, parsePath } from '../../../src/core/forms/questionnaire/paths.js';
import { validateForm } from '../../../src/core/forms/validate.js';
import type { Text } from '../../../src/core/i18n/text.js';
import type { Result } from '../../../src/core/result.js';
import { SERVICES } from '../../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../../src/core/services/examples.js';
import { reduce, type Action } from '../../../src/tui/form/editor-actions.js';
import { initState, type EditorState, type Env } from '../../../src/tui/form/editor-state.js';

/**
 * The bot and the counter once read answers with two copies of the rules, and "5, 3, 1985" was
 * accepted by one and refused by the other. Both now render the core's questionnaire model: the
 * same answers typed into either give the same verdict and the same stored questionnaire,
 * whichever door the applicant came through.
 */
const TODAY = '2026-03-10';

/** The bot: each question answered by sending the text; a section or row the answers lack is declined. */
function throughBot(form: FormDef, filled: Record<string, unknown>): Record<string, unknown> | null {
  let state = startQuestionnaire(form);
  for (let i = 0; i < 400 && !isAtSummary(state); i++) {
    const p = prompt(form, state, 'kk', TODAY);
    const given = getAt(filled, parsePath(p.path));
    let next: Result<QuestionnaireState, Text>;
    if (p.kind === 'field') next = given === undefined ? skip(form, state, TODAY) : answer(form, state, String(given), TODAY);
    else if (p.kind === 'enterGroup') next = answer(form, state, given === undefined ? 'no' : 'yes', TODAY);
    else {
      const have = getAt(state.answers, parsePath(p.path));
      next = answer(form, state, (Array.isArray(have) ? have.length : 0) < (Array.isArray(given) ? given.length : 0) ? 'more' : 'done', TODAY);
    }
    // The bot refuses a bad answer at once and asks again: this citizen gets no further.
    if (!next.ok) return null;
    state = next.value;
  }
  const confirmed = confirm(form, state, TODAY);
  return confirmed.ok ? confirmed.value.answers : null;
}

/** The counter: each field typed in form order and left with Tab; Enter on "add a row"; F2 at the end. */
function throughCounter(form: FormDef, filled: Record<string, unknown>): Record<string, unknown> | null {
  const env: Env = { form, today: TODAY, listHeight: 12 };
  let s: EditorState = initState(form, undefined, env);
  const press = (action: Action) => (s = reduce(s, action, env).state);
  for (let i = 0; i < 200; i++) press({ type: 'move', by: -1 });
  const fill = (fields: readonly Field[], value: unknown): void => {
    const given = (value ?? {}) as Record<string, unknown>;
    for (const f of fields) {
      const v = given[f.id];
      if (f.kind === 'group' && f.repeat) {
        for (const row of (v as unknown[] | undefined) ?? []) {
          press({ type: 'enter' });
          fill(f.fields, row);
        }
        press({ type: 'move', by: 1 });
      } else if (f.kind === 'group') {
        fill(f.fields, v);
      } else {
        if (f.kind === 'choice' && v !== undefined) press({ type: 'pick', index: f.choices.findIndex((c) => c.value === v) });
        else if (v !== undefined) for (const ch of Array.from(String(v))) press({ type: 'insert', text: ch });
        press({ type: 'move', by: 1 });
      }
    }
  };
  fill(form.fields, filled);
  return reduce(s, { type: 'submit' }, env).submit ?? null;
}

/** Dates typed another way: every DD.MM.YYYY answer of a questionnaire rewritten by `style`. */
function retyped(value: unknown, style: (d: string, m: string, y: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => retyped(v, style));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retyped(v, style)]));
  const m = typeof value === 'string' ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value) : null;
  return m ? style(m[1]!, m[2]!, m[3]!) : value;
}

const unpadded = (s: string) => String(Number(s));
const STYLES: Record<string, (d: string, m: string, y: string) => string> = {
  'as in the example': (d, m, y) => `${d}.${m}.${y}`,
  'eight digits': (d, m, y) => `${d}${m}${y}`,
  'commas from a phone keypad': (d, m, y) => `${unpadded(d)}, ${unpadded(m)}, ${y}`,
  'slashes, no leading zeros': (d, m, y) => `${unpadded(d)}/${unpadded(m)}/${y}`,
};

describe('the bot and the counter read every service\'s example alike', () => {
  for (const service of SERVICES) {
    const expected = validateForm(service.form, exampleAnswers(service.id), TODAY);
    for (const [name, style] of Object.entries(STYLES)) {
      it(`${service.id}, dates ${name}: the same questionnaire as the core's`, () => {
        const typed = retyped(exampleAnswers(service.id), style) as Record<string, unknown>;
        const viaBot = throughBot(service.form, typed);
        expect(viaBot).toEqual(expected.ok ? expected.value : null);
        expect(throughCounter(service.form, typed)).toEqual(viaBot);
      });
    }
    it(`${service.id}, a year of two digits: refused by both`, () => {
      const typed = retyped(exampleAnswers(service.id), (d, m, y) => `${d}.${m}.${y.slice(2)}`) as Record<string, unknown>;
      expect(throughBot(service.form, typed)).toBeNull();
      expect(throughCounter(service.form, typed)).toBeNull();
    });
  }
});

describe('the bot and the counter leave out the same blank answers', () => {
  const notes: FormDef = {
    fields: [{
      id: 'notes', kind: 'group', required: false, repeat: { min: 0, max: 3 }, label: { kk: 'Ескертпелер', ru: 'Примечания' },
      fields: [
        { id: 'text', kind: 'text', required: false, label: { kk: 'Мәтін', ru: 'Текст' } },
        { id: 'on', kind: 'date', required: false, label: { kk: 'Күні', ru: 'Дата' } },
      ],
    }],
  };

  it('a row added and left blank is not submitted by either', () => {
    const typed = { notes: [{}, { text: 'екінші', on: '5, 3, 1985' }] };
    expect(throughBot(notes, typed)).toEqual({ notes: [{ text: 'екінші', on: '1985-03-05' }] });
    expect(throughCounter(notes, typed)).toEqual({ notes: [{ text: 'екінші', on: '1985-03-05' }] });
  });
});

/** One date field typed into each. */
const born: FormDef = { fields: [{ id: 'born', kind: 'date', when: 'past', required: true, label: { kk: 'Туған күні', ru: 'Дата рождения' } }] };

const INPUTS = [
  '05.03.1985', '5.3.1985', '05031985', '5/3/1985', '5-3-1985', '5 3 1985', '5, 3, 1985', '5,3,1985', '05 . 03 . 1985', '1985-03-05',
  '5.3.85', '31.04.2026', '29.02.2025', '5;3;1985', '5 марта 1985', 'март', '01.01.2030',
];

describe('the bot and the counter read a typed date alike', () => {
  const date = (answers: Record<string, unknown> | null) => (answers ? String(answers.born) : null);
  for (const typed of INPUTS) {
    it(`${JSON.stringify(typed)}: the same verdict and the same stored date in both`, () => {
      expect(date(throughCounter(born, { born: typed }))).toBe(date(throughBot(born, { born: typed })));
    });
  }

  it('both accept a date typed with commas, as a phone keypad offers them', () => {
    expect(date(throughBot(born, { born: '5, 3, 1985' }))).toBe('1985-03-05');
    expect(date(throughCounter(born, { born: '5, 3, 1985' }))).toBe('1985-03-05');
  });

  it('both refuse a two-digit year and a date still to come', () => {
    for (const typed of ['5.3.85', '01.01.2030']) {
      expect(throughBot(born, { born: typed })).toBeNull();
      expect(throughCounter(born, { born: typed })).toBeNull();
    }
  });
});
