import { createHash, X509Certificate } from 'node:crypto';
import { formatDate } from '../core/calendar/dates.js';
import type { Reference } from '../config/reference.js';
import { findOrganisation } from '../core/offices.js';
import { DOCUMENT_VARIANTS, type Actor, type DocumentVariant, type Request, type SignedDocument } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { findService } from '../core/services/catalogue.js';
import type { TemplateId } from '../core/services/types.js';
import { signedPayload, templateFor, type UnsignedDocument } from '../core/signing.js';
import { diskErrorCode, type BlobStore, type RequestReader, type User, type UserStore } from '../store/port.js';
import { diskProblem } from '../store/disk-problem.js';
import { decisionModel, positionOf, receiptModel } from './build.js';
import { newDocumentCode, normaliseCode, receiptCode } from './codes.js';
import type { DocumentKind } from './model.js';
import { describe as describeCertificate, iinOf } from './pki/certificate.js';
import { checkCertificate } from './pki/check.js';
import type { Credential } from './pki/pkcs12.js';
import { signBytes, verifyBytes } from './pki/sign.js';
import type { TrustStore } from './pki/trust.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** pdfkit, its fonts and the QR encoder: loaded with the first document rendered or read, not by every process that opens a store. */
const renderer = () => import('./render.js');

/** What a verification found; front-ends word it in the reader's language. */
export type Verification =
  | {
      readonly status: 'valid';
      readonly number: string;
      readonly service: Request['service'];
      readonly template: TemplateId;
      readonly outcome: 'issued' | 'refused';
      readonly signer: { readonly fullName: string; readonly serial: string; readonly issuer: string };
      readonly signedAt: string;
      readonly variant?: DocumentVariant;
    }
  | { readonly status: 'receipt'; readonly number: string; readonly service: Request['service']; readonly registeredAt: string; readonly state: Request['state'] }
  /** Not one of ours: no number in it, no such request, no document with that code. */
  | { readonly status: 'unknown' }
  /** The file is not the one that was signed (or issued, for a receipt). */
  | { readonly status: 'altered'; readonly number: string }
  /** The stored decision no longer matches its signature: the record was changed after signing. */
  | { readonly status: 'record-altered'; readonly number: string }
  /** The signature is intact but the signer's certificate was not good at signing time. */
  | {
      readonly status: 'certificate';
      readonly number: string;
      readonly reason: 'R5a' | 'R5b' | 'R5c' | 'R5d';
      readonly signedAt: string;
      /** Technical detail (English) for logs and --json; people read the reason's kk/ru label. */
      readonly detail: string;
    };

/** The signing key and passphrase check happen outside; this is what signs. */
export interface SignWith {
  readonly actor: Actor;
  readonly credential: Credential;
}

/**
 * Result documents: rendering, signing a decision, giving out the current document, verifying
 * a file or a code. The stored request holds the signed record; the PDFs are stored by hash.
 */
export class DocumentService {
  constructor(
    private readonly store: BlobStore & RequestReader & Pick<UserStore, 'getUser'>,
    private readonly reference: Reference,
    private readonly trust: () => Promise<TrustStore>,
  ) {}

