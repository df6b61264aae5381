import { applicantGroup, dateHint, representativeGroup } from './applicant.js';
import type { ServiceDef } from './types.js';

/**
 * «Жұмыссыз азаматтарға анықтама беру» (SPEC §2.2, S1-U, Ekibastuz). The result is a certificate
 * of registration as unemployed. The seed's request form (A3) is an image only, so beyond the
 * applicant the questions are what a real office asks, marked as inferred.
 */

const INFERRED = 'office practice (inferred)';

export const unemployedCertificate: ServiceDef = {
  id: 'unemployed-certificate',
  title: { kk: 'Жұмыссыз азаматтарға анықтама беру', ru: 'Выдача справок безработным гражданам', en: 'Issuance of certificates to unemployed citizens' },
  shortTitle: { kk: 'Жұмыссыз азаматқа анықтама', ru: 'Справка безработному', en: 'Unemployed certificate' },
  seeds: ['S1'],
  legalBasis: [
    {
      kk: 'Қазақстан Республикасы Үкіметінің 2011 жылғы 7 сәуірдегі № 394 қаулысымен бекітілген «Жұмыссыз азаматтарға анықтама беру» мемлекеттік қызмет стандарты',
      ru: 'Стандарт государственной услуги «Выдача справок безработным гражданам», утверждённый постановлением Правительства Республики Казахстан от 7 апреля 2011 года № 394',
    },
  ],
  providerKind: 'employment',
  channels: ['office', 'centre', 'bot'],
  legalEntitiesMayApply: false,
  deadline: {
    unit: 'working',
    days: 1,
    source:
      'inferred: S1-U gives only step times (A1 T1 step 8 and T3 step 8: 10 minutes; SPEC §9.14). ' +
      'The 10-minute step is the system\'s; the office\'s promise is the next working day.',
  },
  deadlineByChannel: {
    centre: { unit: 'working', days: 3, source: 'S1-U A1 T2 step 9 (3 working days through the Centre)' },
  },
  // S1-U A4 speaks of notices "when the deadline is extended" but gives no ground (SPEC §9.16).
  extensionGrounds: [],
  personCheckChannels: ['office', 'centre'], // S1-U §6.3, §7.3
  // Inferred: S1-U A1 T2 step 4 queries ЕНИС, the notarial registry, so a notarised PoA is the
  // only authority the system can check (SPEC §9.10).
  representation: 'notarised-poa',
  // Office-editable list, not from the seeds (Standard clause 11 is not among them, SPEC §9.17).
  requiredDocuments: [
    { id: 'identity', required: true, channels: ['office', 'centre'], title: { kk: 'Жеке басын куәландыратын құжат', ru: 'Документ, удостоверяющий личность' } },
    { id: 'poa', required: false, title: { kk: 'Нотариат куәландырған сенімхат (өкіл арқылы өтініш берілсе)', ru: 'Нотариально удостоверенная доверенность (при обращении через представителя)' } },
  ],
  form: {
    fields: [
      applicantGroup,
      representativeGroup,
      {
        id: 'registration',
        kind: 'group',
        required: true,
        label: { kk: 'Анықтама туралы мәліметтер', ru: 'Сведения для справки' },
        source: INFERRED,
        fields: [
          {
            // Helps the clerk find the registration record; the department holds the date itself.
            id: 'registeredOn', kind: 'date', when: 'past', required: false, source: INFERRED,
            label: { kk: 'Жұмыссыз ретінде тіркелген күні', ru: 'Дата регистрации в качестве безработного' },
            hint: { kk: `білсеңіз көрсетіңіз; ${dateHint.kk}`, ru: `если знаете; ${dateHint.ru}` },
          },
          {
            id: 'presentTo', kind: 'text', required: true, source: INFERRED,
            label: { kk: 'Анықтама қайда және не үшін ұсынылады', ru: 'Куда и для чего представляется справка' },
            hint: { kk: 'мысалы, тұрғын үй көмегін алу үшін әкімдікке', ru: 'например, в акимат для получения жилищной помощи' },
          },
        ],
      },
    ],
  },
  // R7: documents do not conform (S1-U §6.8–6.9, §7.9–7.10, §8.10–8.11);
  // R10: the free-form negative answer of S1-U A4.
  refusalReasons: ['R7', 'R10'],
  output: { positive: 'unemployed-certificate', refusal: 'refusal-letter' },
  // S1-U A4 is an image only (SPEC §5.8): the fields an employment office records, office practice (inferred).
  resultForm: {
    fields: [
      {
        id: 'registeredOn', kind: 'date', when: 'past', required: true, source: 'S1-U A4 «жұмыссыз ретінде тіркелу туралы анықтама» (fields inferred)',
        label: { kk: 'Жұмыссыз ретінде тіркелген күні', ru: 'Дата регистрации в качестве безработного' },
        hint: dateHint,
      },
      {
        id: 'registrationNumber', kind: 'text', maxLength: 50, required: false, source: 'office practice (inferred)',
        label: { kk: 'Тіркеу нөмірі', ru: 'Регистрационный номер' },
      },
      {
        id: 'basis', kind: 'text', maxLength: 500, required: false, source: 'office practice (inferred)',
        label: { kk: 'Негіздеме', ru: 'Основание' },
        hint: { kk: 'мысалы, бөлім бастығының бұйрығы', ru: 'например, приказ начальника отдела' },
      },
      {
        id: 'note', kind: 'multiline', maxLength: 2000, required: false, source: 'office practice (inferred)',
        label: { kk: 'Қосымша мәліметтер', ru: 'Дополнительные сведения' },
      },
    ],
  },
  resultPrefill: { registeredOn: 'registration.registeredOn' },
};
