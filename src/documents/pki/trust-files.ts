import { X509Certificate } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { domainError, fail, ok, type DomainError, type Result } from '../../core/result.js';
import { describe } from './certificate.js';
import { parseCrl, verifyCrl } from './crl.js';
import type { TrustStore } from './trust.js';

/**
 * Adding to an office's own folder of trusted CAs and revocation lists (DATA_DIR/pki/trusted),
 * which loadTrustStore (trust.ts) reads. Each file is named after its CA's fingerprint, so the
 * same CA given twice, or a newer list of one CA, replaces the file instead of piling up.
 */

const fileStem = (ca: X509Certificate) => ca.fingerprint256.replace(/:/g, '').slice(0, 16).toLowerCase();

export interface TrustedCa {
  /** The CA's name as messages show it. */
  readonly subject: string;
  readonly path: string;
}

/** Trusts a CA certificate (PEM or DER); anything but a CA certificate is refused. `file` names it in messages. */
export async function addTrustedCa(dir: string, bytes: Uint8Array, file: string): Promise<Result<TrustedCa, DomainError>> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(bytes);
  } catch {
    return fail(domainError('VALIDATION', { key: 'documents.keys.notCa', params: { file } }));
  }
  if (!cert.ca) return fail(domainError('VALIDATION', { key: 'documents.keys.notCa', params: { file } }));
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${fileStem(cert)}.pem`);
  await writeFile(path, cert.toString());
  return ok({ subject: describe(cert).subject, path });
}

export interface InstalledCrl {
  /** The issuing CA's name as messages show it. */
  readonly issuer: string;
  readonly revoked: number;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  readonly path: string;
}

/** Installs a revocation list, only if a CA the office trusts signed it: a foreign list could "un-revoke" a certificate. */
export async function addCrl(dir: string, raw: Uint8Array, file: string, trust: TrustStore): Promise<Result<InstalledCrl, DomainError>> {
  const parsed = parseCrl(raw);
  if (!parsed.ok) return fail(domainError('VALIDATION', { key: 'documents.keys.crlInvalid', params: { file, reason: parsed.error } }));
  const crl = parsed.value;
  const issuer = trust.anchors.find((a) => a.subject === crl.issuer && verifyCrl(crl, a));
  if (!issuer) return fail(domainError('VALIDATION', { key: 'documents.keys.crlInvalid', params: { file, reason: crl.issuer.replace(/\n/g, ', ') } }));
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${fileStem(issuer)}.crl`);
  // The bytes checked above, not the file again: it may have changed since.
  await writeFile(path, raw);
  return ok({ issuer: describe(issuer).subject, revoked: crl.revoked.size, thisUpdate: crl.thisUpdate, nextUpdate: crl.nextUpdate ?? null, path });
}
