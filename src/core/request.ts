import type { Lang } from './i18n/text.js';
import type { RefusalCode } from './refusal-codes.js';
import type { Channel, ServiceId, TemplateId } from './services/types.js';

/** Request states of SPEC §3.2. Names are ours; the seeds' labels are in messages/lifecycle.ts. */
export const STATES = [
  'DRAFT',
  'INTAKE_REFUSED',
  'SUBMITTED',
  'IN_WORK',
  'RETURNED_TO_CENTRE',
  'REFUSED',
  'COMPLETED',
  'ISSUED',
  'STORED_UNCOLLECTED',
] as const;
export type State = (typeof STATES)[number];

/** States in which the provider still owes the citizen a result: they count towards "overdue". */
export const OPEN_STATES: readonly State[] = ['SUBMITTED', 'IN_WORK'];

/**
 * States in which the result is out: a certificate or a refusal letter exists, whether or not it
 * was handed over. The citizen may fetch its PDF and answer the survey; the queue shows them as done.
 */
export const RESULT_STATES: readonly State[] = ['COMPLETED', 'REFUSED', 'ISSUED', 'STORED_UNCOLLECTED'];

export const ROLES = ['citizen', 'clerk', 'operator', 'callcentre', 'supervisor', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: a logged-in member of staff, a citizen in the bot, or the system itself. */
export interface Actor {
  readonly login: string;
  readonly role: Role;
  /** The provider office (clerk) or centre (operator) the person works for. */
  readonly organisationId?: string;
  readonly fullName?: string;
  readonly iin?: string;
}

export const ACTIONS = ['register', 'refuseIntake', 'take', 'issue', 'refuse', 'extend', 'return', 'deliver', 'store'] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(x: string): x is Action {
  return (ACTIONS as readonly string[]).includes(x);
}

/** One line of a request's history: who did what, when, from which state to which, and why. */
export interface HistoryEvent {
  readonly seq: number;
  /** ISO date-time. */
  readonly at: string;
  readonly by: string;
  readonly role: Role;
  readonly channel: Channel | 'system';
  readonly action: Action;
  readonly from: State | null;
  readonly to: State;
  readonly reasons?: readonly string[];
  readonly note?: string;
  /** The due date after this event, when the event set or moved it. */
  readonly dueDate?: string;
  /** Made through the server operator's `anyqtama` command rather than a logged-in screen (issue 13). */
  readonly via?: 'cli';
}

/** Something the citizen must be told; stored with the change itself so a notifier cannot lose it. */
export interface OutboxItem {
  readonly id: string;
  readonly kind: 'registered' | 'status' | 'extended' | 'returned' | 'result';
  readonly at: string;
  readonly state: State;
  readonly dueDate?: string;
  /**
   * Set by the store when the notifier confirms delivery. It is delivery bookkeeping, not a change
   * of the request: it does not bump the version, and the store keeps it across later saves.
   */
  readonly deliveredAt?: string;
  /** Store bookkeeping too: the item's messages Telegram already accepted, so a resend skips them. */
  readonly stepsDone?: number;
}

export interface Attachment {
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  /** Hex SHA-256 of the content; the content is stored by this hash. */
  readonly sha256: string;
  /** The required document (services' requiredDocuments id) it stands for, if known. */
  readonly documentId?: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

export interface DueInfo {
  readonly dueDate: string;
  readonly rule: { readonly unit: 'calendar' | 'working' | 'months'; readonly amount: number; readonly source: string };
  /** Lines of the calendar's explanation, kept as data so they can be rendered in any language. */
  readonly explanation: unknown;
}

/** Language variants of a signed result document: each is rendered, hashed and covered by the signature. */
export const DOCUMENT_VARIANTS = ['kk', 'ru', 'both'] as const;
export type DocumentVariant = (typeof DOCUMENT_VARIANTS)[number];

/**
 * The signed record of a result document, kept with the decision. The signature covers the
 * canonical decision data (core/signing.ts) and the SHA-256 of every language variant of the
 * PDF, so a changed file or a changed stored decision no longer verifies.
 */
export interface SignedDocument {
  readonly template: TemplateId;
  /** Short code printed under the QR code; with the number, it finds the document. */
  readonly code: string;
  /** Hex SHA-256 of each language variant; the PDFs are stored by these hashes. */
  readonly files: Readonly<Record<DocumentVariant, string>>;
  readonly signer: {
    readonly login: string;
    readonly fullName: string;
    readonly iin: string;
    /** The signer's X.509 certificate, PEM: verification needs nothing else from the signer. */
    readonly certificate: string;
    readonly serial: string;
    readonly issuer: string;
  };
  readonly signedAt: string;
  readonly algorithm: string;
  /** Base64 signature over the canonical decision data. */
  readonly signature: string;
}

export interface Decision {
  readonly outcome: 'issued' | 'refused' | 'returned';
  readonly reasons: readonly RefusalCode[];
  readonly note?: string;
  /** What the clerk filled into the result document (certificate content, basis, ...). */
  readonly content?: Readonly<Record<string, unknown>>;
  readonly by: string;
  readonly byName?: string;
  readonly at: string;
  /** Local (UTC+5) date of the decision: storage periods count from it. */
  readonly decidedOn: string;
  /** The signed result document (certificate or refusal letter); a return to the centre has none. */
  readonly document?: SignedDocument;
}

export interface Request {
  readonly id: string;
  /** Assigned at registration; a request refused at intake has none (SPEC §3.2 INTAKE_REFUSED). */
  readonly number: string | null;
  /** Bumped by every change; the store saves only if it still holds the version that was read. */
  readonly version: number;
  readonly service: ServiceId;
  readonly channel: Channel;
  /** Language the citizen reads: notifications and documents use it. */
  readonly lang: Lang;
  /** Provider organisation that decides. */
  readonly office: string;
  /** Organisation that took the request in (the office itself, a centre, or "bot"). */
  readonly receivedBy: string;
  readonly state: State;
  readonly applicant: { readonly iin: string; readonly fullName: string; readonly phone?: string };
  readonly answers: Readonly<Record<string, unknown>>;
  readonly attachments: readonly Attachment[];
  /** Required documents shown on paper at the counter (S1 §6.6, S3 §7.6). */
  readonly paperDocuments: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
  /** Local (UTC+5) date of registration: deadlines count from the day after it. */
  readonly submittedOn: string | null;
  readonly due: DueInfo | null;
  readonly extension?: { readonly ground: string; readonly at: string; readonly on: string; readonly previousDue: string; readonly by: string };
  /** Last day a provider may return Centre documents (S3 A1 T2 step 8). */
  readonly returnBy?: string;
  readonly decision?: Decision;
  readonly intakeRefusal?: { readonly reasons: readonly RefusalCode[]; readonly at: string };
  readonly history: readonly HistoryEvent[];
  readonly outbox: readonly OutboxItem[];
  readonly survey?: { readonly q1: 1 | 2 | 3; readonly q2: 1 | 2 | 3; readonly at: string };
  /** How to reach the citizen: the bot stores the chat here. */
  readonly contact?: { readonly telegramChatId?: number };
}
