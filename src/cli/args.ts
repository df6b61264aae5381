import { readFileSync } from 'node:fs';
import type { MessageKey } from '../core/i18n/catalogue.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { Lang } from '../core/i18n/text.js';
import { t } from '../core/i18n/catalogue.js';

/** A required option was not given: names it and what it expects. */
export function missing(lang: Lang, option: string, expected: MessageKey, params?: Record<string, string>): DomainError {
  return domainError('VALIDATION', { key: 'cli.missingOption', params: { option, expected: t(lang, expected, params) } });
}

export function badValue(lang: Lang, option: string, expected: MessageKey, params?: Record<string, string>): DomainError {
  return domainError('VALIDATION', { key: 'cli.badValue', params: { option, expected: t(lang, expected, params) } });
}

export function readJsonArg(path: string): Result<unknown, DomainError> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return fail(domainError('VALIDATION', { key: 'cli.dataFileUnreadable', params: { path, reason: (error as NodeJS.ErrnoException).code ?? String(error) } }));
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail(domainError('VALIDATION', { key: 'cli.notJson', params: { path, reason: (error as Error).message } }));
  }
}
