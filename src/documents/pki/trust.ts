import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { certificateFields, displayName, serialOf } from './certificate.js';
import { parseCrl, verifyCrl, type Crl } from './crl.js';
import { looksLikePem, pemBlocks } from './der.js';

/** A revocation list whose signature verified against `issuer`, one of the anchors. */
export interface TrustedCrl {
  readonly crl: Crl;
  readonly issuer: X509Certificate;
  /** The file it came from, for messages. */
  readonly source: string;
}

/**
 * The CAs an office trusts (the national certification authority, or the demo CA) and their
 * revocation lists. Only CA certificates become anchors, and only lists signed by an anchor are
 * kept: an unsigned or foreign list could otherwise "un-revoke" a certificate.
 */
export interface TrustStore {
  readonly anchors: readonly X509Certificate[];
  readonly crls: readonly TrustedCrl[];
  /** The newest (by thisUpdate) list `ca` signed, if any. */
  crlOf(ca: X509Certificate): TrustedCrl | undefined;
  /** When `cert`'s issuing anchor revoked it; undefined when not listed or no list is available. */
  revokedOn(cert: X509Certificate): Date | undefined;
}

export interface Loaded<T> {
  readonly value: T;
  readonly source: string;
}

/** The anchor that issued `cert` and whose key verifies its signature. */
export function issuerAmong(cert: X509Certificate, candidates: readonly X509Certificate[]): X509Certificate | undefined {
  return candidates.find((ca) => ca.ca && cert.checkIssued(ca) && cert.verify(ca.publicKey));
}

export function makeTrustStore(
  certificates: readonly Loaded<X509Certificate>[],
  crls: readonly Loaded<Crl>[],
): { store: TrustStore; problems: string[] } {
  const problems: string[] = [];
  const anchors: X509Certificate[] = [];
  for (const { value: cert, source } of certificates) {
    if (!cert.ca) problems.push(`${source}: "${displayName(cert)}" is not a CA certificate; not trusted`);
    else if (!anchors.some((a) => a.fingerprint256 === cert.fingerprint256)) anchors.push(cert);
  }
  const trusted: TrustedCrl[] = [];
  for (const { value: crl, source } of crls) {
    const issuer = anchors.find((ca) => verifyCrl(crl, ca));
    if (issuer) trusted.push({ crl, issuer, source });
    else problems.push(`${source}: revocation list of "${crl.issuer.replace(/\n/g, ', ')}" is not signed by a trusted CA; ignored`);
  }
  const crlOf = (ca: X509Certificate) =>
    trusted
      .filter((t) => t.issuer.fingerprint256 === ca.fingerprint256)
      .reduce<TrustedCrl | undefined>((newest, t) => (!newest || t.crl.thisUpdate > newest.crl.thisUpdate ? t : newest), undefined);
  const store: TrustStore = {
    anchors,
    crls: trusted,
    crlOf,
    revokedOn(cert) {
      const issuer = issuerAmong(cert, anchors);
      return issuer ? crlOf(issuer)?.crl.revoked.get(serialOf(cert)) : undefined;
    },
  };
  return { store, problems };
}

const CERTIFICATE_FILE = /\.(pem|crt|cer)$/i;
const CRL_FILE = /(\.crl|^crl.*\.pem)$/i;

/**
 * Reads every `*.pem`, `*.crt`, `*.cer` and `*.crl` file of the directories, in order. PEM files
 * may hold several certificates and lists; a file without PEM armour is one DER object, a list if
 * named `*.crl` or `crl*.pem`, else a certificate. Anything unreadable is reported, never fatal:
 * the checks then fail closed (R5c/R5d) instead of the program refusing to start.
 */
export async function loadTrustStore(dirs: readonly string[]): Promise<{ store: TrustStore; problems: string[] }> {
  const problems: string[] = [];
  const certificates: Loaded<X509Certificate>[] = [];
  const crls: Loaded<Crl>[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') problems.push(`${dir}: ${(error as Error).message}`);
      continue;
    }
    for (const name of names.filter((n) => CERTIFICATE_FILE.test(n) || CRL_FILE.test(n))) {
      const source = join(dir, name);
      const read = await readObjects(source, CRL_FILE.test(name));
      certificates.push(...read.certificates.map((value) => ({ value, source })));
      crls.push(...read.crls.map((value) => ({ value, source })));
      problems.push(...read.problems.map((p) => `${source}: ${p}`));
    }
  }
  const made = makeTrustStore(certificates, crls);
  if (made.store.anchors.length === 0) made.problems.push(`no trusted CA certificate in ${dirs.join(', ')}: every signature check will fail`);
  return { store: made.store, problems: [...problems, ...made.problems] };
}

interface FileObjects {
  certificates: X509Certificate[];
  crls: Crl[];
  problems: string[];
}

async function readObjects(path: string, derIsCrl: boolean): Promise<FileObjects> {
  const found: FileObjects = { certificates: [], crls: [], problems: [] };
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    found.problems.push((error as Error).message);
    return found;
  }
  const objects = looksLikePem(bytes)
    ? pemBlocks(bytes.toString('latin1'))
    : [{ type: derIsCrl ? 'X509 CRL' : 'CERTIFICATE', der: bytes }];
  for (const { type, der } of objects) {
    if (type === 'X509 CRL') {
      const crl = parseCrl(der);
      if (crl.ok) found.crls.push(crl.value);
      else found.problems.push(crl.error);
    } else if (type === 'CERTIFICATE') {
      try {
        const cert = new X509Certificate(der);
        certificateFields(cert); // names and dates must parse now, not in the middle of a check
        found.certificates.push(cert);
      } catch (error) {
        found.problems.push(`not a certificate: ${(error as Error).message}`);
      }
    }
  }
  if (objects.length === 0) found.problems.push('no certificate or revocation list in it');
  return found;
}
