import { createHash, createHmac, createPrivateKey, randomBytes, timingSafeEqual, X509Certificate, type KeyObject } from 'node:crypto';
import type forge from 'node-forge';
import { fail, ok, type Result } from '../../core/result.js';
import { children, fromDer, integerNode, primitiveBytes, readOid, toDer, type Asn1 } from './der.js';
import { asn1, Class, Type, forge as forgeLib } from './forge.js';

/** A member of staff's signing key with its certificate, as opened from their PKCS#12 file. */
export interface Credential {
  readonly privateKey: KeyObject;
  /** The certificate of `privateKey`. */
  readonly certificate: X509Certificate;
  /** The other certificates in the file, usually the issuing CA's; never trusted by themselves. */
  readonly chain: X509Certificate[];
}

/**
 * `no-key` also covers a key node cannot use (e.g. GOST): for us there is then no key to sign with.
 * `key-mismatch`: the file has a key and certificates, but none is the key's certificate.
 */
export type Pkcs12Problem = 'not-pkcs12' | 'wrong-passphrase' | 'no-key' | 'no-certificate' | 'key-mismatch';

/**
 * Opens a PKCS#12 file with node-forge (node cannot read PKCS#12) and hands the key and
 * certificates over to node's crypto. Reads what OpenSSL 3 writes by default (PBES2 with AES-256
 * and a SHA-256 MAC) as well as the older 3DES/SHA-1 files.
 */
export function loadPkcs12(file: Uint8Array, passphrase: string): Result<Credential, Pkcs12Problem> {
  let pfx: Asn1;
  try {
    // Not strict: PKCS#12 files from some tools use BER indefinite lengths.
    pfx = asn1().fromDer(Buffer.from(file).toString('binary'), false);
  } catch {
    return fail('not-pkcs12');
  }
  const mac = checkMac(pfx, passphrase);
  if (mac === 'malformed') return fail('not-pkcs12');
  if (mac === 'mismatch') return fail('wrong-passphrase');
  const opened = decrypt(pfx, passphrase);
  if ('problem' in opened) {
    // With a verified MAC the passphrase is right, so a failure is the file's; without a MAC
    // forge says only in words whether decryption failed.
    return fail(mac === 'absent' && /password|decrypt/i.test(opened.problem) ? 'wrong-passphrase' : 'not-pkcs12');
  }
  return credentialIn(opened.pfx);
}

/**
 * RFC 7292 uses the passphrase twice, differently encoded: as UTF-16BE for the MAC and the old
 * PKCS#12 ciphers, as UTF-8 for PBES2 (the modern key encryption). forge takes one string for
 * both, which breaks any non-ASCII passphrase, so the MAC is checked here and forge opens the
 * contents without it, first with the UTF-8 bytes (PBES2), then with the string itself.
 */
function decrypt(pfx: Asn1, passphrase: string): { pfx: forge.pkcs12.Pkcs12Pfx } | { problem: string } {
  const forge = forgeLib();
  const [version, authSafe] = children(pfx, 'PFX');
  const withoutMac = asn1().create(Class.UNIVERSAL, Type.SEQUENCE, true, [version!, authSafe!]);
  let problem = '';
  for (const password of new Set([forge.util.encodeUtf8(passphrase), passphrase])) {
    try {
      return { pfx: forge.pkcs12.pkcs12FromAsn1(withoutMac, false, password) };
    } catch (error) {
      problem = (error as Error).message;
    }
  }
  return { problem };
}

const MAC_DIGESTS: Readonly<Record<string, { name: string; forge: () => forge.md.MessageDigest }>> = {
  '1.3.14.3.2.26': { name: 'sha1', forge: () => forgeLib().md.sha1.create() },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', forge: () => forgeLib().md.sha256.create() },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', forge: () => forgeLib().md.sha512.create('SHA-384') },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', forge: () => forgeLib().md.sha512.create() },
};
/** Far above what any tool writes (OpenSSL: 2048); a hostile file must not keep the KDF busy for minutes. */
const MAX_MAC_ITERATIONS = 1_000_000;

