import type { FormDef } from '../../core/forms/field.js';
import { isLocked, type QuestionnaireState } from '../../core/forms/questionnaire/state.js';
import { summaryBlocks, type SummaryLine } from '../../core/forms/questionnaire/summary.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { shown } from './display.js';
import { MESSAGE_LIMIT } from './prompt.js';

/**
 * Every answer, the way a person reads it, for the citizen to check before confirming; split
 * into Telegram messages. Each top-level section is kept in one message when it fits.
 */
export function summaryParts(form: FormDef, state: QuestionnaireState, lang: Lang): string[] {
  const blocks = summaryBlocks(form, state.answers).map((lines) => lines.map((line) => lineText(line, state, lang)).join('\n'));
  return pack([t(lang, 'botForm.summary.title'), ...blocks], t(lang, 'botForm.summary.continued'), t(lang, 'botForm.summary.confirm'));
}

const INDENT = '   ';

function lineText(line: SummaryLine, state: QuestionnaireState, lang: Lang): string {
  const label = pick(line.label, lang);
  const indent = INDENT.repeat(line.depth);
  switch (line.kind) {
    case 'heading':
      return indent + t(lang, 'botForm.summary.heading', { label });
    case 'noRows':
      return indent + t(lang, 'botForm.summary.line', { label, value: t(lang, 'botForm.summary.noRows') });
    case 'notFilled':
      return indent + t(lang, 'botForm.summary.line', { label, value: t(lang, 'botForm.summary.notFilled') });
    case 'value': {
      const key = isLocked(state, line.path) ? 'botForm.summary.lockedLine' : 'botForm.summary.line';
      return indent + t(lang, key, { label, value: shown(line.field, line.value, lang) });
    }
  }
}

/**
 * Joins blocks into messages of at most MESSAGE_LIMIT characters; a block too long for one
 * message is cut at line breaks, a line too long at spaces. The last message ends with `closing`.
 */
export function pack(blocks: readonly string[], continued: string, closing: string): string[] {
  const parts: string[] = [];
  let current = '';
  const add = (piece: string, separator: string): void => {
    if (current !== '' && current.length + separator.length + piece.length > MESSAGE_LIMIT) {
      parts.push(current);
      current = continued;
      separator = '\n';
    }
    current = current === '' ? piece : current + separator + piece;
  };
  const limit = MESSAGE_LIMIT - continued.length - 2;
  for (const block of blocks) {
    if (block.length <= limit) {
      add(block, '\n\n');
      continue;
    }
    let first = true;
    for (const line of block.split('\n')) {
      for (const piece of cut(line, limit)) {
        add(piece, first ? '\n\n' : '\n');
        first = false;
      }
    }
  }
  add(closing, '\n\n');
  parts.push(current);
  return parts;
}

/** A line in pieces of at most `max` characters, cut at a space where there is one, never inside a surrogate pair. */
function cut(line: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let end = rest.lastIndexOf(' ', max);
    if (end < max / 2) end = max;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(end - 1))) end -= 1;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end).replace(/^ /, '');
  }
  pieces.push(rest);
  return pieces;
}
