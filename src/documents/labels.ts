import type { Text } from '../core/i18n/text.js';

/**
 * The fixed wording of the documents, in Kazakh and Russian. Kazakh labels of the archival forms
 * and of the guardianship certificate are quoted from the seeds (S0 A4, A5; S2 A5; S3-C A3);
 * the rest follows the wording of the service definitions in src/core/services. `{name}` marks a
 * value filled in by the template.
 */

export const common = {
  requestNumber: { kk: 'Өтініш нөмірі', ru: 'Номер заявки' },
  issuedOn: { kk: 'Берілген күні', ru: 'Дата выдачи' }, // S2 A5 stamp «Берілген күні»
  service: { kk: 'Мемлекеттік қызмет', ru: 'Государственная услуга' },
  officeTemplate: { kk: 'Ұйымның үлгісі', ru: 'Форма организации' },
  phones: { kk: 'тел.', ru: 'тел.' },
  iin: { kk: 'ЖСН', ru: 'ИИН' },
  birthDate: { kk: 'туған күні', ru: 'дата рождения' },
  address: { kk: 'мекенжайы', ru: 'адрес' },
  basis: { kk: 'Негіздеме', ru: 'Основание' },
  signedElectronically: { kk: 'Электрондық цифрлық қолтаңбамен қол қойылды', ru: 'Подписано электронной цифровой подписью' },
  certificateSerial: { kk: 'сертификаттың сериялық нөмірі', ru: 'серийный номер сертификата' },
  certificateIssuer: { kk: 'берген', ru: 'выдан' },
  verificationCode: { kk: 'Тексеру коды', ru: 'Код проверки' },
  verificationHint: {
    kk: 'Түпнұсқалығын тексеру үшін QR-кодты сканерлеңіз немесе {site} мекенжайында өтініш нөмірі мен тексеру кодын енгізіңіз.',
    ru: 'Для проверки подлинности отсканируйте QR-код или введите номер заявки и код проверки по адресу {site}.',
  },
  page: { kk: 'Бет', ru: 'Стр.' },
} as const satisfies Record<string, Text>;

/** S0 A4 / S2 A5 (SPEC §5.4). */
export const archiveCertificate = {
  title: { kk: 'Мұрағаттық анықтама', ru: 'Архивная справка' },
  applicant: { kk: 'Арыз беруші', ru: 'Заявитель' },
  certificateType: { kk: 'Мұрағаттық анықтаманың түрі', ru: 'Вид архивной справки' },
  period: { kk: 'Анықтама сұралатын мерзім', ru: 'Период, за который запрашивается справка' },
  basis: { kk: 'Негіздеме', ru: 'Основание' },
  director: { kk: 'Мұрағат директоры', ru: 'Директор архива' },
  archivist: { kk: 'Мұрағатшы', ru: 'Архивист' },
  attachedDocuments: { kk: 'Анықтамаға құжаттар қоса тіркелді', ru: 'К справке приложены документы' },
} as const satisfies Record<string, Text>;

/** S0 A5 (SPEC §5.5). The form has no heading; ours is built from its own sentence. */
export const archiveNoInformation = {
  title: { kk: 'Ақпараттың жоқ екені туралы хабарлама', ru: 'Уведомление об отсутствии информации' },
  addressee: { kk: 'Кімге', ru: 'Кому' },
  statement: {
    kk: 'Сіз сұратқан мәлімет бойынша ақпараттың жоқ екенін назарыңызға жеткіземіз.',
    ru: 'Доводим до Вашего сведения, что информация по запрошенным Вами сведениям отсутствует.',
  },
  reason: { kk: 'Себебі', ru: 'Причина' },
  specialist: { kk: 'Мұрағат маманы', ru: 'Специалист архива' },
} as const satisfies Record<string, Text>;

