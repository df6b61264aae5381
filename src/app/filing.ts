import { formatRequestNumber } from '../core/identity/request-number.js';
import type { Lang } from '../core/i18n/text.js';
import { validateForm } from '../core/forms/validate.js';
import { safeText } from '../core/text-safety.js';
import type { TransitionContext } from '../core/lifecycle/context.js';
import { transition } from '../core/lifecycle/transition.js';
import { findOrganisation, providersOf } from '../core/offices.js';
import type { Actor, Attachment, Request } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { findService } from '../core/services/catalogue.js';
import type { Channel, ServiceDef } from '../core/services/types.js';
import type { RequestSummary } from '../store/port.js';
import { orUnavailable } from './unavailable.js';
import { intakeChecks } from './intake.js';
import { checkAttachments, isStored, type AttachmentInput } from './attachments.js';
import { announce, moment, transitionContext, type RequestEnv } from './request-env.js';

/** Filing a request: registration with a number, drafts put aside at a counter, refusals at intake. */

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

function chooseOffice(env: RequestEnv, service: ServiceDef, input: SubmitInput): Result<string, DomainError> {
  const providers = providersOf(env.reference.offices, service.id);
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
  const actorOrg = input.actor.organisationId ? findOrganisation(env.reference.offices, input.actor.organisationId) : undefined;
  const nearby = actorOrg ? providers.filter((p) => p.region.ru === actorOrg.region.ru) : [];
  const candidates = nearby.length > 0 ? nearby : providers;
  if (candidates.length === 1) return ok(candidates[0]!.id);
  return fail(domainError('VALIDATION', { key: 'app.officeRequired', params: { allowed: candidates.map((p) => p.id).join(', ') } }));
}

/** The provider office, and the files checked: what a submission and a draft both need. */
function place(env: RequestEnv, service: ServiceDef, input: SubmitInput): Result<string> {
  const office = chooseOffice(env, service, input);
  if (!office.ok) return office;
  const files = checkAttachments(input.attachments ?? []);
  return files.ok ? office : files;
}

export function submit(env: RequestEnv, input: SubmitInput): Promise<Result<Request>> {
  return orUnavailable(async () => {
    const service = findService(input.serviceId);
    if (!service) return fail(domainError('NOT_FOUND', { key: 'app.unknownService', params: { service: input.serviceId } }));
    if (!service.channels.includes(input.channel)) {
      return fail(domainError('VALIDATION', { key: 'app.channelNotOffered', params: { channel: input.channel, allowed: service.channels.join(', ') } }));
    }
    if (input.requestId) {
      const earlier = await env.store.get(input.requestId);
      if (earlier?.number) return ok(earlier);
    }
    const { now, today } = moment(env);
    const form = validateForm(service.form, input.answers, today);
    if (!form.ok) return form;
    const answers = form.value;
    const office = place(env, service, input);
    if (!office.ok) return office;

    const saved = input.draftId ? await savedDraft(env, input.draftId, service, office.value) : ok(null);
    if (!saved.ok) return saved;
    const built = await buildDraft(env, input, service, office.value, answers, now);
    if (!built.ok) return built;
    const fresh = built.value;
    const draft = saved.value ? { ...fresh, id: saved.value.id, createdAt: saved.value.createdAt, attachments: [...saved.value.attachments, ...fresh.attachments] } : fresh;
    const keep = (next: Request) =>
      saved.value ? env.store.save({ ...next, version: saved.value.version + 1 }, saved.value.version) : env.store.create({ ...next, version: 1 });
    const ctx = transitionContext(env, service, office.value);
    const checked = await intakeChecks(env.reference, service, input.channel, answers, today, input.verifiedPhone);
    if (!checked.ok) {
      if (checked.error.code === 'INTAKE_REFUSED') await recordIntakeRefusal(env, draft, checked.error, ctx, keep);
      return checked;
    }
    const year = Number(today.slice(0, 4));
    const number = formatRequestNumber(year, await env.store.nextSequence(year));
    const registered = transition(draft, { action: 'register', actor: input.actor, channel: input.channel, number, ...(input.via ? { via: input.via } : {}) }, ctx);
    if (!registered.ok) return registered;
    return announce(env, await keep(registered.value.request));
  }, 'request');
}

