import type forge from 'node-forge';
import { asn1, Class, Type } from './forge.js';

/**
 * The few DER structures node's `crypto` does not parse for us: certificate names and validity
 * as typed values, and revocation lists (node has no CRL parser at all). node-forge reads and
 * writes the ASN.1; this file turns its binary strings into Buffers, Dates and text.
 */
export type Asn1 = forge.asn1.Asn1;

/**
 * Strict DER only: a signature covers exact bytes, so the bytes we hand to `crypto.verify` are
 * re-encoded from the parse and must equal the input. BER input is refused rather than guessed.
 */
export function fromDer(bytes: Uint8Array): Asn1 {
  const binary = Buffer.from(bytes).toString('binary');
  const node = asn1().fromDer(binary, true);
  if (asn1().toDer(node).getBytes() !== binary) throw new Error('not DER: the encoding is not canonical');
  return node;
}

export function toDer(node: Asn1): Buffer {
  return Buffer.from(asn1().toDer(node).getBytes(), 'binary');
}

export function children(node: Asn1 | undefined, what: string): Asn1[] {
  if (!node || !Array.isArray(node.value)) throw new Error(`${what}: expected a constructed ASN.1 value`);
  return node.value;
}

export function isTagged(node: Asn1 | undefined, tag: number): boolean {
  return node !== undefined && node.tagClass === Class.CONTEXT_SPECIFIC && node.type === tag;
}

export function primitiveBytes(node: Asn1 | undefined, type: number, what: string): Buffer {
  if (!node || node.tagClass !== Class.UNIVERSAL || node.type !== type || typeof node.value !== 'string') {
    throw new Error(`${what}: unexpected ASN.1 type`);
  }
  return Buffer.from(node.value, 'binary');
}

export function readOid(node: Asn1 | undefined, what: string): string {
  return asn1().derToOid(primitiveBytes(node, Type.OID, what).toString('binary'));
}

export function isTime(node: Asn1 | undefined): boolean {
  return node?.tagClass === Class.UNIVERSAL && (node.type === Type.UTCTIME || node.type === Type.GENERALIZEDTIME);
}

export function readTime(node: Asn1 | undefined, what: string): Date {
  if (!node || !isTime(node) || typeof node.value !== 'string') throw new Error(`${what}: expected a time`);
  return node.type === Type.UTCTIME
    ? asn1().utcTimeToDate(node.value)
    : asn1().generalizedTimeToDate(node.value);
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function timeNode(date: Date): Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1().create(Class.UNIVERSAL, Type.UTCTIME, false, asn1().dateToUtcTime(date))
    : asn1().create(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, asn1().dateToGeneralizedTime(date));
}

/** BIT STRING content without the unused-bits byte; forge keeps the raw content when it also tried to parse it. */
export function bitStringBytes(node: Asn1 | undefined, what: string): Buffer {
  if (!node || node.tagClass !== Class.UNIVERSAL || node.type !== Type.BITSTRING) throw new Error(`${what}: expected a BIT STRING`);
  const raw = (node as Asn1 & { bitStringContents?: string }).bitStringContents ?? node.value;
  if (typeof raw !== 'string' || raw.charCodeAt(0) !== 0) throw new Error(`${what}: not a whole-byte BIT STRING`);
  return Buffer.from(raw.slice(1), 'binary');
}

/**
 * Serial numbers as lower-case hex without leading zeros: node prints `X509Certificate.serialNumber`
 * in upper case and pads to whole bytes, a DER INTEGER may carry a 00 sign byte; both end up equal here.
 */
export function normaliseSerial(hex: string): string {
  return BigInt(`0x${hex}`).toString(16);
}

export function serialFromInteger(node: Asn1 | undefined, what: string): string {
  return normaliseSerial(primitiveBytes(node, Type.INTEGER, what).toString('hex') || '0');
}

/** A non-negative INTEGER in minimal DER: no redundant leading zero, a 00 byte only to keep the sign positive. */
export function integerNode(hex: string): Asn1 {
  const digits = normaliseSerial(hex);
  let bytes = Buffer.from(digits.length % 2 ? `0${digits}` : digits, 'hex');
  if ((bytes[0]! & 0x80) !== 0) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return asn1().create(Class.UNIVERSAL, Type.INTEGER, false, bytes.toString('binary'));
}

export interface NameAttribute {
  readonly oid: string;
  /** OpenSSL's short name (CN, SN, serialNumber, GN, …) or the dotted OID. */
  readonly name: string;
  readonly value: string;
  /** Index of the RDN the attribute belongs to; attributes sharing one are a multi-valued RDN. */
  readonly rdn: number;
}

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

/** forge hands over string contents as raw bytes in a binary string, except BMPString, which it decodes itself. */
function stringValue(node: Asn1): string {
  if (typeof node.value !== 'string') throw new Error('name attribute: expected a string value');
  if (node.type !== Type.UTF8) return node.value;
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(node.value, 'binary'));
}

export function readName(node: Asn1 | undefined): NameAttribute[] {
  return children(node, 'Name').flatMap((rdn, index) =>
    children(rdn, 'RelativeDistinguishedName').map((pair) => {
      const [type, value] = children(pair, 'AttributeTypeAndValue');
      const oid = readOid(type, 'attribute type');
      if (!value) throw new Error('name attribute: missing value');
      return { oid, name: SHORT_NAMES[oid] ?? oid, value: stringValue(value), rdn: index };
    }),
  );
}

const escapeRfc2253 = (value: string): string =>
  value
    .replace(/[,+"\\<>;]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');

/** The text node's `X509Certificate.subject`/`.issuer` give for the same name: one RDN per line, " + " inside one. */
export function formatName(attributes: readonly NameAttribute[]): string {
  return attributes
    .map((a, i) => `${i === 0 ? '' : a.rdn === attributes[i - 1]!.rdn ? ' + ' : '\n'}${a.name}=${escapeRfc2253(a.value)}`)
    .join('');
}

export function firstValue(attributes: readonly NameAttribute[], oid: string): string | null {
  return attributes.find((a) => a.oid === oid)?.value ?? null;
}

export interface PemBlock {
  readonly type: string;
  readonly der: Buffer;
}

/** Every `-----BEGIN X-----` block of a text; trust directories mix CA certificates and lists in one file. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks = text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g);
  return [...blocks].map(([, type, body]) => ({ type: type!, der: Buffer.from(body!.replace(/\s+/g, ''), 'base64') }));
}

export function looksLikePem(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 64)).toString('latin1').trimStart().startsWith('-----BEGIN');
}