function checkMac(pfx: Asn1, passphrase: string): 'ok' | 'absent' | 'mismatch' | 'malformed' {
  try {
    const [, authSafe, macData] = children(pfx, 'PFX');
    if (!macData) return 'absent';
    const [, content] = children(authSafe, 'ContentInfo');
    const data = octetStringContent(children(content, 'ContentInfo content')[0]);
    const [digestInfo, salt, iterations] = children(macData, 'MacData');
    const [algorithm, mac] = children(digestInfo, 'DigestInfo');
    const digest = MAC_DIGESTS[readOid(children(algorithm, 'AlgorithmIdentifier')[0], 'MAC algorithm')];
    const count = iterations ? Number(`0x${primitiveBytes(iterations, Type.INTEGER, 'iterations').toString('hex')}`) : 1;
    if (!digest || !(count >= 1 && count <= MAX_MAC_ITERATIONS)) return 'malformed';
    const forge = forgeLib();
    const macSalt = forge.util.createBuffer(primitiveBytes(salt, Type.OCTETSTRING, 'macSalt').toString('binary'));
    const md = digest.forge();
    const key = forge.pkcs12.generateKey(passphrase, macSalt, 3, count, md.digestLength, md);
    const expected = createHmac(digest.name, Buffer.from(key.getBytes(), 'binary')).update(data).digest();
    const actual = primitiveBytes(mac, Type.OCTETSTRING, 'MAC');
    return actual.length === expected.length && timingSafeEqual(actual, expected) ? 'ok' : 'mismatch';
  } catch {
    return 'malformed';
  }
}

/** An OCTET STRING's bytes; BER allows it to be sent in constructed pieces. */
function octetStringContent(node: Asn1 | undefined): Buffer {
  if (node && Array.isArray(node.value)) return Buffer.concat(node.value.map(octetStringContent));
  return primitiveBytes(node, Type.OCTETSTRING, 'content');
}

function credentialIn(pfx: forge.pkcs12.Pkcs12Pfx): Result<Credential, Pkcs12Problem> {
  const keyBags = [...bagsOf(pfx, P12.shroudedKeyBag), ...bagsOf(pfx, P12.keyBag)];
  const keys = keyBags.flatMap((bag) => {
    const key = keyObject(bag);
    return key ? [key] : [];
  });
  if (keys.length === 0) return fail('no-key');
  const certificates = bagsOf(pfx, P12.certBag).flatMap((bag) => {
    const cert = certificateOf(bag);
    return cert ? [cert] : [];
  });
  if (certificates.length === 0) return fail('no-certificate');
  for (const privateKey of keys) {
    const certificate = certificates.find((c) => c.checkPrivateKey(privateKey));
    if (certificate) return ok({ privateKey, certificate, chain: certificates.filter((c) => c !== certificate) });
  }
  return fail('key-mismatch');
}

function bagsOf(pfx: forge.pkcs12.Pkcs12Pfx, type: string): forge.pkcs12.Bag[] {
  return pfx.getBags({ bagType: type })[type] ?? [];
}

/** forge parses RSA keys into its own objects and leaves other keys as PrivateKeyInfo ASN.1. */
function keyObject(bag: forge.pkcs12.Bag): KeyObject | null {
  try {
    const pki = forgeLib().pki;
    const info = bag.key ? pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(bag.key)) : bag.asn1;
    return createPrivateKey({ key: toDer(info), format: 'der', type: 'pkcs8' });
  } catch {
    return null;
  }
}

/** Likewise certificates: forge's own object for RSA keys, plain ASN.1 otherwise. */
function certificateOf(bag: forge.pkcs12.Bag): X509Certificate | null {
  try {
    return new X509Certificate(toDer(bag.cert ? forgeLib().pki.certificateToAsn1(bag.cert) : bag.asn1));
  } catch {
    return null;
  }
}

export interface Pkcs12Contents {
  readonly privateKey: KeyObject;
  readonly certificate: X509Certificate;
  readonly chain?: readonly X509Certificate[];
  readonly passphrase: string;
  readonly friendlyName?: string;
}

