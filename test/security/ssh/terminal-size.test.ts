import { describe, expect, it } from 'vitest';
import { fitTerminal } from '../../../src/ssh/terminal.js';

describe('the size a session is drawn for', () => {
  it('keeps a sane size, raises a tiny one and cuts a huge one', () => {
    expect(fitTerminal(80, 24)).toEqual({ columns: 80, rows: 24, limited: false });
    expect(fitTerminal(65535, 65535)).toEqual({ columns: 400, rows: 200, limited: true });
    expect(fitTerminal(1, 1)).toEqual({ columns: 20, rows: 5, limited: true });
    expect(fitTerminal(500, 50)).toEqual({ columns: 400, rows: 50, limited: true });
  });
});
