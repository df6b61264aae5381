import { deadlineStatusOf } from '../core/lifecycle/deadline.js';
import { parseRequestNumber } from '../core/identity/request-number.js';
import type { Lang } from '../core/i18n/text.js';
import { RESULT_STATES, type Actor, type Request } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { Reference } from '../config/reference.js';
import type { TemplateId } from '../core/services/types.js';
import type { Verification } from '../documents/service.js';
import type { AuditEntry, AuditStore, BlobStore, RequestReader, RequestSummary } from '../store/port.js';
import { checkAttachments, type StoredAttachment } from './attachments.js';
import { auditedFailures, failuresLeft, lookupAllowedAt } from './lookup-throttle.js';
import { auditSubject } from './lookups.js';
import type { RequestService } from './requests.js';
import { orUnavailable } from './unavailable.js';

/** What the citizen desk keeps and reads itself; requests are filed and read through the request service. */
export type CitizenDeskStore = Pick<RequestReader, 'get'> & Pick<BlobStore, 'putBlob'> & Pick<AuditStore, 'appendAudit' | 'listAudit'>;

/** A citizen as Telegram names them: the chat answers go to, and the user the audit log names. */
export interface Citizen {
  readonly chatId: number;
  readonly userId: number;
}

/** A request as the citizen is shown it. */
export interface CitizenStatus {
  readonly request: RequestSummary;
  /** Past its due date and still open. */
  readonly overdue: boolean;
  /** The citizen's own request with its result out: the card offers the document. */
  readonly resultOut: boolean;
}

/** A status check by number: step one, the number. */
export type NumberCheck =
  | { readonly kind: 'invalid'; readonly error: DomainError }
  /** The citizen's own request: shown without the IIN digits. */
  | { readonly kind: 'shown'; readonly status: CitizenStatus }
  | { readonly kind: 'paused'; readonly until: string }
  | { readonly kind: 'askDigits'; readonly number: string };

/** Step two, the last four digits of the applicant's IIN. */
export type DigitsCheck =
  | { readonly kind: 'notDigits' }
  | { readonly kind: 'shown'; readonly status: CitizenStatus }
  /** Not found and wrong digits alike: nobody learns which numbers exist. */
  | { readonly kind: 'noMatch'; readonly left: number }
  | { readonly kind: 'paused'; readonly until: string };

export type ResultDocument =
  | { readonly kind: 'notYours' }
  | { readonly kind: 'none' }
  | { readonly kind: 'failed'; readonly error: DomainError }
  | { readonly kind: 'document'; readonly bytes: Uint8Array; readonly fileName: string; readonly template: TemplateId };

/** An application the bot collected, its files already stored as they arrived. */
export interface Application {
  readonly serviceId: string;
  readonly office?: string;
  readonly answers: Record<string, unknown>;
  readonly attachments: readonly StoredAttachment[];
  /** The phone Telegram verified (the contact the citizen shared of themselves). */
  readonly phone?: string;
  readonly lang: Lang;
  /** Chosen when the application began: a "confirm" delivered twice files once. */
  readonly requestId: string;
}

/** The request a survey button is about: the language it was filed in, and whether it was answered. */
export interface SurveyTarget {
  readonly lang: 'kk' | 'ru' | null;
  readonly number: string;
  readonly answered: boolean;
}

const notYours = () => fail(domainError('NOT_FOUND', { key: 'app.surveyNoRequest' }));

/**
 * The citizen's door (ARCHITECTURE.md "one door"): everything the bot does with requests, files and
 * the audit log. Status checks of someone else's request follow the call-centre's rule: every one
 * is logged before the answer, failures are read back from the log, and too many pause the checks.
 */
export class CitizenDesk {
  constructor(
    private readonly requests: RequestService,
    private readonly store: CitizenDeskStore,
  ) {}

  get reference(): Reference {
    return this.requests.reference;
  }

  /** Now, and today's date in Kazakhstan. */
  moment(): { now: string; today: string } {
    return this.requests.moment();
  }

  /** A file the citizen sent, checked and stored by its hash as it arrives: filed later by reference. */
  keepFile(file: { name: string; mediaType: string; content: Uint8Array; documentId: string }): Promise<Result<StoredAttachment>> {
    return orUnavailable(async () => {
      const checked = checkAttachments([file]);
      if (!checked.ok) return checked;
      const sha256 = await this.store.putBlob(file.content);
      return ok({ name: file.name, mediaType: file.mediaType, sha256, size: file.content.byteLength, documentId: file.documentId });
    }, 'request');
  }

  /** Files the application from files already stored: their hashes travel, not their bytes. */
  file(citizen: Citizen, application: Application): Promise<Result<Request>> {
    return this.requests.submit({
      serviceId: application.serviceId,
      channel: 'bot',
      answers: application.answers,
      actor: actorOf(citizen),
      lang: application.lang,
      ...(application.office ? { office: application.office } : {}),
      attachments: application.attachments,
      ...(application.phone ? { verifiedPhone: application.phone } : {}),
      contact: { telegramChatId: citizen.chatId },
      requestId: application.requestId,
    });
  }

  /** A number typed (or from a status link): the citizen's own request is shown; anyone else's asks for the IIN digits. */
  checkNumber(citizen: Citizen, input: string): Promise<Result<NumberCheck>> {
    return orUnavailable(async (): Promise<Result<NumberCheck>> => {
      const typed = input.slice(0, 40);
      const found = await this.requests.lookup(typed);
      if (!found.ok && found.error.code === 'INVALID_NUMBER') return ok({ kind: 'invalid', error: found.error });
      if (found.ok && found.value.chatId === citizen.chatId) return ok({ kind: 'shown', status: this.status(citizen, found.value) });
      const parsed = parseRequestNumber(typed);
      const number = parsed.ok ? parsed.value : typed.trim();
      const { paused } = await this.throttle(citizen, number);
      return ok(paused ?? { kind: 'askDigits', number });
    });
  }

