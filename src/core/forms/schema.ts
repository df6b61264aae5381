import { z } from 'zod';
import { parseBin, parseIin } from '../identity/iin.js';
import type { Field, FormDef, GroupField } from './field.js';
import { safeText } from '../text-safety.js';

/**
 * Builds the zod schema of a questionnaire from its field definitions. Schemas normalise as they
 * check (dates to YYYY-MM-DD, phones to +7XXXXXXXXXX, IINs without spaces), so every front-end
 * stores the same value for the same answer. `today` (YYYY-MM-DD) bounds years and dates.
 */

// Letters of the Kazakh, Russian and Latin alphabets (Kazakh adds ә ғ қ ң ө ұ ү һ і), plus the
// separators names really contain. Emoji, digits and other scripts are refused with a message.
const NAME = /^[A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+(?:[ '’\-][A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const POSTCODE = /^(\d{6}|[A-Z]\d{2}[A-Z]\d[A-Z]\d)$/;
const DEFAULT_MAX = { name: 100, text: 300, multiline: 4000 } as const;

/** DD.MM.YYYY or YYYY-MM-DD to YYYY-MM-DD, or null when it is not a real date. */
export function normaliseDate(input: string): string | null {
  const s = input.trim();
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s) ?? null;
  const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : s;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * A date the way a clerk at the counter or a citizen in the bot types it, tidied into the
 * DD.MM.YYYY that `normaliseDate` reads: eight digits (05031985), or day and month of one or two
 * digits with a dot, slash, hyphen, comma or space between the parts (5.3.1985, 5/3/1985,
 * 5-3-1985, 5 3 1985, 5, 3, 1985), spaces around a separator allowed. Commas are kept because a
 * phone's number pad in the Russian layout offers a comma where the dot would be. Day first
 * always: 03.05.1985 is the 3rd of May, as on every Kazakh form. Anything else is returned as
 * typed (trimmed) for `normaliseDate` and the schema to judge. Every front-end uses this one.
 */
export function tidyDate(input: string): string {
  const s = input.trim();
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (digits) return `${digits[1]}.${digits[2]}.${digits[3]}`;
  const parts = /^(\d{1,2})\s*[./\-, ]\s*(\d{1,2})\s*[./\-, ]\s*(\d{4})$/.exec(s);
  if (parts) return `${parts[1]!.padStart(2, '0')}.${parts[2]!.padStart(2, '0')}.${parts[3]}`;
  return s;
}

/** Kazakhstan numbers: 8 or +7 then ten digits (mobile 7XX…, landline with area code). */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s()\-.]/g, '');
  const m = /^(?:\+7|8|7)?(\d{10})$/.exec(digits);
  return m ? `+7${m[1]}` : null;
}

/**
 * Typed text with escape sequences, controls and bidi overrides removed first (core/text-safety.ts):
 * whatever a front-end or a file sends, what is stored can be drawn on a clerk's terminal. Line
 * breaks are kept here even for one-line fields, so those still refuse them with a message.
 */
const cleaned = () => z.string().transform((s) => safeText(s, { multiline: true }));
const trimmed = (max: number, check: (s: z.ZodString) => z.ZodType<unknown, string> = (s) => s) => cleaned().pipe(check(z.string().trim().min(1).max(max)));

function scalarSchema(field: Exclude<Field, GroupField>, today: string): z.ZodType {
  const thisYear = Number(today.slice(0, 4));
  switch (field.kind) {
    case 'name':
      return trimmed(field.maxLength ?? DEFAULT_MAX.name, (s) => s.regex(NAME));
    case 'text':
      return trimmed(field.maxLength ?? DEFAULT_MAX.text, (s) => s.refine((v) => !/[\n\r]/.test(v)));
    case 'multiline':
      return trimmed(field.maxLength ?? DEFAULT_MAX.multiline);
    case 'iin':
      return z.string().transform((s, ctx) => {
        const r = parseIin(s);
        // parseIin knows no "today": an IIN whose birth date is still to come is a typo.
        if (!r.ok || r.value.birthDate > today) ctx.addIssue({ code: 'custom', params: { problem: r.ok ? 'birthDate' : r.error } });
        return r.ok ? r.value.value : s;
      });
    case 'bin':
      return z.string().transform((s, ctx) => {
        const r = parseBin(s);
        if (!r.ok) ctx.addIssue({ code: 'custom', params: { problem: r.error } });
        return r.ok ? r.value : s;
      });
    case 'iinOrBin':
      return z.string().transform((s, ctx) => {
        const iin = parseIin(s);
        if (iin.ok) return iin.value.value;
        const bin = parseBin(s);
        if (bin.ok) return bin.value;
        ctx.addIssue({ code: 'custom', params: { problem: iin.error } });
        return s;
      });
    case 'date':
      return z.string().transform((s, ctx) => {
        const iso = normaliseDate(s);
        const bad =
          iso === null ||
          iso < '1800-01-01' ||
          (field.when === 'past' && iso > today) ||
          (field.when === 'future' && iso < today);
        if (bad) ctx.addIssue({ code: 'custom' });
        return iso ?? s;
      });
    case 'year':
      return z.union([z.number(), z.string().trim().regex(/^\d{4}$/).transform(Number)])
        .pipe(z.number().int().min(field.min ?? 1900).max(thisYear));
    case 'phone':
      return z.string().transform((s, ctx) => {
        const p = normalisePhone(s);
        if (!p) ctx.addIssue({ code: 'custom' });
        return p ?? s;
      });
    case 'email':
      return cleaned().pipe(z.string().trim().max(254).regex(EMAIL)).transform((s) => s.toLowerCase());
    case 'postcode':
      return z.string().trim().transform((s) => s.toUpperCase().replace(/\s/g, '')).pipe(z.string().regex(POSTCODE));
    case 'choice':
      return z.enum(field.choices.map((c) => c.value) as [string, ...string[]]);
    case 'boolean':
      return z.boolean();
  }
}

function groupSchema(field: GroupField | FormDef, today: string): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const f of field.fields) {
    const s = fieldSchema(f, today);
    shape[f.id] = f.required ? s : emptyAsMissing(s.optional());
  }
  let object: z.ZodType = z.strictObject(shape);
  const checks = 'checks' in field ? field.checks : undefined;
  if (checks?.length) {
    object = object.superRefine((value, ctx) => {
      for (const check of checks) {
        if (!check.test(value as Record<string, unknown>, today)) {
          ctx.addIssue({ code: 'custom', path: [check.field], params: { check: checks.indexOf(check) } });
        }
      }
    });
  }
  return object;
}

/** An optional answer left blank ("" or null) counts as not given. */
function emptyAsMissing(schema: z.ZodType): z.ZodType {
  return z.preprocess((v) => (v === '' || v === null ? undefined : v), schema);
}

export function fieldSchema(field: Field, today: string): z.ZodType {
  if (field.kind !== 'group') return scalarSchema(field, today);
  const group = groupSchema(field, today);
  if (!field.repeat) return group;
  return z.array(group).min(field.repeat.min).max(field.repeat.max);
}

const built = new WeakMap<FormDef, { today: string; schema: z.ZodType }>();

/** Building a form's schema costs more than using it, so it is kept for the day it was built for. */
export function formSchema(form: FormDef, today: string): z.ZodType {
  const cached = built.get(form);
  if (cached?.today === today) return cached.schema;
  const schema = groupSchema(form, today);
  built.set(form, { today, schema });
  return schema;
}
