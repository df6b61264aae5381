import type { GroupField } from '../forms/field.js';
import { applicantGroup, dateHint, organisationGroup, representativeGroup } from './applicant.js';
import type { ServiceDef } from './types.js';

/**
 * «Мұрағаттық анықтамалар беру» (SPEC §2.1): Kyzylorda oblast (S0) and Astana (S2).
 *
 * The questionnaire is the «Сауалнама-өтініш» of S0 A3 / S2 A4 (SPEC §5.1), with the S0 wording.
 * Its header line H1, «Мемлекеттік мұрағат директоры (директордың Т.А.Ә.)», is the addressee
 * printed on the form, not something the citizen knows: the office configuration supplies the
 * director's name. H2–H4 (applicant, address, phone) are the applicant group.
 */

const S0 = 'S0 A3';
const S2 = 'S2 A4';

const subject: GroupField = {
  id: 'subject',
  kind: 'group',
  required: true,
  label: { kk: 'Мәліметтері сұратылып отырған тұлғалар үшін', ru: 'О лице, сведения о котором запрашиваются' },
  source: `${S0} item 1; ${S2} item 1 «Мәлімет сұралатын тұлға үшін»`,
  checks: [
    {
      // S0 asks the year, S2 the date: when both are given they must agree.
      field: 'birthDate',
      test: (v) => typeof v.birthDate !== 'string' || typeof v.birthYear !== 'number' || v.birthDate.startsWith(`${v.birthYear}-`),
      expected: { kk: 'туған күні туған жылымен сәйкес келуі керек', ru: 'дата рождения должна совпадать с годом рождения' },
    },
  ],
  fields: [
    {
      id: 'fullName', kind: 'name', maxLength: 150, required: true,
      source: `${S0} item 1.1; ${S2} item 1.1 «Тұлғаның тегі, аты, әкесінің аты»`,
      label: { kk: 'Тегі, аты, әкесінің аты', ru: 'Фамилия, имя, отчество' },
      hint: { kk: 'мысалы, Нұрланова Айгүл Серікқызы', ru: 'например, Нұрланова Айгүл Серікқызы' },
    },
    {
      id: 'nameChanges', kind: 'text', required: false,
      source: `${S0} item 1.2; ${S2} item 1.2 «ТАӨ өзгертуі»`,
      label: { kk: 'Т.А.Ә. өзгеруі', ru: 'Изменение ФИО' },
      hint: { kk: 'бұрынғы тегі және қашан өзгерді, мысалы: Серікова (2008 жылға дейін)', ru: 'прежняя фамилия и когда изменена, например: Серікова (до 2008 года)' },
    },
    {
      // Archives hold records older than 1900 (genealogical requests), hence the lower bound.
      id: 'birthYear', kind: 'year', min: 1850, required: true,
      source: `${S0} item 1.3 «Туған жылы»`,
      label: { kk: 'Туған жылы', ru: 'Год рождения' },
      hint: { kk: 'төрт цифр, мысалы 1985', ru: 'четыре цифры, например 1985' },
    },
    {
      id: 'birthDate', kind: 'date', when: 'past', required: false,
      source: `${S2} item 1.3 «Туған уақыты» (optional: S0 asks only the year)`,
      label: { kk: 'Туған уақыты', ru: 'Дата рождения' }, hint: dateHint,
    },
    // S0/S2 item 1.4 is one line, «Байланыс телефоны және индексі көрсетілген пошталық
    // мекен-жайы»; split in three. Optional: the subject may be the applicant, or deceased.
    {
      id: 'postalAddress', kind: 'text', required: false,
      source: `${S0} item 1.4; ${S2} item 1.4 (optional: office practice (inferred))`,
      label: { kk: 'Пошталық мекен-жайы', ru: 'Почтовый адрес' },
      hint: { kk: 'өтініш берушінің мекенжайынан өзгеше болса', ru: 'если отличается от адреса заявителя' },
    },
    { id: 'postcode', kind: 'postcode', required: false, source: `${S0} item 1.4; ${S2} item 1.4`, label: { kk: 'Индексі', ru: 'Почтовый индекс' }, hint: { kk: 'мысалы, 120008', ru: 'например, 120008' } },
    { id: 'phone', kind: 'phone', required: false, source: `${S0} item 1.4; ${S2} item 1.4`, label: { kk: 'Байланыс телефоны', ru: 'Контактный телефон' }, hint: { kk: 'мысалы, +7 701 123 45 67', ru: 'например, +7 701 123 45 67' } },
  ],
};

