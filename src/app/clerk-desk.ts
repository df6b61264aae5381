import { channelOf } from '../core/lifecycle/channels.js';
import { TRANSITIONS } from '../core/lifecycle/table.js';
import type { Action, Actor, DocumentVariant, Request } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { Channel } from '../core/services/types.js';
import type { Reference } from '../config/reference.js';
import type { DocumentKind } from '../documents/model.js';
import type { ListFilter, Page, RequestReader, RequestSummary, UserStore } from '../store/port.js';
import { canOpen, queueScope } from './access.js';
import { registryPrefill, type RegistryPrefill } from './counter-intake.js';
import type { SubmitInput } from './filing.js';
import { maskIin, maskName, maskRequest } from './masking.js';
import { byNumber } from './reading.js';
import type { RequestChanges } from './request-env.js';
import type { RequestService } from './requests.js';
import { prefilled } from './result-content.js';
import { signingKey, type PassphraseInput } from './staff-key.js';
import { mayReadReport, supervisorReport, type ReportFilter, type SupervisorReport } from './statistics.js';
import { orUnavailable } from './unavailable.js';

/** A request as a screen or a command names it: by the number a person typed, or by id (a draft has no number). */
export type RequestRef = { readonly number: string } | { readonly id: string };

/** A decision as the clerk gives it: the desk adds the channel, the key and the certificate's pre-filled fields. */
export interface DecideInput extends PassphraseInput {
  readonly action: Action;
  /** Refusal or return reason codes as given; the lifecycle checks each against the service's list. */
  readonly reasons?: readonly string[];
  readonly note?: string;
  readonly ground?: string;
  /** The certificate's content (issue); fields left out are filled from the questionnaire. */
  readonly content?: Readonly<Record<string, unknown>>;
  readonly via?: 'cli';
}

/** Counter intake: the desk adds who takes it in and, unless a command line names another, the channel of their role. */
export type IntakeInput = Omit<SubmitInput, 'actor' | 'channel'> & { readonly channel?: Channel };

/** A summary as a list shows it to someone who may not open the request: the applicant masked. */
export type ShownSummary = RequestSummary & { readonly masked?: true };

/** What a request's current document is, to print it (the receipt, or the signed result). */
export interface CurrentDocument {
  readonly kind: DocumentKind;
  readonly variant: DocumentVariant;
  readonly bytes: Uint8Array;
}

/**
 * The clerk's desk: what clerks, operators and supervisors do at the counter or the terminal, with
 * who may do it checked here, once, for every front-end (the terminal, the command line). Requests
 * are read here and written only through the request service.
 */
export class ClerkDesk {
  constructor(
    private readonly requests: RequestService,
    private readonly store: RequestReader & Pick<UserStore, 'getUser' | 'listUsers'>,
  ) {}

  get reference(): Reference {
    return this.requests.reference;
  }

  /** Every stored change, for open screens to refresh from (one feed: the request service's). */
  get changes(): RequestChanges {
    return this.requests.changes;
  }

  moment(): { now: string; today: string } {
    return this.requests.moment();
  }

  /**
   * The whole request, for one who may open it (access.ts canOpen). By number the index's summary
   * is checked first, so a refused actor's open never reads the questionnaire; the store has no
   * summary by id, so a request named by id (a draft) is read and checked before anything leaves.
   * Like the store's reads it throws StoreUnavailable while the database is away: a screen's
   * loader shows that and tries again.
   */
  async open(actor: Actor, ref: RequestRef): Promise<Result<Request>> {
    if ('id' in ref) {
      const found = await this.byId(ref.id);
      return !found.ok || canOpen(actor, found.value) ? found : fail(forbidden(actor, found.value));
    }
    const summary = await byNumber(ref.number, (n) => this.store.summaryByNumber(n));
    if (!summary.ok) return summary;
    if (!canOpen(actor, summary.value)) return fail(forbidden(actor, summary.value));
    return byNumber(ref.number, (n) => this.store.getByNumber(n));
  }

  /** The request in full for one who may open it; else (or with no one named) masked as the call-centre sees it. */
  view(viewer: Actor | null, ref: RequestRef): Promise<Result<{ request: Request; full: boolean }>> {
    return orUnavailable(async () => {
      const found = 'id' in ref ? await this.byId(ref.id) : await byNumber(ref.number, (n) => this.store.getByNumber(n));
      if (!found.ok) return found;
      const full = viewer !== null && canOpen(viewer, found.value);
      return ok({ request: full ? found.value : maskRequest(found.value), full });
    });
  }

  private async byId(id: string): Promise<Result<Request>> {
    const request = await this.store.get(id);
    return request ? ok(request) : fail(domainError('NOT_FOUND', { key: 'store.notFound', params: { number: id } }));
  }

