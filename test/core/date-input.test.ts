import { describe, expect, it } from 'vitest';
import { normaliseDate, tidyDate } from '../../src/core/forms/schema.js';

// The one reading of a typed date: the bot, the counter's form and the CLI all call tidyDate.
describe('a date as people type it', () => {
  const read = (typed: string) => normaliseDate(tidyDate(typed));

  const accepted: Array<[string, string]> = [
    ['05.03.1985', '1985-03-05'], ['5.3.1985', '1985-03-05'], ['05031985', '1985-03-05'], ['5/3/1985', '1985-03-05'],
    ['5-3-1985', '1985-03-05'], ['5 3 1985', '1985-03-05'], ['5, 3, 1985', '1985-03-05'], ['5,3,1985', '1985-03-05'],
    ['05 . 03 . 1985', '1985-03-05'], ['  5.3.1985  ', '1985-03-05'], ['1985-03-05', '1985-03-05'], ['29.02.2024', '2024-02-29'],
  ];
  for (const [typed, iso] of accepted) {
    it(`reads ${JSON.stringify(typed)} as ${iso}`, () => expect(read(typed)).toBe(iso));
  }

  const refused = ['5.3.85', '1985.03.05', '31.04.2026', '29.02.2025', '5..3.1985', '5;3;1985', '5 марта 1985', 'март', '', '123.4.1985', '5.3.1985г'];
  for (const typed of refused) {
    it(`refuses ${JSON.stringify(typed)}`, () => expect(read(typed)).toBeNull());
  }

  it('reads day before month, as on every Kazakh form', () => {
    expect(read('03.05.1985')).toBe('1985-05-03');
  });

  it('leaves what it cannot read as typed, trimmed, for the schema to judge', () => {
    expect(tidyDate(' март ')).toBe('март');
    expect(tidyDate('1985-03-05')).toBe('1985-03-05');
  });
});
