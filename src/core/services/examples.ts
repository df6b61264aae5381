import type { ServiceId } from './types.js';

/**
 * A valid questionnaire per service, filled for the demo person of that service (the shared
 * fixtures: archive → Нұрланова, unemployed → Сейітов, disabled child → Әбдірахманова and her
 * daughter, guardianship → Жұмабаева and her ward Омаров). Answers are typed the way people type
 * them (dates DD.MM.YYYY, phones with spaces, years as text), so they also show normalisation.
 * Used by the CLI's "submit an example", demos and tests; each call returns a fresh object.
 * Every date in them lies before 2026-01-15, so they stay valid for any "today" after it.
 */

function nurlanova() {
  return {
    iin: '850305400010',
    lastName: 'Нұрланова',
    firstName: 'Айгүл',
    patronymic: 'Серікқызы',
    birthDate: '05.03.1985',
    phone: '+7 701 123 45 67',
    postalAddress: 'Қызылорда қ., Әйтеке би к-сі, 27-үй, 12-пәтер',
    postcode: '120008',
  };
}

function seitov() {
  return {
    iin: '781115300019',
    lastName: 'Сейітов',
    firstName: 'Ерлан',
    patronymic: 'Қайратұлы',
    birthDate: '15.11.1978',
    phone: '8 705 111 22 33',
    postalAddress: 'Екібастұз қ., Машһүр Жүсіп к-сі, 50-үй, 3-пәтер',
    postcode: '141200',
  };
}

function abdirakhmanova() {
  return {
    iin: '900712400015',
    lastName: 'Әбдірахманова',
    firstName: 'Гүлнар',
    patronymic: 'Маратқызы',
    birthDate: '12.07.1990',
    phone: '+7 702 333 44 55',
    postalAddress: 'Екібастұз қ., Сәтпаев к-сі, 9-үй, 41-пәтер',
    postcode: '141206',
  };
}

function zhumabayeva() {
  return {
    iin: '880522400016',
    lastName: 'Жұмабаева',
    firstName: 'Сәуле',
    patronymic: 'Ерболқызы',
    birthDate: '22.05.1988',
    phone: '8 777 444 55 66',
    postalAddress: 'Тимирязев ауылы, Абай к-сі, 14-үй',
    postcode: '150900',
  };
}

function omarov() {
  return {
    iin: '120409500010',
    lastName: 'Омаров',
    firstName: 'Нұрсұлтан',
    patronymic: 'Асқарұлы',
    birthDate: '09.04.2012',
  };
}

function archive() {
  return {
    applicant: nurlanova(),
    subject: {
      fullName: 'Нұрланова Айгүл Серікқызы',
      nameChanges: 'Серікова (2008 жылға дейін)',
      birthYear: '1985',
      birthDate: '05.03.1985',
    },
    requestedInformation: 'Қызылорда облыстық «Ақмешіт» баспасында жұмыс істеген кезеңдегі жұмыс өтілі және жалақысы туралы мәліметтер',
    destinationAndPurpose: 'Мемлекеттік корпорацияға, еңбек өтілін растау үшін',
    period: '2005–2012',
    employment: [
      { name: '«Сыр медиа» ЖШС', fromYear: '2005', toYear: '2009', position: 'корректор' },
      { name: 'Қызылорда облыстық «Ақмешіт» баспасы', fromYear: '2009', toYear: '2012', position: 'редактор' },
    ],
  };
}

function unemployed() {
  return {
    applicant: seitov(),
    registration: {
      registeredOn: '05.01.2026',
      presentTo: 'Екібастұз қаласының әкімдігіне, тұрғын үй көмегін алу үшін',
    },
  };
}

function disabledChild() {
  return {
    applicant: abdirakhmanova(),
    child: {
      iin: '150907600012',
      lastName: 'Әбдірахманова',
      firstName: 'Әсем',
      patronymic: 'Нұрболқызы',
      birthDate: '07.09.2015',
      applicantRelation: 'PARENT',
    },
    pmpc: { number: '412', date: '18.12.2025' },
    disability: { category: 'CHILD_UNDER_16', number: '0912', date: '25.12.2025', validUntil: '25.12.2035' },
    school: 'Екібастұз қаласының № 12 жалпы орта білім беретін мектебі',
    iban: 'KZ86125KZT5004100100',
  };
}

