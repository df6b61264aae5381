import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Request } from '../core/request.js';
import type { Result } from '../core/result.js';
import type { Reference } from '../config/reference.js';
import type { BlobStore, ChangeFeed, ListFilter, Page, RequestStore, RequestSummary } from '../store/port.js';
import type { Clock } from './clock.js';
import type { DocumentService } from '../documents/service.js';
import { act, actOn, type ActInput } from './decisions.js';
import { drafts, saveDraft, submit, type SubmitInput } from './filing.js';
import { find, lookup } from './reading.js';
import { moment, type RequestChanges, type RequestEnv } from './request-env.js';
import { answerSurvey } from './survey.js';

// Callers that name these types through the service keep doing so; they are defined beside their job.
export type { ActInput } from './decisions.js';
export type { SubmitInput } from './filing.js';

export interface RequestServiceOptions {
  readonly newId?: () => string;
  /** Renders and signs result documents; without it, decisions that need a signature are refused. */
  readonly documents?: DocumentService;
}

/**
 * The application service the desks and the bot call: it turns a front-end's input into core
 * commands, runs the pure lifecycle, and saves the outcome through the store with compare-and-set.
 * Each job lives in its own module (filing, decisions, reading, survey); this class holds what they
 * share and the one change feed.
 */
export class RequestService {
  readonly documents: DocumentService | undefined;
  /**
   * 'changed' (request) after every stored change, here or in another process sharing the
   * database: open screens refresh from it (ARCHITECTURE.md: a decision reaches the other clerks
   * at once). 'resync' when changes may have been missed (the database connection came back).
   */
  readonly changes: RequestChanges = new EventEmitter<{ changed: [Request]; resync: [] }>();
  private readonly env: RequestEnv;

  constructor(
    readonly store: RequestStore & BlobStore & ChangeFeed,
    readonly reference: Reference,
    clock: Clock,
    options: RequestServiceOptions = {},
  ) {
    this.documents = options.documents;
    this.env = { store, reference, clock, newId: options.newId ?? randomUUID, documents: options.documents, changes: this.changes };
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
    return moment(this.env);
  }

  submit(input: SubmitInput): Promise<Result<Request>> {
    return submit(this.env, input);
  }

  /** Keeps an unfinished questionnaire as a DRAFT for the counter to resume (filing.ts). */
  saveDraft(input: SubmitInput): Promise<Result<Request>> {
    return saveDraft(this.env, input);
  }

  /** Drafts kept at an office or centre, newest first. */
  drafts(organisationId: string): Promise<readonly RequestSummary[]> {
    return drafts(this.env, organisationId);
  }

  /** The whole request, for the clerk's screen and decisions. */
  find(numberInput: string): Promise<Result<Request>> {
    return find(this.store, numberInput);
  }

  /** State, dates and last event from the index: what the call-centre and the bot read out. */
  lookup(numberInput: string): Promise<Result<RequestSummary>> {
    return lookup(this.store, numberInput);
  }

  act(numberInput: string, input: ActInput): Promise<Result<Request>> {
    return act(this.env, numberInput, input);
  }

  /** Acts on the request as it was read: if it changed since, the save is refused as CONFLICT. */
  actOn(request: Request, input: ActInput): Promise<Result<Request>> {
    return actOn(this.env, request, input);
  }

  /** The citizen's quality survey on a request whose result is out (survey.ts). */
  answerSurvey(requestId: string, chatId: number, input: { q1: unknown; q2: unknown }): Promise<Result<Request>> {
    return answerSurvey(this.env, requestId, chatId, input);
  }

  list(filter: ListFilter): Promise<Page<RequestSummary>> {
    return this.store.list(filter);
  }
}
