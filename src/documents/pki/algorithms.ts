import { sign, verify, type KeyObject } from 'node:crypto';
import type { Asn1 } from './der.js';
import { asn1, Class, Type } from './forge.js';

/**
 * The signature algorithms we sign and accept. SHA-1 and RSA-PSS are left out on purpose: SHA-1
 * signatures are forgeable by collision, and no certificate we handle uses PSS.
 */
export interface SignatureAlgorithm {
  readonly oid: string;
  /** The OID's registered name; recorded next to every signature we make. */
  readonly name: string;
  /** Digest for `crypto.sign`; null for Ed25519, which hashes internally. */
  readonly digest: string | null;
  readonly keyType: 'rsa' | 'ec' | 'ed25519';
}

const ALGORITHMS: readonly SignatureAlgorithm[] = [
  { oid: '1.2.840.113549.1.1.11', name: 'sha256WithRSAEncryption', digest: 'sha256', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.12', name: 'sha384WithRSAEncryption', digest: 'sha384', keyType: 'rsa' },
  { oid: '1.2.840.113549.1.1.13', name: 'sha512WithRSAEncryption', digest: 'sha512', keyType: 'rsa' },
  { oid: '1.2.840.10045.4.3.2', name: 'ecdsa-with-SHA256', digest: 'sha256', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.3', name: 'ecdsa-with-SHA384', digest: 'sha384', keyType: 'ec' },
  { oid: '1.2.840.10045.4.3.4', name: 'ecdsa-with-SHA512', digest: 'sha512', keyType: 'ec' },
  { oid: '1.3.101.112', name: 'Ed25519', digest: null, keyType: 'ed25519' },
];

export function algorithmByOid(oid: string): SignatureAlgorithm | undefined {
  return ALGORITHMS.find((a) => a.oid === oid);
}

export function algorithmByName(name: string): SignatureAlgorithm | undefined {
  return ALGORITHMS.find((a) => a.name === name);
}

/** The SHA-256 algorithm of the key's type (RSA signs PKCS#1 v1.5, EC signs ECDSA), or undefined for other keys. */
export function algorithmForKey(key: KeyObject): SignatureAlgorithm | undefined {
  return ALGORITHMS.find((a) => a.keyType === key.asymmetricKeyType && (a.digest === 'sha256' || a.digest === null));
}

/** AlgorithmIdentifier: RSA algorithms carry NULL parameters, ECDSA and Ed25519 none (RFC 4055, 5758, 8410). */
export function algorithmIdentifier(algorithm: SignatureAlgorithm): Asn1 {
    const oid = asn1().create(Class.UNIVERSAL, Type.OID, false, asn1().oidToDer(algorithm.oid).getBytes());
  const parameters = algorithm.keyType === 'rsa' ? [asn1().create(Class.UNIVERSAL, Type.NULL, false, '')] : [];
  return asn1().create(Class.UNIVERSAL, Type.SEQUENCE, true, [oid, ...parameters]);
}

export function signWith(algorithm: SignatureAlgorithm, data: Uint8Array, key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== algorithm.keyType) throw new Error(`${algorithm.name} needs a ${algorithm.keyType} key`);
  return sign(algorithm.digest, data, key);
}

/** False, never an exception, for a key of another type or a malformed signature: either way it is not authentic. */
export function verifyWith(algorithm: SignatureAlgorithm, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  if (key.asymmetricKeyType !== algorithm.keyType) return false;
  try {
    return verify(algorithm.digest, data, key, signature);
  } catch {
    return false;
  }
}
