import type { X509Certificate } from 'node:crypto';
import {
  children,
  firstValue,
  formatName,
  fromDer,
  isTagged,
  normaliseSerial,
  readName,
  readTime,
  toDer,
  type NameAttribute,
} from './der.js';

const OID = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  givenName: '2.5.4.42',
} as const;

/** What node's X509Certificate gives only as display text: names as attributes and DER, validity as Dates. */
export interface CertificateFields {
  readonly serial: string;
  readonly subject: readonly NameAttribute[];
  readonly issuer: readonly NameAttribute[];
  /** DER of the subject and issuer Names: the exact comparison RFC 5280 path building uses. */
  readonly subjectDer: Buffer;
  readonly issuerDer: Buffer;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const parsed = new WeakMap<X509Certificate, CertificateFields>();

export function certificateFields(cert: X509Certificate): CertificateFields {
  let fields = parsed.get(cert);
  if (!fields) {
    fields = parseFields(cert);
    parsed.set(cert, fields);
  }
  return fields;
}

function parseFields(cert: X509Certificate): CertificateFields {
  const [tbs] = children(fromDer(cert.raw), 'Certificate');
  const items = children(tbs, 'TBSCertificate');
  // The version field is [0] EXPLICIT and absent on v1 certificates.
  const [, , issuer, validity, subject] = isTagged(items[0], 0) ? items.slice(1) : items;
  const [notBefore, notAfter] = children(validity, 'Validity');
  if (!issuer || !subject) throw new Error('TBSCertificate: missing issuer or subject');
  return {
    serial: serialOf(cert),
    subject: readName(subject),
    issuer: readName(issuer),
    subjectDer: toDer(subject),
    issuerDer: toDer(issuer),
    notBefore: readTime(notBefore, 'notBefore'),
    notAfter: readTime(notAfter, 'notAfter'),
  };
}

export function serialOf(cert: X509Certificate): string {
  return normaliseSerial(cert.serialNumber);
}

/**
 * The holder's IIN the way national (NCA RK) certificates carry it: subject serialNumber
 * (2.5.4.5) = "IIN" + 12 digits. Read from the DER, so it does not depend on how a tool prints
 * the attribute's name (node "serialNumber", Java "SERIALNUMBER", others "2.5.4.5").
 */
export function iinOf(cert: X509Certificate): string | null {
  const value = firstValue(certificateFields(cert).subject, OID.serialNumber);
  const match = value === null ? null : /^IIN(\d{12})$/.exec(value.trim());
  return match?.[1] ?? null;
}

/**
 * National certificates put "SURNAME NAME" in CN and the patronymic in givenName, so the full
 * name is both joined.
 */
export function holderName(cert: X509Certificate): string | null {
  const subject = certificateFields(cert).subject;
  const name = [firstValue(subject, OID.commonName), firstValue(subject, OID.givenName)].filter((p) => p !== null);
  return name.length > 0 ? name.join(' ') : null;
}

export interface CertificateSummary {
  /** Lower-case hex without leading zeros, the same form as the keys of `Crl.revoked`. */
  readonly serial: string;
  /** CN, or the whole name when there is none. */
  readonly subject: string;
  readonly issuer: string;
  /** ISO 8601, UTC. */
  readonly validFrom: string;
  readonly validTo: string;
  /** SHA-256 of the DER, colon-separated upper-case hex as node prints it. */
  readonly fingerprint256: string;
}

export function describe(cert: X509Certificate): CertificateSummary {
  const fields = certificateFields(cert);
  return {
    serial: fields.serial,
    subject: nameForDisplay(fields.subject),
    issuer: nameForDisplay(fields.issuer),
    validFrom: fields.notBefore.toISOString(),
    validTo: fields.notAfter.toISOString(),
    fingerprint256: cert.fingerprint256,
  };
}

/** CN of a certificate, else its whole subject: how a CA or holder is named in messages. */
export function displayName(cert: X509Certificate): string {
  return nameForDisplay(certificateFields(cert).subject);
}

function nameForDisplay(name: readonly NameAttribute[]): string {
  return firstValue(name, OID.commonName) ?? formatName(name);
}