  /** The actor's work queue: the filter within their office's or centre's scope; nothing for a role without one. */
  async queue(actor: Actor, filter: ListFilter): Promise<Page<RequestSummary>> {
    const scope = queueScope(actor);
    return scope ? this.requests.list({ ...filter, ...scope }) : { items: [], total: 0 };
  }

  /** Any list of requests, each summary masked unless the viewer may open that request. */
  async summaries(viewer: Actor | null, filter: ListFilter): Promise<Page<ShownSummary>> {
    const page = await this.requests.list(filter);
    return { ...page, items: page.items.map((s) => (viewer && canOpen(viewer, s) ? s : { ...s, applicantIin: maskIin(s.applicantIin), applicantName: maskName(s.applicantName), masked: true as const })) };
  }

  /** The supervisor's report (statistics.ts), for the roles it is meant for. */
  async report(actor: Actor, filter: ReportFilter = {}): Promise<Result<SupervisorReport>> {
    const may = mayReadReport(actor);
    if (!may.ok) return may;
    return ok(await supervisorReport(this.store, this.reference, this.moment().today, filter));
  }

  /**
   * A decision on the request as the clerk read it: the key unlocked here for a signed result
   * (wrong passphrase: FORBIDDEN naming the field, nothing stored), the channel from the role, the
   * certificate's fields the clerk left out taken from the questionnaire.
   */
  decide(actor: Actor, request: Request, input: DecideInput): Promise<Result<Request>> {
    return orUnavailable(async () => {
      if (!canOpen(actor, request)) return fail(forbidden(actor, request));
      const { action, passphrase, env, content, ...given } = input;
      const credential = await signingKey(this.store, actor, action, { ...(passphrase !== undefined ? { passphrase } : {}), ...(env ? { env } : {}) });
      if (!credential.ok) return credential;
      return this.requests.actOn(request, {
        ...given,
        action,
        actor,
        channel: channelOf(actor.role),
        ...(TRANSITIONS[action].needs.content ? { content: prefilled(request, { ...content }) } : {}),
        ...(credential.value ? { credential: credential.value } : {}),
      });
    });
  }

  /** Opens the request by number and decides on it: the command line's `act`. */
  act(actor: Actor, numberInput: string, input: DecideInput): Promise<Result<Request>> {
    return orUnavailable(async () => {
      const opened = await this.open(actor, { number: numberInput });
      return opened.ok ? this.decide(actor, opened.value, input) : opened;
    });
  }

  /** Counter intake: registers the request taken in by `actor`. */
  register(actor: Actor, input: IntakeInput): Promise<Result<Request>> {
    return this.requests.submit({ ...input, actor, channel: input.channel ?? channelOf(actor.role) });
  }

  /** Puts an unfinished questionnaire aside as a draft of the actor's office or centre. */
  saveDraft(actor: Actor, input: IntakeInput): Promise<Result<Request>> {
    return this.requests.saveDraft({ ...input, actor, channel: input.channel ?? channelOf(actor.role) });
  }

  /** Drafts put aside at the actor's office or centre, newest first. */
  async drafts(actor: Actor): Promise<readonly RequestSummary[]> {
    return actor.organisationId ? this.requests.drafts(actor.organisationId) : [];
  }

  /** A draft of the actor's office or centre, to resume. */
  draft(actor: Actor, id: string): Promise<Result<Request>> {
    return orUnavailable(async () => {
      const draft = await this.store.get(id);
      if (!draft || draft.state !== 'DRAFT' || !actor.organisationId || draft.receivedBy !== actor.organisationId) {
        return fail(domainError('NOT_FOUND', { key: 'app.draftGone', params: { id } }));
      }
      return ok(draft);
    });
  }

  /** The person registry's answer for an IIN typed at the counter, as the service's form fields. */
  prefill(actor: Actor, serviceId: string, iin: string): Promise<Result<RegistryPrefill | null>> {
    return registryPrefill(this.reference, actor, serviceId, iin);
  }

  /** The request's current document (its signed result, else the receipt), for one who may open it. */
  async currentDocument(actor: Actor, request: Request): Promise<Result<CurrentDocument | null>> {
    if (!canOpen(actor, request)) return fail(forbidden(actor, request));
    const documents = this.requests.documents;
    if (!documents) return ok(null);
    return documents.current(request);
  }
}

function forbidden(actor: Actor, request: Pick<Request, 'number'>): DomainError {
  return domainError('FORBIDDEN', { key: 'clerk.openForbidden', params: { login: actor.login, role: actor.role, number: request.number ?? '—' } });
}
