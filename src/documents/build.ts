import { catalogue } from '../core/i18n/catalogue.js';
import type { Text } from '../core/i18n/text.js';
import { parseIin } from '../core/identity/iin.js';
import { contactPhones, findOrganisation, type OfficesConfig, type Organisation as OfficeConfig } from '../core/offices.js';
import { findRefusal } from '../core/refusals.js';
import type { Decision, Request, Role } from '../core/request.js';
import { findService } from '../core/services/catalogue.js';
import type { TemplateId } from '../core/services/types.js';
import type { Common, DocumentModel, Organisation, Person, Receipt, Signer } from './model.js';

/**
 * Turns a request, its decision and the office's configuration into the model a template prints.
 * Everything here is lookup and naming; nothing is decided. Answers are read defensively: a
 * request stored by an older version may lack a field, and a document must still print.
 */

type Answers = Readonly<Record<string, unknown>>;

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const group = (answers: Answers, id: string): Answers => {
  const value = answers[id];
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Answers) : {};
};
const opt = <K extends string>(key: K, value: string): { [P in K]?: string } =>
  (value.trim() ? { [key]: value } : {}) as { [P in K]?: string };

function fullNameOf(person: Answers): string {
  return [person.lastName, person.firstName, person.patronymic].map(str).filter((s) => s.trim()).join(' ');
}

/** What a member of staff is called on a document when the office configures no position. */
const POSITIONS: Partial<Record<Role, Text>> = {
  clerk: { kk: 'Қызмет берушінің маманы', ru: 'Специалист услугодателя' },
  operator: { kk: 'ХҚКО операторы', ru: 'Оператор ЦОН' },
  supervisor: { kk: 'Басшы', ru: 'Руководитель' },
};
const STAFF: Text = { kk: 'Қызметкер', ru: 'Сотрудник' };
const HEAD: Text = { kk: 'Басшы', ru: 'Руководитель' };

export function positionOf(role: Role): Text {
  return POSITIONS[role] ?? STAFF;
}

function organisationOf(offices: OfficesConfig, id: string): { model: Organisation; config: OfficeConfig | undefined } {
  const config = findOrganisation(offices, id);
  return {
    config,
    model: {
      name: config?.title ?? { kk: id, ru: id },
      region: config?.region ?? { kk: '', ru: '' },
      ...(config?.address ? { address: config.address } : {}),
      phones: contactPhones(offices, config),
    },
  };
}

function headOf(config: OfficeConfig | undefined, fallback: string): { fullName: string; position: Text } {
  return { fullName: config?.director?.fullName ?? fallback, position: config?.director?.position ?? HEAD };
}

/** The verification link printed as a QR code: the office's pattern with the number and code filled in. */
export function verificationUrl(pattern: string, number: string, code: string): string {
  return pattern.replaceAll('{number}', encodeURIComponent(number)).replaceAll('{code}', encodeURIComponent(code.replace(/-/g, '')));
}

export interface DecisionDocumentInput {
  readonly request: Request;
  readonly decision: Decision;
  readonly template: TemplateId;
  readonly signer: Signer;
  readonly code: string;
  readonly offices: OfficesConfig;
  readonly verificationPattern: string;
}

