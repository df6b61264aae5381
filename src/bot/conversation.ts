import { randomUUID } from 'node:crypto';
import { formatDate, formatDateTime } from '../core/calendar/dates.js';
import { t, render, type MessageKey } from '../core/i18n/catalogue.js';
import { pick, type Lang } from '../core/i18n/text.js';
import { normalisePhone } from '../core/forms/schema.js';
import { parseRequestNumber } from '../core/identity/request-number.js';
import { deadlineStatusOf } from '../core/lifecycle/deadline.js';
import { contactPhones, findOrganisation, providersOf } from '../core/offices.js';
import type { Request } from '../core/request.js';
import type { DomainError } from '../core/result.js';
import { SERVICES, findService } from '../core/services/catalogue.js';
import type { RequiredDocument, ServiceDef, ServiceId } from '../core/services/types.js';
import { sizeText } from '../core/size.js';
import { SURVEY } from '../core/survey.js';
import { ALLOWED_MEDIA_TYPES, MAX_ATTACHMENT_BYTES, checkAttachments, mediaTypeOf } from '../app/attachments.js';
import { localDate } from '../app/clock.js';
import type { RequestService } from '../app/requests.js';
import { describeVerification } from '../documents/verification-text.js';
import type { BotChat, RequestSummary, Store } from '../store/port.js';
import type { Addressed, Incoming } from './incoming.js';
import * as q from './questionnaire.js';
import { splitText, text, type Button, type Keyboard, type Reply } from './replies.js';

/** A file the citizen sent, already stored by its hash: the questionnaire can be resumed after a restart. */
interface FileRef {
  readonly document: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

type Stage = 'office' | 'intro' | 'contact' | 'form' | 'files' | 'summary' | 'edit';

/** An application in progress: everything needed to continue it is here (and in the blob store). */
interface ApplyFlow {
  readonly kind: 'apply';
  readonly service: ServiceId;
  readonly office?: string;
  readonly stage: Stage;
  /** Chosen before submitting, so a "confirm" delivered twice files once (RequestService.submit). */
  readonly requestId: string;
  readonly form?: q.QuestionnaireState;
  /** The required document being asked for (index into documentsFor(service)). */
  readonly doc: number;
  readonly files: readonly FileRef[];
  /** Where the edit menu stands: a section path, or top level. */
  readonly editAt?: string;
  /** The summary was shown once: a finished edit goes straight back to it. */
  readonly reviewed?: boolean;
}

type StatusFlow = { readonly kind: 'status'; readonly stage: 'number' } | { readonly kind: 'status'; readonly stage: 'digits'; readonly number: string };
/** Choosing the language; a deep link that arrived before the choice (`/start status_…`) is kept for after it. */
type LanguageFlow = { readonly kind: 'language'; readonly payload?: string };
type Flow = ApplyFlow | StatusFlow | LanguageFlow | null;

export interface ConversationDeps {
  readonly store: Store;
  readonly requests: RequestService;
  /** Downloads a file the citizen sent (getFile + download); null if Telegram would not give it. */
  readonly download: (fileId: string) => Promise<Uint8Array | null>;
}

export interface Outcome {
  readonly chat: BotChat;
  readonly replies: readonly Reply[];
  /** Text for answerCallbackQuery (a small notice over the chat), when the update was a button. */
  readonly notice?: string;
}

/** Status checks by number: this many wrong answers in the window, then a pause (as the call-centre's look-ups). */
const STATUS_FAILURES = 5;
const STATUS_WINDOW_MS = 10 * 60_000;
const TYPES = 'JPG, PNG, PDF, TIFF, HEIC';
const MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

export function botServices(): readonly ServiceDef[] {
  return SERVICES.filter((s) => s.channels.includes('bot'));
}

/** The documents the bot asks for: those of the service not limited to other channels. */
export function documentsFor(service: ServiceDef): readonly RequiredDocument[] {
  return service.requiredDocuments.filter((d) => !d.channels || d.channels.includes('bot'));
}

/** Handles one update of one chat. The caller stores `chat` and then sends `replies`, in that order. */
export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  private get reference() {
    return this.deps.requests.reference;
  }

  async handle(chat: BotChat, update: Addressed): Promise<Outcome> {
    const turn = new Turn(this.deps, chat, update);
    await turn.run();
    return turn.outcome();
  }

  /** A new chat's record. */
  static fresh(update: Addressed, now: string): BotChat {
    return { chatId: update.chatId, userId: update.userId, flow: null, createdAt: now, updatedAt: now };
  }

  /** Bot commands as Telegram shows them in the "/" menu, per language. */
  static commands(lang: Lang): { command: string; description: string }[] {
    const keys: [string, MessageKey][] = [
      ['start', 'bot.commands.start'], ['status', 'bot.commands.status'], ['my', 'bot.commands.my'],
      ['help', 'bot.commands.help'], ['cancel', 'bot.commands.cancel'], ['language', 'bot.commands.language'],
    ];
    return keys.map(([command, key]) => ({ command, description: t(lang, key) }));
  }