  /**
   * Signs the decision `next` carries (issue or refuse), after the regulation's checks of the
   * signer's certificate at this moment (R5). Returns the request with the signed record; the
   * PDFs are stored first, so a saved decision never points at a missing file. On any failure
   * nothing is stored and the request is unchanged.
   */
  async signDecision(next: Request, signWith: SignWith): Promise<Result<Request>> {
    const decision = next.decision;
    if (!decision || decision.outcome === 'returned') return ok(next);
    const { actor, credential } = signWith;
    const at = new Date(decision.at);
    if (!actor.iin) return fail(domainError('GUARD_FAILED', { key: 'documents.staffIinMissing', params: { login: actor.login } }));
    const refused = signatureProblem(credential.certificate, actor.iin, at, await this.trust(), credential.chain);
    if (refused) return fail(refused);

    const service = findService(next.service)!;
    const template = templateFor(service, decision);
    const code = newDocumentCode();
    const cert = describeCertificate(credential.certificate);
    const model = decisionModel({
      request: next,
      decision,
      template,
      code,
      offices: this.reference.offices,
      verificationPattern: this.reference.offices.verificationUrl,
      signer: {
        fullName: actor.fullName ?? actor.login,
        position: positionOf(actor.role),
        certificate: { serial: cert.serial, issuer: cert.issuer, validTo: cert.validTo.slice(0, 10) },
      },
    });
    const { renderPdf } = await renderer();
    const rendered = await Promise.all(DOCUMENT_VARIANTS.map((lang) => renderPdf(model, { lang })));
    const files = Object.fromEntries(DOCUMENT_VARIANTS.map((v, i) => [v, sha256(rendered[i]!)])) as Record<DocumentVariant, string>;
    const unsigned: UnsignedDocument = {
      template,
      code,
      files,
      signer: {
        login: actor.login,
        fullName: actor.fullName ?? actor.login,
        iin: actor.iin,
        certificate: credential.certificate.toString(),
        serial: cert.serial,
        issuer: cert.issuer,
      },
      signedAt: decision.at,
    };
    const signature = signBytes(credential, signedPayload(next, decision, unsigned));
    // A disk that refuses a PDF (full, read-only) is the clerk's message, never a crash of `serve`:
    // the request is not saved, so nothing points at a file that is not there.
    try {
      for (const bytes of rendered) await this.store.putBlob(bytes);
    } catch (error) {
      const disk = diskErrorCode(error);
      if (disk) return fail(diskProblem(disk, 'decision'));
      throw error;
    }
    const document: SignedDocument = { ...unsigned, algorithm: signature.algorithm, signature: signature.signature };
    return ok({ ...next, decision: { ...decision, document } });
  }

  /** The language variant an office prints by default: both languages if it asks for that, else the citizen's. */
  defaultVariant(request: Request): DocumentVariant {
    return findOrganisation(this.reference.offices, request.office)?.documentsInBothLanguages ? 'both' : request.lang === 'kk' ? 'kk' : 'ru';
  }

  /**
   * The request's current document: the signed certificate or refusal letter once decided,
   * else the receipt of registration. A signed document is returned byte for byte as signed.
   */
  async current(request: Request, variant: DocumentVariant = this.defaultVariant(request)): Promise<Result<{ kind: DocumentKind; variant: DocumentVariant; bytes: Uint8Array; signed: boolean }>> {
    const number = request.number;
    if (!number) return fail(domainError('NOT_FOUND', { key: 'documents.noDocument', params: { number: '—', state: request.state } }));
    const document = request.decision?.document;
    if (document) {
      const hash = document.files[variant];
      const bytes = await this.store.getBlob(hash);
      if (!bytes) return fail(domainError('STORE_FAILED', { key: 'documents.fileMissing', params: { number, sha256: hash } }));
      return ok({ kind: document.template, variant, bytes, signed: true });
    }
    return ok({ kind: 'receipt', variant, bytes: await this.receipt(request, variant), signed: false });
  }

  /** The қолхат, rendered from the request as registered: the same request gives the same bytes. */
  async receipt(request: Request, variant: DocumentVariant): Promise<Uint8Array> {
    const registration = request.history.find((e) => e.action === 'register');
    const operator = registration && registration.role !== 'citizen' ? await this.operatorOf(registration.by, registration.role) : null;
    const model = receiptModel({
      request,
      operator,
      code: receiptCode(request.id),
      offices: this.reference.offices,
      verificationPattern: this.reference.offices.verificationUrl,
    });
    const { renderPdf } = await renderer();
    return renderPdf(model, { lang: variant });
  }

  private async operatorOf(login: string, role: Actor['role']): Promise<{ fullName: string; role: Actor['role'] }> {
    const user: User | null = await this.store.getUser(login);
    return { fullName: user?.fullName ?? login, role };
  }

