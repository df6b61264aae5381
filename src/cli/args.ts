import type { MessageKey } from '../core/i18n/catalogue.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { Lang } from '../core/i18n/text.js';
import { t } from '../core/i18n/catalogue.js';
import { LIMITS, readLimitedText } from './read-limited.js';

/** A required option was not given: names it and what it expects. */
export function missing(lang: Lang, option: string, expected: MessageKey, params?: Record<string, string>): DomainError {
  return domainError('VALIDATION', { key: 'cli.missingOption', params: { option, expected: t(lang, expected, params) } });
}

export function badValue(lang: Lang, option: string, expected: MessageKey, params?: Record<string, string>): DomainError {
  return domainError('VALIDATION', { key: 'cli.badValue', params: { option, expected: t(lang, expected, params) } });
}

/** A JSON file named by `option` (--data, --content): bounded in size, a UTF-8 byte-order mark accepted. */
export function readJsonArg(path: string, option: string): Result<unknown, DomainError> {
  const read = readLimitedText(path, { option, maxBytes: LIMITS.json });
  if (!read.ok) return read;
  const text = read.value;
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(domainError('VALIDATION', { key: 'cli.notJson', params: { path, reason: (error as Error).message } }));
  }
}

/** The longest note or justification: the clerk terminal's decision form allows the same (src/tui/screens/decide.tsx). */
export const MAX_NOTE_LENGTH = 2000;
/** Codes and ids typed on the command line: document, reason and ground codes, offices, services, logins. */
export const MAX_CODE_LENGTH = 64;

const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Free text and ids given as options, checked before anything is opened: a note is a paragraph
 * (newlines and tabs allowed), a login or a search one line, a code a short id of a sensible charset.
 * Values stay within what an office needs, so nothing 100 KB long is stored or echoed back.
 */
const OPTION_TEXT: Readonly<Record<string, { readonly max: number; readonly kind: 'multiline' | 'line' | 'code' }>> = {
  note: { max: MAX_NOTE_LENGTH, kind: 'multiline' },
  paper: { max: MAX_CODE_LENGTH, kind: 'code' },
  reason: { max: MAX_CODE_LENGTH, kind: 'code' },
  office: { max: MAX_CODE_LENGTH, kind: 'code' },
  service: { max: MAX_CODE_LENGTH, kind: 'code' },
  as: { max: MAX_CODE_LENGTH, kind: 'line' },
};

export function checkOptionText(lang: Lang, values: Readonly<Record<string, unknown>>): Result<void, DomainError> {
  for (const [name, rule] of Object.entries(OPTION_TEXT)) {
    const given = values[name];
    const list = Array.isArray(given) ? given : [given];
    for (const value of list) {
      if (typeof value !== 'string') continue;
      const long = [...value].length > rule.max;
      const bad = rule.kind === 'code' ? !CODE.test(value) : rule.kind === 'line' ? CONTROL.test(value) : CONTROL_EXCEPT_LINES.test(value);
      if (long || bad) {
        return fail(badValue(lang, `--${name}`, name === 'paper' ? 'securityCli.expected.paper' : rule.kind === 'code' ? 'securityCli.expected.code' : 'securityCli.expected.text', { max: String(rule.max) }));
      }
    }
  }
  return ok(undefined);
}
