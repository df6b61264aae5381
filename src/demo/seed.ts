import { fixedClock } from '../app/clock.js';
import { hashPassword } from '../app/passwords.js';
import { RequestService, type ActInput } from '../app/requests.js';
import type { Reference } from '../config/reference.js';
import type { Person } from '../core/identity/registries.js';
import { channelOf } from '../core/lifecycle/channels.js';
import type { Actor, Request } from '../core/request.js';
import { exampleAnswers, exampleResult } from '../core/services/examples.js';
import { credentialFor } from '../documents/keys.js';
import type { DocumentService } from '../documents/service.js';
import type { Channel, ServiceId } from '../core/services/types.js';
import type { BlobStore, ChangeFeed, RequestStore, UserStore } from '../store/port.js';
import { ok, type DomainError, type Result } from '../core/result.js';
import { DEMO_PASSWORD, DEMO_USERS } from './users.js';

const DAY = 86_400_000;

/** One demo request: who files it, how many days ago, and what happens to it afterwards. */
interface Scenario {
  readonly service: ServiceId;
  readonly channel: Channel;
  readonly by: string; // login, or citizen for the bot
  readonly applicantIin?: string;
  readonly daysAgo: number;
  readonly office?: string;
  readonly steps: readonly (Omit<ActInput, 'actor' | 'channel'> & { by: string; daysAgo: number })[];
}

const take = (by: string, daysAgo: number) => ({ action: 'take' as const, by, daysAgo });

/** Requests in every state, with due dates that fall overdue, due soon and on time around today. */
const SCENARIOS: readonly Scenario[] = [
  { service: 'archive-certificate', channel: 'office', by: 'kzo-clerk', daysAgo: 0, steps: [] },
  { service: 'archive-certificate', channel: 'office', by: 'kzo-clerk', applicantIin: '620814300212', daysAgo: 12, steps: [take('kzo-clerk', 11)] },
  { service: 'archive-certificate', channel: 'office', by: 'kzo-clerk', applicantIin: '951201400574', daysAgo: 24, steps: [take('kzo-clerk', 23)] },
  { service: 'archive-certificate', channel: 'bot', by: 'citizen', applicantIin: '830125301127', daysAgo: 20, office: 'kzo-archives', steps: [
    take('kzo-clerk', 19), { action: 'extend', ground: 'MULTIPLE_ORGANISATIONS', note: 'Екі ұйымның құжаттары зерделенеді', by: 'kzo-clerk', daysAgo: 14 },
  ] },
  { service: 'archive-certificate', channel: 'centre', by: 'kzo-operator', applicantIin: '680930300889', daysAgo: 10, steps: [
    take('kzo-clerk', 9), { action: 'issue', by: 'kzo-clerk', daysAgo: 1 },
  ] },
  { service: 'archive-certificate', channel: 'office', by: 'kzo-clerk', applicantIin: '800328401401', daysAgo: 16, steps: [
    take('kzo-clerk', 15), { action: 'refuse', reasons: ['R9'], note: '1990–1995 жылдардағы қор мұрағатқа тапсырылмаған', by: 'kzo-clerk', daysAgo: 3 },
  ] },
  { service: 'archive-certificate', channel: 'office', by: 'kzo-clerk', applicantIin: '720404300373', daysAgo: 30, steps: [
    take('kzo-clerk', 29), { action: 'issue', by: 'kzo-clerk', daysAgo: 20 }, { action: 'deliver', by: 'kzo-clerk', daysAgo: 18 },
  ] },
  { service: 'archive-certificate', channel: 'office', by: 'ast-clerk', applicantIin: '580709400199', daysAgo: 75, office: 'ast-state-archive', steps: [
    take('ast-clerk', 74), { action: 'issue', by: 'ast-clerk', daysAgo: 65 }, { action: 'store', by: 'ast-clerk', daysAgo: 20 },
  ] },
  { service: 'unemployed-certificate', channel: 'centre', by: 'ekb-operator', daysAgo: 1, steps: [] },
  { service: 'unemployed-certificate', channel: 'office', by: 'ekb-clerk', applicantIin: '910819400643', daysAgo: 0, steps: [] },
  { service: 'disabled-child-homeschool-support', channel: 'bot', by: 'citizen', daysAgo: 6, steps: [take('ekb-clerk', 5)] },
  { service: 'guardianship-certificate', channel: 'centre', by: 'tmr-operator', daysAgo: 2, steps: [
    take('tmr-clerk', 1), { action: 'return', note: 'Сот шешімінің көшірмесі оқылмайды; анық көшірме қажет', by: 'tmr-clerk', daysAgo: 1 },
  ] },
  { service: 'guardianship-minor-deposits-inheritance', channel: 'centre', by: 'tmr-operator', daysAgo: 4, steps: [take('tmr-clerk', 3)] },
];

