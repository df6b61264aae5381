import type { Text } from './i18n/text.js';
import type { State } from './request.js';
import { REFUSAL_CODES, type RefusalCode } from './refusal-codes.js';

/**
 * The refusal catalogue of SPEC §4. Codes are SPEC's proposals; the seeds give exact wording only
 * for the archive "no information" letter (R9) and, for the rest, the subject of each message
 * ("… бас тарту туралы хабарлама"). We turn those subjects into full sentences a citizen reads,
 * keeping the seeds' own terms (ЭЦҚ, ЖТ ММБ, БНАЖ, Стандарттың 11-тармағы).
 */
export { REFUSAL_CODES, type RefusalCode } from './refusal-codes.js';

/**
 * `intake`: before registration, the request never gets a number (a message on screen);
 * `decision`: a motivated refusal by the provider after registration (a signed letter);
 * `return`: the provider sends Centre documents back for correction (S3 only).
 */
export type RefusalStage = 'intake' | 'decision' | 'return';

export interface Refusal {
  readonly code: RefusalCode;
  /** SPEC §4's name, for logs and data files. */
  readonly name: string;
  readonly stage: RefusalStage;
  readonly resultingState: Extract<State, 'INTAKE_REFUSED' | 'REFUSED' | 'RETURNED_TO_CENTRE'>;
  /** A few words, for a clerk's list of reasons. */
  readonly label: Text;
  /** What the citizen reads on screen or in the refusal letter. */
  readonly text: Text;
  /** Where the seeds state the ground. */
  readonly clause: string;
}

type Entry = Omit<Refusal, 'code'>;

const intake = (name: string, label: Text, text: Text, clause: string): Entry =>
  ({ name, stage: 'intake', resultingState: 'INTAKE_REFUSED', label, text, clause });
const decision = (name: string, label: Text, text: Text, clause: string): Entry =>
  ({ name, stage: 'decision', resultingState: 'REFUSED', label, text, clause });

/** All four signature failures give the citizen the same seed message (S0/S2/S4 "5-үдеріс"); we add the cause. */
const signature = (kk: string, ru: string): Text => ({
  kk: `ЭЦҚ түпнұсқалығының расталмауына байланысты сұрау салынатын электрондық мемлекеттік қызметтен бас тартылды: ${kk}`,
  ru: `В запрашиваемой электронной государственной услуге отказано в связи с неподтверждением подлинности ЭЦП: ${ru}`,
});
const SIGNATURE_CLAUSE = 'S0 §6.7, §7.6, §8.7; S1-U §8.6; S1-D §6.6; S2 §6.7, §7.6, §8.7; S3 §6.6';

