import { X509Certificate } from 'node:crypto';
import { algorithmByName, algorithmForKey, signWith, verifyWith } from './algorithms.js';
import type { Credential } from './pkcs12.js';

/** A detached signature and the algorithm that made it (its OID name, e.g. "sha256WithRSAEncryption"). */
export interface DetachedSignature {
  readonly algorithm: string;
  /** Base64. */
  readonly signature: string;
}

/**
 * Signs with the credential's key: RSA keys with SHA-256 and PKCS#1 v1.5 (deterministic, and what
 * national certificates' RSA signatures use), EC keys with ECDSA over SHA-256.
 */
export function signBytes(credential: Credential, data: Uint8Array): DetachedSignature {
  const algorithm = algorithmForKey(credential.privateKey);
  if (!algorithm) throw new Error(`cannot sign with a ${credential.privateKey.asymmetricKeyType} key`);
  return { algorithm: algorithm.name, signature: signWith(algorithm, data, credential.privateKey).toString('base64') };
}

/**
 * True only when the certificate's key verifies the signature over exactly `data` with the
 * recorded algorithm. The algorithm must fit the key's type, so a record cannot switch it.
 * Whether the certificate itself may be trusted is `checkCertificate`'s question.
 */
export function verifyBytes(certificatePem: string, data: Uint8Array, sig: DetachedSignature): boolean {
  const algorithm = algorithmByName(sig.algorithm);
  if (!algorithm) return false;
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    return false;
  }
  const signature = Buffer.from(sig.signature, 'base64');
  // Buffer.from(…, 'base64') skips invalid characters; a signature that does not round-trip was altered.
  if (signature.toString('base64') !== sig.signature) return false;
  return verifyWith(algorithm, data, certificate.publicKey, signature);
}
