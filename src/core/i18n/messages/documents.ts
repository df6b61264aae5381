import { REFUSALS } from '../../refusals.js';
import type { Text } from '../text.js';

/** The regulation's R5 message (SPEC §4) followed by what exactly was wrong. */
const r5 = (code: 'R5a' | 'R5b' | 'R5c' | 'R5d', kk: string, ru: string, en: string): Text => ({
  kk: `${REFUSALS[code].text.kk} ${kk}`,
  ru: `${REFUSALS[code].text.ru} ${ru}`,
  en: `The electronic signature could not be confirmed. ${en}`,
});

/** Messages of signed documents: signing a decision, keys, PDFs and their verification. */
export const documentMessages = {
  'documents.signature.R5a': r5(
    'R5a',
    'Куәліктегі ЖСН: {certIin}; қол қоюшының ЖСН: {iin}. Өз кілтіңізді пайдаланыңыз.',
    'ИИН в свидетельстве: {certIin}; ИИН подписывающего: {iin}. Используйте свой ключ.',
    'The certificate\'s IIN is {certIin}, the signer\'s is {iin}. Use your own key.',
  ),
  'documents.signature.R5b': r5(
    'R5b',
    'Куәлік {from} бастап {to} дейін жарамды, бүгін {at}. Жаңа кілт алып, әкімшіге тіркетіңіз.',
    'Свидетельство действует с {from} по {to}, сегодня {at}. Получите новый ключ и зарегистрируйте его у администратора.',
    'The certificate is valid from {from} to {to}; today is {at}. Get a new key and have it registered.',
  ),
  'documents.signature.R5c': r5(
    'R5c',
    'Куәлік (сериялық нөмірі {serial}) {date} бастап қайтарып алынған.',
    'Свидетельство (серийный номер {serial}) отозвано с {date}.',
    'The certificate (serial {serial}) was revoked on {date}.',
  ),
  'documents.signature.noCrl': r5(
    'R5c',
    '«{issuer}» куәландыру орталығының қайтарып алынған куәліктер тізімі жоқ немесе ескірген, сондықтан куәліктің күшін тексеру мүмкін емес. Әкімші жаңа тізімді орнатсын: `anyqtama keys crl FILE`.',
    'Списка отозванных свидетельств удостоверяющего центра «{issuer}» нет или он устарел, поэтому проверить свидетельство нельзя. Администратору нужно установить свежий список: `anyqtama keys crl FILE`.',
    'There is no current revocation list from the CA "{issuer}", so the certificate cannot be checked. An administrator must install one: `anyqtama keys crl FILE`.',
  ),
  'documents.signature.R5d': r5(
    'R5d',
    'Куәлікті «{issuer}» берген, бұл куәландыру орталығына ұйым сенбейді немесе куәліктің қолтаңбасы жарамсыз.',
    'Свидетельство выдано «{issuer}»: этому удостоверяющему центру организация не доверяет, или подпись свидетельства недействительна.',
    'The certificate was issued by "{issuer}", which is not trusted here, or its signature is invalid.',
  ),
  'documents.keyMissing': {
    kk: '{login} пайдаланушысының тіркелген ЭЦҚ кілті жоқ: шешімге қол қою мүмкін емес. Әкімші кілтті тіркесін: `anyqtama keys add {login} FILE.p12`.',
    ru: 'У пользователя {login} нет зарегистрированного ключа ЭЦП: подписать решение нельзя. Администратору нужно зарегистрировать ключ: `anyqtama keys add {login} FILE.p12`.',
    en: '{login} has no registered signing key, so the decision cannot be signed. Register one: `anyqtama keys add {login} FILE.p12`.',
  },
  'documents.staffIinMissing': {
    kk: '{login} пайдаланушысының ЖСН көрсетілмеген: ЭЦҚ куәлігін онымен салыстыру мүмкін емес.',
    ru: 'У пользователя {login} не указан ИИН: сверить с ним свидетельство ЭЦП нельзя.',
    en: '{login} has no IIN on record to compare with the certificate.',
  },
  'documents.passphraseNeeded': {
    kk: '{login} кілтінің құпия сөзі керек: оны ANYQTAMA_KEY_PASSPHRASE айнымалысында немесе --passphrase-file файлында беріңіз.',
    ru: 'Нужен пароль ключа {login}: задайте его в переменной ANYQTAMA_KEY_PASSPHRASE или в файле --passphrase-file.',
    en: 'The passphrase of {login}\'s key is needed: set ANYQTAMA_KEY_PASSPHRASE or pass --passphrase-file.',
  },
  'documents.p12.not-pkcs12': {
    kk: '{file} файлы PKCS#12 (.p12, .pfx) кілт файлы емес.',
    ru: 'Файл {file} не является файлом ключа PKCS#12 (.p12, .pfx).',
    en: '{file} is not a PKCS#12 (.p12, .pfx) key file.',
  },
  'documents.p12.wrong-passphrase': {
    kk: '{file} кілтінің құпия сөзі қате. Қайталап көріңіз; кілт өзгертілген жоқ.',
    ru: 'Неверный пароль ключа {file}. Попробуйте ещё раз; ключ не изменён.',
    en: 'Wrong passphrase for {file}. Try again; nothing was changed.',
  },
  'documents.p12.no-key': {
    kk: '{file} файлында жабық кілт жоқ.',
    ru: 'В файле {file} нет закрытого ключа.',
    en: '{file} holds no private key.',
  },
  'documents.p12.no-certificate': {
    kk: '{file} файлында X.509 куәлігі жоқ.',
    ru: 'В файле {file} нет сертификата X.509.',
    en: '{file} holds no X.509 certificate.',
  },
  'documents.p12.key-mismatch': {
    kk: '{file} файлындағы кілт куәлікке сәйкес келмейді.',
    ru: 'Ключ в файле {file} не соответствует сертификату.',
    en: 'The key in {file} does not match its certificate.',
  },
  'documents.noDocument': {
    kk: '№ {number} өтініштің әзірге құжаты жоқ ({state}).',
    ru: 'У заявки № {number} пока нет документа ({state}).',
    en: 'Request No. {number} has no document yet ({state}).',
  },
  'documents.fileMissing': {
    kk: '№ {number} өтініштің қол қойылған құжаты қоймада табылмады ({sha256}). Қойманың сақтық көшірмесін тексеріңіз.',
    ru: 'Подписанный документ заявки № {number} не найден в хранилище ({sha256}). Проверьте резервную копию хранилища.',
    en: 'The signed document of request No. {number} is missing from the store ({sha256}). Check the store\'s backup.',
  },
  'documents.written': {
    kk: '{path} жазылды: {document}, № {number}, {lang}{signed}.',
    ru: 'Записан {path}: {document}, № {number}, {lang}{signed}.',
    en: 'Wrote {path}: {document}, No. {number}, {lang}{signed}.',
  },
  'documents.signedMark': { kk: ', ЭЦҚ қойылған', ru: ', подписан ЭЦП', en: ', signed' },
  'documents.verify.valid': {
    kk: 'ЖАРАМДЫ. № {number} өтініш, «{service}»: {document}. Қол қойған: {signer}, {date}; куәлік {serial} ({issuer}).',
    ru: 'ДЕЙСТВИТЕЛЕН. Заявка № {number}, «{service}»: {document}. Подписал(а): {signer}, {date}; сертификат {serial} ({issuer}).',
    en: 'VALID. Request No. {number}, "{service}": {document}. Signed by {signer} on {date}; certificate {serial} ({issuer}).',
  },
  'documents.verify.receipt': {
    kk: 'ТҮПНҰСҚА ҚОЛХАТ. № {number} өтініш, «{service}», {date} тіркелген; қазіргі күйі: {state}. Қолхатқа ЭЦҚ қойылмайды.',
    ru: 'ПОДЛИННАЯ РАСПИСКА. Заявка № {number}, «{service}», зарегистрирована {date}; текущее состояние: {state}. Расписка не подписывается ЭЦП.',
    en: 'GENUINE RECEIPT. Request No. {number}, "{service}", registered {date}; current state: {state}. Receipts are not e-signed.',
  },
  'documents.verify.unknown': {
    kk: 'БЕЛГІСІЗ ҚҰЖАТ: бұл жүйе мұндай құжат бермеген (нөмір немесе код табылмады).',
    ru: 'НЕИЗВЕСТНЫЙ ДОКУМЕНТ: такой документ эта система не выдавала (номер или код не найден).',
    en: 'UNKNOWN DOCUMENT: this system issued no such document (number or code not found).',
  },
  'documents.verify.altered': {
    kk: 'ЖАРАМСЫЗ. № {number} өтініштің құжаты қол қойылғаннан кейін өзгертілген: бұл файл берілген құжат емес.',
    ru: 'НЕДЕЙСТВИТЕЛЕН. Документ заявки № {number} изменён после подписания: этот файл не тот, что был выдан.',
    en: 'INVALID. The document of request No. {number} was altered after signing: this file is not the one issued.',
  },
  'documents.verify.recordAltered': {
    kk: 'ЖАРАМСЫЗ. № {number} өтініш бойынша сақталған шешім қол қойылғаннан кейін өзгертілген: қолтаңба сәйкес келмейді. Әкімшіге хабарлаңыз.',
    ru: 'НЕДЕЙСТВИТЕЛЕН. Сохранённое решение по заявке № {number} изменено после подписания: подпись не совпадает. Сообщите администратору.',
    en: 'INVALID. The stored decision on request No. {number} was changed after signing: the signature does not match. Tell the administrator.',
  },
  'documents.verify.certificate': {
    kk: 'ЖАРАМСЫЗ. № {number} өтініштің құжатына {date} қол қойылған кезде қол қоюшының куәлігі жарамсыз болған: {reason}.',
    ru: 'НЕДЕЙСТВИТЕЛЕН. Когда документ заявки № {number} подписывали ({date}), сертификат подписавшего был недействителен: {reason}.',
    en: 'INVALID. When the document of request No. {number} was signed ({date}), the signer\'s certificate was not valid: {reason}.',
  },
  'documents.keys.added': {
    kk: '{login} кілті тіркелді: куәлік {serial}, {issuer}, {validTo} дейін жарамды.',
    ru: 'Ключ {login} зарегистрирован: сертификат {serial}, {issuer}, действует до {validTo}.',
    en: 'Registered {login}\'s key: certificate {serial}, {issuer}, valid until {validTo}.',
  },
  'documents.keys.removed': { kk: '{login} кілті өшірілді.', ru: 'Ключ {login} удалён.', en: 'Removed {login}\'s key.' },
  'documents.keys.none': { kk: 'Тіркелген кілттер жоқ.', ru: 'Зарегистрированных ключей нет.', en: 'No keys registered.' },
  'documents.keys.expiresSoon': { kk: '{days} күннен кейін мерзімі бітеді', ru: 'истекает через {days} дн.', en: 'expires in {days} days' },
  'documents.keys.expired': { kk: 'мерзімі өткен', ru: 'срок истёк', en: 'expired' },
  'documents.keys.ready': {
    kk: '{login} қол қоя алады: куәлік {serial} ({issuer}) бүгін жарамды, ЖСН сәйкес, қайтарылмаған.',
    ru: '{login} может подписывать: сертификат {serial} ({issuer}) сегодня действителен, ИИН совпадает, не отозван.',
    en: '{login} can sign: certificate {serial} ({issuer}) is valid today, its IIN matches, it is not revoked.',
  },
  'documents.keys.trusted': {
    kk: '«{subject}» куәландыру орталығы сенімділер тізіміне қосылды ({path}). Оның қайтарып алынған куәліктер тізімін де орнатыңыз: `anyqtama keys crl FILE`.',
    ru: 'Удостоверяющий центр «{subject}» добавлен в доверенные ({path}). Установите и его список отозванных: `anyqtama keys crl FILE`.',
    en: 'Trusted the CA "{subject}" ({path}). Install its revocation list too: `anyqtama keys crl FILE`.',
  },
  'documents.keys.notCa': {
    kk: '{file} файлы куәландыру орталығының куәлігі емес (CA белгісі жоқ немесе PEM/DER емес).',
    ru: 'Файл {file} не является сертификатом удостоверяющего центра (нет признака CA или не PEM/DER).',
    en: '{file} is not a CA certificate (no CA flag, or not PEM/DER).',
  },
  'documents.keys.crlInstalled': {
    kk: '«{issuer}» тізімі орнатылды: {count} қайтарып алынған куәлік, {thisUpdate} шыққан, келесісі {nextUpdate}.',
    ru: 'Список «{issuer}» установлен: отозванных сертификатов {count}, выпущен {thisUpdate}, следующий {nextUpdate}.',
    en: 'Installed the list of "{issuer}": {count} revoked, issued {thisUpdate}, next {nextUpdate}.',
  },
  'documents.keys.crlInvalid': {
    kk: '{file} тізімін қабылдау мүмкін емес: {reason}. Сенімді куәландыру орталығы қол қойған CRL файлы керек.',
    ru: 'Список {file} нельзя принять: {reason}. Нужен файл CRL, подписанный доверенным удостоверяющим центром.',
    en: 'Cannot accept {file}: {reason}. A CRL signed by a trusted CA is needed.',
  },
  'documents.kind.archive-certificate': { kk: 'мұрағаттық анықтама', ru: 'архивная справка', en: 'archival certificate' },
  'documents.kind.archive-no-information': { kk: 'ақпараттың жоқтығы туралы хат', ru: 'письмо об отсутствии сведений', en: '"no information" letter' },
  'documents.kind.unemployed-certificate': { kk: 'жұмыссыз ретінде тіркелу туралы анықтама', ru: 'справка о регистрации в качестве безработного', en: 'unemployment registration certificate' },
  'documents.kind.disabled-child-notification': { kk: 'хабарлама', ru: 'уведомление', en: 'notification' },
  'documents.kind.guardianship-certificate': { kk: 'қорғаншылық туралы анықтама', ru: 'справка об опеке', en: 'guardianship certificate' },
  'documents.kind.guardianship-minor-certificate': { kk: 'қорғаншылық органының анықтамасы', ru: 'справка органа опеки', en: 'guardianship body\'s certificate' },
  'documents.kind.refusal-letter': { kk: 'дәлелді бас тарту хаты', ru: 'письмо о мотивированном отказе', en: 'motivated refusal letter' },
  'documents.kind.receipt': { kk: 'қолхат', ru: 'расписка', en: 'receipt' },
  'documents.lang.kk': { kk: 'қазақ тілінде', ru: 'на казахском', en: 'in Kazakh' },
  'documents.lang.ru': { kk: 'орыс тілінде', ru: 'на русском', en: 'in Russian' },
  'documents.lang.both': { kk: 'қазақ және орыс тілдерінде', ru: 'на казахском и русском', en: 'in Kazakh and Russian' },
  'documents.expected.documentLang': { kk: 'kk, ru немесе both', ru: 'kk, ru или both', en: 'kk, ru or both' },
  'documents.expected.kind': { kk: 'құжат түрі: {kinds}', ru: 'вид документа: {kinds}', en: 'a document kind: {kinds}' },
  'documents.expected.field': { kk: 'АТЫ=МӘНІ түріндегі өріс', ru: 'поле в виде ИМЯ=ЗНАЧЕНИЕ', en: 'a field as NAME=VALUE' },
  'documents.expected.code': { kk: 'құжаттағы QR астындағы код, мысалы 7KQ2M-9XD4T', ru: 'код под QR-кодом документа, например 7KQ2M-9XD4T', en: 'the code under the QR code, e.g. 7KQ2M-9XD4T' },
} satisfies Record<string, Text>;
