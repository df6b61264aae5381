import type { Field, FormDef, GroupField } from '../forms/field.js';
import type { Text } from '../i18n/text.js';
import { birthDateMatchesIin, dateHint, iinHint, minorOnToday, nameFields } from './applicant.js';
import type { RequiredDocument, ServiceDef } from './types.js';

/**
 * What the three Timiryazev guardianship services share (SPEC §2.4): their regulations are
 * word for word the same apart from titles and annex numbers (S3-A/B/C, verified by diff).
 */

const INFERRED = 'office practice (inferred)';

/** The rules: channels, deadlines, checks, representation and refusals are those of S3 for all three. */
export const guardianshipRules = {
  providerKind: 'education',
  // Centre, portal and mobile centres; S3 describes no provider-office channel (S3 §1).
  channels: ['centre', 'mobile', 'bot'],
  legalEntitiesMayApply: false, // recipients are individuals (S3 def. 8)
  deadline: { unit: 'working', days: 5, source: 'S3 A1 T1 step 8, T2 step 7 (5 working days)' },
  extensionGrounds: [],
  returnToCentre: { workingDays: 3, source: 'S3 A1 T2 step 8 (faulty Centre documents returned within 3 working days)' },
  personCheckChannels: ['centre', 'mobile'], // S3 §7.3: ГБД ФЛ and БНАЖ lookups at the Centre
  representation: 'notarised-poa', // S3 §7.2
  refusalReasons: ['R7'], // S3 §6.10–6.11, §7.9–7.10
} as const satisfies Partial<ServiceDef>;

/** Each standard is approved by the same Government resolution; only its title differs. */
export function standard1119(title: Text): Text {
  return {
    kk: `Қазақстан Республикасы Үкіметінің 2012 жылғы 31 тамыздағы № 1119 қаулысымен бекітілген «${title.kk}» мемлекеттік қызмет стандарты`,
    ru: `Стандарт государственной услуги «${title.ru}», утверждённый постановлением Правительства Республики Казахстан от 31 августа 2012 года № 1119`,
  };
}

// Office-editable documents common to the three services, not from the seeds (SPEC §9.17).
export const identityDocument: RequiredDocument = {
  id: 'identity', required: true, channels: ['centre', 'mobile'],
  title: { kk: 'Өтініш берушінің жеке басын куәландыратын құжаты', ru: 'Документ, удостоверяющий личность заявителя' },
};
export const birthCertificate: RequiredDocument = {
  id: 'birth-certificate', required: true,
  title: { kk: 'Баланың туу туралы куәлігі', ru: 'Свидетельство о рождении ребёнка' },
};
export const notarisedPoa: RequiredDocument = {
  id: 'poa', required: false, channels: ['centre', 'mobile'],
  title: { kk: 'Нотариат куәландырған сенімхат (өкіл арқылы өтініш берілсе)', ru: 'Нотариально удостоверенная доверенность (при обращении через представителя)' },
};

/** The ward's identity: IIN, name, birth date, each as the S3-C A3 certificate prints them. */
const wardIdentity: readonly Field[] = [
  { id: 'iin', kind: 'iin', required: true, source: INFERRED, label: { kk: 'ЖСН', ru: 'ИИН' }, hint: iinHint },
  ...nameFields('S3-C A3 «______ (ward\'s full name)»'),
  { id: 'birthDate', kind: 'date', when: 'past', required: true, source: 'S3-C A3 «19___ жылғы «___» ____ туылған»', label: { kk: 'Туған күні', ru: 'Дата рождения' }, hint: dateHint },
];

/**
 * S3-A and S3-B exist for minors only (their titles: «кәмелетке толмағандар»). The applicant may
 * be the parent or the guardian; the office needs to know which.
 */
export const minorWardGroup: GroupField = {
  id: 'ward',
  kind: 'group',
  required: true,
  label: { kk: 'Кәмелетке толмаған бала', ru: 'Несовершеннолетний ребёнок' },
  source: 'S3-A, S3-B titles; fields: office practice (inferred)',
  checks: [minorOnToday, birthDateMatchesIin],
  fields: [
    ...wardIdentity,
    {
      id: 'applicantRelation', kind: 'choice', required: true, source: INFERRED,
      label: { kk: 'Өтініш берушінің балаға қатысы', ru: 'Кем заявитель приходится ребёнку' },
      choices: [
        { value: 'PARENT', label: { kk: 'ата-анасы', ru: 'родитель' } },
        { value: 'GUARDIAN', label: { kk: 'қорғаншысы', ru: 'опекун' } },
        { value: 'TRUSTEE', label: { kk: 'қамқоршысы', ru: 'попечитель' } },
      ],
    },
  ],
};

/**
 * S3-C: the ward as the certificate names him or her, «қамқорлыққа алынушы», with the property
 * status the template prints. No minor check: the brief limits it to S3-A/B, and the certificate
 * states a past appointment.
 */
export const certificateWardGroup: GroupField = {
  id: 'ward',
  kind: 'group',
  required: true,
  label: { kk: 'Қамқорлыққа алынушы', ru: 'Подопечный' },
  source: 'S3-C A3 (SPEC §5.7 items 10–12)',
  checks: [birthDateMatchesIin],
  fields: [
    ...wardIdentity,
    {
      id: 'propertyStatus', kind: 'choice', required: true,
      source: 'S3-C A3 «(мүлкінің тізімдемесі істе тігулі, мүлкі жоқ)» (SPEC §5.7 item 12)',
      label: { kk: 'Қамқорлыққа алынушының мүлкі', ru: 'Имущество подопечного' },
      choices: [
        { value: 'INVENTORY_ON_FILE', label: { kk: 'мүлкінің тізімдемесі істе тігулі', ru: 'опись имущества приобщена к делу' } },
        { value: 'NO_PROPERTY', label: { kk: 'мүлкі жоқ', ru: 'имущества нет' } },
      ],
    },
  ],
};

/**
 * S3-A and S3-B result: the guardianship body's certificate (permission). The seeds give no
 * form; the fields are office practice (inferred).
 */
export const guardianshipMinorResult: FormDef = {
  fields: [
    {
      id: 'content', kind: 'multiline', maxLength: 4000, required: true, source: INFERRED,
      label: { kk: 'Анықтаманың мазмұны', ru: 'Содержание справки' },
      hint: {
        kk: 'қорғаншылық және қамқоршылық органы нені растайды немесе неге рұқсат береді',
        ru: 'что удостоверяет или на что даёт разрешение орган опеки и попечительства',
      },
    },
    {
      id: 'basis', kind: 'text', maxLength: 500, required: false, source: INFERRED,
      label: { kk: 'Негіздеме', ru: 'Основание' },
      hint: { kk: 'мысалы, комиссия отырысының хаттамасы', ru: 'например, протокол заседания комиссии' },
    },
  ],
};
