import type { z } from 'zod';
import { catalogue, type MessageKey } from '../i18n/catalogue.js';
import { fill, type Text } from '../i18n/text.js';
import { domainError, fail, ok, type FieldProblem, type Result } from '../result.js';
import { fieldAt, labelsAt, type Field, type FormDef, type GroupField } from './field.js';
import { fieldSchema, formSchema } from './schema.js';

type Params = Record<string, string | number>;

function message(key: MessageKey, params: Params = {}): Text {
  const text = catalogue[key] as Text;
  return {
    kk: fill(text.kk, params),
    ru: fill(text.ru, params),
    ...(text.en ? { en: fill(text.en, params) } : {}),
  };
}

/** What a field expects, in words; the same text whatever went wrong with the answer. */
export function expectedFor(field: Field, today: string): Text {
  switch (field.kind) {
    case 'name':
    case 'text':
    case 'multiline':
      return message(`form.expected.${field.kind}`, { max: field.maxLength ?? { name: 100, text: 300, multiline: 4000 }[field.kind] });
    case 'date':
      return message(field.when === 'past' ? 'form.expected.datePast' : field.when === 'future' ? 'form.expected.dateFuture' : 'form.expected.date');
    case 'year':
      return message('form.expected.year', { min: field.min ?? 1900, max: today.slice(0, 4) });
    case 'choice':
      return {
        kk: fill(catalogue['form.expected.choice'].kk, { choices: field.choices.map((c) => `${c.value} (${c.label.kk})`).join(', ') }),
        ru: fill(catalogue['form.expected.choice'].ru, { choices: field.choices.map((c) => `${c.value} (${c.label.ru})`).join(', ') }),
      };
    case 'group':
      return field.repeat ? message('form.expected.rows', field.repeat) : message('form.expected.group');
    default:
      return message(`form.expected.${field.kind}`);
  }
}

function joinLabels(labels: Text[]): Text {
  return {
    kk: labels.map((l) => l.kk).join(' → '),
    ru: labels.map((l) => l.ru).join(' → '),
    en: labels.map((l) => l.en ?? l.ru).join(' → '),
  };
}

function problemFor(form: FormDef, issue: z.core.$ZodIssue, input: unknown, today: string): FieldProblem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key].join('.'),
      label: joinLabels([...labelsAt(form, path), { kk: key, ru: key }]),
      expected: message('form.unknownField'),
    }));
  }
  const params = (issue as { params?: { check?: number } }).params;
  if (params?.check !== undefined) {
    const group = fieldAt(form, path.slice(0, -1)) as GroupField | undefined;
    const check = group?.checks?.[params.check];
    if (check) return [{ path: path.join('.'), label: joinLabels(labelsAt(form, path)), expected: check.expected }];
  }
  const field = fieldAt(form, path);
  if (!field) {
    return [{ path: path.join('.') || '(root)', label: { kk: path.join('.') || '—', ru: path.join('.') || '—' }, expected: message('form.notObject') }];
  }
  const expected = expectedFor(field, today);
  const missing = valueAt(input, path) === undefined;
  return [{
    path: path.join('.'),
    label: joinLabels(labelsAt(form, path)),
    expected: missing ? { kk: fill(catalogue['form.required'].kk, { expected: expected.kk }), ru: fill(catalogue['form.required'].ru, { expected: expected.ru }) } : expected,
  }];
}

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/**
 * Checks a questionnaire against the service's form. On success returns the normalised answers;
 * on failure a VALIDATION error naming every bad field and what it expects.
 */
export function validateForm(form: FormDef, input: unknown, today: string): Result<Record<string, unknown>> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return fail(domainError('VALIDATION', { key: 'form.invalid', params: { count: 1 } }, {
      fields: [{ path: '(root)', label: { kk: 'Сауалнама', ru: 'Анкета' }, expected: message('form.notObject') }],
    }));
  }
  const parsed = formSchema(form, today).safeParse(input);
  if (parsed.success) return ok(parsed.data as Record<string, unknown>);
  const seen = new Set<string>();
  const fields = parsed.error.issues
    .flatMap((issue) => problemFor(form, issue, input, today))
    .filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
  return fail(domainError('VALIDATION', { key: 'form.invalid', params: { count: fields.length } }, { fields }));
}

/**
 * Validates one answer on its own, as the bot and the TUI ask one question at a time. Returns the
 * normalised value, or what the field expects.
 */
export function validateAnswer(field: Field, raw: unknown, today: string): Result<unknown, Text> {
  const parsed = fieldSchema(field, today).safeParse(raw);
  return parsed.success ? ok(parsed.data) : fail(expectedFor(field, today));
}
