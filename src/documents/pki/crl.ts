import type { KeyObject, X509Certificate } from 'node:crypto';
import { fail, ok, type Result } from '../../core/result.js';
import { algorithmByOid, algorithmForKey, algorithmIdentifier, signWith, verifyWith } from './algorithms.js';
import { certificateFields } from './certificate.js';
import {
  bitStringBytes,
  children,
  formatName,
  fromDer,
  integerNode,
  isTagged,
  isTime,
  looksLikePem,
  pemBlocks,
  readName,
  readOid,
  readTime,
  serialFromInteger,
  timeNode,
  toDer,
  type Asn1,
} from './der.js';
import { asn1, Class, Type } from './forge.js';

/** A certificate revocation list (RFC 5280 §5), parsed; `verifyCrl` says whether its issuer signed it. */
export interface Crl {
  /** The issuer's name in the text form of `X509Certificate.issuer`. */
  readonly issuer: string;
  readonly issuerDer: Buffer;
  readonly thisUpdate: Date;
  readonly nextUpdate?: Date;
  /** Serial (lower-case hex, as `describe().serial`) → revocation date. */
  readonly revoked: ReadonlyMap<string, Date>;
  /** The signed bytes (TBSCertList). */
  readonly tbs: Buffer;
  /** OID of the signature algorithm. */
  readonly signatureAlgorithm: string;
  readonly signature: Buffer;
}

const CRL_NUMBER = '2.5.29.20';

export function parseCrl(pemOrDer: Uint8Array | string): Result<Crl, string> {
  const der = crlDer(pemOrDer);
  if (!der.ok) return der;
  try {
    return ok(readCrl(fromDer(der.value)));
  } catch (error) {
    return fail(`not a revocation list: ${(error as Error).message}`);
  }
}

function crlDer(input: Uint8Array | string): Result<Uint8Array, string> {
  const text = typeof input === 'string' ? input : looksLikePem(input) ? Buffer.from(input).toString('latin1') : null;
  if (text === null) return ok(input as Uint8Array);
  const block = pemBlocks(text).find((b) => b.type === 'X509 CRL');
  return block ? ok(block.der) : fail('no "X509 CRL" block in the PEM text');
}

function readCrl(root: Asn1): Crl {
  const [tbsNode, outerAlgorithm, signatureNode] = children(root, 'CertificateList');
  if (!tbsNode || !outerAlgorithm) throw new Error('CertificateList: missing parts');
  const items = children(tbsNode, 'TBSCertList');
  // version is optional (absent on v1 lists) and an INTEGER, not a tagged field as in certificates.
  const fields = items[0]?.tagClass === Class.UNIVERSAL && items[0].type === Type.INTEGER ? items.slice(1) : items;
  const [innerAlgorithm, issuer, thisUpdate, ...rest] = fields;
  if (!innerAlgorithm || !issuer) throw new Error('TBSCertList: missing algorithm or issuer');
  if (!toDer(innerAlgorithm).equals(toDer(outerAlgorithm))) throw new Error('the two signature algorithm fields differ');
  const nextUpdate = isTime(rest[0]) ? readTime(rest.shift(), 'nextUpdate') : undefined;
  const entries = rest[0] && !isTagged(rest[0], 0) ? children(rest.shift(), 'revokedCertificates') : [];
  if (isTagged(rest[0], 0)) refuseCriticalExtensions(children(children(rest.shift(), 'crlExtensions')[0], 'Extensions'));
  if (rest.length > 0) throw new Error('TBSCertList: unexpected trailing fields');
  return {
    issuer: formatName(readName(issuer)),
    issuerDer: toDer(issuer),
    thisUpdate: readTime(thisUpdate, 'thisUpdate'),
    ...(nextUpdate ? { nextUpdate } : {}),
    revoked: new Map(entries.map(readEntry)),
    tbs: toDer(tbsNode),
    signatureAlgorithm: readOid(children(outerAlgorithm, 'AlgorithmIdentifier')[0], 'signature algorithm'),
    signature: bitStringBytes(signatureNode, 'signatureValue'),
  };
}

function readEntry(entry: Asn1): [string, Date] {
  const [serial, date, extensions] = children(entry, 'revoked certificate');
  if (extensions) refuseCriticalExtensions(children(extensions, 'crlEntryExtensions'));
  return [serialFromInteger(serial, 'userCertificate'), readTime(date, 'revocationDate')];
}

/**
 * RFC 5280 §5.2/§5.3: a list with a critical extension we do not process must not be used. The
 * critical ones in practice (delta CRL indicator, issuing distribution point, certificate issuer)
 * all mean "this is not the complete list of this CA", and reading it as complete would pass
 * revoked certificates.
 */
function refuseCriticalExtensions(extensions: Asn1[]): void {
  for (const extension of extensions) {
    const [id, maybeCritical] = children(extension, 'Extension');
    const critical = maybeCritical?.type === Type.BOOLEAN && maybeCritical.value !== '\x00';
    if (critical) throw new Error(`unsupported critical extension ${readOid(id, 'extension id')}`);
  }
}

/** True when `issuerCert` names this list's issuer and its key verifies the list's signature. */
export function verifyCrl(crl: Crl, issuerCert: X509Certificate): boolean {
  const algorithm = algorithmByOid(crl.signatureAlgorithm);
  return (
    algorithm !== undefined &&
    crl.issuerDer.equals(certificateFields(issuerCert).subjectDer) &&
    verifyWith(algorithm, crl.tbs, issuerCert.publicKey, crl.signature)
  );
}

export interface CrlContents {
  readonly issuer: X509Certificate;
  readonly issuerKey: KeyObject;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date;
  /** Increases with every list the CA issues (RFC 5280 §5.2.3). */
  readonly number: bigint;
  readonly revoked?: readonly { readonly serial: string; readonly date: Date }[];
}

/** A v2 CRL signed by `issuerKey`, as DER. */
export function makeCrl(contents: CrlContents): Buffer {
  const algorithm = algorithmForKey(contents.issuerKey);
  if (!algorithm) throw new Error(`cannot sign a revocation list with a ${contents.issuerKey.asymmetricKeyType} key`);
  const seq = (items: Asn1[]) => asn1().create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
  const revoked = (contents.revoked ?? []).map((r) => seq([integerNode(r.serial), timeNode(r.date)]));
  const crlNumber = seq([
    asn1().create(Class.UNIVERSAL, Type.OID, false, asn1().oidToDer(CRL_NUMBER).getBytes()),
    asn1().create(Class.UNIVERSAL, Type.OCTETSTRING, false, toDer(integerNode(contents.number.toString(16))).toString('binary')),
  ]);
  const tbs = seq([
    integerNode('1'), // v2: needed for extensions
    algorithmIdentifier(algorithm),
    fromDer(certificateFields(contents.issuer).subjectDer),
    timeNode(contents.thisUpdate),
    timeNode(contents.nextUpdate),
    ...(revoked.length > 0 ? [seq(revoked)] : []),
    asn1().create(Class.CONTEXT_SPECIFIC, 0, true, [seq([crlNumber])]),
  ]);
  const tbsDer = toDer(tbs);
  const signature = signWith(algorithm, tbsDer, contents.issuerKey);
  const bitString = asn1().create(Class.UNIVERSAL, Type.BITSTRING, false, `\x00${signature.toString('binary')}`);
  return toDer(seq([tbs, algorithmIdentifier(algorithm), bitString]));
}

export function crlToPem(der: Uint8Array): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN X509 CRL-----\n${lines.join('\n')}\n-----END X509 CRL-----\n`;
}