const ENTRIES = {
  R1: intake(
    'AUTH_FAILED_CITIZEN',
    { kk: 'Тұтынушының деректерінде бұзушылықтар (авторизация)', ru: 'Нарушения в данных потребителя (авторизация)' },
    {
      kk: 'Тұтынушының деректерінде бұзушылықтар болуына байланысты авторизациялаудан бас тартылды.',
      ru: 'В авторизации отказано в связи с нарушениями в данных потребителя.',
    },
    'S0 §8.3–8.4, A1 T3 step 1; S1-U §8.3–8.4, A1 T3 steps 1→2; S1-D §6.3–6.4, A1 T1 steps 1→2; S2 §8.3–8.4; S3 §6.3–6.4, A1 T1 steps 1→2; S4 §6.3–6.4, §7.2–7.3',
  ),
  R2: intake(
    'AUTH_FAILED_STAFF',
    { kk: 'Қызметкердің (оператордың) деректерінде бұзушылықтар (авторизация)', ru: 'Нарушения в данных работника (оператора) (авторизация)' },
    {
      kk: 'Қызметкердің (оператордың) деректерінде бұзушылықтар болуына байланысты ақпараттық жүйеде қуаттаудан бас тартылды.',
      ru: 'В авторизации в информационной системе отказано в связи с нарушениями в данных работника (оператора).',
    },
    'S0 §6.3–6.4, §7.2–7.3; S2 §6.3–6.4, §7.2–7.3',
  ),
  R3: intake(
    'PERSON_NOT_FOUND',
    { kk: 'Тұтынушының мәліметтері ЖТ ММБ-да жоқ', ru: 'Сведения о потребителе отсутствуют в ГБД ФЛ' },
    {
      kk: '«Жеке тұлғалар» мемлекеттік мәліметтер базасында (ЖТ ММБ) тұтынушының мәліметтері жоқтығына байланысты мәліметтерді алу мүмкін емес.',
      ru: 'Получить сведения невозможно: данные потребителя отсутствуют в государственной базе данных «Физические лица» (ГБД ФЛ).',
    },
    'S1-U §6.4–6.5, §7.4–7.5, A1 T1 step 4, T2 step 4; S1-D §7.4–7.5, A1 T2 step 4; S3 §7.4–7.5, A1 T2 step 4',
  ),
  R4a: intake(
    'POA_NOT_FOUND',
    { kk: 'Сенімхат деректері БНАЖ-да жоқ', ru: 'Данные доверенности отсутствуют в ЕНИС' },
    {
      kk: 'Бірыңғай нотариалдық ақпараттық жүйеде (БНАЖ) сенімхат деректерінің болмауына байланысты деректерді алу мүмкін емес.',
      ru: 'Получить сведения невозможно: данные доверенности отсутствуют в единой нотариальной информационной системе (ЕНИС).',
    },
    'S3 §7.3–7.5, A1 T2 steps 3–4',
  ),
  // The seed only says the PoA data are then not filled in; that the representative cannot file is SPEC's inference.
  R4b: intake(
    'POA_NOT_NOTARISED',
    { kk: 'Сенімхат нотариалды куәландырылмаған', ru: 'Доверенность не удостоверена нотариально' },
    {
      kk: 'Тек нотариалды куәландырылған сенімхат қабылданады. Сенімхат өзге тәсілмен куәландырылғандықтан, өкіл мемлекеттік қызметті алушының атынан сұрау сала алмайды.',
      ru: 'Принимается только нотариально удостоверенная доверенность. Доверенность удостоверена иным способом, поэтому представитель не может подать запрос от имени получателя услуги.',
    },
    'S3 §7.2',
  ),
  R5a: intake(
    'SIGNATURE_IIN_MISMATCH',
    { kk: 'Сұраудағы ЖСН (БСН) ЭЦҚ куәлігіндегіге сәйкес емес', ru: 'ИИН (БИН) запроса не совпадает с ИИН (БИН) свидетельства ЭЦП' },
    signature(
      'сұраудағы ЖСН (БСН) ЭЦҚ тіркеу куәлігіндегі ЖСН-мен (БСН-мен) сәйкес келмейді.',
      'ИИН (БИН) в запросе не совпадает с ИИН (БИН) в регистрационном свидетельстве ЭЦП.',
    ),
    SIGNATURE_CLAUSE,
  ),
  R5b: intake(
    'SIGNATURE_CERT_EXPIRED',
    { kk: 'ЭЦҚ тіркеу куәлігі жарамдылық мерзімінен тыс', ru: 'Свидетельство ЭЦП вне срока действия' },
    signature(
      'ЭЦҚ тіркеу куәлігі жарамдылық мерзімінен тыс.',
      'регистрационное свидетельство ЭЦП вне срока действия.',
    ),
    'S0 §6.7, §7.6, §8.7; S2 §6.7, §7.6, §8.7; S3 §6.6; S4 §6.7, §7.6',
  ),
  R5c: intake(
    'SIGNATURE_CERT_REVOKED',
    { kk: 'ЭЦҚ тіркеу куәлігі қайтарып алынған', ru: 'Свидетельство ЭЦП отозвано' },
    signature(
      'ЭЦҚ тіркеу куәлігі қайтарып алынған (күші жойылған) тіркеу куәліктерінің тізімінде тұр.',
      'регистрационное свидетельство ЭЦП находится в списке отозванных (аннулированных) регистрационных свидетельств.',
    ),
    SIGNATURE_CLAUSE,
  ),
  R5d: intake(
    'SIGNATURE_NOT_AUTHENTIC',
    { kk: 'ЭЦҚ түпнұсқалығы расталмады', ru: 'Подлинность ЭЦП не подтверждена' },
    signature(
      'куәландыру орталығының ақпараттық жүйесінде ЭЦҚ түпнұсқалығы расталмады.',
      'подлинность ЭЦП не подтверждена информационной системой удостоверяющего центра.',
    ),
    'S4 §6.7–6.8, §7.6–7.7; S0 §8.6',
  ),
  // R6 and R6b exist only in the model regulation (S4); no seed service uses them, a service opts in.
  R6: decision(
    'DATA_MISSING_IN_SOURCE_IS',
    { kk: 'Сұрау салынған деректер ақпараттық жүйеде жоқ', ru: 'Запрошенные данные отсутствуют в информационной системе' },
    {
      kk: 'Сұрау салынған деректердің ақпараттық жүйеде болмауына байланысты сұрау салынған электрондық мемлекеттік қызметтен бас тартылды.',
      ru: 'В запрошенной электронной государственной услуге отказано в связи с отсутствием запрошенных данных в информационной системе.',
    },
    'S4 §6.11–6.12 (model regulation only)',
  ),
  R6b: decision(
    'DATA_INCONSISTENT',
    { kk: 'Деректер талаптарға сәйкес емес немесе жеткіліксіз', ru: 'Данные не соответствуют требованиям или недостаточны' },
    {
      kk: 'Ақпараттық жүйедегі деректердің сәйкессіздігі немесе жетіспеушілігі негізінде электрондық мемлекеттік қызметті көрсетуден дәлелді бас тартылды.',
      ru: 'Мотивированный отказ в оказании электронной государственной услуги на основании несоответствия или недостаточности данных в информационной системе.',
    },
    'S4 §7.11–7.12 (model regulation only)',
  ),
  R7: decision(
    'DOCUMENTS_NONCONFORMING',
    { kk: 'Тұтынушының құжаттарында бұзушылықтар бар', ru: 'Нарушения в документах потребителя' },
    {
      kk: 'Тұтынушының құжаттарында бұзушылықтар болуына байланысты сұрау салынатын қызметтен бас тартылды: қоса берілген құжаттар Стандарттың 11-тармағында көрсетілген тізбеге және қызмет көрсету негіздеріне сәйкес келмейді.',
      ru: 'В запрашиваемой услуге отказано в связи с нарушениями в документах потребителя: приложенные документы не соответствуют перечню пункта 11 Стандарта и основаниям оказания услуги.',
    },
    'S1-U §6.8–6.9, §7.9–7.10, §8.10–8.11; S1-D §6.10–6.11, §7.8–7.9; S3 §6.10–6.11, §7.9–7.10; S1 A1 T1 step 7, T2 step 8, T3 step 7; S3 A1 T1 step 7, T2 step 8',
  ),
  R8: {
    name: 'RETURNED_TO_CENTRE',
    stage: 'return',
    resultingState: 'RETURNED_TO_CENTRE',
    label: { kk: 'Құжаттарды ресімдеуде қателер бар (Орталыққа қайтару)', ru: 'Ошибки в оформлении документов (возврат в Центр)' },
    text: {
      kk: 'Орталықтан түскен құжаттарды ресімдеуде қателер анықталды. Құжаттар қайтару себептерінің негіздемесімен Орталыққа қайтарылды.',
      ru: 'В оформлении документов, поступивших из Центра, выявлены ошибки. Документы возвращены в Центр с обоснованием причин возврата.',
    },
    clause: 'S3 A1 T2 steps 8–9 (S3-A, S3-B, S3-C)',
  },
  // The kk sentence is the fixed line of the S0 A5 "no information" letter, verbatim.
  R9: decision(
    'ARCHIVE_INFO_NOT_FOUND',
    { kk: 'Сұратылған мәлімет бойынша мұрағатта ақпарат жоқ', ru: 'В архиве нет информации по запрошенным сведениям' },
    {
      kk: 'Сіз сұратқан мәлімет бойынша ақпараттың жоқ екенін назарыңызға жеткіземіз.',
      ru: 'Сообщаем, что информация по запрошенным вами сведениям отсутствует.',
    },
    'S0 §6.10, §7.9, §8.10, A1 T1 step 5, T2 step 6, T3 step 6, A5; S2 §6.10, §7.9, §8.10',
  ),
  // S1-U A4: a free-form letter justifying the refusal "when the commission's conclusion is formed".
  R10: decision(
    'NEGATIVE_DECISION_FREE_FORM',
    { kk: 'Комиссия қорытындысы бойынша бас тарту (еркін нысандағы хат)', ru: 'Отказ по заключению комиссии (письмо в свободной форме)' },
    {
      kk: 'Комиссия қорытындысы негізінде анықтама беруден бас тартылды. Бас тартудың негіздемесі осы хатта келтірілген.',
      ru: 'На основании заключения комиссии в выдаче справки отказано. Обоснование отказа приведено в настоящем письме.',
    },
    'S1-U A4',
  ),
} satisfies Record<RefusalCode, Entry>;

/** Every refusal, keyed by code; a code without an entry is a type error above. */
export const REFUSALS: Readonly<Record<RefusalCode, Refusal>> = Object.fromEntries(
  REFUSAL_CODES.map((code) => [code, { code, ...ENTRIES[code] }]),
) as Record<RefusalCode, Refusal>;

export function isRefusalCode(x: unknown): x is RefusalCode {
  return typeof x === 'string' && (REFUSAL_CODES as readonly string[]).includes(x);
}

/** Codes arrive from data files and front-ends as plain strings; an unknown one gives undefined. */
export function findRefusal(code: string): Refusal | undefined {
  return isRefusalCode(code) ? REFUSALS[code] : undefined;
}

/** The reasons a clerk may choose for a motivated refusal after registration, in catalogue order. */
export function decisionRefusals(): readonly Refusal[] {
  return REFUSAL_CODES.map((code) => REFUSALS[code]).filter((r) => r.stage === 'decision');
}