/** The example questionnaire with another registry person as applicant (archives take anyone). */
function answersFor(service: ServiceId, person: Person | null): Record<string, unknown> {
  const answers = exampleAnswers(service);
  if (!person) return answers;
  const applicant = answers.applicant as Record<string, unknown>;
  const [y, m, d] = person.birthDate.split('-');
  Object.assign(applicant, {
    iin: person.iin, lastName: person.lastName, firstName: person.firstName, patronymic: person.patronymic ?? '',
    birthDate: `${d}.${m}.${y}`, phone: person.phone ?? applicant.phone,
  });
  return answers;
}

function actorFor(login: string, iin: string): Actor {
  if (login === 'citizen') return { login: `citizen:${iin}`, role: 'citizen' };
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return {
    login: user.login, role: user.role, fullName: user.fullName,
    ...(user.organisationId ? { organisationId: user.organisationId } : {}), ...(user.iin ? { iin: user.iin } : {}),
  };
}


export interface SeedReport {
  readonly users: number;
  readonly requests: readonly string[];
}

/** Adds the demo users (without keys: seedDemoKeys gives them). Callers check first that the store is empty. */
export async function seedDemoUsers(store: UserStore, now: Date): Promise<number> {
  // Hashed side by side: scrypt runs on libuv's thread pool, so the hashes share the cores instead of queueing.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  for (const [i, u] of DEMO_USERS.entries()) {
    if (await store.getUser(u.login)) continue;
    await store.putUser({ ...u, passwordHash: hashes[i]!, createdAt: now.toISOString() });
  }
  return DEMO_USERS.length;
}

/** Adds the demo requests, decisions signed with the demo keys. */
export async function seedDemo(store: RequestStore & BlobStore & ChangeFeed & Pick<UserStore, 'getUser'>, reference: Reference, now: Date, documents: DocumentService): Promise<Result<SeedReport, DomainError>> {
  const at = (daysAgo: number, hour: number) => {
    const t = new Date(now.getTime() - daysAgo * DAY);
    t.setUTCHours(hour - 5, 0, 0, 0); // office hours, Kazakhstan time
    return new RequestService(store, reference, fixedClock(t), { documents });
  };
  const numbers: string[] = [];
  // Each clerk's key is opened once (a PKCS#12 file takes thousands of hash rounds to open), not per decision.
  const credentials = new Map<string, Awaited<ReturnType<typeof credentialFor>>>();
  const credentialOf = async (actor: Actor) => {
    if (!credentials.has(actor.login)) credentials.set(actor.login, await credentialFor(store, actor, {}));
    return credentials.get(actor.login)!;
  };
  for (const s of SCENARIOS) {
    const person = s.applicantIin ? await reference.persons.findPerson(s.applicantIin) : null;
    const answers = answersFor(s.service, person);
    const iin = String((answers.applicant as Record<string, unknown>).iin);
    const submitted = await at(s.daysAgo, 10).submit({
      serviceId: s.service, channel: s.channel, answers, actor: actorFor(s.by, iin), lang: 'kk', ...(s.office ? { office: s.office } : {}),
    });
    if (!submitted.ok) return submitted;
    let request: Request = submitted.value;
    for (const step of s.steps) {
      const actor = actorFor(step.by, iin);
      const { by: _by, daysAgo, ...command } = step;
      const signs = command.action === 'issue' || command.action === 'refuse';
      const credential = signs ? await credentialOf(actor) : null;
      if (credential && !credential.ok) return credential;
      const content = command.action === 'issue' ? { content: command.content ?? exampleResult(s.service) } : {};
      const acted = await at(daysAgo, 15).actOn(request, { ...command, ...content, actor, channel: channelOf(actor.role), ...(credential?.ok ? { credential: credential.value } : {}) });
      if (!acted.ok) return acted;
      request = acted.value;
    }
    numbers.push(request.number!);
  }
  // An applicant the person registry does not know, at a centre: refused at intake (R3).
  const stranger = exampleAnswers('unemployed-certificate');
  Object.assign(stranger.applicant as object, { iin: '770707300012', lastName: 'Белгісіз', firstName: 'Адам', birthDate: '07.07.1977' });
  await at(0, 11).submit({ serviceId: 'unemployed-certificate', channel: 'centre', answers: stranger, actor: actorFor('ekb-operator', ''), lang: 'kk' });
  // A questionnaire started at the counter and put aside until the citizen brings a document.
  const draft = exampleAnswers('guardianship-certificate');
  delete (draft as Record<string, unknown>).decision;
  await at(0, 12).saveDraft({ serviceId: 'guardianship-certificate', channel: 'centre', answers: draft, actor: actorFor('tmr-operator', ''), lang: 'kk' });
  return ok({ users: DEMO_USERS.length, requests: numbers });
}
