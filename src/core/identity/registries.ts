/**
 * Ports to the two state databases the intake checks consult (SPEC §3.3 T3). The real systems
 * sit behind the e-government gateway (ЭҮШ) and are out of reach; `src/registry/` has adapters
 * over demo fixtures, and a gateway adapter would implement the same two one-method interfaces.
 *
 * A lookup that finds nothing resolves to `null`; a registry that cannot be reached should
 * reject, since "absent from ГБД ФЛ" (a refusal, R3) and "ГБД ФЛ is down" (try again) must never
 * be confused.
 */

/** Postal address as ГБД ФЛ holds it. House and flat are bare numbers, so each language adds its own «-үй» / «д.». */
export interface Address {
  readonly region?: string;
  readonly locality: string;
  readonly street?: string;
  readonly house?: string;
  readonly flat?: string;
  readonly postcode?: string;
}

/** A record of ГБД ФЛ («Жеке тұлғалар» мемлекеттік деректер қоры, ЖТ ММБ). */
export interface Person {
  readonly iin: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly patronymic?: string;
  /** YYYY-MM-DD; always the date encoded in the IIN. */
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  /** +7XXXXXXXXXX: the number the bot matches against the Telegram-verified phone. */
  readonly phone?: string;
  readonly address?: Address;
  readonly deceased?: boolean;
}

export interface PersonRegistry {
  /** `iin` is 12 digits without separators. */
  findPerson(iin: string): Promise<Person | null>;
}

/** Who certified a power of attorney. Only `notary` lets a representative file (S3 §7.2, R4b). */
export type PoaCertifier = 'notary' | 'employer' | 'other';

/** A power of attorney (сенімхат) as БНАЖ / ЕНИС holds it. */
export interface PowerOfAttorney {
  /** As registered, e.g. `2026/1234`. */
  readonly number: string;
  /** YYYY-MM-DD */
  readonly issuedOn: string;
  /** YYYY-MM-DD, last day it is in force; absent when the deed names no term. */
  readonly validUntil?: string;
  readonly principalIin: string;
  readonly attorneyIin: string;
  readonly certifiedBy: PoaCertifier;
  readonly notary?: { readonly fullName: string; readonly licence?: string };
  /** Service ids (`ServiceId`) the attorney may apply for, or every service. */
  readonly services: 'all' | readonly string[];
  /** YYYY-MM-DD the principal revoked it. */
  readonly revokedOn?: string;
}

export interface NotaryRegistry {
  /** `number` in the form `normalisePoaNumber` gives (see checks.ts). */
  findPowerOfAttorney(number: string): Promise<PowerOfAttorney | null>;
}
