import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { formatRequestNumber, parseRequestNumber } from '../core/identity/request-number.js';
import { numberProblemKey } from '../core/identity/checks.js';
import type { Lang } from '../core/i18n/text.js';
import { validateForm } from '../core/forms/validate.js';
import { safeText } from '../core/text-safety.js';
import type { Command, TransitionContext } from '../core/lifecycle/context.js';
import { TRANSITIONS } from '../core/lifecycle/table.js';
import { transition } from '../core/lifecycle/transition.js';
import { findOrganisation, providersOf } from '../core/offices.js';
import { RESULT_STATES, type Actor, type Attachment, type Request } from '../core/request.js';
import { parseSurveyAnswer } from '../core/survey.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { findService } from '../core/services/catalogue.js';
import type { Channel, ServiceDef } from '../core/services/types.js';
import type { Reference } from '../config/reference.js';
import type { BlobStore, ChangeFeed, ListFilter, Page, RequestStore, RequestSummary } from '../store/port.js';
import { orUnavailable } from './unavailable.js';
import { localDate, type Clock } from './clock.js';
import { intakeChecks } from './intake.js';
import { checkAttachments, isStored, type AttachmentInput } from './attachments.js';
import type { DocumentService } from '../documents/service.js';
import type { Credential } from '../documents/pki/pkcs12.js';

export interface SubmitInput {
  readonly serviceId: string;
  readonly channel: Channel;
  readonly answers: unknown;
  readonly actor: Actor;
  readonly lang: Lang;
  /** Provider office; chosen automatically when only one provides the service (in the actor's region). */
  readonly office?: string;
  /** New files, or files the bot already stored (by hash): those are not stored again. */
  readonly attachments?: readonly AttachmentInput[];
  readonly paperDocuments?: readonly string[];
  /** The phone Telegram verified for the citizen (bot channel). */
  readonly verifiedPhone?: string;
  readonly contact?: Request['contact'];
  /** A saved DRAFT this submission completes (counter intake resumed): it keeps its id and files. */
  readonly draftId?: string;
  /**
   * The new request's id, chosen by the caller before submitting: a submission repeated after a
   * crash (Telegram delivers the "confirm" again) finds the request it already registered instead
   * of filing a second one.
   */
  readonly requestId?: string;
  /** Registered through the operator's command line: marked on the history event. */
  readonly via?: 'cli';
}

export type ActInput = Omit<Command, 'number'> & {
  /** The signer's unlocked key: needed to issue or refuse, whose result is a signed document. */
  readonly credential?: Credential;
};

export interface RequestServiceOptions {
  readonly newId?: () => string;
  /** Renders and signs result documents; without it, decisions that need a signature are refused. */
  readonly documents?: DocumentService;
}

/**
 * The application service every front-end calls: it turns a front-end's input into core commands,
 * runs the pure lifecycle, and saves the outcome through the store with compare-and-set.
 */

/** Actions a refused write reports as "the decision was not saved". */
const DECISIONS: readonly Command['action'][] = ['issue', 'refuse', 'extend', 'return'];

export class RequestService {
  private readonly newId: () => string;
  readonly documents: DocumentService | undefined;
  /**
   * 'changed' (request) after every stored change, here or in another process sharing the
   * database: open screens refresh from it (ARCHITECTURE.md: a decision reaches the other clerks
   * at once). 'resync' when changes may have been missed (the database connection came back).
   */
  readonly changes = new EventEmitter<{ changed: [Request]; resync: [] }>();

  constructor(
    readonly store: RequestStore & BlobStore & ChangeFeed,
    readonly reference: Reference,
    private readonly clock: Clock,
    options: RequestServiceOptions = {},
  ) {
    this.newId = options.newId ?? randomUUID;
    this.documents = options.documents;
    // Other processes on the same database (PostgreSQL): their changes are announced here too,
    // so a decision taken on one `serve` reaches the screens of clerks on another.
    store.watch?.((change) => {
      if (change.id === null) {
        this.changes.emit('resync');
        return;
      }
      void store.get(change.id).then(
        (request) => request && this.changes.emit('changed', request),
        () => undefined,
      );
    });
  }