const P12 = {
  data: '1.2.840.113549.1.7.1',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  shroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;
const MAC_ITERATIONS = 2048;

const seq = (items: Asn1[]) => asn1().create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const oid = (id: string) => asn1().create(Class.UNIVERSAL, Type.OID, false, asn1().oidToDer(id).getBytes());
const octets = (bytes: Buffer) => asn1().create(Class.UNIVERSAL, Type.OCTETSTRING, false, bytes.toString('binary'));
const explicit0 = (node: Asn1) => asn1().create(Class.CONTEXT_SPECIFIC, 0, true, [node]);
// forge writes a BMPSTRING's JavaScript string as UTF-16BE itself.
const bmpString = (text: string) => asn1().create(Class.UNIVERSAL, Type.BMPSTRING, false, text);
const attribute = (id: string, value: Asn1) => seq([oid(id), asn1().create(Class.UNIVERSAL, Type.SET, true, [value])]);
const dataContentInfo = (safeContents: Asn1) => seq([oid(P12.data), explicit0(octets(toDer(safeContents)))]);

/**
 * A PKCS#12 file (RFC 7292) the way OpenSSL 3 writes one by default: the key as PBES2
 * (PBKDF2-HMAC-SHA-256, AES-256-CBC, encrypted by node's OpenSSL), an HMAC-SHA-256 MAC over the
 * contents. Certificates are public and stay unencrypted. Written here rather than with forge's
 * `toPkcs12Asn1`, which takes RSA keys only and cannot make a SHA-256 MAC.
 */
export function makePkcs12(contents: Pkcs12Contents): Buffer {
  const localKeyId = createHash('sha1').update(contents.certificate.raw).digest();
  const attributes = (own: boolean) => [
    ...(own ? [attribute(P12.localKeyId, octets(localKeyId))] : []),
    ...(own && contents.friendlyName ? [attribute(P12.friendlyName, bmpString(contents.friendlyName))] : []),
  ];
  const certificates = [contents.certificate, ...(contents.chain ?? [])].map((cert, i) =>
    safeBag(P12.certBag, seq([oid(P12.x509Certificate), explicit0(octets(cert.raw))]), attributes(i === 0)),
  );
  const encryptedKey = contents.privateKey.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: contents.passphrase });
  const key = safeBag(P12.shroudedKeyBag, fromDer(encryptedKey), attributes(true));
  const authenticatedSafe = toDer(seq([dataContentInfo(seq(certificates)), dataContentInfo(seq([key]))]));
  return toDer(
    seq([
      asn1().create(Class.UNIVERSAL, Type.INTEGER, false, '\x03'),
      seq([oid(P12.data), explicit0(octets(authenticatedSafe))]),
      macData(authenticatedSafe, contents.passphrase),
    ]),
  );
}

function safeBag(bagId: string, value: Asn1, attributes: Asn1[]): Asn1 {
  const set = attributes.length > 0 ? [asn1().create(Class.UNIVERSAL, Type.SET, true, attributes)] : [];
  return seq([oid(bagId), explicit0(value), ...set]);
}

/** RFC 7292 appendix B: the MAC key comes from the passphrase by the PKCS#12 KDF (ID 3), which node lacks. */
function macData(authenticatedSafe: Buffer, passphrase: string): Asn1 {
  const salt = randomBytes(16);
  const forge = forgeLib();
  const key = forge.pkcs12.generateKey(passphrase, forge.util.createBuffer(salt.toString('binary')), 3, MAC_ITERATIONS, 32, forge.md.sha256.create());
  const mac = createHmac('sha256', Buffer.from(key.getBytes(), 'binary')).update(authenticatedSafe).digest();
  const digestInfo = seq([seq([oid(P12.sha256), asn1().create(Class.UNIVERSAL, Type.NULL, false, '')]), octets(mac)]);
  return seq([digestInfo, octets(salt), integerNode(MAC_ITERATIONS.toString(16))]);
}
