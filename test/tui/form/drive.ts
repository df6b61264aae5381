import type { Field, FormDef } from '../../../src/core/forms/field.js';
import { KEY, type Terminal } from './harness.js';

/**
 * Fills a form through the keyboard the way a clerk would, from a questionnaire object such as
 * exampleAnswers(): types each answer and presses Tab, picks choices by their number, presses
 * Enter on "add a row" for each repeated row. Starts on the first field (Shift+Tab to the top).
 */
export async function fillByKeys(term: Terminal, form: FormDef, answers: Record<string, unknown>): Promise<void> {
  await term.press(...Array.from({ length: 80 }, () => KEY.shiftTab));
  await fillFields(term, form.fields, answers);
}

async function fillFields(term: Terminal, fields: readonly Field[], value: unknown): Promise<void> {
  const obj = (value ?? {}) as Record<string, unknown>;
  for (const f of fields) {
    const v = obj[f.id];
    if (f.kind === 'group' && f.repeat) {
      for (const row of (v as unknown[] | undefined) ?? []) {
        await term.press(KEY.enter);
        await fillFields(term, f.fields, row);
      }
      await term.press(KEY.tab);
    } else if (f.kind === 'group') {
      await fillFields(term, f.fields, v);
    } else {
      if (f.kind === 'choice' && typeof v === 'string') await term.press(String(f.choices.findIndex((c) => c.value === v) + 1));
      else if (v !== undefined) await term.type(String(v));
      await term.press(KEY.tab);
    }
  }
}

/** Presses ↓ (or ↑) until the marked line (plain mode) contains `label`. */
export async function focusOn(term: Terminal, label: string, key: string = KEY.down): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (markedLine(term)?.includes(label)) return;
    await term.press(key);
  }
  throw new Error(`no field "${label}" in:\n${term.frame()}`);
}

export function markedLine(term: Terminal): string | undefined {
  return term.lines().find((l) => l.startsWith('›'));
}

export function lineWith(term: Terminal, text: string): string | undefined {
  return term.lines().find((l) => l.includes(text));
}
