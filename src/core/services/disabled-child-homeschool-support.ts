import {
  applicantGroup, birthDateMatchesIin, dateHint, iinHint, minorOnToday, nameFields, representativeGroup,
} from './applicant.js';
import type { ServiceDef } from './types.js';

/**
 * «Үйде оқитын және тәрбиеленетін мүгедек балаларды материалдық қамтамасыз ету үшін құжаттарды
 * ресімдеу» (SPEC §2.3, S1-D, Ekibastuz). The seed's screen forms (A4) are images only; the child,
 * the consultation's conclusion, the disability certificate, the school and the bank account are
 * what the office needs to grant the support, marked as inferred.
 */

const INFERRED = 'office practice (inferred)';

export const disabledChildHomeschoolSupport: ServiceDef = {
  id: 'disabled-child-homeschool-support',
  title: {
    kk: 'Үйде оқитын және тәрбиеленетін мүгедек балаларды материалдық қамтамасыз ету үшін құжаттарды ресімдеу',
    ru: 'Оформление документов на материальное обеспечение детей-инвалидов, обучающихся и воспитывающихся на дому',
    en: 'Processing documents for material support of disabled children studying and brought up at home',
  },
  shortTitle: { kk: 'Үйде оқитын мүгедек балаға көмек', ru: 'Помощь ребёнку-инвалиду на дому', en: 'Home-schooled disabled child support' },
  seeds: ['S1'],
  legalBasis: [
    {
      kk: 'Қазақстан Республикасы Үкіметінің 2011 жылғы 7 сәуірдегі № 394 қаулысымен бекітілген «Үйде оқитын және тәрбиеленетін мүгедек балаларды материалдық қамтамасыз ету үшін құжаттарды ресімдеу» мемлекеттік қызмет стандарты',
      ru: 'Стандарт государственной услуги «Оформление документов на материальное обеспечение детей-инвалидов, обучающихся и воспитывающихся на дому», утверждённый постановлением Правительства Республики Казахстан от 7 апреля 2011 года № 394',
    },
    {
      kk: 'Екібастұз қаласының жергілікті өкілді органдарының шешімі бойынша мұқтаж азаматтардың жекелеген санаттарына әлеуметтік көмек көрсету тәртібі туралы жергілікті атқарушы орган қаулылары',
      ru: 'Постановления местного исполнительного органа о порядке оказания социальной помощи отдельным категориям нуждающихся граждан по решениям местных представительных органов города Экибастуза',
    },
  ],
  providerKind: 'employment',
  // No Centre channel (S1-D §1, §6, §7).
  channels: ['bot', 'office'],
  legalEntitiesMayApply: false,
  deadline: { unit: 'working', days: 10, source: 'S1-D A1 T1 step 8, T2 step 8 «10 жұмыс күн»' },
  extensionGrounds: [],
  personCheckChannels: ['office'], // S1-D §7.3
  // Inferred: same department and registry as the unemployed certificate (S1-U A1 T2 step 4, ЕНИС).
  representation: 'notarised-poa',
  // Office-editable list, not from the seeds (Standard clause 11 is not among them, SPEC §9.17).
  requiredDocuments: [
    { id: 'identity', required: true, channels: ['office'], title: { kk: 'Өтініш берушінің жеке басын куәландыратын құжаты', ru: 'Документ, удостоверяющий личность заявителя' } },
    { id: 'birth-certificate', required: true, title: { kk: 'Баланың туу туралы куәлігі', ru: 'Свидетельство о рождении ребёнка' } },
    { id: 'pmpc-conclusion', required: true, title: { kk: 'Психологиялық-медициналық-педагогикалық консультацияның қорытындысы', ru: 'Заключение психолого-медико-педагогической консультации' } },
    { id: 'disability-certificate', required: true, title: { kk: 'Баланың мүгедектігі туралы анықтама', ru: 'Справка об инвалидности ребёнка' } },
    { id: 'school-certificate', required: true, title: { kk: 'Баланың үйде оқитынын растайтын білім беру ұйымының анықтамасы', ru: 'Справка организации образования об обучении ребёнка на дому' } },
    { id: 'bank-details', required: false, title: { kk: 'Банктік шоттың деректемелері', ru: 'Реквизиты банковского счёта' } },
    { id: 'poa', required: false, title: { kk: 'Нотариат куәландырған сенімхат (өкіл арқылы өтініш берілсе)', ru: 'Нотариально удостоверенная доверенность (при обращении через представителя)' } },
  ],
  form: {
    fields: [
      { ...applicantGroup, label: { kk: 'Өтініш беруші (ата-анасы немесе заңды өкілі)', ru: 'Заявитель (родитель или законный представитель)' } },
      representativeGroup,
      {
        id: 'child',
        kind: 'group',
        required: true,
        label: { kk: 'Бала', ru: 'Ребёнок' },
        source: 'S1-D title (the service is for children); fields: office practice (inferred)',
        checks: [minorOnToday, birthDateMatchesIin],
        fields: [
          { id: 'iin', kind: 'iin', required: true, source: INFERRED, label: { kk: 'Баланың ЖСН', ru: 'ИИН ребёнка' }, hint: iinHint },
          ...nameFields(INFERRED),
          { id: 'birthDate', kind: 'date', when: 'past', required: true, source: INFERRED, label: { kk: 'Туған күні', ru: 'Дата рождения' }, hint: dateHint },
          {
            id: 'applicantRelation', kind: 'choice', required: true, source: INFERRED,
            label: { kk: 'Өтініш берушінің балаға қатысы', ru: 'Кем заявитель приходится ребёнку' },
            choices: [
              { value: 'PARENT', label: { kk: 'ата-анасы', ru: 'родитель' } },
              { value: 'GUARDIAN', label: { kk: 'қорғаншысы (қамқоршысы)', ru: 'опекун (попечитель)' } },
            ],
          },
        ],
      },
      {
        id: 'pmpc',
        kind: 'group',
        required: true,
        label: { kk: 'Психологиялық-медициналық-педагогикалық консультацияның қорытындысы', ru: 'Заключение психолого-медико-педагогической консультации' },
        source: INFERRED,
        fields: [
          { id: 'number', kind: 'text', maxLength: 50, required: true, source: INFERRED, label: { kk: 'Қорытындының нөмірі', ru: 'Номер заключения' } },
          { id: 'date', kind: 'date', when: 'past', required: true, source: INFERRED, label: { kk: 'Қорытындының күні', ru: 'Дата заключения' }, hint: dateHint },
        ],
      },
      {
        id: 'disability',
        kind: 'group',
        required: true,
        label: { kk: 'Мүгедектігі туралы анықтама', ru: 'Справка об инвалидности' },
        source: INFERRED,
        fields: [
          {
            // Under 16 a child has the category, not a group; 16–18 get groups I–III.
            id: 'category', kind: 'choice', required: true, source: INFERRED,
            label: { kk: 'Мүгедектік санаты (тобы)', ru: 'Категория (группа) инвалидности' },
            choices: [
              { value: 'CHILD_UNDER_16', label: { kk: '16 жасқа дейінгі мүгедек бала', ru: 'ребёнок-инвалид до 16 лет' } },
              { value: 'GROUP_1', label: { kk: 'I топ', ru: 'I группа' } },
              { value: 'GROUP_2', label: { kk: 'II топ', ru: 'II группа' } },
              { value: 'GROUP_3', label: { kk: 'III топ', ru: 'III группа' } },
            ],
          },
          { id: 'number', kind: 'text', maxLength: 50, required: true, source: INFERRED, label: { kk: 'Анықтаманың нөмірі', ru: 'Номер справки' } },
          { id: 'date', kind: 'date', when: 'past', required: true, source: INFERRED, label: { kk: 'Берілген күні', ru: 'Дата выдачи' }, hint: dateHint },
          // No `when`: an expired certificate is still typed as it stands; the clerk refuses (R7).
          {
            id: 'validUntil', kind: 'date', required: false, source: INFERRED,
            label: { kk: 'Мүгедектік белгіленген мерзім', ru: 'Срок, на который установлена инвалидность' },
            hint: { kk: `мерзімсіз болса, бос қалдырыңыз; ${dateHint.kk}`, ru: `если бессрочно, оставьте пустым; ${dateHint.ru}` },
          },
        ],
      },
      {
        id: 'school',
        kind: 'text',
        maxLength: 200,
        required: true,
        source: INFERRED,
        label: { kk: 'Үйде оқытуды жүзеге асыратын мектептің атауы', ru: 'Название школы, обеспечивающей обучение на дому' },
        hint: { kk: 'мысалы, Екібастұз қаласының № 12 жалпы орта білім беретін мектебі', ru: 'например, общеобразовательная школа № 12 города Экибастуза' },
      },
      {
        // Plain text: the form kinds have no IBAN check (reported to the lead).
        id: 'iban', kind: 'text', maxLength: 34, required: false, source: INFERRED,
        label: { kk: 'Төлем аударылатын банк шоты (IBAN)', ru: 'Банковский счёт для перечисления (IBAN)' },
        hint: { kk: 'KZ-тен басталатын 20 таңба, мысалы KZ86125KZT5004100100', ru: '20 знаков, начиная с KZ, например KZ86125KZT5004100100' },
      },
    ],
  },
  refusalReasons: ['R7'], // S1-D §6.10–6.11, §7.8–7.9
  output: { positive: 'disabled-child-notification', refusal: 'refusal-letter' },
  // S1-D's result is "a notification in the form of an electronic document" (§6.12); its A4 form
  // is an image only (SPEC §5.8): fields of office practice (inferred).
  resultForm: {
    fields: [
      {
        id: 'content', kind: 'multiline', maxLength: 4000, required: true, source: 'S1-D §6.12 (fields inferred)',
        label: { kk: 'Шешім', ru: 'Решение' },
        hint: { kk: 'мысалы, үйде оқитын мүгедек балаға материалдық қамсыздандыру тағайындалды', ru: 'например, назначено материальное обеспечение ребёнку-инвалиду, обучающемуся на дому' },
      },
      {
        id: 'supportFrom', kind: 'date', required: true, source: 'office practice (inferred)',
        label: { kk: 'Тағайындалған кезеңнің басы', ru: 'Начало периода назначения' },
        hint: dateHint,
      },
      {
        id: 'supportTo', kind: 'date', required: false, source: 'office practice (inferred)',
        label: { kk: 'Тағайындалған кезеңнің соңы', ru: 'Окончание периода назначения' },
        hint: dateHint,
      },
      {
        id: 'amount', kind: 'text', maxLength: 100, required: false, source: 'office practice (inferred)',
        label: { kk: 'Мөлшері', ru: 'Размер' },
        hint: { kk: 'мысалы, 6 АЕК', ru: 'например, 6 МРП' },
      },
    ],
  },
};
