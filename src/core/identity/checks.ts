import type { MessageKey } from '../i18n/catalogue.js';
import { normalisePhone } from '../forms/schema.js';
import type { ServiceId } from '../services/types.js';
import { domainError, fail, ok, type DomainError, type Result } from '../result.js';
import { compactDigits, parseIin, type BinProblem, type IinProblem } from './iin.js';
import type { NotaryRegistry, Person, PersonRegistry, PowerOfAttorney } from './registries.js';
import type { NumberProblem } from './request-number.js';

/**
 * Intake checks run before a request is registered (SPEC §3.3 T3): the applicant is looked up in
 * ГБД ФЛ and, when a representative files, the power of attorney in БНАЖ (ЕНИС). A failure is
 * INTAKE_REFUSED: the request is never registered and gets no number (SPEC §3.2).
 */

/** The message that explains each IinProblem / BinProblem / NumberProblem; the CLI `iin` command prints it. */
export const iinProblemKey = (p: IinProblem): MessageKey => `identity.iin.${p}`;
export const binProblemKey = (p: BinProblem): MessageKey => `identity.bin.${p}`;
export const numberProblemKey = (p: NumberProblem): MessageKey => `identity.number.${p}`;

const refused = (reason: 'R3' | 'R4a' | 'R4b', key: MessageKey, params: Record<string, string>): DomainError =>
  domainError('INTAKE_REFUSED', { key, params }, { reasons: [reason] });

// People without a Kazakh keyboard type ә as а, ұ and ү as у, and so on; ГБД ФЛ spells names
// in Kazakh. Folding both sides keeps «Нурланова» from being refused for «Нұрланова», while the
// IIN, not the name, stays what identifies the person.
const FOLD: Readonly<Record<string, string>> = {
  ё: 'е', ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и',
};

/** Case, spaces, ё/е and Kazakh/Russian look-alike letters do not count as a different name. */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFC')
      .toLowerCase()
      .replace(/[ёәғқңөұүһі]/g, (ch) => FOLD[ch] ?? ch)
      .replace(/\s*-\s*/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  return fold(a) === fold(b);
}

/**
 * R3: the applicant must be in ГБД ФЛ. When the form gives a name, it must be the registry's:
 * an IIN typed with one wrong digit can belong to a real stranger. A malformed IIN is a typo,
 * not a refusal, so it comes back as VALIDATION with the IIN problem's own message.
 * A person the registry marks as deceased cannot apply (inferred; the seeds do not say), and is
 * refused as R3 with a message of its own.
 */
export async function checkApplicant(
  registry: PersonRegistry,
  iin: string,
  names?: { readonly lastName: string; readonly firstName: string },
): Promise<Result<Person, DomainError>> {
  const parsed = parseIin(iin);
  if (!parsed.ok) {
    return fail(domainError('VALIDATION', { key: iinProblemKey(parsed.error), params: { iin } }));
  }
  const value = parsed.value.value;
  const person = await registry.findPerson(value);
  if (!person) return fail(refused('R3', 'identity.person.notFound', { iin: value }));
  if (names && !(sameName(names.lastName, person.lastName) && sameName(names.firstName, person.firstName))) {
    return fail(refused('R3', 'identity.person.nameMismatch', { iin: value }));
  }
  if (person.deceased) return fail(refused('R3', 'identity.person.deceased', { iin: value }));
  return ok(person);
}

/** The key PoA numbers are stored and looked up by: no `№`/`No` prefix, no spaces, upper case. */
export function normalisePoaNumber(input: string): string {
  return input.trim().replace(/^(№|no\.?)\s*/i, '').replace(/\s+/g, '').toUpperCase();
}

export interface PoaQuery {
  readonly number: string;
  readonly principalIin: string;
  readonly attorneyIin: string;
  readonly serviceId: ServiceId;
  /** YYYY-MM-DD */
  readonly today: string;
}

/** YYYY-MM-DD → DD.MM.YYYY, as dates are written in letters and on screens. */
const displayDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * Last day the PoA is in force. A deed that names no term holds for one year from the day it was
 * made (Civil Code of the RK, art. 168 §1; not in the seeds). A deed of 29 February then ends
 * on 28 February, the last day of that month in the following year.
 */
export function poaLastDay(poa: PowerOfAttorney): string {
  if (poa.validUntil) return poa.validUntil;
  const monthDay = poa.issuedOn.slice(4) === '-02-29' ? '-02-28' : poa.issuedOn.slice(4);
  return `${Number(poa.issuedOn.slice(0, 4)) + 1}${monthDay}`;
}

/**
 * R4a / R4b (S3 §7.2–7.5): a representative may file only under a notarised PoA that ЕНИС knows.
 * Which reason each outcome carries:
 *   R4b  certified by anyone but a notary (S3 §7.2: such PoA data "are not filled in");
 *   R4a  not in ЕНИС — the regulation's own case;
 *   R4a  given by someone else / to someone else, revoked, not yet or no longer in force, or not
 *        covering this service. ЕНИС holds no PoA that lets this representative act here, which
 *        is R4a in substance; each still gets its own message so the operator can explain it.
 * The parties are compared first, so an operator learns nothing about someone else's PoA
 * (whether it was revoked, its term) from typing its number.
 */
export async function checkPowerOfAttorney(
  notary: NotaryRegistry,
  query: PoaQuery,
): Promise<Result<PowerOfAttorney, DomainError>> {
  const number = normalisePoaNumber(query.number);
  const poa = await notary.findPowerOfAttorney(number);
  if (!poa) return fail(refused('R4a', 'identity.poa.notFound', { number }));
  const principal = compactDigits(query.principalIin);
  const attorney = compactDigits(query.attorneyIin);
  if (poa.principalIin !== principal) {
    return fail(refused('R4a', 'identity.poa.wrongPrincipal', { number, iin: principal }));
  }
  if (poa.attorneyIin !== attorney) {
    return fail(refused('R4a', 'identity.poa.wrongAttorney', { number, iin: attorney }));
  }
  if (poa.certifiedBy !== 'notary') return fail(refused('R4b', 'identity.poa.notNotarised', { number }));
  if (poa.revokedOn !== undefined && poa.revokedOn <= query.today) {
    return fail(refused('R4a', 'identity.poa.revoked', { number, date: displayDate(poa.revokedOn) }));
  }
  if (poa.issuedOn > query.today) {
    return fail(refused('R4a', 'identity.poa.notYetValid', { number, date: displayDate(poa.issuedOn) }));
  }
  const lastDay = poaLastDay(poa);
  if (lastDay < query.today) {
    return fail(refused('R4a', 'identity.poa.expired', { number, date: displayDate(lastDay) }));
  }
  if (poa.services !== 'all' && !poa.services.includes(query.serviceId)) {
    return fail(refused('R4a', 'identity.poa.serviceNotCovered', { number }));
  }
  return ok(poa);
}

/**
 * The bot's confirmation: the phone Telegram verified must be the one ГБД ФЛ holds. Both are
 * normalised (+7 / 8 / 7 prefix, spaces, dashes, brackets); a person with no phone on record
 * never matches.
 */
export function phoneMatches(person: Person, phone: string): boolean {
  if (!person.phone) return false;
  const mine = normalisePhone(person.phone);
  return mine !== null && mine === normalisePhone(phone);
}