  /** Now, and today's date in Kazakhstan. */
  moment(): { now: string; today: string } {
    const now = this.clock.now();
    return { now: now.toISOString(), today: localDate(now, this.reference.offices.timezoneOffsetMinutes) };
  }

  private context(service: ServiceDef, office: string): TransitionContext {
    const { now, today } = this.moment();
    return {
      now,
      today,
      calendar: this.reference.calendar,
      service,
      office: findOrganisation(this.reference.offices, office),
      newId: this.newId,
    };
  }

  private chooseOffice(service: ServiceDef, input: SubmitInput): Result<string, DomainError> {
    const providers = providersOf(this.reference.offices, service.id);
    const ids = providers.map((p) => p.id);
    const listed = ids.join(', ');
    if (input.actor.role === 'clerk') {
      // A clerk takes requests in at their own office's counter, for their own office.
      const own = input.actor.organisationId ?? '';
      if (input.office && input.office !== own) {
        return fail(domainError('FORBIDDEN', { key: 'app.clerkOtherOffice', params: { office: input.office, own } }));
      }
      return ids.includes(own) ? ok(own) : fail(domainError('FORBIDDEN', { key: 'app.clerkNotProvider', params: { office: own } }));
    }
    if (input.office) {
      return ids.includes(input.office)
        ? ok(input.office)
        : fail(domainError('VALIDATION', { key: 'app.officeNotProvider', params: { office: input.office, allowed: listed } }));
    }
    const actorOrg = input.actor.organisationId ? findOrganisation(this.reference.offices, input.actor.organisationId) : undefined;
    const nearby = actorOrg ? providers.filter((p) => p.region.ru === actorOrg.region.ru) : [];
    const candidates = nearby.length > 0 ? nearby : providers;
    if (candidates.length === 1) return ok(candidates[0]!.id);
    return fail(domainError('VALIDATION', { key: 'app.officeRequired', params: { allowed: candidates.map((p) => p.id).join(', ') } }));
  }

  submit(input: SubmitInput): Promise<Result<Request>> {
    return orUnavailable(async () => {
      const service = findService(input.serviceId);
      if (!service) return fail(domainError('NOT_FOUND', { key: 'app.unknownService', params: { service: input.serviceId } }));
      if (!service.channels.includes(input.channel)) {
        return fail(domainError('VALIDATION', { key: 'app.channelNotOffered', params: { channel: input.channel, allowed: service.channels.join(', ') } }));
      }
      if (input.requestId) {
        const earlier = await this.store.get(input.requestId);
        if (earlier?.number) return ok(earlier);
      }
      const { now, today } = this.moment();
      const form = validateForm(service.form, input.answers, today);
      if (!form.ok) return form;
      const answers = form.value;
      const office = this.chooseOffice(service, input);
      if (!office.ok) return office;
      const files = checkAttachments(input.attachments ?? []);
      if (!files.ok) return files;

      const saved = input.draftId ? await this.savedDraft(input.draftId, service, office.value) : ok(null);
      if (!saved.ok) return saved;
      const built = await this.buildDraft(input, service, office.value, answers, now);
      if (!built.ok) return built;
      const fresh = built.value;
      const draft = saved.value ? { ...fresh, id: saved.value.id, createdAt: saved.value.createdAt, attachments: [...saved.value.attachments, ...fresh.attachments] } : fresh;
      const keep = (next: Request) =>
        saved.value ? this.store.save({ ...next, version: saved.value.version + 1 }, saved.value.version) : this.store.create({ ...next, version: 1 });
      const ctx = this.context(service, office.value);
      const checked = await intakeChecks(this.reference, service, input.channel, answers, today, input.verifiedPhone);
      if (!checked.ok) {
        if (checked.error.code === 'INTAKE_REFUSED') await this.recordIntakeRefusal(draft, checked.error, ctx, keep);
        return checked;
      }
      const year = Number(today.slice(0, 4));
      const number = formatRequestNumber(year, await this.store.nextSequence(year));
      const registered = transition(draft, { action: 'register', actor: input.actor, channel: input.channel, number, ...(input.via ? { via: input.via } : {}) }, ctx);
      if (!registered.ok) return registered;
      return this.announce(await keep(registered.value.request));
    }, 'request');
  }

