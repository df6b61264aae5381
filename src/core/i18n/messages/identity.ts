import type { Text } from '../text.js';

/**
 * Intake identity checks (SPEC §3.3 T3, §4 R3/R4a/R4b) and what is wrong with a typed IIN, BIN
 * or request number. R3 and R4a follow the regulation's «…мәліметтерді алуға мүмкіндігі жоқ
 * туралы хабарлама» (S1-U §6 process 4) and «БНАЖ-да сенімхат деректерінің болмауымен
 * байланысты деректерді алу мүмкін еместігі туралы хабарлама» (S3 §7 process 4), written out as
 * sentences an operator can read to the citizen. Dates arrive as DD.MM.YYYY.
 */
export const identityMessages = {
  // ГБД ФЛ (ЖТ ММБ) lookup of the applicant: R3
  'identity.person.notFound': {
    kk: '«Жеке тұлғалар» мемлекеттік деректер қорында (ЖТ ММБ) ЖСН {iin} бойынша тұтынушының мәліметтері жоқ, сондықтан мәліметтерді алу мүмкін емес. ЖСН-ді тексеріп, қайта енгізіңіз.',
    ru: 'Получить сведения невозможно: в государственной базе данных «Физические лица» (ГБД ФЛ) нет данных потребителя с ИИН {iin}. Проверьте ИИН и введите его ещё раз.',
    en: 'The data cannot be obtained: the state database "Individuals" (GBD FL) holds no data for IIN {iin}. Check the IIN and enter it again.',
  },
  'identity.person.nameMismatch': {
    kk: 'Енгізілген тегі мен аты ЖТ ММБ-дағы ЖСН {iin} иесінің деректеріне сәйкес келмейді. Оларды жеке басын куәландыратын құжатпен салыстырып, қайта енгізіңіз.',
    ru: 'Введённые фамилия и имя не совпадают с данными ГБД ФЛ о владельце ИИН {iin}. Сверьте их с удостоверением личности и введите ещё раз.',
    en: 'The surname and first name entered do not match the GBD FL record of IIN {iin}. Compare them with the identity document and enter them again.',
  },
  'identity.person.deceased': {
    kk: 'ЖТ ММБ деректері бойынша ЖСН {iin} иесі қайтыс болған деп белгіленген, сондықтан оның атынан өтініш беру мүмкін емес.',
    ru: 'По данным ГБД ФЛ владелец ИИН {iin} значится умершим, поэтому подать заявку от его имени нельзя.',
    en: 'GBD FL records the holder of IIN {iin} as deceased, so no request can be made in their name.',
  },

  // БНАЖ (ЕНИС) lookup of the representative's power of attorney: R4a, R4b
  'identity.poa.notFound': {
    kk: 'Бірыңғай нотариалдық ақпараттық жүйеде (БНАЖ) № {number} сенімхаттың деректері жоқ, сондықтан деректерді алу мүмкін емес. Сенімхат нөмірін тексеріңіз.',
    ru: 'Получить сведения невозможно: в единой нотариальной информационной системе (ЕНИС) нет данных о доверенности № {number}. Проверьте номер доверенности.',
    en: 'The data cannot be obtained: the unified notarial information system (ENIS) holds no power of attorney No. {number}. Check the number.',
  },
  'identity.poa.notNotarised': {
    kk: '№ {number} сенімхат нотариалды куәландырылмаған. Өкіл тек қана нотариалды куәландырылған сенімхат бойынша өтініш бере алады.',
    ru: 'Доверенность № {number} удостоверена не нотариусом. Представитель может подать заявку только по нотариально удостоверенной доверенности.',
    en: 'Power of attorney No. {number} is not notarised. A representative may apply only under a notarised power of attorney.',
  },
  'identity.poa.revoked': {
    kk: '№ {number} сенімхаттың күші {date} күні жойылған, сондықтан ол бойынша өтініш беру мүмкін емес.',
    ru: 'Доверенность № {number} отменена {date}, поэтому подать заявку по ней нельзя.',
    en: 'Power of attorney No. {number} was revoked on {date}; no request can be made under it.',
  },
  'identity.poa.expired': {
    kk: '№ {number} сенімхаттың қолданылу мерзімі {date} күні аяқталған.',
    ru: 'Срок действия доверенности № {number} истёк {date}.',
    en: 'Power of attorney No. {number} expired on {date}.',
  },
  'identity.poa.notYetValid': {
    kk: '№ {number} сенімхат {date} бастап қана күшіне енеді.',
    ru: 'Доверенность № {number} вступает в силу только с {date}.',
    en: 'Power of attorney No. {number} takes effect only on {date}.',
  },
  'identity.poa.wrongPrincipal': {
    kk: '№ {number} сенімхатты ЖСН {iin} иесі бермеген: ол басқа адамның атынан берілген.',
    ru: 'Доверенность № {number} выдана не владельцем ИИН {iin}, а другим лицом.',
    en: 'Power of attorney No. {number} was not given by the holder of IIN {iin} but by someone else.',
  },
  'identity.poa.wrongAttorney': {
    kk: '№ {number} сенімхат ЖСН {iin} иесінің атына берілмеген: өкіл ретінде басқа адам көрсетілген.',
    ru: 'Доверенность № {number} выдана не на владельца ИИН {iin}: представителем в ней указано другое лицо.',
    en: 'Power of attorney No. {number} does not name the holder of IIN {iin} as attorney.',
  },
  'identity.poa.serviceNotCovered': {
    kk: '№ {number} сенімхат өкілге осы мемлекеттік қызметті алуға өкілеттік бермейді.',
    ru: 'Доверенность № {number} не даёт представителю полномочий на получение этой услуги.',
    en: 'Power of attorney No. {number} does not authorise the attorney to apply for this service.',
  },

  // What is wrong with a typed IIN (IinProblem in iin.ts)
  'identity.iin.format': {
    kk: 'ЖСН 12 цифрдан тұруы керек (бос орын мен дефис рұқсат етіледі).',
    ru: 'ИИН должен состоять из 12 цифр (пробелы и дефисы допускаются).',
    en: 'An IIN is 12 digits (spaces and hyphens are allowed).',
  },
  'identity.iin.checkDigit': {
    kk: 'ЖСН дұрыс емес: соңғы бақылау цифры сәйкес келмейді. Цифрларды тексеріңіз, бірі қате терілген болуы мүмкін.',
    ru: 'Неверный ИИН: не сходится последняя, контрольная цифра. Проверьте цифры: вероятно, одна набрана с ошибкой.',
    en: 'Invalid IIN: the last (check) digit does not match. Check the digits; one is probably mistyped.',
  },
  'identity.iin.unissuable': {
    kk: 'Мұндай ЖСН берілмейді: алғашқы 11 цифр үшін бақылау цифры болмайды. Цифрларды тексеріңіз.',
    ru: 'Такой ИИН не выдаётся: для первых 11 цифр контрольной цифры не существует. Проверьте цифры.',
    en: 'No such IIN is ever issued: its first 11 digits have no check digit. Check the digits.',
  },
  'identity.iin.centuryDigit': {
    kk: 'ЖСН-нің 7-цифры (туған ғасыры мен жынысы) 1-ден 6-ға дейін болуы керек.',
    ru: '7-я цифра ИИН (век рождения и пол) должна быть от 1 до 6.',
    en: 'The 7th digit of an IIN (century of birth and sex) must be 1 to 6.',
  },
  'identity.iin.birthDate': {
    kk: 'ЖСН-нің алғашқы 6 цифры (туған күні, ЖЖААКК түрінде) нақты күн емес.',
    ru: 'Первые 6 цифр ИИН (дата рождения в виде ГГММДД) не образуют существующую дату.',
    en: 'The first 6 digits of an IIN (birth date as YYMMDD) are not a real date.',
  },

  // What is wrong with a typed BIN (BinProblem in iin.ts)
  'identity.bin.format': {
    kk: 'БСН 12 цифрдан тұруы керек (бос орын мен дефис рұқсат етіледі).',
    ru: 'БИН должен состоять из 12 цифр (пробелы и дефисы допускаются).',
    en: 'A BIN is 12 digits (spaces and hyphens are allowed).',
  },
  'identity.bin.checkDigit': {
    kk: 'БСН дұрыс емес: соңғы бақылау цифры сәйкес келмейді. Цифрларды тексеріңіз, бірі қате терілген болуы мүмкін.',
    ru: 'Неверный БИН: не сходится последняя, контрольная цифра. Проверьте цифры: вероятно, одна набрана с ошибкой.',
    en: 'Invalid BIN: the last (check) digit does not match. Check the digits; one is probably mistyped.',
  },
  'identity.bin.unissuable': {
    kk: 'Мұндай БСН берілмейді: алғашқы 11 цифр үшін бақылау цифры болмайды. Цифрларды тексеріңіз.',
    ru: 'Такой БИН не выдаётся: для первых 11 цифр контрольной цифры не существует. Проверьте цифры.',
    en: 'No such BIN is ever issued: its first 11 digits have no check digit. Check the digits.',
  },
  'identity.bin.month': {
    kk: 'БСН-нің 3–4-цифрлары (тіркелген айы) 01-ден 12-ге дейін болуы керек.',
    ru: '3–4-я цифры БИН (месяц регистрации) должны быть от 01 до 12.',
    en: 'Digits 3–4 of a BIN (month of registration) must be 01 to 12.',
  },
  'identity.bin.entityType': {
    kk: 'БСН-нің 5-цифры (тұлға түрі) 4, 5 немесе 6 болуы керек.',
    ru: '5-я цифра БИН (тип лица) должна быть 4, 5 или 6.',
    en: 'The 5th digit of a BIN (kind of entity) must be 4, 5 or 6.',
  },
  'identity.bin.entityAttribute': {
    kk: 'БСН-нің 6-цифры (бас ұйым, филиал, өкілдік немесе шаруа қожалығы) 0, 1, 2 немесе 3 болуы керек.',
    ru: '6-я цифра БИН (головная организация, филиал, представительство или крестьянское хозяйство) должна быть 0, 1, 2 или 3.',
    en: 'The 6th digit of a BIN (head office, branch, representative office or peasant farm) must be 0, 1, 2 or 3.',
  },

  // What is wrong with a typed request number (NumberProblem in request-number.ts)
  'identity.number.format': {
    kk: 'Өтініш нөмірі ЖЖ-NNNNNN-C түріндегі цифрлардан тұрады, мысалы 26-000123-3.',
    ru: 'Номер заявки состоит из цифр вида ГГ-NNNNNN-C, например 26-000123-3.',
    en: 'A request number is digits in the form YY-NNNNNN-C, e.g. 26-000123-3.',
  },
  'identity.number.checkDigit': {
    kk: 'Нөмір дұрыс емес: цифрларды тексеріңіз. Бұл — терудегі қате, өтініштің жоқтығы емес.',
    ru: 'Неверный номер: проверьте цифры. Это опечатка при наборе, а не отсутствие заявки.',
    en: 'Invalid number: check the digits. This is a typo, not a missing request.',
  },
} satisfies Record<string, Text>;
