import { applicantGroup, dateHint, representativeGroup } from './applicant.js';
import {
  birthCertificate, certificateWardGroup, guardianshipRules, identityDocument, notarisedPoa, standard1119,
} from './guardianship-common.js';
import type { ServiceDef } from './types.js';

/**
 * S3-C (SPEC §2.4, §5.7): «Қорғаншылық және қамқоршылық жөнінде анықтама беру». The only S3 output
 * given as text (A3): the questions below fill its blanks — the guardian's address, the akim's
 * decision, the ward and the property status. The certificate number and the signatory are the
 * office's, not the citizen's.
 */

const A3 = 'S3-C A3';

const title = { kk: 'Қорғаншылық және қамқоршылық жөнінде анықтама беру', ru: 'Выдача справок по опеке и попечительству' };

export const guardianshipCertificate: ServiceDef = {
  id: 'guardianship-certificate',
  title: { ...title, en: 'Issuance of a certificate on guardianship and trusteeship' },
  shortTitle: { kk: 'Қорғаншылық туралы анықтама', ru: 'Справка об опеке', en: 'Guardianship certificate' },
  seeds: ['S3'],
  legalBasis: [standard1119(title)],
  ...guardianshipRules,
  requiredDocuments: [
    identityDocument,
    // Office-editable list, not from the seeds (SPEC §9.17).
    { id: 'guardianship-decision', required: true, title: { kk: 'Қорғаншы (қамқоршы) тағайындау туралы әкім шешімінің көшірмесі', ru: 'Копия решения акима о назначении опекуна (попечителя)' } },
    { ...birthCertificate, title: { kk: 'Қамқорлыққа алынушының туу туралы куәлігі', ru: 'Свидетельство о рождении подопечного' } },
    notarisedPoa,
  ],
  form: {
    fields: [
      { ...applicantGroup, label: { kk: 'Өтініш беруші (қорғаншы немесе қамқоршы)', ru: 'Заявитель (опекун или попечитель)' } },
      representativeGroup,
      certificateWardGroup,
      {
        // The template prints the address in four blanks; the applicant's one-line postal address
        // cannot fill them reliably.
        id: 'guardianAddress',
        kind: 'group',
        required: true,
        label: { kk: 'Қорғаншының (қамқоршының) тұратын жері', ru: 'Место жительства опекуна (попечителя)' },
        source: `${A3} (SPEC §5.7 items 2–5)`,
        fields: [
          {
            // The template says «қаласы» (city); a district office also serves villages.
            id: 'city', kind: 'text', maxLength: 100, required: true, source: `${A3} «____ қаласы»; villages: office practice (inferred)`,
            label: { kk: 'Елді мекен (қала, ауыл)', ru: 'Населённый пункт (город, село)' },
            hint: { kk: 'мысалы, Тимирязев ауылы', ru: 'например, село Тимирязево' },
          },
          { id: 'street', kind: 'text', maxLength: 100, required: true, source: `${A3} «____ көшесі»`, label: { kk: 'Көшесі', ru: 'Улица' }, hint: { kk: 'мысалы, Абай', ru: 'например, Абая' } },
          { id: 'house', kind: 'text', maxLength: 20, required: true, source: `${A3} «№ ___ үй»`, label: { kk: 'Үй №', ru: 'Дом №' }, hint: { kk: 'мысалы, 14', ru: 'например, 14' } },
          { id: 'flat', kind: 'text', maxLength: 20, required: false, source: `${A3} «№ пәтерде» (optional: a detached house has no flat)`, label: { kk: 'Пәтер №', ru: 'Квартира №' } },
        ],
      },
      {
        id: 'appointment',
        kind: 'group',
        required: true,
        label: { kk: 'Қорғаншы (қамқоршы) болып тағайындау', ru: 'Назначение опекуном (попечителем)' },
        source: `${A3} (SPEC §5.7 items 7–9, 13)`,
        fields: [
          {
            id: 'role', kind: 'choice', required: true, source: `${A3} «қорғаншы (қамқоршы) болып тағайындалды»`,
            label: { kk: 'Кім болып тағайындалды', ru: 'Кем назначен(а)' },
            choices: [
              { value: 'GUARDIAN', label: { kk: 'қорғаншы', ru: 'опекун' } },
              { value: 'TRUSTEE', label: { kk: 'қамқоршы', ru: 'попечитель' } },
            ],
          },
          {
            id: 'akimLevel', kind: 'choice', required: true, source: `${A3} «(қала, аудан) әкімінің»`,
            label: { kk: 'Шешімді қабылдаған әкім', ru: 'Решение принял аким' },
            choices: [
              { value: 'CITY', label: { kk: 'қала әкімі', ru: 'аким города' } },
              { value: 'DISTRICT', label: { kk: 'аудан әкімі', ru: 'аким района' } },
            ],
          },
          // Full date: the template's «200___ жылғы» prefix is a drafting relic (SPEC §5.7).
          { id: 'decisionDate', kind: 'date', when: 'past', required: true, source: `${A3} «200___ жылғы «___» ____»`, label: { kk: 'Әкім шешімінің күні', ru: 'Дата решения акима' }, hint: dateHint },
          { id: 'decisionNumber', kind: 'text', maxLength: 30, required: true, source: `${A3} «№ шешіміне»`, label: { kk: 'Әкім шешімінің нөмірі', ru: 'Номер решения акима' }, hint: { kk: 'мысалы, 87', ru: 'например, 87' } },
        ],
      },
    ],
  },
  output: { positive: 'guardianship-certificate', refusal: 'refusal-letter' },
  // S3-C A3: every blank but the number comes from the questionnaire; the number is the office's register.
  resultForm: {
    fields: [
      {
        id: 'certificateNo', kind: 'text', maxLength: 30, required: true, source: `${A3} «АНЫҚТАМА № ____»`,
        label: { kk: 'Анықтаманың нөмірі', ru: 'Номер справки' },
        hint: { kk: 'бөлімнің тіркеу журналы бойынша, мысалы 112', ru: 'по журналу регистрации отдела, например 112' },
      },
    ],
  },
};
