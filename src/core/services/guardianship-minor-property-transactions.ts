import { applicantGroup, representativeGroup } from './applicant.js';
import {
  birthCertificate, guardianshipRules, identityDocument, minorWardGroup, notarisedPoa, standard1119, guardianshipMinorResult } from './guardianship-common.js';
import type { ServiceDef } from './types.js';

/**
 * S3-B (SPEC §2.4): the guardianship body's certificate needed to execute a transaction with
 * property a minor owns. The seed's request forms (A3) are images only: the transaction questions
 * are what the office needs to judge whether the child's rights are kept, marked as inferred.
 */

const INFERRED = 'office practice (inferred)';

const title = {
  kk: 'Кәмелетке толмағандарға меншік құқығында тиесілі мүлікпен мәмілелерді ресімдеу үшін қорғаншылық немесе қамқоршылық жөніндегі функцияларды жүзеге асыратын органдардың анықтамаларын беру',
  ru: 'Выдача справок органов, осуществляющих функции по опеке или попечительству, для оформления сделок с имуществом, принадлежащим на праве собственности несовершеннолетним',
};

export const guardianshipMinorPropertyTransactions: ServiceDef = {
  id: 'guardianship-minor-property-transactions',
  title: { ...title, en: 'Certificates of guardianship bodies for transactions with property owned by minors' },
  shortTitle: { kk: 'Кәмелетке толмағанның мүлкімен мәміле', ru: 'Сделка с имуществом несовершеннолетнего', en: 'Minor\'s property transaction' },
  seeds: ['S3'],
  legalBasis: [standard1119(title)],
  ...guardianshipRules,
  requiredDocuments: [
    identityDocument,
    birthCertificate,
    // Office-editable list, not from the seeds (SPEC §9.17).
    { id: 'title-documents', required: true, title: { kk: 'Мүлікке құқық белгілейтін құжаттар', ru: 'Правоустанавливающие документы на имущество' } },
    { id: 'guardianship-decision', required: false, title: { kk: 'Қорғаншы (қамқоршы) тағайындау туралы шешімнің көшірмесі (өтініш беруші қорғаншы болса)', ru: 'Копия решения о назначении опекуна (попечителя) (если заявитель — опекун)' } },
    { id: 'other-parent-consent', required: false, title: { kk: 'Екінші ата-ананың нотариат куәландырған келісімі', ru: 'Нотариально удостоверенное согласие второго родителя' } },
    { id: 'child-consent', required: false, title: { kk: 'Он жасқа толған баланың келісімі', ru: 'Согласие ребёнка, достигшего десяти лет' } },
    notarisedPoa,
  ],
  form: {
    fields: [
      { ...applicantGroup, label: { kk: 'Өтініш беруші (ата-анасы немесе қорғаншысы)', ru: 'Заявитель (родитель или опекун)' } },
      representativeGroup,
      minorWardGroup,
      {
        id: 'transaction',
        kind: 'group',
        required: true,
        label: { kk: 'Мәміле', ru: 'Сделка' },
        source: 'S3-B title «мүлікпен мәмілелерді ресімдеу үшін»; fields: office practice (inferred)',
        fields: [
          {
            id: 'kind', kind: 'choice', required: true, source: INFERRED,
            label: { kk: 'Мәміленің түрі', ru: 'Вид сделки' },
            choices: [
              { value: 'SALE', label: { kk: 'сату', ru: 'продажа' } },
              { value: 'PURCHASE', label: { kk: 'сатып алу', ru: 'покупка' } },
              { value: 'GIFT', label: { kk: 'сыйға беру', ru: 'дарение' } },
              { value: 'EXCHANGE', label: { kk: 'айырбастау', ru: 'мена' } },
              { value: 'MORTGAGE', label: { kk: 'кепілге беру (ипотека)', ru: 'залог (ипотека)' } },
              { value: 'OTHER', label: { kk: 'басқа мәміле', ru: 'иная сделка' } },
            ],
          },
          {
            id: 'property', kind: 'multiline', maxLength: 1000, required: true, source: INFERRED,
            label: { kk: 'Мүліктің сипаттамасы', ru: 'Описание имущества' },
            hint: { kk: 'түрі, мекенжайы, кадастрлық нөмірі, баланың үлесі', ru: 'вид, адрес, кадастровый номер, доля ребёнка' },
          },
          {
            id: 'parties', kind: 'multiline', maxLength: 1000, required: true, source: INFERRED,
            label: { kk: 'Мәміле тараптары', ru: 'Стороны сделки' },
            hint: { kk: 'Т.А.Ә. немесе ұйымның атауы, ЖСН/БСН', ru: 'ФИО или наименование организации, ИИН/БИН' },
          },
          {
            // What the body weighs before consenting: the child must not lose property rights.
            id: 'childInterest', kind: 'multiline', maxLength: 1000, required: false, source: INFERRED,
            label: { kk: 'Баланың мүліктік құқығы қалай сақталады', ru: 'Как сохраняются имущественные права ребёнка' },
            hint: { kk: 'мысалы, баланың атына басқа тұрғын үй сатып алынады', ru: 'например, на имя ребёнка приобретается другое жильё' },
          },
        ],
      },
    ],
  },
  output: { positive: 'guardianship-minor-certificate', refusal: 'refusal-letter' },
  resultForm: guardianshipMinorResult,
};
