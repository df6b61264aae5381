import type { Decision, Request, SignedDocument } from './request.js';
import type { ServiceDef, TemplateId } from './services/types.js';

/**
 * What a signature over a decision covers, and how it is written down. Pure: the cryptography
 * lives in src/documents/pki; this module only decides which bytes are signed.
 */

/**
 * JSON with object keys sorted and no whitespace (the RFC 8785 idea, for the values we sign:
 * strings, integers, booleans, null, arrays and plain objects). Two equal decisions always give
 * the same bytes, whatever order their fields were built in; `undefined` members are left out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: not a finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot sign a ${typeof value}`);
}

/** The document a decision produces: the service's certificate, its refusal letter, or the archive's "no information" letter. */
export function templateFor(service: ServiceDef, decision: Pick<Decision, 'outcome' | 'reasons'>): TemplateId {
  if (decision.outcome === 'issued') return service.output.positive;
  // S0 A5: a refusal because the archive holds nothing on the subject is its own letter (SPEC §5.5).
  if (service.id === 'archive-certificate' && decision.reasons.length > 0 && decision.reasons.every((r) => r === 'R9')) {
    return 'archive-no-information';
  }
  return service.output.refusal;
}

/** The signed record without its signature: what is known before signing. */
export type UnsignedDocument = Omit<SignedDocument, 'signature' | 'algorithm'>;

/**
 * The bytes a decision's signature covers: who decided what on which request, with which
 * reasons, text and content, and the hash of every language variant of the PDF. History,
 * outbox and delivery bookkeeping are not covered: they change after signing by design.
 */
export function signedPayload(request: Request, decision: Decision, document: UnsignedDocument): Uint8Array {
  const data = {
    v: 1,
    request: { id: request.id, number: request.number, service: request.service, office: request.office, applicantIin: request.applicant.iin },
    decision: {
      outcome: decision.outcome,
      reasons: decision.reasons,
      note: decision.note,
      content: decision.content,
      by: decision.by,
      byName: decision.byName,
      at: decision.at,
      decidedOn: decision.decidedOn,
    },
    document: {
      template: document.template,
      code: document.code,
      files: document.files,
      signer: document.signer,
      signedAt: document.signedAt,
    },
  };
  return new TextEncoder().encode(canonicalJson(data));
}