/** The draft a resumed intake completes: it must still be a draft of the same service and office. */
async function savedDraft(env: RequestEnv, id: string, service: ServiceDef, office: string): Promise<Result<Request>> {
  const draft = await env.store.get(id);
  if (!draft || draft.state !== 'DRAFT' || draft.service !== service.id || draft.office !== office) {
    return fail(domainError('NOT_FOUND', { key: 'app.draftGone', params: { id } }));
  }
  return ok(draft);
}

/** Drafts kept at an office or centre, newest first, for the counter to resume. */
export async function drafts(env: RequestEnv, organisationId: string): Promise<readonly RequestSummary[]> {
  // A draft is kept where it was taken in: receivedBy is the office's or the centre's id.
  return (await env.store.list({ states: ['DRAFT'], receivedBy: organisationId, order: 'updated', limit: 50 })).items;
}

async function buildDraft(env: RequestEnv, input: SubmitInput, service: ServiceDef, office: string, answers: Record<string, unknown>, now: string): Promise<Result<Request>> {
  const attachments: Attachment[] = [];
  for (const file of input.attachments ?? []) {
    let sha256: string;
    let size: number;
    if (isStored(file)) {
      // Kept when it arrived; only its presence (and size) is checked, the content is not read.
      if ((await env.store.blobSize(file.sha256)) !== file.size) {
        return fail(domainError('VALIDATION', { key: 'app.attachmentGone', params: { name: safeText(file.name) } }));
      }
      ({ sha256, size } = file);
    } else {
      sha256 = await env.store.putBlob(file.content);
      size = file.content.byteLength;
    }
    // A file's name is typed by whoever sent it and drawn on clerks' terminals (core/text-safety.ts).
    attachments.push({ name: safeText(file.name), mediaType: file.mediaType, size, sha256, ...(file.documentId ? { documentId: file.documentId } : {}), addedAt: now, addedBy: input.actor.login });
  }
  const applicant = (answers.applicant ?? {}) as Record<string, string>;
  return ok({
    id: input.requestId ?? env.newId(),
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
export function saveDraft(env: RequestEnv, input: SubmitInput): Promise<Result<Request>> {
  return orUnavailable(async () => {
    const service = findService(input.serviceId);
    if (!service) return fail(domainError('NOT_FOUND', { key: 'app.unknownService', params: { service: input.serviceId } }));
    const placed = place(env, service, input);
    if (!placed.ok) return placed;
    const office = placed.value;
    const answers = (input.answers && typeof input.answers === 'object' ? input.answers : {}) as Record<string, unknown>;
    const built = await buildDraft(env, input, service, office, answers, moment(env).now);
    if (!built.ok) return built;
    const fresh = built.value;
    if (!input.draftId) return announce(env, await env.store.create(fresh));
    const saved = await savedDraft(env, input.draftId, service, office);
    if (!saved.ok) return saved;
    const { id, createdAt, version } = saved.value;
    return announce(env, await env.store.save({ ...fresh, id, createdAt, version: version + 1, attachments: [...saved.value.attachments, ...fresh.attachments] }, version));
  });
}

/** Intake refusals are kept (without a number, SPEC §3.2) so supervisors can see them. */
async function recordIntakeRefusal(env: RequestEnv, draft: Request, error: DomainError, ctx: TransitionContext, keep: (r: Request) => Promise<Result<Request>>): Promise<void> {
  const refused = transition(draft, {
    action: 'refuseIntake',
    actor: { login: 'system', role: 'system' },
    channel: 'system',
    reasons: error.reasons ?? [],
  }, ctx);
  if (refused.ok) announce(env, await keep(refused.value.request));
}
