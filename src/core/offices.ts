import { z } from 'zod';
import type { MessageRef } from './i18n/catalogue.js';
import { domainError, fail, ok, type DomainError, type Result } from './result.js';
import { SERVICE_IDS, type ServiceId } from './services/types.js';

/**
 * The organisations configuration (data/offices.json): providers that decide requests, public
 * service centres (ХҚКО) that take them in, and the call-centre. It is data an administrator edits
 * by hand, so unknown keys are refused (a misspelt "extensionGrounds" must not silently switch an
 * office's opt-in off) and every problem names the entry it is in.
 */

const text = z.strictObject({
  kk: z.string().trim().min(1),
  ru: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
});

/** "8 (7242) 263913", "+7 7172 216616", "1414": digits with the usual separators, at least three digits. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]*[0-9]$/)
  .refine((s) => s.replace(/\D/g, '').length >= 3);

/** Extension ground codes are defined by the services (services/*.ts); here we only check their shape. */
const groundCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/);

const organisationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** `provider` decides requests (ЖАО / authorised body), `centre` takes them in (ХҚКО), `callcentre` answers the phone. */
  kind: z.enum(['provider', 'centre', 'callcentre']),
  title: text,
  region: text,
  /** The seeds give no street addresses; the call-centre has none. */
  address: text.optional(),
  /** Local numbers (SPEC §6.3); the call-centre number applies everywhere in addition. */
  phones: z.array(phone).default([]),
  /** For a provider, the services it decides; for a centre, the services it takes in. */
  services: z.array(z.enum(SERVICE_IDS)).default([]),
  /** The archive director the questionnaire is addressed to (S0 A3 H1), or the signer of the output. */
  director: z.strictObject({ fullName: z.string().trim().min(1).max(150), position: text.optional() }).optional(),
  /** Extension grounds that need the office's opt-in, per service (e.g. Astana's "up to 6 months", S2 A1 T3). */
  extensionGrounds: z.partialRecord(z.enum(SERVICE_IDS), z.array(groundCode).min(1)).optional(),
  /** S2 §17.4: results not collected in time are kept; the seeds give no period, so each office sets it. */
  storesUncollected: z.strictObject({ days: z.int().min(1).max(3650) }).optional(),
  /** Print result documents in Kazakh and Russian on one page, whatever language the citizen reads. */
  documentsInBothLanguages: z.boolean().optional(),
  /** Not a real office: made up for the demo. */
  demo: z.boolean().optional(),
});

const configSchema = z.strictObject({
  /** Kazakhstan has kept one time zone, UTC+5, since 1 March 2024. */
  timezoneOffsetMinutes: z.int().min(-720).max(840),
  callCentrePhone: phone,
  /**
   * What the QR code on every document leads to: a link with {number} and {code} in it, e.g. the
   * citizen bot's deep link, which answers with the document's verification data.
   */
  verificationUrl: z
    .string()
    .regex(/^https:\/\/\S+$/)
    .refine((s) => s.includes('{number}') && s.includes('{code}'))
    .default('https://t.me/AnyqtamaBot?start=v_{number}_{code}'),
  organisations: z.array(organisationSchema).min(1),
});

export type Organisation = z.infer<typeof organisationSchema>;
export type OrganisationKind = Organisation['kind'];
export type OfficesConfig = z.infer<typeof configSchema>;

const invalid = (message: MessageRef): Result<never, DomainError> => fail(domainError('VALIDATION', message));

/** An entry is named by its id when it has a usable one, else by its position ("#3"). */
function entryName(input: unknown, index: number): string {
  const organisations = (input as { organisations?: unknown }).organisations;
  const entry = Array.isArray(organisations) ? (organisations[index] as { id?: unknown } | undefined) : undefined;
  const id = entry && typeof entry === 'object' ? entry.id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : `#${index + 1}`;
}

function messageFor(issue: z.core.$ZodIssue, input: unknown): MessageRef {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const [top, index, ...rest] = path;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  if (top !== 'organisations' || typeof index !== 'number' || (rest.length === 0 && keys.length === 0)) {
    return { key: 'reference.offices.invalidField', params: { field: [...path, ...keys].join('.') || '—' } };
  }
  const entry = entryName(input, index);
  const field = rest.join('.');
  if (keys.length > 0) {
    return { key: 'reference.offices.unknownKey', params: { entry, field: keys.map((k) => [...rest, k].join('.')).join(', ') } };
  }
  if (issue.code === 'invalid_value' || issue.code === 'invalid_key') {
    const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : [...SERVICE_IDS];
    return { key: 'reference.offices.unknownValue', params: { entry, field, allowed: allowed.join(', ') } };
  }
  return { key: 'reference.offices.invalidEntry', params: { entry, field } };
}

/** Rules that span fields or entries, which the schema cannot see one entry at a time. */
function crossCheck(config: OfficesConfig): MessageRef | null {
  const seen = new Set<string>();
  for (const org of config.organisations) {
    if (seen.has(org.id)) return { key: 'reference.offices.duplicateId', params: { id: org.id } };
    seen.add(org.id);
    if (org.kind === 'provider' && org.services.length === 0) {
      return { key: 'reference.offices.providerWithoutService', params: { entry: org.id } };
    }
    const unprovided = Object.keys(org.extensionGrounds ?? {}).find((s) => !(org.services as string[]).includes(s));
    if (unprovided) return { key: 'reference.offices.groundForUnprovidedService', params: { entry: org.id, service: unprovided } };
  }
  return null;
}

/** Parses the organisations configuration read from disk by the caller; the first problem is reported. */
export function parseOffices(json: unknown): Result<OfficesConfig, DomainError> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return invalid({ key: 'reference.offices.notObject' });
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return invalid(first ? messageFor(first, json) : { key: 'reference.offices.notObject' });
  }
  const problem = crossCheck(parsed.data);
  return problem ? invalid(problem) : ok(parsed.data);
}

export function findOrganisation(config: OfficesConfig, id: string): Organisation | undefined {
  return config.organisations.find((org) => org.id === id);
}

/** The offices that decide requests for a service (e.g. both Astana archive bodies for archive-certificate). */
export function providersOf(config: OfficesConfig, serviceId: ServiceId): readonly Organisation[] {
  return config.organisations.filter((org) => org.kind === 'provider' && org.services.includes(serviceId));
}

/** The public service centres that take in requests for a service. */
export function centresOf(config: OfficesConfig, serviceId: ServiceId): readonly Organisation[] {
  return config.organisations.filter((org) => org.kind === 'centre' && org.services.includes(serviceId));
}

/** Numbers a citizen may call about a request at this organisation: its own, then the call-centre (SPEC §6.3). */
export function contactPhones(config: OfficesConfig, org: Organisation | undefined): readonly string[] {
  const own = org?.phones ?? [];
  return own.includes(config.callCentrePhone) ? own : [...own, config.callCentrePhone];
}
