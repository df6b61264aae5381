import type { Text } from '../text.js';

/** `anyqtama store copy`: moving an office's embedded store into PostgreSQL (issue 7). */
export const storeCopyMessages = {
  'store.copy.summary': {
    kk: 'Ендірілген қойманы (деректер қалтасын) PostgreSQL-ге көшіру: қайта іске қосуға болады, екі жақтың бақылау сомасын көрсетеді',
    ru: 'Перенести встроенное хранилище (папку данных) в PostgreSQL: можно запускать повторно, показывает контрольные суммы обеих сторон',
    en: 'Copy an embedded store (data folder) into PostgreSQL: safe to run again, shows both sides\' checksums',
  },
  'store.copy.expected.sub': { kk: 'copy ішкі командасы', ru: 'подкоманда copy', en: 'the sub-command copy' },
  'store.copy.expected.dir': {
    kk: 'ендірілген қойманың деректер қалтасы (ішінде store.json бар)',
    ru: 'папка данных встроенного хранилища (в ней есть store.json)',
    en: 'the embedded store\'s data folder (it holds store.json)',
  },
  'store.copy.expected.url': {
    kk: 'PostgreSQL мекенжайы postgres://… (немесе ANYQTAMA_DATABASE_URL)',
    ru: 'адрес PostgreSQL postgres://… (или ANYQTAMA_DATABASE_URL)',
    en: 'a PostgreSQL address postgres://… (or ANYQTAMA_DATABASE_URL)',
  },
  'store.copy.notAStore': {
    kk: '{dir} ендірілген қойма емес (store.json жоқ). --from параметріне кеңсенің деректер қалтасын беріңіз; ештеңе көшірілген жоқ.',
    ru: '{dir} не является встроенным хранилищем (нет store.json). Укажите в --from папку данных офиса; ничего не скопировано.',
    en: '{dir} is not an embedded store (no store.json). Give the office\'s data folder as --from; nothing was copied.',
  },
  'store.copy.header': {
    kk: '{from} қоймасы {to} дерекқорына көшірілді.',
    ru: 'Хранилище {from} скопировано в базу данных {to}.',
    en: 'Copied the store {from} into the database {to}.',
  },
  'store.copy.column.kind': { kk: 'Түрі', ru: 'Что', en: 'Kind' },
  'store.copy.column.source': { kk: 'Ендірілген қоймада', ru: 'Во встроенном', en: 'Embedded' },
  'store.copy.column.target': { kk: 'PostgreSQL-де', ru: 'В PostgreSQL', en: 'PostgreSQL' },
  'store.copy.column.copied': { kk: 'Осы жолы көшірілді', ru: 'Скопировано сейчас', en: 'Copied now' },
  'store.copy.kind.requests': { kk: 'өтініштер', ru: 'заявки', en: 'requests' },
  'store.copy.kind.events': { kk: 'тарих оқиғалары', ru: 'события истории', en: 'history events' },
  'store.copy.kind.attachments': { kk: 'тіркелген құжаттар', ru: 'вложения', en: 'attachments' },
  'store.copy.kind.signatures': { kk: 'қол қойылған құжаттар', ru: 'подписанные документы', en: 'signed documents' },
  'store.copy.kind.outbox': { kk: 'хабарламалар кезегі', ru: 'очередь уведомлений', en: 'notifications (outbox)' },
  'store.copy.kind.delivered': { kk: 'оның ішінде жеткізілгені', ru: 'из них доставлено', en: 'of them delivered' },
  'store.copy.kind.blobs': { kk: 'файлдар', ru: 'файлы', en: 'files (blobs)' },
  'store.copy.kind.users': { kk: 'пайдаланушылар', ru: 'пользователи', en: 'users' },
  'store.copy.kind.chats': { kk: 'бот сұхбаттары', ru: 'диалоги бота', en: 'bot conversations' },
  'store.copy.kind.audit': { kk: 'аудит жазбалары', ru: 'записи аудита', en: 'audit entries' },
  'store.copy.kind.sequences': { kk: 'нөмірлеу (жылдар)', ru: 'нумерация (годы)', en: 'numbering (years)' },
  'store.copy.nothingNew': {
    kk: 'Жаңа ештеңе көшірілген жоқ: PostgreSQL-де бәрі бұрыннан бар.',
    ru: 'Ничего нового не скопировано: в PostgreSQL всё уже есть.',
    en: 'Nothing new was copied: PostgreSQL already held everything.',
  },
  'store.copy.checksum': { kk: 'Бақылау сомасы (SHA-256):', ru: 'Контрольная сумма (SHA-256):', en: 'Checksum (SHA-256):' },
  'store.copy.match': {
    kk: 'Бақылау сомалары сәйкес: PostgreSQL-де ендірілген қоймадағының дәл өзі бар. Енді кеңсені ANYQTAMA_DATABASE_URL орнатып іске қосуға болады.',
    ru: 'Контрольные суммы совпадают: в PostgreSQL ровно то же, что во встроенном хранилище. Теперь офис можно запускать с ANYQTAMA_DATABASE_URL.',
    en: 'The checksums match: PostgreSQL holds exactly what the embedded store holds. The office can now run with ANYQTAMA_DATABASE_URL set.',
  },
  'store.copy.mismatch': {
    kk: 'Бақылау сомалары сәйкес емес ({parts}): PostgreSQL-дегі деректер ендірілген қоймадағыдан өзгеше. Көшірілгені сақталды; жоғарыдағы сандар мен ескертулерді қарап, себебін жойып, команданы қайта іске қосыңыз.',
    ru: 'Контрольные суммы не совпадают ({parts}): данные в PostgreSQL отличаются от встроенного хранилища. Скопированное сохранено; посмотрите числа и предупреждения выше, устраните причину и запустите команду снова.',
    en: 'The checksums differ ({parts}): PostgreSQL does not hold the same as the embedded store. What was copied stays; look at the counts and warnings above, remove the cause and run the command again.',
  },
  'store.copy.numberClashes': {
    kk: 'Көшірілмеді: PostgreSQL-де мына нөмірлермен басқа өтініштер бар: {numbers}.',
    ru: 'Не скопированы: в PostgreSQL под этими номерами уже другие заявки: {numbers}.',
    en: 'Not copied: PostgreSQL holds other requests under these numbers: {numbers}.',
  },
  'store.copy.newerInTarget': {
    kk: 'Өзгертілмеді: бұл өтініштер алдыңғы көшіруден кейін PostgreSQL-де өзгертілген (нұсқасы жаңарақ): {numbers}.',
    ru: 'Не изменены: эти заявки после прошлого переноса изменены в PostgreSQL (их версия новее): {numbers}.',
    en: 'Left as they are: changed in PostgreSQL after an earlier copy (a newer version there): {numbers}.',
  },
  'store.copy.damagedBlobs': {
    kk: 'Көшірілмеді: мазмұны хэшіне сәйкес келмейтін немесе жоқ файлдар: {hashes}.',
    ru: 'Не скопированы: файлы, содержимое которых не совпадает с хэшем или отсутствует: {hashes}.',
    en: 'Not copied: files whose content does not match their hash, or is gone: {hashes}.',
  },
  'store.copy.interrupted': {
    kk: 'Көшіру тоқтады ({reason}). Көшірілгені сақталды: дерекқор қолжетімді болғанда сол команданы қайта іске қосыңыз, ол тоқтаған жерінен жалғастырады.',
    ru: 'Перенос прерван ({reason}). Скопированное сохранено: когда база данных будет доступна, запустите ту же команду снова, она продолжит с места остановки.',
    en: 'The copy stopped ({reason}). What was copied stays: once the database is reachable, run the same command again and it goes on from there.',
  },
} satisfies Record<string, Text>;
