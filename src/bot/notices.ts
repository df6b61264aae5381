import { localDate } from '../app/clock.js';
import type { RequestService } from '../app/requests.js';
import type { Reference } from '../config/reference.js';
import { formatDate } from '../core/calendar/dates.js';
import { t, type MessageKey } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import { contactPhones, findOrganisation } from '../core/offices.js';
import { isRefusalCode, REFUSALS } from '../core/refusals.js';
import type { OutboxItem, Request } from '../core/request.js';
import { findService } from '../core/services/catalogue.js';
import { SURVEY } from '../core/survey.js';
import type { BlobStore } from '../store/port.js';
import { encode } from './callback-data.js';

/**
 * What the citizen is told of an outbox item, as the Telegram calls to make; notifier.ts makes
 * them, keeping Telegram's limits and retrying. The steps are composed afresh from the stored
 * request on every try, so a retry after a restart goes on with the same texts.
 */

/** Where a notice's facts come from; the notifier's options have them. */
export interface NoticeSources {
  /** A decision's PDF, by its hash. */
  readonly store: Pick<BlobStore, 'getBlob'>;
  readonly requests: RequestService;
  readonly reference: Reference;
}

/** One Telegram call of an item: a result is its text, then the PDF, then the survey. */
export type Step =
  | { readonly type: 'message'; readonly text: string; readonly replyMarkup?: unknown }
  | { readonly type: 'document'; readonly caption: string; readonly file: () => Promise<{ source: Buffer; filename: string }> };

/** What the citizen is told of one outbox item, in the request's language. */
export function noticeSteps(request: Request, item: OutboxItem, o: NoticeSources): readonly Step[] {
  const lang: Lang = request.lang;
  const offices = o.reference.offices;
  const service = findService(request.service);
  const office = findOrganisation(offices, request.office);
  const day = (iso: string | undefined) => (iso ? formatDate(iso) : '—');
  const base: Facts = {
    number: request.number ?? '—',
    service: service?.title[lang] ?? request.service,
    date: day(localDate(new Date(item.at), offices.timezoneOffsetMinutes)),
    due: day(item.dueDate ?? request.due?.dueDate),
    office: office?.title[lang] ?? request.office,
    phones: contactPhones(offices, office).join(', '),
  };
  const message = (key: MessageKey, params: Record<string, string> = {}): Step => ({ type: 'message', text: t(lang, key, { ...base, ...params }) });
  switch (item.kind) {
    case 'registered':
      return [message('notify.registered', { date: day(request.submittedOn ?? undefined) })];
    case 'status': {
      const specific = `notify.status.${item.state}`;
      return [message(hasOwnStatusKey(specific) ? specific : 'notify.status', { state: t(lang, `state.${item.state}`) })];
    }
    case 'extended': {
      const ground = service?.extensionGrounds.find((g) => g.code === request.extension?.ground);
      return [message('notify.extended', { previous: day(request.extension?.previousDue), ground: ground?.label[lang] ?? request.extension?.ground ?? '—' })];
    }
    case 'returned': {
      const centre = findOrganisation(offices, request.receivedBy) ?? office;
      const note = request.decision?.note ? `\n${t(lang, 'notify.returned.note', { note: request.decision.note })}` : '';
      const text = t(lang, 'notify.returned', { ...base, centre: centre?.title[lang] ?? request.receivedBy, phones: contactPhones(offices, centre).join(', ') });
      return [{ type: 'message', text: text + note }];
    }
    case 'result':
      return resultSteps(request, lang, base, o);
  }
}

/** What every notice names: the request, its service and office, the day and the term. */
interface Facts {
  readonly number: string;
  readonly service: string;
  readonly date: string;
  readonly due: string;
  readonly office: string;
  readonly phones: string;
}

const STATUS_KEYS = { 'notify.status.IN_WORK': 1, 'notify.status.ISSUED': 1, 'notify.status.STORED_UNCOLLECTED': 1 } satisfies Partial<Record<MessageKey, 1>>;
const hasOwnStatusKey = (key: string): key is keyof typeof STATUS_KEYS => key in STATUS_KEYS;

/** The decision's text, the signed PDF, then the survey's first question with its three answers (SPEC §5.11). */
function resultSteps(request: Request, lang: Lang, base: Facts, o: NoticeSources): readonly Step[] {
  const decision = request.decision;
  const issued = decision?.outcome === 'issued';
  const reasons = (decision?.reasons ?? []).map((r) => `• ${isRefusalCode(r) ? REFUSALS[r].label[lang] : r}`).join('\n');
  const params = { ...base, date: decision ? formatDate(decision.decidedOn) : base.date, reasons };
  const text = t(lang, issued ? 'notify.result.issued' : 'notify.result.refused', params);
  const q1 = SURVEY.questions[0];
  const survey = [t(lang, 'notify.survey.intro', params), SURVEY.title[lang], `«${base.service}»`, `${q1.number}. ${q1.text[lang]}`].join('\n\n');
  return [
    { type: 'message', text },
    {
      type: 'document',
      caption: t(lang, issued ? 'notify.document.issued' : 'notify.document.refused', params),
      file: async () => ({ source: Buffer.from(await signedPdf(request, o)), filename: `${request.number}-${issued ? 'certificate' : 'refusal'}.pdf` }),
    },
    {
      type: 'message',
      text: survey,
      replyMarkup: { inline_keyboard: q1.answers.map((a) => [{ text: `${a.value}) ${a.label[lang]}`, callback_data: encode({ kind: 'survey1', requestId: request.id, q1: a.value }) }]) },
    },
  ];
}

/** The signed document byte for byte, in the variant the office gives out by default. */
async function signedPdf(request: Request, o: NoticeSources): Promise<Uint8Array> {
  const document = request.decision?.document;
  if (!document) throw new Error(`request ${request.number} has a result without a signed document`);
  const documents = o.requests.documents;
  if (documents) {
    const current = await documents.current(request, documents.defaultVariant(request));
    if (!current.ok) throw new Error(`document of ${request.number}: ${t('en', current.error.message.key, current.error.message.params)}`);
    return current.value.bytes;
  }
  const bytes = await o.store.getBlob(document.files[request.lang === 'kk' ? 'kk' : 'ru']);
  if (!bytes) throw new Error(`document of ${request.number} missing from the store`);
  return bytes;
}