  /** The draft a resumed intake completes: it must still be a draft of the same service and office. */
  private async savedDraft(id: string, service: ServiceDef, office: string): Promise<Result<Request>> {
    const draft = await this.store.get(id);
    if (!draft || draft.state !== 'DRAFT' || draft.service !== service.id || draft.office !== office) {
      return fail(domainError('NOT_FOUND', { key: 'app.draftGone', params: { id } }));
    }
    return ok(draft);
  }

  /** Drafts kept at an office or centre, newest first, for the counter to resume. */
  async drafts(organisationId: string): Promise<readonly RequestSummary[]> {
    // A draft is kept where it was taken in: receivedBy is the office's or the centre's id.
    return (await this.store.list({ states: ['DRAFT'], receivedBy: organisationId, order: 'updated', limit: 50 })).items;
  }

  private async buildDraft(input: SubmitInput, service: ServiceDef, office: string, answers: Record<string, unknown>, now: string): Promise<Result<Request>> {
    const attachments: Attachment[] = [];
    for (const file of input.attachments ?? []) {
      let sha256: string;
      let size: number;
      if (isStored(file)) {
        // Kept when it arrived; only its presence (and size) is checked, the content is not read.
        if ((await this.store.blobSize(file.sha256)) !== file.size) {
          return fail(domainError('VALIDATION', { key: 'app.attachmentGone', params: { name: safeText(file.name) } }));
        }
        ({ sha256, size } = file);
      } else {
        sha256 = await this.store.putBlob(file.content);
        size = file.content.byteLength;
      }
      // A file's name is typed by whoever sent it and drawn on clerks' terminals (core/text-safety.ts).
      attachments.push({ name: safeText(file.name), mediaType: file.mediaType, size, sha256, ...(file.documentId ? { documentId: file.documentId } : {}), addedAt: now, addedBy: input.actor.login });
    }
    const applicant = (answers.applicant ?? {}) as Record<string, string>;
    return ok({
      id: input.requestId ?? this.newId(),
      number: null,
      version: 1,
      service: service.id,
      channel: input.channel,
      lang: input.lang === 'en' ? 'ru' : input.lang,
      office,
      receivedBy: input.channel === 'office' ? office : input.channel === 'bot' ? 'bot' : input.actor.organisationId ?? 'centre',
      state: 'DRAFT',
      applicant: {
        iin: applicant.iin ?? '',
        fullName: [applicant.lastName, applicant.firstName, applicant.patronymic].filter(Boolean).join(' '),
        ...(applicant.phone ? { phone: applicant.phone } : {}),
      },
      answers,
      attachments,
      paperDocuments: (input.paperDocuments ?? []).map((p) => safeText(p)),
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      submittedOn: null,
      due: null,
      history: [],
      outbox: [],
      ...(input.contact ? { contact: input.contact } : {}),
    });
  }

  /**
   * Keeps an unfinished questionnaire (state DRAFT) so the counter can resume it when the citizen
   * comes back with a missing document. Answers are not validated until registration.
   */
  saveDraft(input: SubmitInput): Promise<Result<Request>> {
    return orUnavailable(async () => {
      const service = findService(input.serviceId);
      if (!service) return fail(domainError('NOT_FOUND', { key: 'app.unknownService', params: { service: input.serviceId } }));
      const office = this.chooseOffice(service, input);
      if (!office.ok) return office;
      const files = checkAttachments(input.attachments ?? []);
      if (!files.ok) return files;
      const answers = (input.answers && typeof input.answers === 'object' ? input.answers : {}) as Record<string, unknown>;
      const built = await this.buildDraft(input, service, office.value, answers, this.moment().now);
      if (!built.ok) return built;
      const fresh = built.value;
      if (!input.draftId) return this.announce(await this.store.create(fresh));
      const saved = await this.savedDraft(input.draftId, service, office.value);
      if (!saved.ok) return saved;
      const { id, createdAt, version } = saved.value;
      return this.announce(await this.store.save({ ...fresh, id, createdAt, version: version + 1, attachments: [...saved.value.attachments, ...fresh.attachments] }, version));
    });
  }