/** S3-C A3 (SPEC §5.7): the template's sentences with their blanks as placeholders. */
export const guardianshipCertificate = {
  title: { kk: 'АНЫҚТАМА № {no}', ru: 'СПРАВКА № {no}' },
  appointment: {
    kk: 'Осы анықтама {address} тұратын {citizen} {guardian} берілді, ол шын мәнінде {akim} әкімінің {decisionDate} № {decisionNumber} шешіміне сәйкес {birthDate} туылған {ward} және оның мүлкіне ({property}) {role} болып тағайындалды.',
    ru: 'Настоящая справка выдана {citizen} {guardian}, {residing} по адресу: {address}, в том, что {pronoun} действительно решением акима {akim} от {decisionDate} № {decisionNumber} {appointed} {role} подопечного {ward}, {birthDate} рождения, и его имущества ({property}).',
  },
  duties: {
    kk: '{role} қамқорлыққа алынушыны тәрбиелеу, оқыту, қоғамдық пайдалы қызметке даярлау туралы, оның жеке мүліктік құқықтарын қорғау және сақтау, сотта және барлық мемлекеттік мекемелерде арнайы өкілеттіксіз оның өкілі болу міндеті жүктеледі.',
    ru: 'На {role} возлагаются обязанности по воспитанию, обучению и подготовке подопечного к общественно полезной деятельности, по защите и охране его личных и имущественных прав, а также по представительству в суде и во всех государственных учреждениях без специальных полномочий.',
  },
  addressWithFlat: { kk: '{city} {street}, № {house} үй, № {flat} пәтерде', ru: '{city}, {street}, дом № {house}, кв. № {flat}' },
  addressHouse: { kk: '{city} {street}, № {house} үйде', ru: '{city}, {street}, дом № {house}' },
  city: { kk: '{name} қаласы', ru: 'г. {name}' },
  street: { kk: '{name} көшесі', ru: 'ул. {name}' },
  date: { kk: '{year} жылғы «{day}» {month}', ru: '«{day}» {month} {year} года' },
  citizen: {
    male: { kk: 'азамат', ru: 'гражданину' },
    female: { kk: 'азаматша', ru: 'гражданке' },
    unknown: { kk: 'азамат (азаматша)', ru: 'гражданину (гражданке)' },
  },
  // Russian agrees with the guardian's gender where Kazakh has no gender: these have no Kazakh twin.
  residing: { male: 'проживающему', female: 'проживающей', unknown: 'проживающему (проживающей)' },
  pronoun: { male: 'он', female: 'она', unknown: 'он (она)' },
  appointed: { male: 'назначен', female: 'назначена', unknown: 'назначен (назначена)' },
  akim: { CITY: { kk: 'қала', ru: 'города' }, DISTRICT: { kk: 'аудан', ru: 'района' } },
  property: {
    INVENTORY_ON_FILE: { kk: 'мүлкінің тізімдемесі істе тігулі', ru: 'опись имущества приобщена к делу' },
    NO_PROPERTY: { kk: 'мүлкі жоқ', ru: 'имущества нет' },
  },
  /** The role as the appointment sentence uses it (kk nominative, ru instrumental). */
  role: { GUARDIAN: { kk: 'қорғаншы', ru: 'опекуном' }, TRUSTEE: { kk: 'қамқоршы', ru: 'попечителем' } },
  /** The role as the duties sentence opens with it (kk dative, ru accusative). */
  roleCharged: { GUARDIAN: { kk: 'Қорғаншыға', ru: 'опекуна' }, TRUSTEE: { kk: 'Қамқоршыға', ru: 'попечителя' } },
} as const;

export const monthNames = {
  kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
} as const;

/** S3-A / S3-B: the office's template (the seeds show no form). */
export const guardianshipMinorCertificate = {
  title: { kk: 'Анықтама', ru: 'Справка' },
  applicant: { kk: 'Өтініш беруші', ru: 'Заявитель' },
  ward: { kk: 'Кәмелетке толмаған бала', ru: 'Несовершеннолетний ребёнок' },
} as const satisfies Record<string, Text>;

/** S1-U: the office's template (SPEC §5.8: «жұмыссыз ретінде тіркелу туралы анықтама»). */
export const unemployedCertificate = {
  title: { kk: 'Жұмыссыз ретінде тіркелу туралы анықтама', ru: 'Справка о регистрации в качестве безработного' },
  applicant: { kk: 'Азамат (азаматша)', ru: 'Гражданин (гражданка)' },
  statement: {
    kk: 'Жоғарыда аталған азамат (азаматша) {date} бастап жұмыспен қамту органында жұмыссыз ретінде тіркелгенін растаймыз.',
    ru: 'Подтверждаем, что указанный гражданин (указанная гражданка) с {date} зарегистрирован(а) в органе занятости в качестве безработного.',
  },
  registeredOn: { kk: 'Жұмыссыз ретінде тіркелген күні', ru: 'Дата регистрации в качестве безработного' },
  registrationNumber: { kk: 'Тіркеу нөмірі', ru: 'Регистрационный номер' },
  note: { kk: 'Қосымша мәліметтер', ru: 'Дополнительные сведения' },
  purpose: { kk: 'Анықтама талап етілген жерге ұсыну үшін берілді.', ru: 'Справка выдана для предъявления по месту требования.' },
} as const satisfies Record<string, Text>;

