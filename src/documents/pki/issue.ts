import { createHash, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import { algorithmForKey, algorithmIdentifier, signWith } from './algorithms.js';
import { certificateFields } from './certificate.js';
import { bitStringBytes, children, fromDer, integerNode, timeNode, toDer, type Asn1 } from './der.js';
import { asn1, Class, Type } from './forge.js';

/**
 * Issuing X.509 v3 certificates, for the demo CA only. The TBSCertificate is assembled with
 * node-forge's ASN.1 writer and signed by node's crypto; forge's own certificate builder is not
 * used because it signs in JavaScript and only with RSA.
 */


export const NAME_OIDS = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organisation: '2.5.4.10',
  givenName: '2.5.4.42',
} as const;

export interface NamePart {
  readonly oid: string;
  readonly value: string;
}

export interface CertificateRequest {
  readonly subject: readonly NamePart[];
  readonly publicKey: KeyObject;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** A CA certificate signs certificates and revocation lists; a staff certificate signs documents. */
  readonly ca: boolean;
  /** Omitted for a self-signed certificate, which `signingKey` then signs as its own issuer. */
  readonly issuer?: X509Certificate;
  readonly signingKey: KeyObject;
}

const seq = (items: Asn1[]) => asn1().create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const oidNode = (oid: string) => asn1().create(Class.UNIVERSAL, Type.OID, false, asn1().oidToDer(oid).getBytes());
const octets = (bytes: Buffer) => asn1().create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));

export function issueCertificate(request: CertificateRequest): X509Certificate {
  const algorithm = algorithmForKey(request.signingKey);
  if (!algorithm) throw new Error(`cannot sign a certificate with a ${request.signingKey.asymmetricKeyType} key`);
  const spki = request.publicKey.export({ type: 'spki', format: 'der' });
  const subject = nameNode(request.subject);
  const issuerName = request.issuer ? fromDer(certificateFields(request.issuer).subjectDer) : subject;
  const issuerKey = request.issuer ? request.issuer.publicKey.export({ type: 'spki', format: 'der' }) : spki;
  const extensions = [
    extension('2.5.29.19', true, seq(request.ca ? [asn1().create(Class.UNIVERSAL, Type.BOOLEAN, false, '\xff')] : [])),
    extension('2.5.29.15', true, keyUsage(request.ca ? [KEY_USAGE.keyCertSign, KEY_USAGE.cRLSign] : [KEY_USAGE.digitalSignature, KEY_USAGE.nonRepudiation])),
    extension('2.5.29.14', false, octets(keyIdentifier(spki))),
    extension('2.5.29.35', false, seq([asn1().create(Class.CONTEXT_SPECIFIC, 0, false, keyIdentifier(issuerKey).toString('binary'))])),
  ];
  const tbs = seq([
    asn1().create(Class.CONTEXT_SPECIFIC, 0, true, [integerNode('2')]), // v3
    integerNode(randomSerial()),
    algorithmIdentifier(algorithm),
    issuerName,
    seq([timeNode(request.notBefore), timeNode(request.notAfter)]),
    subject,
    fromDer(spki),
    asn1().create(Class.CONTEXT_SPECIFIC, 3, true, [seq(extensions)]),
  ]);
  const signature = signWith(algorithm, toDer(tbs), request.signingKey);
  const signatureValue = asn1().create(Class.UNIVERSAL, Type.BITSTRING, false, `\x00${signature.toString('binary')}`);
  return new X509Certificate(toDer(seq([tbs, algorithmIdentifier(algorithm), signatureValue])));
}

/** 127 random bits: unpredictable (CA/B Forum asks for 64+) and always a positive INTEGER under 20 octets. */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

/** X.520 wants C and serialNumber as PrintableString; every other attribute is UTF8String, for Kazakh letters. */
function nameNode(parts: readonly NamePart[]): Asn1 {
  const printable = new Set<string>([NAME_OIDS.country, NAME_OIDS.serialNumber]);
  return seq(
    parts.map((part) => {
      const value = printable.has(part.oid)
        ? asn1().create(Class.UNIVERSAL, Type.PRINTABLESTRING, false, part.value)
        : asn1().create(Class.UNIVERSAL, Type.UTF8, false, Buffer.from(part.value, 'utf8').toString('binary'));
      return asn1().create(Class.UNIVERSAL, Type.SET, true, [seq([oidNode(part.oid), value])]);
    }),
  );
}

function extension(oid: string, critical: boolean, value: Asn1): Asn1 {
  const flag = critical ? [asn1().create(Class.UNIVERSAL, Type.BOOLEAN, false, '\xff')] : [];
  return seq([oidNode(oid), ...flag, octets(toDer(value))]);
}

const KEY_USAGE = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 } as const;

/** KeyUsage is a named BIT STRING: bit 0 is the first byte's high bit, trailing zero bits are dropped (DER). */
function keyUsage(bits: readonly number[]): Asn1 {
  const byte = bits.reduce((acc, bit) => acc | (0x80 >> bit), 0);
  const unused = Math.min(...bits.map((bit) => 7 - bit));
  return asn1().create(Class.UNIVERSAL, Type.BITSTRING, false, String.fromCharCode(unused, byte));
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
function keyIdentifier(spki: Buffer): Buffer {
  const [, subjectPublicKey] = children(fromDer(spki), 'SubjectPublicKeyInfo');
  return createHash('sha1').update(bitStringBytes(subjectPublicKey, 'subjectPublicKey')).digest();
}