  get helpPhones(): readonly string[] {
    return contactPhones(this.reference.offices, undefined);
  }
}

/** One update's handling: reads the chat, decides, collects the replies. */
class Turn {
  private flow: Flow;
  private lang: Lang;
  private readonly replies: Reply[] = [];
  private notice: string | undefined;
  private changes: Partial<BotChat> = {};

  constructor(private readonly deps: ConversationDeps, private readonly chat: BotChat, private readonly update: Addressed) {
    this.flow = (chat.flow ?? null) as Flow;
    this.lang = chat.lang ?? 'kk';
  }

  outcome(): Outcome {
    const { now } = this.deps.requests.moment();
    return {
      chat: { ...this.chat, ...this.changes, flow: this.flow, lastUpdateId: this.update.updateId, updatedAt: now },
      replies: this.replies,
      ...(this.notice ? { notice: this.notice } : {}),
    };
  }

  private get reference() {
    return this.deps.requests.reference;
  }

  private t(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private say(body: string, keyboard?: Keyboard): void {
    const parts = splitText(body);
    parts.forEach((part, i) => this.replies.push(text(part, i === parts.length - 1 ? keyboard : undefined)));
  }

  private button(key: MessageKey, data: string): Button {
    return { label: this.t(key), data };
  }

  async run(): Promise<void> {
    const { incoming } = this.update;
    if (!this.update.private) {
      if (incoming.kind === 'command') this.say(t('kk', 'bot.privateOnly') + '\n' + t('ru', 'bot.privateOnly'));
      return;
    }
    if (this.chat.lang === undefined && !(incoming.kind === 'button' && incoming.data.startsWith('lang:'))) {
      // Nothing is asked before the language is known; a deep link waits for the choice.
      const payload = incoming.kind === 'command' && incoming.command === 'start' ? incoming.payload : '';
      this.flow = payload ? { kind: 'language', payload } : this.flow?.kind === 'language' ? this.flow : { kind: 'language' };
      return this.askLanguage();
    }
    switch (incoming.kind) {
      case 'command':
        return this.command(incoming.command, incoming.payload);
      case 'button':
        return this.press(incoming.data, incoming.messageId);
      default:
        return this.input(incoming);
    }
  }

  // ——— commands and menu ———

  private askLanguage(): void {
    this.say(t('kk', 'bot.chooseLanguage'), { inline: [[{ label: 'Қазақша', data: 'lang:kk' }, { label: 'Русский', data: 'lang:ru' }]] });
  }

  private menuKeyboard(): Keyboard {
    const services = botServices().map((s): Button[] => [{ label: pick(s.shortTitle, this.lang), data: `svc:${s.id}` }]);
    return {
      inline: [
        ...services,
        [this.button('bot.button.myRequests', 'my'), this.button('bot.button.status', 'st')],
        [this.button('bot.button.help', 'help'), this.button('bot.button.language', 'lang')],
      ],
    };
  }

  private menu(): void {
    this.flow = null;
    this.say(this.t('bot.menu'), this.menuKeyboard());
  }

  private async command(command: string, payload: string): Promise<void> {
    switch (command) {
      case 'start':
        return this.start(payload);
      case 'status':
        return this.askStatusNumber();
      case 'my':
        return this.myRequests();
      case 'help':
        return this.help();
      case 'cancel':
        return this.cancel();
      case 'language':
      case 'lang':
        this.flow = { kind: 'language' };
        return this.askLanguage();
      default:
        return this.menu();
    }
  }

  private async start(payload: string): Promise<void> {
    const status = /^status_([0-9-]{8,20})$/i.exec(payload);
    if (status) return this.statusNumber(status[1]!);
    const verify = /^v_([0-9-]{8,20})_([A-Za-z0-9-]{4,40})$/.exec(payload);
    if (verify) return this.verify(verify[1]!, verify[2]!);
    if (this.flow?.kind === 'apply') {
      // /start in the middle of an application: keep it and say where it stands.
      return this.resume();
    }
    return this.menu();
  }

  private cancel(): void {
    const had = this.flow !== null && this.flow.kind !== 'language';
    this.flow = null;
    this.say(this.t(had ? 'bot.cancelled' : 'bot.nothingToCancel'), { remove: true });
    this.menu();
  }

  private help(): void {
    const offices = this.reference.offices;
    const applying = this.flow?.kind === 'apply' && this.flow.office ? findOrganisation(offices, this.flow.office) : undefined;
    const shown = applying ? [applying] : offices.organisations.filter((o) => o.kind === 'provider' && o.phones.length > 0);
    const lines = shown.map((o) => this.t('bot.help.office', { title: pick(o.title, this.lang), phones: o.phones.join(', ') }));
    this.say(this.t('bot.help', { offices: lines.join('\n'), callCentre: offices.callCentrePhone }), { inline: [[this.button('bot.button.menu', 'menu')]] });
  }

  private async verify(number: string, code: string): Promise<void> {
    const documents = this.deps.requests.documents;
    const parsed = parseRequestNumber(number);
    if (!documents || !parsed.ok) return this.say(describeVerification(this.lang, { status: 'unknown' }));
    this.say(`${this.t('bot.verify.intro')}\n${describeVerification(this.lang, await documents.verifyCode(parsed.value, code))}`);
  }

  // ——— buttons ———

  private async press(data: string, messageId: number | null): Promise<void> {
    const [head, ...rest] = data.split(':');
    const arg = rest.join(':');
    switch (head) {
      case 'lang':
        if (arg === 'kk' || arg === 'ru') return this.chooseLanguage(arg, messageId);
        this.flow = { kind: 'language' };
        return this.askLanguage();
      case 'menu':
        return this.menu();
      case 'my':
        return this.myRequests();
      case 'st':
        return this.askStatusNumber();
      case 'help':
        return this.help();
      case 'cancel':
        return this.cancel();
      case 'svc':
        return this.chooseService(arg);
      case 'r':
        return this.ownRequest(arg);
      case 'pdf':
        return this.sendDocument(arg);
      case 'sv1':
      case 'sv2':
        return this.survey(head, rest, messageId);
      default:
        if (this.flow?.kind === 'apply') return this.applyButton(this.flow, head ?? '', arg);
        return this.stale();
    }
  }

  private async stale(): Promise<void> {
    this.notice = this.t('bot.staleButton');
    if (this.flow?.kind === 'apply') return this.resume();
    this.menu();
  }


  private async chooseLanguage(lang: Lang, messageId: number | null): Promise<void> {
    this.lang = lang;
    this.changes = { ...this.changes, lang };
    if (messageId !== null) this.replies.push({ kind: 'edit', messageId, text: this.t('bot.languageChosen') });
    if (this.flow?.kind === 'language') {
      const payload = this.flow.payload;
      this.flow = null;
      return payload ? this.start(payload) : this.menu();
    }
    if (this.flow === null) return this.menu();
    return this.resume();
  }

  // ——— applying ———

  private async chooseService(id: string): Promise<void> {
    const service = botServices().find((s) => s.id === id);
    if (!service) return this.stale();
    const providers = providersOf(this.reference.offices, service.id);
    const flow: ApplyFlow = {
      kind: 'apply', service: service.id, requestId: randomUUID(), doc: 0, files: [],
      stage: providers.length === 1 ? 'intro' : 'office',
      ...(providers.length === 1 ? { office: providers[0]!.id } : {}),
    };
    this.flow = flow;
    return this.ask(flow);
  }

  /** Says where the application stands and asks its current question again. */
  private async resume(): Promise<void> {
    if (this.flow?.kind !== 'apply') return this.menu();
    return this.ask(this.flow);
  }

  private service(flow: ApplyFlow): ServiceDef {
    return findService(flow.service)!;
  }

  private navRow(flow: ApplyFlow, options: { back?: boolean; skip?: boolean } = {}): Button[] {
    const row: Button[] = [];
    if (options.back) row.push(this.button('bot.button.back', 'back'));
    if (options.skip) row.push(this.button('bot.button.skip', 'skip'));
    row.push(this.button('bot.button.cancel', 'cancel'));
    void flow;
    return row;
  }

  private async ask(flow: ApplyFlow): Promise<void> {
    const service = this.service(flow);
    const title = pick(service.title, this.lang);
    switch (flow.stage) {
      case 'office': {
        const offices = providersOf(this.reference.offices, service.id);
        return this.say(this.t('bot.apply.office', { service: title }), {
          inline: [...offices.map((o): Button[] => [{ label: pick(o.title, this.lang).slice(0, 60), data: `office:${o.id}` }]), this.navRow(flow)],
        });
      }
      case 'intro': {
        const office = findOrganisation(this.reference.offices, flow.office ?? '');
        const docs = documentsFor(service);
        const rule = service.deadlineByChannel?.bot ?? service.deadline;
        return this.say(this.t('bot.apply.intro', {
          service: title,
          office: office ? pick(office.title, this.lang) : '—',
          term: this.t(rule.unit === 'calendar' ? 'bot.term.calendar' : 'bot.term.working', { days: rule.days }),
          count: countQuestions(service),
          documents: docs.length === 0 ? this.t('bot.apply.noDocuments') : docs.map((d) => this.t(d.required ? 'bot.apply.documentRequired' : 'bot.apply.documentOptional', { title: pick(d.title, this.lang) })).join('\n'),
          types: TYPES,
          mb: MB,
        }), { inline: [[this.button('bot.button.start', 'go')], this.navRow(flow)] });
      }
      case 'contact':
        return this.say(this.t('bot.apply.contact'), { contact: this.t('bot.button.shareContact') });
      case 'form': {
        const p = q.prompt(service.form, flow.form!, this.lang, this.today());
        // The question's path rides along, so a button of an old question cannot answer the current one.
        const answers = p.buttons.map((row) => row.map((b): Button => ({ label: b.label, data: answerData(p.path, b.value) })));
        return this.say(p.text, { inline: [...answers, this.navRow(flow, { back: true, skip: p.canSkip })] });
      }
      case 'files': {
        const docs = documentsFor(service);
        const doc = docs[flow.doc]!;
        const have = flow.files.filter((f) => f.document === doc.id).length;
        const next: Button[] = doc.required && have === 0 ? [] : [have > 0 ? this.button('bot.button.next', 'next') : this.button('bot.button.skip', 'next')];
        return this.say(this.t('bot.files.ask', {
          n: flow.doc + 1, total: docs.length, title: pick(doc.title, this.lang),
          mark: this.t(doc.required ? 'bot.files.required' : 'bot.files.optional'), types: TYPES, mb: MB,
        }), { inline: [...(next.length ? [next] : []), [this.button('bot.button.back', 'back'), this.button('bot.button.cancel', 'cancel')]] });
      }
      case 'summary':
        return this.summary(this.set(flow, { reviewed: true }));
      case 'edit': {
        const items = q.editMenu(service.form, flow.form!, this.lang, flow.editAt);
        const rows = items.map((i): Button[] => [{ label: `${i.isSection ? '▸ ' : ''}${i.label}`.slice(0, 60), data: `e:${i.value}` }]);
        return this.say(this.t('bot.summary.editWhat'), { inline: [...rows, [this.button('bot.button.toSummary', 'sum')]] });
      }
    }
  }

  private summary(flow: ApplyFlow): void {
    const service = this.service(flow);
    const parts = [...q.summary(service.form, flow.form!, this.lang)];
    const docs = documentsFor(service);
    const files = docs
      .map((d) => ({ d, count: flow.files.filter((f) => f.document === d.id).length }))
      .filter((x) => x.count > 0)
      .map((x) => this.t('bot.summary.file', { title: pick(x.d.title, this.lang), count: x.count }));
    const extra = [this.t('bot.summary.phone', { phone: this.chat.phone ?? '—' }), ...(files.length ? [this.t('bot.summary.files'), ...files] : [])].join('\n');
    for (const part of parts.slice(0, -1)) this.say(part);
    this.say(`${extra}\n\n${parts.at(-1) ?? ''}`, {
      inline: [[this.button('botForm.button.confirm', 'ok')], [this.button('botForm.button.edit', 'edit'), this.button('bot.button.cancel', 'cancel')]],
    });
  }

  private today(): string {
    return this.deps.requests.moment().today;
  }

  private set(flow: ApplyFlow, patch: Partial<ApplyFlow>): ApplyFlow {
    const next = { ...flow, ...patch } as ApplyFlow;
    this.flow = next;
    return next;
  }

  /** After the contact: the questionnaire, with the verified phone filled in as the applicant's. */
  private startForm(flow: ApplyFlow): Promise<void> {
    const service = this.service(flow);
    const form = flow.form ?? q.startQuestionnaire(service.form, { prefill: this.chat.phone || this.changes.phone ? { applicant: { phone: this.changes.phone ?? this.chat.phone } } : {} });
    return this.ask(this.set(flow, { stage: 'form', form }));
  }

  private afterForm(flow: ApplyFlow): Promise<void> {
    const docs = documentsFor(this.service(flow));
    if (docs.length === 0) return this.ask(this.set(flow, { stage: 'summary' }));
    return this.ask(this.set(flow, { stage: 'files', doc: Math.min(flow.doc, docs.length - 1) }));
  }

  private async applyButton(flow: ApplyFlow, head: string, arg: string): Promise<void> {
    const service = this.service(flow);
    if (head === 'office' && flow.stage === 'office') {
      if (!providersOf(this.reference.offices, service.id).some((o) => o.id === arg)) return this.stale();
      return this.ask(this.set(flow, { office: arg, stage: 'intro' }));
    }
    if (head === 'go' && flow.stage === 'intro') {
      if (this.chat.phone) return this.startForm(flow);
      return this.ask(this.set(flow, { stage: 'contact' }));
    }
    if (flow.stage === 'form' && (head === 'a' || head === 'skip' || head === 'back')) {
      if (head === 'back') {
        const before = flow.form!;
        const after = q.back(service.form, before);
        if (after === before || JSON.stringify(after) === JSON.stringify(before)) return this.ask(this.set(flow, { stage: 'intro' }));
        return this.formStep(flow, after);
      }
      if (head === 'a') {
        const asked = q.prompt(service.form, flow.form!, this.lang, this.today()).path;
        const split = arg.lastIndexOf('|');
        if (split >= 0 && arg.slice(0, split) !== asked) return this.stale();
      }
      const value = arg.slice(arg.lastIndexOf('|') + 1);
      const step = head === 'a' ? q.answer(service.form, flow.form!, value, this.today()) : q.skip(service.form, flow.form!, this.today());
      if (!step.ok) {
        this.say(pick(step.error, this.lang));
        return this.ask(flow);
      }
      return this.formStep(flow, step.value);
    }
    if (flow.stage === 'files' && (head === 'next' || head === 'back')) return this.filesButton(flow, head);
    if (flow.stage === 'summary' || flow.stage === 'edit') {
      if (head === 'ok' && flow.stage === 'summary') return this.submit(flow);
      if (head === 'edit') return this.ask(this.set(flow, { stage: 'edit', editAt: undefined as never }));
      if (head === 'sum') return this.ask(this.set(flow, { stage: 'summary' }));
      if (head === 'e' && flow.stage === 'edit') {
        const item = q.editMenu(service.form, flow.form!, this.lang, flow.editAt).find((i) => i.value === arg);
        if (!item) return this.stale();
        if (item.isSection) return this.ask(this.set(flow, { editAt: arg }));
        const form = q.editAt(service.form, flow.form!, arg);
        // Removing a row leaves nothing to ask: straight back to the summary.
        return this.ask(this.set(flow, { stage: q.isAtSummary(form) ? 'summary' : 'form', form }));
      }
    }
    return this.stale();
  }

  private formStep(flow: ApplyFlow, form: q.QuestionnaireState): Promise<void> {
    const next = this.set(flow, { form });
    if (!q.isAtSummary(form)) return this.ask(next);
    // The first time through, the documents come after the questions; after an edit, straight back to the summary.
    if (!flow.reviewed) return this.afterForm(next);
    return this.ask(this.set(next, { stage: 'summary' }));
  }

  private filesButton(flow: ApplyFlow, head: 'next' | 'back'): Promise<void> {
    const docs = documentsFor(this.service(flow));
    const doc = docs[flow.doc]!;
    if (head === 'back') {
      if (flow.doc > 0) return this.ask(this.set(flow, { doc: flow.doc - 1 }));
      return this.ask(this.set(flow, { stage: 'form', form: q.back(this.service(flow).form, flow.form!) }));
    }
    if (doc.required && !flow.files.some((f) => f.document === doc.id)) {
      this.say(this.t('bot.files.missing', { title: pick(doc.title, this.lang) }));
      return this.ask(flow);
    }
    if (flow.doc + 1 < docs.length) return this.ask(this.set(flow, { doc: flow.doc + 1 }));
    return this.ask(this.set(flow, { stage: 'summary' }));
  }

  private async input(incoming: Exclude<Incoming, { kind: 'command' } | { kind: 'button' }>): Promise<void> {
    const flow = this.flow;
    if (flow?.kind === 'status') {
      if (incoming.kind !== 'text') return this.say(this.t(flow.stage === 'number' ? 'bot.status.askNumber' : 'bot.status.digitsExpected'));
      return flow.stage === 'number' ? this.statusNumber(incoming.text) : this.statusDigits(flow.number, incoming.text);
    }
    if (flow?.kind === 'language') return this.askLanguage();
    if (flow?.kind !== 'apply') return this.menu();
    switch (flow.stage) {
      case 'contact':
        if (incoming.kind !== 'contact') {
          this.say(this.t('bot.apply.contactAsked'));
          return this.ask(flow);
        }
        return this.contact(flow, incoming);
      case 'form':
        if (incoming.kind !== 'text') {
          this.say(this.t(incoming.kind === 'file' ? 'bot.apply.filesNow' : 'bot.apply.textExpected'));
          return this.ask(flow);
        }
        {
          const step = q.answer(this.service(flow).form, flow.form!, incoming.text, this.today());
          if (!step.ok) {
            this.say(pick(step.error, this.lang));
            return this.ask(flow);
          }
          return this.formStep(flow, step.value);
        }
      case 'files':
        if (incoming.kind !== 'file') {
          this.say(this.t('bot.files.expected', { types: TYPES }));
          return this.ask(flow);
        }
        return this.file(flow, incoming);
      default:
        this.say(this.t('bot.apply.textExpected'));
        return this.ask(flow);
    }
  }

  private contact(flow: ApplyFlow, contact: { phone: string; own: boolean }): Promise<void> {
    if (!contact.own) {
      this.say(this.t('bot.apply.contactNotOwn'));
      return this.ask(flow);
    }
    const phone = normalisePhone(contact.phone);
    if (!phone) {
      this.say(this.t('bot.apply.contactBad', { phone: contact.phone.slice(0, 30) }));
      return this.ask(flow);
    }
    this.changes = { ...this.changes, phone, phoneSharedAt: this.deps.requests.moment().now };
    this.say(this.t('bot.apply.contactOk', { phone }), { remove: true });
    return this.startForm(flow);
  }

  private async file(flow: ApplyFlow, file: { fileId: string; name: string; mediaType: string | null; size: number | null }): Promise<void> {
    const doc = documentsFor(this.service(flow))[flow.doc]!;
    const name = file.name.slice(0, 120);
    const mediaType = file.mediaType && (ALLOWED_MEDIA_TYPES as readonly string[]).includes(file.mediaType) ? file.mediaType : mediaTypeOf(name) ?? file.mediaType ?? '—';
    if (!(ALLOWED_MEDIA_TYPES as readonly string[]).includes(mediaType)) {
      this.say(this.t('bot.files.badType', { name, type: mediaType, types: TYPES }));
      return this.ask(flow);
    }
    // Said before downloading: Telegram gives bots files up to 20 MB only.
    if (file.size !== null && file.size > MAX_ATTACHMENT_BYTES) {
      this.say(this.t('bot.files.tooBig', { name, size: sizeText(file.size), mb: MB }));
      return this.ask(flow);
    }
    this.replies.push({ kind: 'action', action: 'typing' });
    const bytes = await this.deps.download(file.fileId);
    if (!bytes) {
      this.say(this.t('bot.files.downloadFailed', { name }));
      return this.ask(flow);
    }
    const checked = checkAttachments([{ name, mediaType, content: bytes }]);
    if (!checked.ok) {
      this.say(render(this.lang, checked.error.message));
      return this.ask(flow);
    }
    const sha256 = await this.deps.store.putBlob(bytes);
    const files = [...flow.files, { document: doc.id, name, mediaType, size: bytes.byteLength, sha256 }];
    const next = this.set(flow, { files });
    const count = files.filter((f) => f.document === doc.id).length;
    this.say(this.t('bot.files.received', { name, size: sizeText(bytes.byteLength), count }), {
      inline: [[this.button('bot.button.next', 'next')], [this.button('bot.button.back', 'back'), this.button('bot.button.cancel', 'cancel')]],
    });
    void next;
  }

  private async submit(flow: ApplyFlow): Promise<void> {
    const service = this.service(flow);
    const today = this.today();
    const confirmed = q.confirm(service.form, flow.form!, today);
    if (!confirmed.ok) {
      this.say(pick(confirmed.error.message, this.lang));
      return this.ask(this.set(flow, { stage: 'form', form: confirmed.error.state }));
    }
    const attachments = [];
    for (const f of flow.files) {
      const content = await this.deps.store.getBlob(f.sha256);
      if (content) attachments.push({ name: f.name, mediaType: f.mediaType, content, documentId: f.document });
    }
    this.replies.push({ kind: 'action', action: 'typing' });
    const phone = this.changes.phone ?? this.chat.phone;
    const result = await this.deps.requests.submit({
      serviceId: service.id,
      channel: 'bot',
      answers: confirmed.value.answers,
      actor: { login: `telegram:${this.update.userId}`, role: 'citizen' },
      lang: this.lang,
      ...(flow.office ? { office: flow.office } : {}),
      attachments,
      ...(phone ? { verifiedPhone: phone } : {}),
      contact: { telegramChatId: this.update.chatId },
      requestId: flow.requestId,
    });
    if (result.ok) {
      this.flow = null;
      this.say(this.t('bot.registered', { number: result.value.number ?? '—' }), { inline: [[this.button('bot.button.myRequests', 'my'), this.button('bot.button.menu', 'menu')]] });
      return;
    }
    return this.submitFailed(flow, result.error);
  }

  private submitFailed(flow: ApplyFlow, error: DomainError): Promise<void> | void {
    const message = render(this.lang, error.message);
    if (error.code === 'INTAKE_REFUSED') {
      this.flow = null;
      const office = findOrganisation(this.reference.offices, flow.office ?? '');
      return this.say(this.t('bot.intakeRefused', { message, phones: contactPhones(this.reference.offices, office).join(', ') }), this.menuKeyboard());
    }
    if (error.code === 'VALIDATION') {
      const problems = (error.fields ?? []).map((f) => `• ${pick(f.label, this.lang)}: ${pick(f.expected, this.lang)}`).join('\n');
      this.say(this.t('bot.submitProblems', { problems: problems || message }));
      return this.ask(this.set(flow, { stage: 'summary' }));
    }
    this.say(this.t('bot.submitFailed', { reason: message }));
    return this.ask(this.set(flow, { stage: 'summary' }));
  }

  // ——— status ———

  private askStatusNumber(): void {
    this.flow = { kind: 'status', stage: 'number' };
    this.say(this.t('bot.status.askNumber'), { inline: [[this.button('bot.button.cancel', 'cancel')]] });
  }

  private async statusNumber(input: string): Promise<void> {
    const found = await this.deps.requests.lookup(input.slice(0, 40));
    if (!found.ok && found.error.code === 'INVALID_NUMBER') {
      this.flow = { kind: 'status', stage: 'number' };
      return this.say(`${render(this.lang, found.error.message)}\n${this.t('bot.status.askNumber')}`, { inline: [[this.button('bot.button.cancel', 'cancel')]] });
    }
    const parsed = parseRequestNumber(input.slice(0, 40));
    const number = parsed.ok ? parsed.value : input.trim();
    // The citizen's own requests need no check.
    if (found.ok && found.value.chatId === this.update.chatId) return this.statusCard(found.value);
    if (this.throttled()) return;
    this.flow = { kind: 'status', stage: 'digits', number };
    this.say(this.t('bot.status.askDigits', { number }), { inline: [[this.button('bot.button.cancel', 'cancel')]] });
  }

  /** Recent failures, and whether status checks are paused for this chat now (said when they are). */
  private throttled(): boolean {
    const now = Date.parse(this.deps.requests.moment().now);
    const recent = (this.changes.failedChecks ?? this.chat.failedChecks ?? []).filter((at) => now - Date.parse(at) < STATUS_WINDOW_MS);
    if (recent.length < STATUS_FAILURES) return false;
    const until = new Date(Date.parse(recent[0]!) + STATUS_WINDOW_MS).toISOString();
    this.flow = null;
    this.say(this.t('bot.status.throttled', { until: formatDateTime(until, this.reference.offices.timezoneOffsetMinutes), callCentre: this.reference.offices.callCentrePhone }), this.menuKeyboard());
    return true;
  }

  private async statusDigits(number: string, input: string): Promise<void> {
    if (this.throttled()) return;
    const digits = input.replace(/\s/g, '');
    if (!/^\d{4}$/.test(digits)) return this.say(this.t('bot.status.digitsExpected'), { inline: [[this.button('bot.button.cancel', 'cancel')]] });
    const found = await this.deps.requests.lookup(number);
    if (found.ok && found.value.applicantIin.slice(-4) === digits) {
      this.flow = null;
      return this.statusCard(found.value);
    }
    // Not found and wrong digits get the same answer: nobody learns which numbers exist.
    const now = this.deps.requests.moment().now;
    const failures = [...(this.chat.failedChecks ?? []).filter((at) => Date.parse(now) - Date.parse(at) < STATUS_WINDOW_MS), now];
    this.changes = { ...this.changes, failedChecks: failures };
    if (this.throttled()) return;
    this.say(this.t('bot.status.noMatch', { left: STATUS_FAILURES - failures.length }), { inline: [[this.button('bot.button.cancel', 'cancel')]] });
  }

  private statusCard(s: RequestSummary): void {
    this.flow = null;
    const offices = this.reference.offices;
    const office = findOrganisation(offices, s.office);
    const today = localDate(new Date(this.deps.requests.moment().now), offices.timezoneOffsetMinutes);
    const overdue = deadlineStatusOf(s.state, s.dueDate, today, this.reference.calendar) === 'overdue';
    const due = s.dueDate
      ? this.t(overdue ? 'bot.status.dueOverdue' : 'bot.status.due', { date: formatDate(s.dueDate), phones: contactPhones(offices, office).join(', ') })
      : this.t('bot.status.noDue');
    const last = s.lastEvent
      ? this.t('bot.status.lastEvent', { date: formatDateTime(s.lastEvent.at, offices.timezoneOffsetMinutes), action: t(this.lang, `action.${s.lastEvent.action}` as MessageKey) })
      : '—';
    const buttons: Button[][] = [];
    if (s.chatId === this.update.chatId && ['COMPLETED', 'REFUSED', 'ISSUED', 'STORED_UNCOLLECTED'].includes(s.state)) buttons.push([this.button('bot.button.pdf', `pdf:${s.number}`)]);
    buttons.push([this.button('bot.button.otherNumber', 'st'), this.button('bot.button.menu', 'menu')]);
    this.say(this.t('bot.status.card', {
      number: s.number ?? '—',
      service: pick(findService(s.service)?.shortTitle ?? { kk: s.service, ru: s.service }, this.lang),
      office: office ? pick(office.title, this.lang) : s.office,
      state: t(this.lang, `state.${s.state}` as MessageKey),
      submitted: s.submittedAt ? formatDateTime(s.submittedAt, offices.timezoneOffsetMinutes) : '—',
      due,
      last,
    }), { inline: buttons });
  }

  private async myRequests(): Promise<void> {
    if (this.flow?.kind !== 'apply') this.flow = null;
    const mine = await this.deps.store.list({ chatId: this.update.chatId, order: 'submitted', limit: 10 });
    const filed = mine.items.filter((s) => s.number);
    if (filed.length === 0) {
      return this.say(this.t('bot.my.none'), { inline: [[this.button('bot.button.status', 'st'), this.button('bot.button.menu', 'menu')]] });
    }
    const lines = filed.map((s) => this.t('bot.my.item', {
      number: s.number!, service: pick(findService(s.service)?.shortTitle ?? { kk: s.service, ru: s.service }, this.lang), state: t(this.lang, `state.${s.state}` as MessageKey),
    }));
    this.say(`${this.t('bot.my.list', { count: mine.total })}\n${lines.join('\n')}`, {
      inline: [...filed.map((s): Button[] => [{ label: s.number!, data: `r:${s.number}` }]), [this.button('bot.button.menu', 'menu')]],
    });
  }

  private async ownRequest(number: string): Promise<void> {
    const found = await this.deps.requests.lookup(number);
    if (!found.ok || found.value.chatId !== this.update.chatId) return this.stale();
    return this.statusCard(found.value);
  }

  private async sendDocument(number: string): Promise<void> {
    const found = await this.deps.requests.find(number);
    const documents = this.deps.requests.documents;
    if (!found.ok || found.value.contact?.telegramChatId !== this.update.chatId) return this.stale();
    const request: Request = found.value;
    if (!request.decision?.document || !documents) return this.say(this.t('bot.pdf.none', { number }));
    const current = await documents.current(request);
    if (!current.ok) return this.say(render(this.lang, current.error.message));
    this.replies.push({ kind: 'action', action: 'upload_document' });
    const kind = request.decision.outcome === 'issued' ? 'certificate' : 'refusal';
    this.replies.push({
      kind: 'document', bytes: current.value.bytes, fileName: `${number}-${kind}.pdf`,
      caption: this.t('bot.pdf.caption', { number, document: t(this.lang, `state.${request.state}` as MessageKey) }),
    });
  }

  // ——— survey (SPEC §5.11): question 1's buttons come with the result (notifier.ts) ———

  private async survey(head: string, parts: readonly string[], messageId: number | null): Promise<void> {
    const [requestId = '', ...values] = parts;
    const v = values.map(Number);
    if (!v.every((x) => x === 1 || x === 2 || x === 3) || v.length !== (head === 'sv1' ? 1 : 2)) return this.stale();
    const request = await this.deps.store.get(requestId);
    if (!request || request.contact?.telegramChatId !== this.update.chatId) return this.stale();
    const lang = request.lang === 'ru' ? 'ru' : request.lang === 'kk' ? 'kk' : this.lang;
    const question = SURVEY.questions[head === 'sv1' ? 0 : 1];
    const chosen = question.answers[v.at(-1)! - 1]!;
    if (messageId !== null) {
      this.replies.push({ kind: 'edit', messageId, text: t(lang, 'bot.survey.chosen', { question: `${question.number}. ${pick(question.text, lang)}`, answer: `${chosen.value}) ${pick(chosen.label, lang)}` }) });
    }
    if (head === 'sv1') {
      if (request.survey) return this.say(t(lang, 'app.surveyAnswered', { number: request.number ?? '' }));
      const q2 = SURVEY.questions[1];
      return this.say(`${q2.number}. ${pick(q2.text, lang)}`, {
        inline: q2.answers.map((a): Button[] => [{ label: `${a.value}) ${pick(a.label, lang)}`, data: `sv2:${requestId}:${v[0]}:${a.value}` }]),
      });
    }
    const saved = await this.deps.requests.answerSurvey(requestId, this.update.chatId, { q1: v[0], q2: v[1] });
    if (!saved.ok) return this.say(render(lang, saved.error.message));
    this.say(t(lang, 'bot.survey.thanks'), { inline: [[this.button('bot.button.menu', 'menu')]] });
  }
}

/** callback_data of an answer button: `a:<path>|<value>`, or `a:<value>` where the path would pass Telegram's 64 bytes. */
function answerData(path: string, value: string): string {
  const full = `a:${path}|${value}`;
  return Buffer.byteLength(full) <= 64 ? full : `a:${value}`;
}

/** How many questions a service asks at most, for the intro ("up to N questions"). */
function countQuestions(service: ServiceDef): number {
  const count = (fields: ServiceDef['form']['fields']): number =>
    fields.reduce((n, f) => n + (f.kind === 'group' ? count(f.fields) : 1), 0);
  return count(service.form.fields);
}
