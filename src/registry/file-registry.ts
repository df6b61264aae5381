import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { normalisePoaNumber } from '../core/identity/checks.js';
import { compactDigits, parseIin } from '../core/identity/iin.js';
import type {
  NotaryRegistry,
  Person,
  PersonRegistry,
  PowerOfAttorney,
} from '../core/identity/registries.js';
import { SERVICE_IDS } from '../core/services/types.js';

/**
 * File-backed stand-ins for ГБД ФЛ and ЕНИС (ARCHITECTURE "Identity and signatures"): JSON
 * fixtures read once at start and indexed in memory. The files are edited by hand, so every entry
 * is checked and a mistake stops the start with the file, the entry and the field named, rather
 * than surfacing later as a citizen wrongly refused.
 */

/** A fixture file that cannot be used. Thrown: a broken deployment is not a citizen's error. */
export class RegistryFileError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | null,
    detail: string,
  ) {
    super(`${file}${entry ? `, ${entry}` : ''}: ${detail}`);
    this.name = 'RegistryFileError';
  }
}

const isoDate = z.iso.date();

/** A well-formed IIN (check digit, century digit, real birth date). */
const iin = z.string().superRefine((value, ctx) => {
  const parsed = parseIin(value);
  if (!parsed.ok || parsed.value.value !== value) {
    ctx.addIssue({ code: 'custom', message: `not a valid IIN (${parsed.ok ? 'separators' : parsed.error})` });
  }
});

const personSchema = z
  .strictObject({
    iin,
    lastName: z.string().trim().min(1),
    firstName: z.string().trim().min(1),
    patronymic: z.string().trim().min(1).optional(),
    birthDate: isoDate,
    sex: z.enum(['male', 'female']),
    phone: z.string().regex(/^\+7\d{10}$/, 'phone must be +7 and 10 digits').optional(),
    address: z
      .strictObject({
        region: z.string().min(1).optional(),
        locality: z.string().min(1),
        street: z.string().min(1).optional(),
        house: z.string().min(1).optional(),
        flat: z.string().min(1).optional(),
        postcode: z.string().min(1).optional(),
      })
      .optional(),
    deceased: z.boolean().optional(),
  })
  // The IIN encodes the birth date and sex; a fixture that disagrees would make checks that read
  // either one pass or fail depending on which they read.
  .superRefine((p, ctx) => {
    const parsed = parseIin(p.iin);
    if (!parsed.ok) return;
    if (parsed.value.birthDate !== p.birthDate) {
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: `the IIN encodes ${parsed.value.birthDate}` });
    }
    if (parsed.value.sex !== p.sex) {
      ctx.addIssue({ code: 'custom', path: ['sex'], message: `the IIN's 7th digit encodes ${parsed.value.sex}` });
    }
  });

const poaSchema = z
  .strictObject({
    number: z.string().trim().min(1),
    issuedOn: isoDate,
    validUntil: isoDate.optional(),
    principalIin: iin,
    attorneyIin: iin,
    certifiedBy: z.enum(['notary', 'employer', 'other']),
    notary: z.strictObject({ fullName: z.string().min(1), licence: z.string().min(1).optional() }).optional(),
    services: z.union([z.literal('all'), z.array(z.enum(SERVICE_IDS)).min(1)]),
    revokedOn: isoDate.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.certifiedBy === 'notary' && !p.notary) {
      ctx.addIssue({ code: 'custom', path: ['notary'], message: 'a notarised power of attorney names its notary' });
    }
    if (p.validUntil !== undefined && p.validUntil < p.issuedOn) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'ends before it was issued' });
    }
  });

const describe = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(entry)'}: ${i.message}`).join('; ');

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new RegistryFileError(file, null, `cannot be read (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RegistryFileError(file, null, `is not valid JSON (${(e as Error).message})`);
  }
}

/**
 * Reads `{ note?, <listName>: [...] }`, checks every entry and indexes it by `keyOf`. An entry is
 * named by its position and, where it has one, its key, so the right line is quick to find.
 */
function loadIndexed<T>(
  file: string,
  listName: string,
  schema: z.ZodType<T>,
  keyOf: (entry: T) => string,
  rawKeyOf: (raw: unknown) => unknown,
): Map<string, T> {
  const top = z.looseObject({ note: z.string().optional(), [listName]: z.array(z.unknown()) }).safeParse(readJson(file));
  if (!top.success) throw new RegistryFileError(file, null, describe(top.error));
  const index = new Map<string, T>();
  (top.data[listName] as unknown[]).forEach((raw, i) => {
    const rawKey = rawKeyOf(raw);
    const entry = `${listName}[${i}]${typeof rawKey === 'string' ? ` (${rawKey})` : ''}`;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new RegistryFileError(file, entry, describe(parsed.error));
    const key = keyOf(parsed.data);
    if (index.has(key)) throw new RegistryFileError(file, entry, `duplicate of an earlier entry with key ${key}`);
    index.set(key, parsed.data);
  });
  return index;
}

const field = (name: string) => (raw: unknown) =>
  typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;

export interface RegistryPaths {
  readonly persons: string;
  readonly powersOfAttorney: string;
}

export interface FileRegistries {
  readonly persons: PersonRegistry;
  readonly notary: NotaryRegistry;
}

/** Loads both fixture files synchronously, at start; throws RegistryFileError on the first bad entry. */
export function loadFileRegistries(paths: RegistryPaths): FileRegistries {
  const persons = loadIndexed<Person>(paths.persons, 'persons', personSchema, (p) => p.iin, field('iin'));
  const poas = loadIndexed<PowerOfAttorney>(
    paths.powersOfAttorney,
    'powersOfAttorney',
    poaSchema,
    (p) => normalisePoaNumber(p.number),
    field('number'),
  );
  return {
    persons: { findPerson: async (value) => persons.get(compactDigits(value)) ?? null },
    notary: { findPowerOfAttorney: async (number) => poas.get(normalisePoaNumber(number)) ?? null },
  };
}
