import { randomFillSync, randomUUID } from 'node:crypto';
import { localDate } from '../../src/app/clock.js';
import type { Reference } from '../../src/config/reference.js';
import { formatRequestNumber } from '../../src/core/identity/request-number.js';
import type { Command } from '../../src/core/lifecycle/context.js';
import { transition } from '../../src/core/lifecycle/transition.js';
import { centresOf, findOrganisation, type Organisation } from '../../src/core/offices.js';
import { findRefusal } from '../../src/core/refusals.js';
import type { Actor, Request, SignedDocument, State } from '../../src/core/request.js';
import { findService } from '../../src/core/services/catalogue.js';
import { exampleAnswers, exampleResult } from '../../src/core/services/examples.js';
import type { Channel, ServiceDef } from '../../src/core/services/types.js';
import { templateFor } from '../../src/core/signing.js';
import { validateForm } from '../../src/core/forms/validate.js';
import { aPerson, between, pick, seeded, type Person, type Random } from './people.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** How the loaded requests spread: busy and quiet offices, and a backlog of open requests for the clerks to take. */
export const OFFICE_SHARE: Readonly<Record<string, number>> = {
  'kzo-archives': 0.35, 'ast-archives': 0.2, 'ast-state-archive': 0.15, 'ekb-employment': 0.18, 'tmr-education': 0.12,
};
const STATE_SHARE: ReadonlyArray<readonly [State, number]> = [
  ['SUBMITTED', 0.12], ['IN_WORK', 0.1], ['COMPLETED', 0.06], ['REFUSED', 0.05], ['ISSUED', 0.57],
  ['STORED_UNCOLLECTED', 0.03], ['RETURNED_TO_CENTRE', 0.01], ['INTAKE_REFUSED', 0.015], ['DRAFT', 0.005],
];
/** Days since registration, by final state: open requests are recent, closed ones go back to the first day of the calendar data. */
const AGE: Readonly<Record<State, readonly [number, number]>> = {
  DRAFT: [0, 20], INTAKE_REFUSED: [0, 680], SUBMITTED: [0, 30], IN_WORK: [1, 45], RETURNED_TO_CENTRE: [2, 200],
  COMPLETED: [3, 60], REFUSED: [3, 680], ISSUED: [5, 680], STORED_UNCOLLECTED: [70, 680],
};
const CHANNEL_SHARE: ReadonlyArray<readonly [Channel, number]> = [['office', 0.45], ['centre', 0.3], ['bot', 0.2], ['mobile', 0.05]];
/** The earliest registration day: the shipped calendar starts on 2025-01-01 and terms are counted after it. */
const FIRST_DAY = '2025-01-16';

function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries.at(-1)![0];
}

/** Random bytes taken from a large buffer refilled now and then: a million small randomBytes calls cost more than the rest. */
class Entropy {
  private buffer = Buffer.alloc(1 << 20);
  private at = this.buffer.length;
  take(n: number): Buffer {
    if (this.at + n > this.buffer.length) {
      randomFillSync(this.buffer);
      this.at = 0;
    }
    this.at += n;
    return this.buffer.subarray(this.at - n, this.at);
  }
  hex(bytes: number): string {
    return this.take(bytes).toString('hex');
  }
}

/**
 * A stand-in for the signed document a decision carries (certificate, serials, signature): the same
 * fields and sizes as DocumentService.signDecision gives, but not verifiable, and its PDFs are not in
 * `blobs` (700 000 decisions × 3 PDFs would be ~40 GB that no transition or look-up reads).
 */