/** S1-D: the office's template (SPEC §5.8: a notification as an electronic document). */
export const disabledChildNotification = {
  title: { kk: 'Хабарлама', ru: 'Уведомление' },
  intro: {
    kk: 'Үйде оқитын және тәрбиеленетін мүгедек баланы материалдық қамтамасыз ету туралы өтінішіңізді қарау нәтижесін хабарлаймыз.',
    ru: 'Сообщаем результат рассмотрения Вашего заявления о материальном обеспечении ребёнка-инвалида, обучающегося и воспитывающегося на дому.',
  },
  applicant: { kk: 'Өтініш беруші', ru: 'Заявитель' },
  child: { kk: 'Бала', ru: 'Ребёнок' },
  period: { kk: 'Көмек тағайындалған кезең', ru: 'Период назначения помощи' },
  periodFrom: { kk: '{from} бастап', ru: 'с {from}' },
  periodFromTo: { kk: '{from} бастап {to} дейін', ru: 'с {from} по {to}' },
  amount: { kk: 'Көмек мөлшері', ru: 'Размер помощи' },
} as const satisfies Record<string, Text>;

/** The motivated refusal (SPEC §4, minimum content). */
export const refusalLetter = {
  title: { kk: 'Мемлекеттік қызмет көрсетуден дәлелді бас тарту', ru: 'Мотивированный отказ в оказании государственной услуги' },
  addressee: { kk: 'Кімге', ru: 'Кому' },
  intro: {
    kk: 'Сіздің {submittedOn} тіркелген № {number} өтінішіңізді қарау нәтижелері бойынша «{service}» мемлекеттік қызметін көрсетуден мына негіздер бойынша бас тартылатынын хабарлаймыз:',
    ru: 'По результатам рассмотрения Вашего заявления № {number}, зарегистрированного {submittedOn}, сообщаем об отказе в оказании государственной услуги «{service}» по следующим основаниям:',
  },
  reasonSource: { kk: 'код {code}; регламент: {clause}', ru: 'код {code}; регламент: {clause}' },
  justification: { kk: 'Бас тарту негіздемесі', ru: 'Обоснование отказа' },
  appealHeading: { kk: 'Шағымдану тәртібі', ru: 'Порядок обжалования' },
  appeal: {
    kk: 'Осы шешіммен келіспеген жағдайда Сіз оған Қазақстан Республикасының заңнамасында белгіленген тәртіппен мемлекеттік қызмет көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға немесе сотқа шағым жасай аласыз.',
    ru: 'В случае несогласия с настоящим решением Вы вправе обжаловать его в порядке, установленном законодательством Республики Казахстан, в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг либо в суд.',
  },
} as const satisfies Record<string, Text>;

/** Қолхат (SPEC §5.9; S3 §7.8 «құжаттарды қабылдау туралы қолхат»). */
export const receipt = {
  title: { kk: 'Қолхат', ru: 'Расписка' },
  subtitle: { kk: 'құжаттарды қабылдау туралы', ru: 'о приёме документов' },
  acceptedAt: { kk: 'Қабылданған күні мен уақыты', ru: 'Дата и время приёма' },
  applicant: { kk: 'Өтініш беруші', ru: 'Заявитель' },
  representative: { kk: 'Өкіл (сенімхат бойынша)', ru: 'Представитель (по доверенности)' },
  documents: { kk: 'Қабылданған құжаттар', ru: 'Принятые документы' },
  paper: { kk: 'қағаз жүзінде', ru: 'на бумажном носителе' },
  electronic: { kk: 'электрондық түрде', ru: 'в электронном виде' },
  expectedOn: { kk: 'Қызмет нәтижесін алудың болжамды күні', ru: 'Ожидаемая дата получения результата' },
  channel: { kk: 'Өтініш беру тәсілі', ru: 'Способ подачи' },
  acceptedBy: { kk: 'Құжаттарды қабылдаған', ru: 'Документы принял(а)' },
} as const satisfies Record<string, Text>;