  /** Checks a PDF file: is it ours, unchanged since signing, signed by a good certificate at the time. */
  async verifyFile(bytes: Uint8Array): Promise<Verification> {
    const { readDocumentInfo } = await renderer();
    const info = readDocumentInfo(bytes);
    if (!info) return { status: 'unknown' };
    const request = await this.store.getByNumber(info.number);
    if (!request) return { status: 'unknown' };
    const hash = sha256(bytes);
    if (info.kind === 'receipt') {
      const variant = info.lang;
      const genuine = sha256(await this.receipt(request, variant)) === hash;
      return genuine ? receiptFound(request) : { status: 'altered', number: info.number };
    }
    const document = request.decision?.document;
    if (!document) return { status: 'unknown' };
    const variant = DOCUMENT_VARIANTS.find((v) => document.files[v] === hash);
    if (!variant) return { status: 'altered', number: info.number };
    return this.verifyRecord(request, variant);
  }

  /** Checks by number and the short code printed under the QR code, as citizens check e-certificates. */
  async verifyCode(number: string, codeInput: string): Promise<Verification> {
    const code = normaliseCode(codeInput);
    const request = code ? await this.store.getByNumber(number) : null;
    if (!code || !request) return { status: 'unknown' };
    if (request.decision?.document?.code === code) return this.verifyRecord(request);
    if (receiptCode(request.id) === code) return receiptFound(request);
    return { status: 'unknown' };
  }

  /** The stored decision against its own signature, then the signer's certificate at signing time. */
  private async verifyRecord(request: Request, variant?: DocumentVariant): Promise<Verification> {
    const decision = request.decision!;
    const document = decision.document!;
    const number = request.number ?? '';
    const { signature, algorithm: _algorithm, ...unsigned } = document;
    const intact = verifyBytes(document.signer.certificate, signedPayload(request, decision, unsigned), { algorithm: document.algorithm, signature });
    if (!intact) return { status: 'record-altered', number };
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(document.signer.certificate);
    } catch {
      return { status: 'record-altered', number };
    }
    const check = checkCertificate(certificate, { iin: document.signer.iin, at: new Date(document.signedAt), trust: await this.trust() });
    if (!check.ok) return { status: 'certificate', number, reason: check.reason, signedAt: document.signedAt, detail: check.detail };
    return {
      status: 'valid',
      number,
      service: request.service,
      template: document.template,
      outcome: decision.outcome === 'issued' ? 'issued' : 'refused',
      signer: { fullName: document.signer.fullName, serial: document.signer.serial, issuer: document.signer.issuer },
      signedAt: document.signedAt,
      ...(variant ? { variant } : {}),
    };
  }
}

function receiptFound(request: Request): Verification {
  return { status: 'receipt', number: request.number ?? '', service: request.service, registeredAt: request.submittedAt ?? request.createdAt, state: request.state };
}

/** The regulation's checks of a signer's certificate (SPEC §4 R5), as a kk/ru error, or null when it may sign. */
export function signatureProblem(certificate: X509Certificate, iin: string, at: Date, trust: TrustStore, chain?: readonly X509Certificate[]): DomainError | null {
  const check = checkCertificate(certificate, { iin, at, trust, ...(chain ? { chain: [...chain] } : {}) });
  if (check.ok) return null;
  const cert = describeCertificate(certificate);
  const day = (iso: string) => formatDate(iso.slice(0, 10));
  const reasons = [check.reason];
  switch (check.reason) {
    case 'R5a':
      return domainError('GUARD_FAILED', { key: 'documents.signature.R5a', params: { certIin: iinOf(certificate) ?? '—', iin } }, { reasons });
    case 'R5b':
      return domainError('GUARD_FAILED', { key: 'documents.signature.R5b', params: { from: day(cert.validFrom), to: day(cert.validTo), at: day(at.toISOString()) } }, { reasons });
    case 'R5c': {
      const revokedOn = trust.revokedOn(certificate);
      return revokedOn
        ? domainError('GUARD_FAILED', { key: 'documents.signature.R5c', params: { serial: cert.serial, date: day(revokedOn.toISOString()) } }, { reasons })
        : domainError('GUARD_FAILED', { key: 'documents.signature.noCrl', params: { issuer: cert.issuer } }, { reasons });
    }
    case 'R5d':
      return domainError('GUARD_FAILED', { key: 'documents.signature.R5d', params: { issuer: cert.issuer } }, { reasons });
  }
}