  /** Someone else's request: shown only to who knows the last 4 digits of its applicant's IIN. */
  checkDigits(citizen: Citizen, number: string, input: string): Promise<Result<DigitsCheck>> {
    return orUnavailable(async (): Promise<Result<DigitsCheck>> => {
      const { now, failures, paused } = await this.throttle(citizen, number);
      if (paused) return ok(paused);
      const digits = input.replace(/\s/g, '');
      if (!/^\d{4}$/.test(digits)) return ok({ kind: 'notDigits' });
      const found = await this.requests.lookup(number);
      const matched = found.ok && found.value.applicantIin.slice(-4) === digits;
      // Who looked at whose request is kept before anything is shown; the digits never are.
      await this.audit(citizen, now, number, matched ? 'found' : 'notFound');
      if (found.ok && matched) return ok({ kind: 'shown', status: this.status(citizen, found.value) });
      const after = [...failures, now];
      const until = lookupAllowedAt(after, Date.parse(now));
      return ok(until ? { kind: 'paused', until: until.toISOString() } : { kind: 'noMatch', left: failuresLeft(after, Date.parse(now)) });
    });
  }

  /** The chat's requests with a number, newest first (the ten latest), and how many it has in all. */
  ownRequests(citizen: Citizen): Promise<Result<{ filed: readonly RequestSummary[]; total: number }>> {
    return orUnavailable(async () => {
      const mine = await this.requests.list({ chatId: citizen.chatId, order: 'submitted', limit: 10 });
      return ok({ filed: mine.items.filter((s) => s.number), total: mine.total });
    });
  }

  /** One of the chat's own requests; NOT_FOUND for anyone else's. */
  async ownRequest(citizen: Citizen, number: string): Promise<Result<CitizenStatus>> {
    const found = await this.requests.lookup(number);
    if (!found.ok) return found;
    if (found.value.chatId !== citizen.chatId) return fail(domainError('NOT_FOUND', { key: 'store.notFound', params: { number } }));
    return ok(this.status(citizen, found.value));
  }

  /** The decision's PDF of one of the chat's own requests, as the office holds it now. */
  async resultDocument(citizen: Citizen, number: string): Promise<ResultDocument> {
    const found = await this.requests.find(number);
    if (!found.ok || found.value.contact?.telegramChatId !== citizen.chatId) return { kind: 'notYours' };
    const request = found.value;
    const documents = this.requests.documents;
    const decision = request.decision;
    if (!decision?.document || !documents) return { kind: 'none' };
    const current = await orUnavailable(() => documents.current(request));
    if (!current.ok) return { kind: 'failed', error: current.error };
    const kind = decision.outcome === 'issued' ? 'certificate' : 'refusal';
    return { kind: 'document', bytes: current.value.bytes, fileName: `${number}-${kind}.pdf`, template: decision.document.template };
  }

  /**
   * A result document's verification code (the QR code's link): what the office's records say of it;
   * null when there is nothing to look in (not a request number, or no documents here).
   */
  async verifyCode(numberInput: string, code: string): Promise<Verification | null> {
    const documents = this.requests.documents;
    const parsed = parseRequestNumber(numberInput);
    if (!documents || !parsed.ok) return null;
    return documents.verifyCode(parsed.value, code);
  }

  /** The request a survey button names, if this chat filed it. */
  surveyTarget(citizen: Citizen, requestId: string): Promise<Result<SurveyTarget>> {
    return orUnavailable(async () => {
      const request = await this.store.get(requestId);
      if (!request || request.contact?.telegramChatId !== citizen.chatId) return notYours();
      const lang = request.lang === 'kk' || request.lang === 'ru' ? request.lang : null;
      return ok({ lang, number: request.number ?? '', answered: request.survey !== undefined });
    });
  }

  /** Both answers of the survey (SPEC §5.11), once per request. */
  answerSurvey(citizen: Citizen, requestId: string, answers: { q1: number; q2: number }): Promise<Result<Request>> {
    return this.requests.answerSurvey(requestId, citizen.chatId, answers);
  }

  private status(citizen: Citizen, request: RequestSummary): CitizenStatus {
    const { today } = this.moment();
    const overdue = deadlineStatusOf(request.state, request.dueDate, today, this.reference.calendar) === 'overdue';
    return { request, overdue, resultOut: request.chatId === citizen.chatId && RESULT_STATES.includes(request.state) };
  }

  /**
   * The citizen's failed checks in the window (from the audit log, as the call-centre's), and whether
   * checks are paused now: then this attempt is logged as refused, and the answer says until when.
   */
  private async throttle(citizen: Citizen, number: string): Promise<{ now: string; failures: readonly string[]; paused: { kind: 'paused'; until: string } | null }> {
    const { now } = this.moment();
    const failures = await auditedFailures(this.store, actorOf(citizen).login, Date.parse(now));
    const until = lookupAllowedAt(failures, Date.parse(now));
    if (!until) return { now, failures, paused: null };
    await this.audit(citizen, now, number, 'throttled');
    return { now, failures, paused: { kind: 'paused', until: until.toISOString() } };
  }

  private audit(citizen: Citizen, at: string, number: string, outcome: AuditEntry['outcome']): Promise<void> {
    const actor = actorOf(citizen);
    return this.store.appendAudit({ at, actor: actor.login, role: actor.role, kind: 'lookup', subject: auditSubject(number), outcome, source: 'bot' });
  }
}

function actorOf(citizen: Citizen): Actor {
  return { login: `telegram:${citizen.userId}`, role: 'citizen' };
}