function depositsInheritance() {
  return {
    applicant: zhumabayeva(),
    ward: { ...omarov(), applicantRelation: 'GUARDIAN' },
    request: {
      purpose: 'BANK_DEPOSIT',
      organisation: '«Қазақстан Халық Банкі» АҚ Петропавл филиалы',
      details: 'Баланың атына ашылған депозиттен ай сайынғы жәрдемақыны алу',
    },
  };
}

function propertyTransactions() {
  return {
    applicant: zhumabayeva(),
    ward: { ...omarov(), applicantRelation: 'GUARDIAN' },
    transaction: {
      kind: 'SALE',
      property: 'Тимирязев ауылы, Жамбыл к-сі, 3-үй; баланың үлесі 1/2',
      parties: 'Сатушы: Омаров Нұрсұлтан Асқарұлы (қорғаншысы Жұмабаева С. Е.); сатып алушы: Ахметов Қанат Серікұлы',
      childInterest: 'Сатудан түскен қаражатқа баланың атына Тимирязев ауылынан пәтер сатып алынады',
    },
  };
}

function guardianship() {
  return {
    applicant: zhumabayeva(),
    ward: { ...omarov(), propertyStatus: 'NO_PROPERTY' },
    guardianAddress: { city: 'Тимирязев ауылы', street: 'Абай', house: '14' },
    appointment: { role: 'GUARDIAN', akimLevel: 'DISTRICT', decisionDate: '16.03.2020', decisionNumber: '87' },
  };
}

const EXAMPLES: Record<ServiceId, () => Record<string, unknown>> = {
  'archive-certificate': archive,
  'unemployed-certificate': unemployed,
  'disabled-child-homeschool-support': disabledChild,
  'guardianship-minor-deposits-inheritance': depositsInheritance,
  'guardianship-minor-property-transactions': propertyTransactions,
  'guardianship-certificate': guardianship,
};

export function exampleAnswers(serviceId: ServiceId): Record<string, unknown> {
  return EXAMPLES[serviceId]();
}

/** What a clerk fills in when issuing each service's result: a realistic, valid example. */
const RESULT_EXAMPLES: Record<ServiceId, () => Record<string, unknown>> = {
  'archive-certificate': () => ({
    certificateType: 'Еңбек өтілі және жалақысы туралы',
    period: '1985–1992',
    content:
      'Қызылорда облыстық «Ақмешіт» баспасының бұйрықтарында Нұрланова Айгүл Серікқызы 1985 жылғы 1 наурыздан корректор болып қабылданғаны, 1992 жылғы 30 желтоқсанда өз еркімен жұмыстан босатылғаны көрсетілген.',
    basis: 'Қор № 412, тізімдеме № 2, іс № 17, 34–36 парақтар',
  }),
  'unemployed-certificate': () => ({ registeredOn: '2026-03-02', registrationNumber: 'ЖҚ-0421' }),
  'disabled-child-homeschool-support': () => ({
    content: 'Үйде оқитын мүгедек балаға материалдық қамсыздандыру тағайындалды.',
    supportFrom: '2026-04-01',
    supportTo: '2027-03-31',
    amount: '6 АЕК',
  }),
  'guardianship-minor-deposits-inheritance': () => ({
    content: 'Кәмелетке толмаған баланың атына салынған салымнан ақша алуға қорғаншылық және қамқоршылық органы рұқсат береді.',
  }),
  'guardianship-minor-property-transactions': () => ({
    content: 'Кәмелетке толмаған балаға тиесілі пәтердің үлесін сатуға қорғаншылық және қамқоршылық органы рұқсат береді.',
    basis: 'Комиссия отырысының 2026 жылғы 20 наурыздағы № 4 хаттамасы',
  }),
  'guardianship-certificate': () => ({ certificateNo: '112' }),
};

export function exampleResult(serviceId: ServiceId): Record<string, unknown> {
  return RESULT_EXAMPLES[serviceId]();
}
