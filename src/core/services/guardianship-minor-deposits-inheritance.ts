import { applicantGroup, representativeGroup } from './applicant.js';
import {
  birthCertificate, guardianshipRules, identityDocument, minorWardGroup, notarisedPoa, standard1119, guardianshipMinorResult } from './guardianship-common.js';
import type { ServiceDef } from './types.js';

/**
 * S3-A (SPEC §2.4): a certificate of the guardianship body that lets a parent or guardian dispose
 * of a minor's deposit in a pension fund or bank, or register an inheritance for the minor at the
 * road police. The seed's request forms (A3) are images only: the questions after the applicant
 * are what the office needs, marked as inferred.
 */

const INFERRED = 'office practice (inferred)';

const title = {
  kk: 'Зейнетақы қорларына, банктерге кәмелетке толмағандардың салымдарына иелік ету үшін, Қазақстан Республикасы Ішкі істер министрлігі Жол полициясы комитетінің аумақтық бөлімшелеріне кәмелетке толмаған балаларға мұраны ресімдеу үшін анықтамалар беру',
  ru: 'Выдача справок для распоряжения вкладами несовершеннолетних в пенсионных фондах, банках, для оформления наследства несовершеннолетним детям в территориальных подразделениях Комитета дорожной полиции Министерства внутренних дел Республики Казахстан',
};

export const guardianshipMinorDepositsInheritance: ServiceDef = {
  id: 'guardianship-minor-deposits-inheritance',
  title: { ...title, en: 'Certificates for disposing of minors\' deposits in pension funds and banks, and for registering minors\' inheritance with the road police' },
  shortTitle: { kk: 'Кәмелетке толмағанның салымы, мұрасы', ru: 'Вклады и наследство несовершеннолетнего', en: 'Minor\'s deposits and inheritance' },
  seeds: ['S3'],
  legalBasis: [standard1119(title)],
  ...guardianshipRules,
  requiredDocuments: [
    identityDocument,
    birthCertificate,
    // Office-editable list, not from the seeds (SPEC §9.17).
    { id: 'guardianship-decision', required: false, title: { kk: 'Қорғаншы (қамқоршы) тағайындау туралы шешімнің көшірмесі (өтініш беруші қорғаншы болса)', ru: 'Копия решения о назначении опекуна (попечителя) (если заявитель — опекун)' } },
    { id: 'deposit-document', required: false, title: { kk: 'Салым шартының немесе зейнетақы жинақтары туралы үзінді көшірменің көшірмесі', ru: 'Копия договора вклада или выписки о пенсионных накоплениях' } },
    { id: 'inheritance-document', required: false, title: { kk: 'Мұраға құқық туралы куәлік немесе нотариустың мұра ісі туралы анықтамасы', ru: 'Свидетельство о праве на наследство или справка нотариуса о наследственном деле' } },
    notarisedPoa,
  ],
  form: {
    fields: [
      { ...applicantGroup, label: { kk: 'Өтініш беруші (ата-анасы немесе қорғаншысы)', ru: 'Заявитель (родитель или опекун)' } },
      representativeGroup,
      minorWardGroup,
      {
        id: 'request',
        kind: 'group',
        required: true,
        label: { kk: 'Анықтаманың мақсаты', ru: 'Цель справки' },
        source: 'S3-A title; fields: office practice (inferred)',
        fields: [
          {
            id: 'purpose', kind: 'choice', required: true,
            source: 'S3-A title «Зейнетақы қорларына, банктерге … салымдарына иелік ету үшін, … Жол полициясы … мұраны ресімдеу үшін»',
            label: { kk: 'Анықтама не үшін қажет', ru: 'Для чего нужна справка' },
            choices: [
              { value: 'PENSION_FUND', label: { kk: 'зейнетақы қорындағы салымға иелік ету үшін', ru: 'для распоряжения вкладом в пенсионном фонде' } },
              { value: 'BANK_DEPOSIT', label: { kk: 'банктегі салымға иелік ету үшін', ru: 'для распоряжения вкладом в банке' } },
              { value: 'INHERITANCE_ROAD_POLICE', label: { kk: 'жол полициясының аумақтық бөлімшесінде мұраны ресімдеу үшін', ru: 'для оформления наследства в территориальном подразделении дорожной полиции' } },
            ],
          },
          {
            id: 'organisation', kind: 'text', maxLength: 200, required: true, source: INFERRED,
            label: { kk: 'Анықтама ұсынылатын ұйымның атауы', ru: 'Наименование организации, куда представляется справка' },
            hint: { kk: 'банк, зейнетақы қоры немесе жол полициясы бөлімшесі', ru: 'банк, пенсионный фонд или подразделение дорожной полиции' },
          },
          {
            id: 'details', kind: 'multiline', maxLength: 1000, required: false, source: INFERRED,
            label: { kk: 'Салым немесе мұра туралы мәлімет', ru: 'Сведения о вкладе или наследстве' },
            hint: { kk: 'мысалы, шот нөмірі, мұраға қалған көлік құралы', ru: 'например, номер счёта, наследуемое транспортное средство' },
          },
        ],
      },
    ],
  },
  output: { positive: 'guardianship-minor-certificate', refusal: 'refusal-letter' },
  resultForm: guardianshipMinorResult,
};