export function decisionModel(input: DecisionDocumentInput): DocumentModel {
  const { request, decision, template, signer, code, offices } = input;
  const service = findService(request.service);
  const number = request.number ?? '';
  const { model: organisation, config } = organisationOf(offices, request.office);
  const common: Common = {
    number,
    issuedOn: decision.decidedOn,
    issuedAt: decision.at,
    organisation,
    service: service?.title ?? { kk: request.service, ru: request.service },
    signer,
    verification: { code, url: verificationUrl(input.verificationPattern, number, code) },
  };
  const answers = request.answers;
  const content = decision.content ?? {};
  const applicantAnswers = group(answers, 'applicant');
  const applicant: Person & { address?: string } = {
    fullName: request.applicant.fullName,
    iin: request.applicant.iin,
    ...opt('address', str(applicantAnswers.postalAddress)),
  };
  switch (template) {
    case 'archive-certificate':
      return {
        ...common,
        kind: 'archive-certificate',
        applicant: str(group(answers, 'organisation').name) || request.applicant.fullName,
        certificateType: str(content.certificateType),
        period: str(content.period),
        content: str(content.content),
        basis: str(content.basis),
        ...opt('attachedDocuments', str(content.attachedDocuments)),
        director: headOf(config, '—'),
        archivistName: signer.fullName,
      };
    case 'archive-no-information':
      return { ...common, kind: 'archive-no-information', addressee: request.applicant.fullName, reason: decision.note ?? '', specialistName: signer.fullName };
    case 'guardianship-certificate': {
      const ward = group(answers, 'ward');
      const address = group(answers, 'guardianAddress');
      const appointment = group(answers, 'appointment');
      const sex = parseIin(request.applicant.iin);
      return {
        ...common,
        kind: 'guardianship-certificate',
        certificateNo: str(content.certificateNo),
        guardian: { fullName: request.applicant.fullName, ...(sex.ok ? { gender: sex.value.sex } : {}) },
        address: { city: str(address.city), street: str(address.street), house: str(address.house), ...opt('flat', str(address.flat)) },
        decision: {
          akimLevel: appointment.akimLevel === 'CITY' ? 'CITY' : 'DISTRICT',
          date: str(appointment.decisionDate),
          number: str(appointment.decisionNumber),
        },
        ward: { fullName: fullNameOf(ward), birthDate: str(ward.birthDate) },
        propertyStatus: ward.propertyStatus === 'INVENTORY_ON_FILE' ? 'INVENTORY_ON_FILE' : 'NO_PROPERTY',
        role: appointment.role === 'TRUSTEE' ? 'TRUSTEE' : 'GUARDIAN',
        head: headOf(config, signer.fullName),
      };
    }
    case 'guardianship-minor-certificate': {
      const ward = group(answers, 'ward');
      return {
        ...common,
        kind: 'guardianship-minor-certificate',
        applicant: { fullName: applicant.fullName, iin: request.applicant.iin },
        ward: { fullName: fullNameOf(ward), iin: str(ward.iin), birthDate: str(ward.birthDate) },
        content: str(content.content),
        ...opt('basis', str(content.basis)),
        head: headOf(config, signer.fullName),
      };
    }
    case 'unemployed-certificate':
      return {
        ...common,
        kind: 'unemployed-certificate',
        applicant,
        registeredOn: str(content.registeredOn),
        ...opt('registrationNumber', str(content.registrationNumber)),
        ...opt('basis', str(content.basis)),
        ...opt('note', str(content.note)),
      };
    case 'disabled-child-notification': {
      const child = group(answers, 'child');
      return {
        ...common,
        kind: 'disabled-child-notification',
        applicant,
        child: { fullName: fullNameOf(child), iin: str(child.iin), birthDate: str(child.birthDate) },
        content: str(content.content),
        supportFrom: str(content.supportFrom),
        ...opt('supportTo', str(content.supportTo)),
        ...opt('amount', str(content.amount)),
      };
    }
    case 'refusal-letter':
      return {
        ...common,
        kind: 'refusal-letter',
        addressee: applicant,
        submittedOn: request.submittedOn ?? decision.decidedOn,
        reasons: decision.reasons.map((code) => {
          const refusal = findRefusal(code);
          return { code, text: refusal?.text ?? { kk: code, ru: code }, clause: refusal?.clause ?? '' };
        }),
        justification: decision.note ?? '',
      };
  }
}

export interface ReceiptInput {
  readonly request: Request;
  /** Who took the request in; for the bot channel, null (self-service). */
  readonly operator: { readonly fullName: string; readonly role: Role } | null;
  readonly code: string;
  readonly offices: OfficesConfig;
  readonly verificationPattern: string;
}

const SELF_SERVICE: Text = { kk: 'Өтініш беруші Telegram-бот арқылы өзі берді', ru: 'Подано заявителем самостоятельно через Telegram-бот' };

/** The қолхат: what was accepted, when, by whom, and when to expect the result (SPEC §5.9). */
export function receiptModel(input: ReceiptInput): Receipt {
  const { request, operator, code, offices } = input;
  const number = request.number ?? '';
  const service = findService(request.service);
  const { model: organisation } = organisationOf(offices, request.receivedBy === 'bot' ? request.office : request.receivedBy);
  const representative = group(request.answers, 'representative');
  const repName = fullNameOf(representative);
  const documentTitle = (id: string | undefined): Text | undefined => service?.requiredDocuments.find((d) => d.id === id)?.title;
  const documents: Receipt['documents'] = [
    ...request.paperDocuments.map((id) => ({ title: documentTitle(id) ?? { kk: id, ru: id }, form: 'paper' as const })),
    ...request.attachments.map((a) => ({ title: documentTitle(a.documentId) ?? { kk: a.name, ru: a.name }, form: 'electronic' as const, fileName: a.name })),
  ];
  return {
    kind: 'receipt',
    number,
    issuedOn: request.submittedOn ?? '',
    issuedAt: request.submittedAt ?? request.createdAt,
    organisation,
    service: service?.title ?? { kk: request.service, ru: request.service },
    signer: operator ? { fullName: operator.fullName, position: positionOf(operator.role) } : { fullName: '—', position: SELF_SERVICE },
    verification: { code, url: verificationUrl(input.verificationPattern, number, code) },
    applicant: { fullName: request.applicant.fullName, iin: request.applicant.iin },
    ...(repName ? { representative: { fullName: repName, ...opt('iin', str(representative.iin)) } } : {}),
    documents,
    expectedOn: request.due?.dueDate ?? '',
    channel: catalogue[`channel.${request.channel}`],
  };
}