const employment: GroupField = {
  id: 'employment',
  kind: 'group',
  required: false,
  repeat: { min: 0, max: 20 },
  label: { kk: 'Қызметі, жұмыс орны, оқу орнының нақты атауы', ru: 'Точное наименование службы, места работы, учебного заведения' },
  hint: { kk: 'әр жұмыс (оқу) орны бөлек жолмен', ru: 'каждое место работы (учёбы) отдельной строкой' },
  source: `${S0} item 5 (S2 has no item 5)`,
  checks: [
    {
      field: 'toYear',
      test: (v) => typeof v.fromYear !== 'number' || typeof v.toYear !== 'number' || v.toYear >= v.fromYear,
      expected: {
        kk: '«жылға дейін» «жылдан бастап» көрсетілген жылдан ерте болмауы керек',
        ru: 'год «по» не может быть раньше года «с»',
      },
    },
  ],
  fields: [
    { id: 'name', kind: 'text', required: true, source: `${S0} item 5 «Атауы»`, label: { kk: 'Атауы', ru: 'Наименование' }, hint: { kk: 'мысалы, Қызылорда облыстық «Ақмешіт» баспасы', ru: 'например, Кызылординское областное издательство «Акмешит»' } },
    { id: 'fromYear', kind: 'year', required: true, source: `${S0} item 5 «_____ жылдан бастап»`, label: { kk: 'Жылдан бастап', ru: 'С какого года' }, hint: { kk: 'мысалы, 2005', ru: 'например, 2005' } },
    { id: 'toYear', kind: 'year', required: true, source: `${S0} item 5 «_____ жылға дейін»`, label: { kk: 'Жылға дейін', ru: 'По какой год' }, hint: { kk: 'мысалы, 2012', ru: 'например, 2012' } },
    // Optional: a school or college row has no position.
    { id: 'position', kind: 'text', required: false, source: `${S0} item 5 «Лауазымы»`, label: { kk: 'Лауазымы', ru: 'Должность' } },
  ],
};