function fakeDocument(request: Request, service: ServiceDef, signer: Actor, entropy: Entropy, certificates: Map<string, string>): SignedDocument {
  const decision = request.decision!;
  let pem = certificates.get(signer.login);
  if (!pem) {
    pem = `-----BEGIN CERTIFICATE-----\n${entropy.take(900).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
    certificates.set(signer.login, pem);
  }
  return {
    template: templateFor(service, decision),
    code: entropy.hex(5).toUpperCase().replace(/^(.{5})/, '$1-'),
    files: { kk: entropy.hex(32), ru: entropy.hex(32), both: entropy.hex(32) },
    signer: { login: signer.login, fullName: signer.fullName ?? signer.login, iin: signer.iin ?? '', certificate: pem, serial: entropy.hex(16), issuer: 'CN=Anyqtama Demo CA, O=Anyqtama, C=KZ' },
    signedAt: decision.at,
    algorithm: 'RSA-SHA256',
    signature: entropy.take(256).toString('base64'),
  };
}

interface Plan {
  readonly steps: ReadonlyArray<{ command: Omit<Command, 'actor' | 'channel'>; afterDays: readonly [number, number] }>;
}

/** The steps to each final state after registration. */
function planFor(state: State, service: ServiceDef, channel: Channel, random: Random): Plan {
  const take = { command: { action: 'take' as const }, afterDays: [0, 2] as const };
  const refusal = service.refusalReasons.filter((r) => findRefusal(r)?.stage === 'decision');
  const issue = { command: { action: 'issue' as const, content: exampleResult(service.id) }, afterDays: [1, 10] as const };
  const extend = service.extensionGrounds.find((g) => !g.officeOptIn);
  const maybeExtend = extend && random() < 0.1 ? [{ command: { action: 'extend' as const, ground: extend.code, note: 'Бірнеше ұйымның құжаттары зерделенеді' }, afterDays: [0, 1] as const }] : [];
  switch (state) {
    case 'SUBMITTED': return { steps: [] };
    case 'IN_WORK': return { steps: [take, ...maybeExtend] };
    case 'COMPLETED': return { steps: [take, ...maybeExtend, issue] };
    case 'REFUSED': return { steps: [take, { command: { action: 'refuse', reasons: [pick(random, refusal)], note: 'Сұратылған мәліметтер мұрағатта сақталмаған' }, afterDays: [1, 10] }] };
    case 'ISSUED': return { steps: [take, ...maybeExtend, issue, { command: { action: 'deliver' }, afterDays: [0, 5] }] };
    case 'STORED_UNCOLLECTED': return { steps: [take, issue, { command: { action: 'store' }, afterDays: [31, 60] }] };
    case 'RETURNED_TO_CENTRE':
      return service.returnToCentre && (channel === 'centre' || channel === 'mobile')
        ? { steps: [{ ...take, afterDays: [0, 0] }, { command: { action: 'return', note: 'Құжаттың көшірмесі оқылмайды' }, afterDays: [0, 0] }] }
        : planFor('REFUSED', service, channel, random);
    default: return { steps: [] };
  }
}

export interface GeneratorOptions {
  readonly reference: Reference;
  /** Load time: every event lies before it. */
  readonly now: Date;
  readonly seed?: number;
}

/**
 * Realistic requests as the application would have stored them: built as RequestService.buildDraft
 * does, then moved through the real lifecycle (`transition`, with the calendar and each step's date),
 * so history, outbox, due dates, extensions and decisions have their real shapes. Answers are the
 * services' example questionnaires, validated once and given each request's own applicant.
 */
export class RequestGenerator {
  private readonly random: Random;
  private readonly offices: Array<readonly [Organisation, number]>;
  private readonly answers = new Map<string, string>();
  private readonly entropy = new Entropy();
  private readonly certificates = new Map<string, string>();
  private readonly staff = new Map<string, Actor>();
  private readonly sequences = new Map<number, number>();
  private readonly today: string;
  private readonly limit: number;
  private readonly maxAge: number;

  constructor(private readonly options: GeneratorOptions) {
    this.random = seeded(options.seed ?? 7);
    const config = options.reference.offices;
    this.offices = Object.entries(OFFICE_SHARE).map(([id, share]) => [findOrganisation(config, id)!, share] as const);
    const tz = config.timezoneOffsetMinutes;
    this.today = localDate(options.now, tz);
    this.limit = options.now.getTime() - 10 * 60_000;
    this.maxAge = Math.floor((Date.parse(this.today) - Date.parse(FIRST_DAY)) / DAY);
  }

  /** The last sequence number given in each year (YY): request_sequences must continue from it. */
  lastSequences(): ReadonlyMap<number, number> {
    return this.sequences;
  }

  private normalisedAnswers(service: ServiceDef): Record<string, unknown> {
    let answers = this.answers.get(service.id);
    if (!answers) {
      const form = validateForm(service.form, exampleAnswers(service.id), this.today);
      if (!form.ok) throw new Error(`example answers of ${service.id}: ${form.error.message.key}`);
      answers = JSON.stringify(form.value);
      this.answers.set(service.id, answers);
    }
    return JSON.parse(answers) as Record<string, unknown>;
  }

  /** Staff of an organisation, four per office, as the lifecycle sees them. */
  private member(org: Organisation, role: 'clerk' | 'operator'): Actor {
    const login = `${org.id}-${role}${between(this.random, 1, 4)}`;
    let actor = this.staff.get(login);
    if (!actor) {
      const person = aPerson(this.random);
      actor = { login, role, organisationId: org.id, fullName: `${person.lastName} ${person.firstName} ${person.patronymic}`, iin: person.iin };
      this.staff.set(login, actor);
    }
    return actor;
  }

  /** An instant during office hours (09:00–18:00 local) `age` days before today. */
  private officeHours(age: number): number {
    const dayStart = Date.parse(this.today) - age * DAY - this.options.reference.offices.timezoneOffsetMinutes * 60_000;
    return Math.min(dayStart + 9 * HOUR + Math.floor(this.random() * 9 * HOUR), this.limit - Math.floor(this.random() * 3 * HOUR));
  }

  /** A step `days` after `previous`, in office hours, never after the load time. */
  private later(previous: number, days: number): number {
    const candidate = previous + days * DAY + Math.floor((this.random() - 0.5) * 4 * HOUR);
    const at = Math.max(candidate, previous + 10 * 60_000 + Math.floor(this.random() * 2 * HOUR));
    return at <= this.limit ? at : previous + Math.max(1_000, Math.floor((this.limit - previous) / 2));
  }

  private context(service: ServiceDef, office: string, at: number) {
    const now = new Date(at);
    return {
      now: now.toISOString(),
      today: localDate(now, this.options.reference.offices.timezoneOffsetMinutes),
      calendar: this.options.reference.calendar,
      service,
      office: findOrganisation(this.options.reference.offices, office),
      newId: randomUUID,
    };
  }

  next(): Request {
    const random = this.random;
    const config = this.options.reference.offices;
    const office = weighted(random, this.offices);
    const service = findService(pick(random, office.services))!;
    let channel = weighted(random, CHANNEL_SHARE.filter(([c]) => service.channels.includes(c)));
    const centre = centresOf(config, service.id).find((c) => c.region.ru === office.region.ru) ?? centresOf(config, service.id)[0];
    if ((channel === 'centre' || channel === 'mobile') && !centre) channel = service.channels.includes('office') ? 'office' : 'bot';
    const state = weighted(random, STATE_SHARE);
    const [low, high] = AGE[state];
    const age = Math.min(this.maxAge, low + Math.floor((high - low + 1) * (state === 'SUBMITTED' ? random() ** 2 : random())));
    const person: Person = aPerson(random);
    const lang = random() < 0.6 ? 'kk' : 'ru';
    const registrar: Actor = channel === 'bot' ? { login: `citizen:${person.iin}`, role: 'citizen' }
      : channel === 'office' ? this.member(office, 'clerk') : this.member(centre!, 'operator');
    const answers = this.normalisedAnswers(service);
    Object.assign(answers.applicant as object, {
      iin: person.iin, lastName: person.lastName, firstName: person.firstName, patronymic: person.patronymic,
      birthDate: person.birthDate, phone: person.phone, postalAddress: person.postalAddress, postcode: person.postcode,
    });
    if (answers.subject && typeof answers.subject === 'object') {
      Object.assign(answers.subject, { fullName: `${person.lastName} ${person.firstName} ${person.patronymic}`, birthDate: person.birthDate, birthYear: person.birthDate.slice(0, 4) });
    }
    let at = this.officeHours(age);
    const created = new Date(at).toISOString();
    let request: Request = {
      id: randomUUID(),
      number: null,
      version: 1,
      service: service.id,
      channel,
      lang,
      office: office.id,
      receivedBy: channel === 'office' ? office.id : channel === 'bot' ? 'bot' : centre!.id,
      state: 'DRAFT',
      applicant: { iin: person.iin, fullName: `${person.lastName} ${person.firstName} ${person.patronymic}`, phone: person.phone },
      answers,
      attachments: channel === 'bot'
        ? service.requiredDocuments.filter((d) => d.required && (!d.channels || d.channels.includes('bot'))).map((d) => ({
          name: `${d.id}.jpg`, mediaType: 'image/jpeg', size: between(random, 80_000, 900_000), sha256: this.entropy.hex(32),
          documentId: d.id, addedAt: created, addedBy: registrar.login,
        }))
        : [],
      paperDocuments: channel === 'bot' ? [] : service.requiredDocuments.filter((d) => d.required && (!d.channels || d.channels.includes(channel))).map((d) => d.id),
      createdAt: created,
      updatedAt: created,
      submittedAt: null,
      submittedOn: null,
      due: null,
      history: [],
      outbox: [],
      ...(channel === 'bot' ? { contact: { telegramChatId: between(random, 100_000_000, 2_000_000_000) } } : {}),
    };
    if (state === 'DRAFT') return request;
    const channelOf = (actor: Actor): Command['channel'] =>
      actor.role === 'system' ? 'system' : actor.role === 'clerk' ? 'office' : actor.role === 'citizen' ? 'bot' : channel;
    const act = (command: Omit<Command, 'actor' | 'channel'>, actor: Actor, when: number): boolean => {
      const ctx = this.context(service, office.id, when);
      // The result form's zod schema is cached for one day at a time (forms/schema.ts): validating
      // every issue against the load day builds it once instead of per request; the decision then
      // gets its real date back.
      const issuing = command.action === 'issue';
      const next = transition(request, { ...command, actor, channel: channelOf(actor) }, issuing ? { ...ctx, today: this.today } : ctx);
      if (!next.ok) return false;
      request = next.value.request;
      if (issuing) request = { ...request, decision: { ...request.decision!, decidedOn: ctx.today } };
      if (issuing || command.action === 'refuse') {
        request = { ...request, decision: { ...request.decision!, document: fakeDocument(request, service, actor, this.entropy, this.certificates) } };
      }
      return true;
    };
    if (state === 'INTAKE_REFUSED') {
      act({ action: 'refuseIntake', reasons: ['R3'] }, { login: 'system', role: 'system' }, at);
      return this.delivered({ ...request, version: 1 });
    }
    const year = Number(localDate(new Date(at), config.timezoneOffsetMinutes).slice(2, 4));
    const sequence = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, sequence);
    if (!act({ action: 'register', number: formatRequestNumber(2000 + year, sequence) }, registrar, at)) throw new Error(`register ${service.id} ${channel}`);
    // RequestService.submit creates the registered request as version 1.
    request = { ...request, version: 1 };
    const clerk = this.member(office, 'clerk');
    for (const step of planFor(state, service, channel, random).steps) {
      const when = this.later(at, between(random, step.afterDays[0], step.afterDays[1]));
      if (!act(step.command, clerk, when)) break; // a guard said no on this date (late extension, too early to store): stop there
      at = when;
    }
    return this.delivered(request);
  }

  /** The notifier has delivered every item, except the last one of a few requests changed in the last day. */
  private delivered(request: Request): Request {
    const recent = Date.parse(request.updatedAt) > this.limit - DAY;
    const pendingLast = this.random() < (recent ? 0.3 : 0.002);
    return {
      ...request,
      outbox: request.outbox.map((o, i) =>
        pendingLast && i === request.outbox.length - 1 ? o : { ...o, deliveredAt: new Date(Date.parse(o.at) + between(this.random, 2_000, 40_000)).toISOString() }),
    };
  }
}
