import type { X509Certificate } from 'node:crypto';
import { certificateFields, describe, displayName, iinOf, serialOf } from './certificate.js';
import { issuerAmong, type TrustStore } from './trust.js';

export type CertificateRefusal = 'R5a' | 'R5b' | 'R5c' | 'R5d';

export type CertificateCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: CertificateRefusal;
      /** Short technical explanation in English, for logs and staff; citizens get the R5 refusal text. */
      readonly detail: string;
    };

export interface CheckOptions {
  /** The IIN of the person signing: of the staff member, or the applicant. */
  readonly iin: string;
  /** The moment of signing: validity and revocation are judged then, not today. */
  readonly at: Date;
  readonly trust: TrustStore;
  /** Intermediate CA certificates, e.g. those that came in the PKCS#12 file. Never trusted by themselves. */
  readonly chain?: readonly X509Certificate[];
}

const MAX_PATH = 8;
const day = (date: Date) => date.toISOString().slice(0, 10);
const refuse = (reason: CertificateRefusal, detail: string): CertificateCheck => ({ ok: false, reason, detail });

/**
 * The regulation's signature checks (SPEC §4 R5), in the order that makes the answer true: a
 * certificate that does not chain to a trusted CA says nothing reliable about dates, revocation
 * or IIN, so R5d comes first; then validity at signing time (R5b), the issuer's revocation list
 * (R5c), and last whether the certificate is the signer's (R5a).
 */
export function checkCertificate(cert: X509Certificate, opts: CheckOptions): CertificateCheck {
  const path = buildPath(cert, opts.trust.anchors, opts.chain ?? []);
  if (!path.ok) return refuse('R5d', path.detail);

  for (const ca of path.issuers) {
    const { notBefore, notAfter } = certificateFields(ca);
    if (opts.at < notBefore || opts.at > notAfter) {
      return refuse('R5d', `issuing CA "${displayName(ca)}" is not valid on ${day(opts.at)} (valid ${day(notBefore)}..${day(notAfter)})`);
    }
  }

  const { notBefore, notAfter } = certificateFields(cert);
  if (opts.at < notBefore) return refuse('R5b', `certificate is not valid until ${day(notBefore)}`);
  if (opts.at > notAfter) return refuse('R5b', `certificate expired on ${day(notAfter)}`);

  const subjects = [cert, ...path.issuers.slice(0, -1)];
  for (const [i, subject] of subjects.entries()) {
    const revoked = revocation(subject, path.issuers[i]!, i === 0, opts);
    if (revoked) return refuse('R5c', revoked);
  }

  const iin = iinOf(cert);
  if (iin === null) return refuse('R5a', 'certificate carries no IIN (subject serialNumber=IIN…)');
  if (iin !== opts.iin) return refuse('R5a', `certificate IIN ${iin} is not the signer's IIN ${opts.iin}`);
  return { ok: true };
}

type Path = { ok: true; issuers: X509Certificate[] } | { ok: false; detail: string };

/**
 * From the certificate up to an anchor, each step proven by the issuer's signature (node's
 * X509Certificate.verify) and name/key-identifier match (checkIssued). `issuers[i]` issued
 * `[cert, ...issuers][i]`; the last one is the anchor.
 */
function buildPath(cert: X509Certificate, anchors: readonly X509Certificate[], chain: readonly X509Certificate[]): Path {
  if (anchors.length === 0) return { ok: false, detail: 'no trusted CA is configured' };
  const issuers: X509Certificate[] = [];
  let current = cert;
  while (issuers.length < MAX_PATH) {
    const anchor = issuerAmong(current, anchors);
    if (anchor) return { ok: true, issuers: [...issuers, anchor] };
    const unused = chain.filter((c) => c !== current && !issuers.includes(c));
    const next = issuerAmong(current, unused);
    if (!next) return { ok: false, detail: notIssuedBy(current, [...anchors, ...unused]) };
    issuers.push(next);
    current = next;
  }
  return { ok: false, detail: `no trusted CA within ${MAX_PATH} certificates` };
}

function notIssuedBy(cert: X509Certificate, candidates: readonly X509Certificate[]): string {
  const named = candidates.find((ca) => cert.checkIssued(ca));
  const who = `"${displayName(cert)}" (issuer "${describe(cert).issuer}")`;
  if (named && !cert.verify(named.publicKey)) return `signature of ${who} does not verify with the key of "${displayName(named)}"`;
  if (named) return `${who}: issuer "${displayName(named)}" is not a CA`;
  return `${who} is not issued by a trusted CA`;
}

/** Why `subject` counts as revoked at `at`, or null. A revocation dated after `at` does not count. */
function revocation(subject: X509Certificate, issuer: X509Certificate, isSigner: boolean, opts: CheckOptions): string | null {
  const list = opts.trust.crlOf(issuer);
  const ca = `"${displayName(issuer)}"`;
  // A real system must not sign blind: no list means revocation cannot be ruled out.
  if (!list) return `revocation list of ${ca} is missing`;
  const { nextUpdate } = list.crl;
  if (nextUpdate && nextUpdate < opts.at) return `revocation list of ${ca} (${list.source}) is out of date since ${day(nextUpdate)}`;
  const revokedOn = list.crl.revoked.get(serialOf(subject));
  if (revokedOn && revokedOn <= opts.at) {
    const whose = isSigner ? 'certificate' : `CA certificate "${displayName(subject)}"`;
    return `${whose} (serial ${serialOf(subject)}) was revoked on ${day(revokedOn)}`;
  }
  return null;
}
