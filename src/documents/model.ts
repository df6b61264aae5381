import type { Lang, Text } from '../core/i18n/text.js';

/**
 * What a document says, resolved from the request, the decision and the office's configuration,
 * before any layout. Values the clerk or citizen typed are plain strings (printed as typed); values
 * that have a wording in each language are `Text`. Fixed labels and sentences belong to the
 * templates. Dates are ISO (YYYY-MM-DD) here and printed DD.MM.YYYY.
 */

/** Every document kind: the service's output templates plus the counter receipt. */
export const DOCUMENT_KINDS = [
  'archive-certificate',
  'archive-no-information',
  'unemployed-certificate',
  'disabled-child-notification',
  'guardianship-certificate',
  'guardianship-minor-certificate',
  'refusal-letter',
  'receipt',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Kazakh, Russian, or both on one page (Kazakh first, then Russian), as an office may ask. */
export type DocumentLang = Exclude<Lang, 'en'> | 'both';
export const DOCUMENT_LANGS: readonly DocumentLang[] = ['kk', 'ru', 'both'];

export interface Organisation {
  readonly name: Text;
  readonly region: Text;
  readonly address?: Text;
  readonly phones: readonly string[];
}

/** Who signed (or, on a receipt, who accepted) the document. */
export interface Signer {
  readonly fullName: string;
  readonly position: Text;
  /** Present when the document carries an electronic signature: what the certificate says. */
  readonly certificate?: {
    /** Hex serial number of the X.509 certificate. */
    readonly serial: string;
    /** Issuing CA, as its common name. */
    readonly issuer: string;
    /** Last day of validity, YYYY-MM-DD. */
    readonly validTo: string;
  };
}

export interface Common {
  /** Request number, YY-NNNNNN-C. */
  readonly number: string;
  /** Local date the document was issued (the decision's date; the registration date on a receipt). */
  readonly issuedOn: string;
  /** Instant of issue, ISO-8601 with zone; a receipt prints its local time. */
  readonly issuedAt: string;
  readonly organisation: Organisation;
  /** The service's full title. */
  readonly service: Text;
  readonly signer: Signer;
  /**
   * Printed under the QR code: `code` is the short verification code a citizen types with the
   * number; `url` is what the QR code encodes (a link that leads to the verification data).
   */
  readonly verification: { readonly code: string; readonly url: string };
}

export interface Person {
  readonly fullName: string;
  readonly iin?: string;
}

/** SPEC §5.4: S0 A4 / S2 A5, field by field. */
export interface ArchiveCertificate extends Common {
  readonly kind: 'archive-certificate';
  /** Full name of the individual, or the organisation's name. */
  readonly applicant: string;
  readonly certificateType: string;
  readonly period: string;
  /** Free text, several paragraphs separated by blank lines. */
  readonly content: string;
  readonly basis: string;
  readonly attachedDocuments?: string;
  readonly director: { readonly fullName: string; readonly position: Text };
  readonly archivistName: string;
}

/** SPEC §5.5: S0 A5, the archive's "no information" letter (refusal on ground R9). */
export interface ArchiveNoInformation extends Common {
  readonly kind: 'archive-no-information';
  readonly addressee: string;
  readonly reason: string;
  readonly specialistName: string;
}

/** SPEC §5.7: S3-C A3, verbatim template with its blanks filled. */
export interface GuardianshipCertificate extends Common {
  readonly kind: 'guardianship-certificate';
  /** The office's own certificate number (АНЫҚТАМА № ...). */
  readonly certificateNo: string;
  readonly guardian: { readonly fullName: string; readonly gender?: 'male' | 'female' };
  readonly address: { readonly city: string; readonly street: string; readonly house: string; readonly flat?: string };
  readonly decision: { readonly akimLevel: 'CITY' | 'DISTRICT'; readonly date: string; readonly number: string };
  readonly ward: { readonly fullName: string; readonly birthDate: string };
  readonly propertyStatus: 'INVENTORY_ON_FILE' | 'NO_PROPERTY';
  readonly role: 'GUARDIAN' | 'TRUSTEE';
  /** Head of the district education department. */
  readonly head: { readonly fullName: string; readonly position: Text };
}

/**
 * S3-A / S3-B: the guardianship body's certificate (permission) about a minor's deposits,
 * inheritance or property transaction. The seeds show no form: the office's template.
 */
export interface GuardianshipMinorCertificate extends Common {
  readonly kind: 'guardianship-minor-certificate';
  readonly applicant: Person;
  readonly ward: Person & { readonly birthDate: string };
  /** What the body certifies or permits, as the clerk wrote it. */
  readonly content: string;
  readonly basis?: string;
  readonly head: { readonly fullName: string; readonly position: Text };
}

/** S1-U: certificate of registration as unemployed. The seeds show an image only: the office's template. */
export interface UnemployedCertificate extends Common {
  readonly kind: 'unemployed-certificate';
  readonly applicant: Person & { readonly address?: string };
  /** Date the person was registered as unemployed. */
  readonly registeredOn: string;
  readonly registrationNumber?: string;
  readonly basis?: string;
  readonly note?: string;
}

/** S1-D: notification on material support of a disabled child taught at home. The office's template. */
export interface DisabledChildNotification extends Common {
  readonly kind: 'disabled-child-notification';
  readonly applicant: Person & { readonly address?: string };
  readonly child: Person & { readonly birthDate: string };
  /** The decision as the clerk wrote it (support granted, amount, for which period). */
  readonly content: string;
  readonly supportFrom: string;
  readonly supportTo?: string;
  readonly amount?: string;
}

/** A coded ground of refusal with its catalogue text. */
export interface RefusalReason {
  readonly code: string;
  readonly text: Text;
  /** Clauses of the regulations it comes from. */
  readonly clause: string;
}

/** The motivated refusal letter (SPEC §4, minimum content; R7, R10 and others). */
export interface RefusalLetter extends Common {
  readonly kind: 'refusal-letter';
  readonly addressee: Person & { readonly address?: string };
  /** Date the request was registered. */
  readonly submittedOn: string;
  readonly reasons: readonly RefusalReason[];
  /** The clerk's free-text justification. */
  readonly justification: string;
}

/** Қолхат: handed over at the counter on registration (SPEC §5.9). Not signed electronically. */
export interface Receipt extends Common {
  readonly kind: 'receipt';
  readonly applicant: Person;
  readonly representative?: Person;
  readonly documents: readonly { readonly title: Text; readonly form: 'paper' | 'electronic'; readonly fileName?: string }[];
  /** Expected date of the result. */
  readonly expectedOn: string;
  readonly channel: Text;
}

export type DocumentModel =
  | ArchiveCertificate
  | ArchiveNoInformation
  | GuardianshipCertificate
  | GuardianshipMinorCertificate
  | UnemployedCertificate
  | DisabledChildNotification
  | RefusalLetter
  | Receipt;

/** What the renderer is asked for. */
export interface RenderOptions {
  readonly lang: DocumentLang;
}