  /** Intake refusals are kept (without a number, SPEC §3.2) so supervisors can see them. */
  private async recordIntakeRefusal(draft: Request, error: DomainError, ctx: TransitionContext, keep: (r: Request) => Promise<Result<Request>>): Promise<void> {
    const refused = transition(draft, {
      action: 'refuseIntake',
      actor: { login: 'system', role: 'system' },
      channel: 'system',
      reasons: error.reasons ?? [],
    }, ctx);
    if (refused.ok) this.announce(await keep(refused.value.request));
  }

  /** Looks a number up as a person typed it: a typo is INVALID_NUMBER, not NOT_FOUND. */
  private async byNumber<T>(numberInput: string, read: (number: string) => Promise<T | null>): Promise<Result<T>> {
    const parsed = parseRequestNumber(numberInput);
    if (!parsed.ok) {
      return fail(domainError('INVALID_NUMBER', { key: numberProblemKey(parsed.error), params: { number: numberInput.trim() } }));
    }
    const found = await read(parsed.value);
    return found ? ok(found) : fail(domainError('NOT_FOUND', { key: 'store.notFound', params: { number: parsed.value } }));
  }

  /** The whole request, for the clerk's screen and decisions. */
  find(numberInput: string): Promise<Result<Request>> {
    return orUnavailable(() => this.byNumber(numberInput, (n) => this.store.getByNumber(n)));
  }

  /** State, dates and last event from the index: what the call-centre and the bot read out. */
  lookup(numberInput: string): Promise<Result<RequestSummary>> {
    return orUnavailable(() => this.byNumber(numberInput, (n) => this.store.summaryByNumber(n)));
  }

  act(numberInput: string, input: ActInput): Promise<Result<Request>> {
    return orUnavailable(async () => {
      const found = await this.find(numberInput);
      if (!found.ok) return found;
      return this.actOn(found.value, input);
    });
  }

  /** Acts on the request as it was read: if it changed since, the save is refused as CONFLICT. */
  actOn(request: Request, input: ActInput): Promise<Result<Request>> {
    return orUnavailable(async () => {
      const service = findService(request.service)!;
      const { credential, ...command } = input;
      const next = transition(request, command, this.context(service, request.office));
      if (!next.ok) return next;
      let changed = next.value.request;
      if (TRANSITIONS[input.action].signed) {
        // The decision exists only once signed: no key, a refused certificate or a failed render
        // leaves the request as it was.
        if (!credential || !this.documents) return fail(domainError('GUARD_FAILED', { key: 'documents.keyMissing', params: { login: input.actor.login } }));
        const signed = await this.documents.signDecision(changed, { actor: input.actor, credential });
        if (!signed.ok) return signed;
        changed = signed.value;
      }
      return this.announce(await this.store.save(changed, request.version));
    }, DECISIONS.includes(input.action) ? 'decision' : 'change');
  }

  private announce(saved: Result<Request>): Result<Request> {
    if (saved.ok) this.changes.emit('changed', saved.value);
    return saved;
  }

  /**
   * Stores the citizen's answers to the quality survey (SPEC §5.11) on the request they filed, once
   * its result is out; the supervisor's report counts them. Only the chat that filed it may answer,
   * and only once: a second tap on an old button changes nothing.
   */
  answerSurvey(requestId: string, chatId: number, input: { q1: unknown; q2: unknown }): Promise<Result<Request>> {
    return orUnavailable(async () => {
      const answer = parseSurveyAnswer(input);
      if (!answer.ok) return answer;
      const request = await this.store.get(requestId);
      if (!request || request.contact?.telegramChatId !== chatId) {
        return fail(domainError('NOT_FOUND', { key: 'app.surveyNoRequest' }));
      }
      const number = request.number ?? request.id;
      if (request.survey) return fail(domainError('CONFLICT', { key: 'app.surveyAnswered', params: { number } }));
      if (!RESULT_STATES.includes(request.state)) return fail(domainError('GUARD_FAILED', { key: 'app.surveyTooEarly', params: { number } }));
      const { now } = this.moment();
      const next: Request = { ...request, version: request.version + 1, updatedAt: now, survey: { ...answer.value, at: now } };
      return this.announce(await this.store.save(next, request.version));
    });
  }

  list(filter: ListFilter): Promise<Page<RequestSummary>> {
    return this.store.list(filter);
  }
}

