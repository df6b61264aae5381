import type { Text } from '../text.js';

export const storeMessages = {
  'store.locked': {
    kk: '{dir} деректер қоймасын басқа процесс ұстап тұр: PID {pid}, {host} компьютері, «{command}» командасы, {since} бастап. Бір уақытта қойманы тек бір процесс аша алады: сол процесті тоқтатыңыз немесе `anyqtama serve` арқылы жұмыс істеңіз.',
    ru: 'Хранилище {dir} занято другим процессом: PID {pid}, компьютер {host}, команда «{command}», с {since}. Открыть хранилище может только один процесс: остановите его или работайте через `anyqtama serve`.',
    en: 'The store {dir} is held by another process: PID {pid} on {host}, command "{command}", since {since}. Only one process may open it: stop that one or work through `anyqtama serve`.',
  },
  'store.lockUnreadable': {
    kk: 'Қойма құлпының файлын оқу мүмкін емес: {path}. Қойманы ешбір процесс пайдаланбайтынына көз жеткізіп, осы файлды өшіріңіз.',
    ru: 'Не удаётся прочитать файл блокировки хранилища: {path}. Убедитесь, что хранилище не использует ни один процесс, и удалите этот файл.',
    en: 'Cannot read the store\'s lock file {path}. Make sure no process uses the store, then remove that file.',
  },
  'store.newerFormat': {
    kk: '{dir} қоймасы жаңа нұсқамен жазылған (формат {found}, бұл бағдарлама {supported} дейін біледі). Бағдарламаны жаңартыңыз; деректер өзгертілген жоқ.',
    ru: 'Хранилище {dir} записано более новой версией (формат {found}, эта программа знает до {supported}). Обновите программу; данные не изменены.',
    en: 'The store {dir} was written by a newer version (format {found}; this program knows up to {supported}). Upgrade; nothing was changed.',
  },
  'store.writeFailed': {
    kk: 'Деректерді дискіге жазу мүмкін болмады ({reason}). Өзгеріс сақталмады, бұрынғы деректер бүтін. Дискідегі бос орынды тексеріп, қайталап көріңіз.',
    ru: 'Не удалось записать данные на диск ({reason}). Изменение не сохранено, прежние данные целы. Проверьте свободное место и повторите.',
    en: 'Could not write to disk ({reason}). The change was not saved; existing data is intact. Check free space and try again.',
  },
  'store.exists': { kk: '{id} өтініші бұрыннан бар.', ru: 'Заявка {id} уже существует.', en: 'Request {id} already exists.' },
  'store.notFound': { kk: '№ {number} өтініш табылмады.', ru: 'Заявка № {number} не найдена.', en: 'Request No. {number} not found.' },
  'store.conflict': {
    kk: '№ {number} өтінішті сіз ашқаннан кейін басқа қызметкер өзгертті. Жаңа күйін қарап, әрекетті қайталаңыз.',
    ru: 'Заявку № {number} изменил другой сотрудник, пока она была у вас открыта. Посмотрите новое состояние и повторите действие.',
    en: 'Request No. {number} was changed by someone else since you opened it. Look at its new state and try again.',
  },
} satisfies Record<string, Text>;