export const archiveCertificate: ServiceDef = {
  id: 'archive-certificate',
  title: { kk: 'Мұрағаттық анықтамалар беру', ru: 'Выдача архивных справок', en: 'Issuance of archival certificates' },
  shortTitle: { kk: 'Мұрағаттық анықтама', ru: 'Архивная справка', en: 'Archival certificate' },
  seeds: ['S0', 'S2'],
  legalBasis: [
    {
      kk: 'Қазақстан Республикасы Үкіметінің 2009 жылғы 30 желтоқсандағы № 2315 қаулысымен бекітілген «Мұрағаттық анықтамалар беру» мемлекеттік қызмет стандарты',
      ru: 'Стандарт государственной услуги «Выдача архивных справок», утверждённый постановлением Правительства Республики Казахстан от 30 декабря 2009 года № 2315',
    },
  ],
  providerKind: 'archive',
  channels: ['office', 'centre', 'bot'],
  legalEntitiesMayApply: true,
  deadline: {
    unit: 'calendar',
    days: 15,
    source: 'S0 A1 T1 step 5, T2 step 6, T3 step 6 «Күнтізбелік 15 күн ішінде»; S2 A1 T3 step 6 «15-тен 30 күнтізбелік күнге дейін»',
  },
  extensionGrounds: [
    {
      code: 'MULTIPLE_ORGANISATIONS',
      label: { kk: 'Екі немесе одан да көп ұйымдардың құжаттарын зерделеу қажет', ru: 'Необходимо изучить документы двух и более организаций' },
      extendedTo: { unit: 'calendar', days: 30 },
      source: 'S0 A1 T1 step 5, T2 step 6, T3 step 6',
    },
    {
      // Worded as the seed: "of more than five years" may mean a period longer than five years
      // or documents older than five years (SPEC §9.1). The clerk decides; we do not resolve it.
      code: 'OLD_DOCUMENTS',
      label: { kk: 'Уақыты бес жылдан астам құжаттарды зерделеу қажет', ru: 'Необходимо изучить документы, «время которых более пяти лет»' },
      extendedTo: { unit: 'calendar', days: 30 },
      source: 'S0 A1 T1 step 5, T2 step 6, T3 step 6 «уақыты бес жылдан астам құжаттарды зерделеу»; ambiguity: SPEC §9.1',
    },
    {
      code: 'SPECIAL_CASE',
      label: { kk: 'Жекелеген жағдайлар (6 айға дейін)', ru: 'Отдельные случаи (до 6 месяцев)' },
      extendedTo: { unit: 'months', months: 6 },
      officeOptIn: true,
      source: 'S2 A1 T3 step 6 «жекелеген жағдайларда 6 айға дейін» (Astana only; conditions not given, SPEC §9.2)',
    },
  ],
  // S0/S2 do no ГБД ФЛ lookup on any channel (SPEC §3.4).
  personCheckChannels: [],
  representation: 'authority-document',
  // Identity and authority documents: S0 §6.1. The rest is an office-editable list, not from the
  // seeds (the Standard's clause 11 list is not among them, SPEC §9.17).
  requiredDocuments: [
    { id: 'identity', required: true, channels: ['office', 'centre'], title: { kk: 'Жеке басын куәландыратын құжат', ru: 'Документ, удостоверяющий личность' } },
    { id: 'authority', required: false, title: { kk: 'Өкілдің өкілеттігін растайтын құжат (өкіл арқылы өтініш берілсе)', ru: 'Документ, подтверждающий полномочия представителя (при обращении через представителя)' } },
    { id: 'name-change', required: false, title: { kk: 'Т.А.Ә. өзгергенін растайтын құжат (неке туралы куәлік және т.б.)', ru: 'Документ о перемене ФИО (свидетельство о браке и т. п.)' } },
    { id: 'employment-record', required: false, title: { kk: 'Еңбек кітапшасы немесе оның көшірмесі (болса)', ru: 'Трудовая книжка или её копия (при наличии)' } },
    { id: 'kinship', required: false, title: { kk: 'Туыстықты растайтын құжат (басқа тұлға туралы мәлімет сұралса)', ru: 'Документ, подтверждающий родство (если запрашиваются сведения о другом лице)' } },
  ],
  form: {
    fields: [
      organisationGroup,
      { ...applicantGroup, label: { kk: 'Арыз беруші', ru: 'Заявитель' }, source: `S0 A3 H2–H4; ${applicantGroup.source}` },
      representativeGroup,
      subject,
      {
        id: 'requestedInformation', kind: 'multiline', maxLength: 2000, required: true,
        source: `${S0} item 2; ${S2} item 2 «Қандай мәліметтер сұралатындығы туралы»`,
        label: { kk: 'Қандай мәліметтер сұратылатындығы туралы', ru: 'Какие сведения запрашиваются' },
        hint: { kk: 'мысалы, жұмыс өтілі және жалақысы туралы мәлімет', ru: 'например, сведения о стаже и заработной плате' },
      },
      {
        id: 'destinationAndPurpose', kind: 'text', required: true,
        source: `${S0} item 3; ${S2} item 3 «Қайда және қандай мақсатпен мәліметтер сұратылады»`,
        label: { kk: 'Қайда, қандай мақсатпен мәліметтер сұратылады', ru: 'Куда и с какой целью запрашиваются сведения' },
        hint: { kk: 'мысалы, зейнетақы тағайындау үшін Мемлекеттік корпорацияға', ru: 'например, в Госкорпорацию для назначения пенсии' },
      },
      {
        // Free text: people give a span of years, a single year or a date range.
        id: 'period', kind: 'text', maxLength: 100, required: true,
        source: `${S0} item 4; ${S2} item 4 «Анықтама сұралатын кезең»`,
        label: { kk: 'Анықтама сұратылатын мерзім', ru: 'Период, за который запрашивается справка' },
        hint: { kk: 'мысалы, 1985–1992', ru: 'например, 1985–1992' },
      },
      employment,
      {
        id: 'attachments', kind: 'multiline', maxLength: 1000, required: false,
        source: `${S2} item 6 «Өтінішке құжаттар қоса беріледі» (S0 has no such item)`,
        label: { kk: 'Өтінішке құжаттар қоса беріледі', ru: 'К заявлению прилагаются документы' },
        hint: { kk: 'қоса берілетін құжаттардың тізімі', ru: 'перечень прилагаемых документов' },
      },
    ],
  },
  // R9: nothing found, or a reasoned refusal after the archive search (S0 §6.10, A5).
  // R7: S0/S2 have no formal conformity check (SPEC §3.4), but S2 A1 T3 step 1 has the archive
  // check the application and documents received through the portal; a request about another
  // person sent by bot without the authority or kinship document is refused on that ground.
  refusalReasons: ['R9', 'R7'],
  // An R9 refusal is the "no information" letter of S0 A5 ('archive-no-information'); other
  // reasons get the general refusal letter. The documents module chooses per reason.
  output: { positive: 'archive-certificate', refusal: 'refusal-letter' },
  // SPEC §5.4 (S0 A4, S2 A5), the fields a clerk fills. Applicant, director, archivist, date and
  // signature come from the request, the office and the signer.
  resultForm: {
    fields: [
      {
        id: 'certificateType', kind: 'text', maxLength: 200, required: true, source: 'S0 A4; S2 A5 «Мұрағаттық анықтаманың түрі»',
        label: { kk: 'Мұрағаттық анықтаманың түрі', ru: 'Вид архивной справки' },
        hint: { kk: 'мысалы, еңбек өтілі және жалақысы туралы', ru: 'например, о трудовом стаже и заработной плате' },
      },
      {
        id: 'period', kind: 'text', maxLength: 100, required: true, source: 'S0 A4; S2 A5 «Анықтама сұралатын мерзім / кезең»',
        label: { kk: 'Анықтама сұралатын мерзім', ru: 'Период, за который выдаётся справка' },
        hint: { kk: 'мысалы, 1985–1992', ru: 'например, 1985–1992' },
      },
      {
        id: 'content', kind: 'multiline', maxLength: 8000, required: true, source: 'S0 A4; S2 A5 «(мұрағаттық анықтаманың мазмұны көрсетіледі)»',
        label: { kk: 'Мұрағаттық анықтаманың мазмұны', ru: 'Содержание архивной справки' },
        hint: { kk: 'құжаттарда не жазылғаны: бұйрықтар, лауазымдар, жалақы', ru: 'что сказано в документах: приказы, должности, заработная плата' },
      },
      {
        id: 'basis', kind: 'text', maxLength: 500, required: true, source: 'S0 A4; S2 A5 «Негіздеме»',
        label: { kk: 'Негіздеме', ru: 'Основание' },
        hint: { kk: 'қор №, тізімдеме №, іс №, парақтар', ru: 'фонд №, опись №, дело №, листы' },
      },
      {
        id: 'attachedDocuments', kind: 'multiline', maxLength: 1000, required: false, source: 'S0 A4; S2 A5 «Анықтамаға құжаттар қоса тіркелді»',
        label: { kk: 'Анықтамаға құжаттар қоса тіркелді', ru: 'К справке приложены документы' },
        hint: { kk: 'мысалы, бұйрықтардың көшірмелері, 3 парақ', ru: 'например, копии приказов, 3 листа' },
      },
    ],
  },
  resultPrefill: { period: 'period' },
};
