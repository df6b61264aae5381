import type { Text } from '../text.js';

export const storeMessages = {
  'store.locked': {
    kk: '{dir} деректер қоймасын басқа процесс ұстап тұр: PID {pid}, {host} компьютері, «{command}» командасы, {since} бастап. Бір уақытта қойманы тек бір процесс аша алады: сол процесті тоқтатыңыз немесе `anyqtama serve` арқылы жұмыс істеңіз.',
    ru: 'Хранилище {dir} занято другим процессом: PID {pid}, компьютер {host}, команда «{command}», с {since}. Открыть хранилище может только один процесс: остановите его или работайте через `anyqtama serve`.',
    en: 'The store {dir} is held by another process: PID {pid} on {host}, command "{command}", since {since}. Only one process may open it: stop that one or work through `anyqtama serve`.',
  },
  'store.lockUnreadable': {
    kk: 'Қойманы басқа процесс ұстап тұр, бірақ құлып файлы {path} оның кім екенін айтпайды (файл бос не оқылмайды, мысалы диск толы болғанда). Осы қойманы пайдаланатын anyqtama процесін тоқтатыңыз (`fuser {path}` оны көрсетеді). Файлды өшірмеңіз: ол процесс тоқтағанда құлып өздігінен босайды.',
    ru: 'Хранилище занято другим процессом, но файл блокировки {path} не говорит, каким (файл пуст или не читается, например при заполненном диске). Остановите процесс anyqtama, который работает с этим хранилищем (`fuser {path}` покажет его). Не удаляйте файл: блокировка снимается сама, когда процесс завершается.',
    en: 'The store is held by another process, but its lock file {path} does not say which (the file is empty or unreadable, e.g. when the disk was full). Stop the anyqtama process using this store (`fuser {path}` names it). Do not delete the file: the lock is released by itself when that process ends.',
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
  'store.unavailable': {
    kk: 'Дерекқор уақытша қолжетімсіз ({reason}). Өзгеріс сақталмады, бұрынғы деректер бүтін. Бірнеше секундтан кейін қайталап көріңіз.',
    ru: 'База данных временно недоступна ({reason}). Изменение не сохранено, прежние данные целы. Повторите через несколько секунд.',
    en: 'The database is unavailable for the moment ({reason}). The change was not saved; existing data is intact. Try again in a few seconds.',
  },
  'store.cannotConnect': {
    kk: '{url} дерекқорына қосылу мүмкін болмады ({reason}). Мекенжайды және PostgreSQL іске қосылғанын тексеріңіз.',
    ru: 'Не удалось подключиться к базе данных {url} ({reason}). Проверьте адрес и что PostgreSQL запущен.',
    en: 'Could not connect to the database {url} ({reason}). Check the address and that PostgreSQL is running.',
  },
  'store.needsMigrate': {
    kk: 'Дерекқор сұлбасы ескі (нұсқа {found}, бағдарламаға {supported} керек). Алдымен `anyqtama migrate` іске қосыңыз; деректер өзгертілген жоқ.',
    ru: 'Схема базы данных устарела (версия {found}, программе нужна {supported}). Сначала выполните `anyqtama migrate`; данные не изменены.',
    en: 'The database schema is older (version {found}; this program needs {supported}). Run `anyqtama migrate` first; nothing was changed.',
  },
  'store.newerSchema': {
    kk: 'Дерекқор сұлбасын жаңа нұсқа жаңартқан (нұсқа {found}, бұл бағдарлама {supported} дейін біледі). Бағдарламаны жаңартыңыз; деректер өзгертілген жоқ.',
    ru: 'Схему базы данных обновила более новая версия (версия {found}, эта программа знает до {supported}). Обновите программу; данные не изменены.',
    en: 'The database schema was migrated by a newer version (version {found}; this program knows up to {supported}). Upgrade; nothing was changed.',
  },
  'store.exists': { kk: '{id} өтініші бұрыннан бар.', ru: 'Заявка {id} уже существует.', en: 'Request {id} already exists.' },
  'store.notFound': { kk: '№ {number} өтініш табылмады.', ru: 'Заявка № {number} не найдена.', en: 'Request No. {number} not found.' },
  'store.conflict': {
    kk: '№ {number} өтінішті сіз ашқаннан кейін басқа қызметкер өзгертті. Жаңа күйін қарап, әрекетті қайталаңыз.',
    ru: 'Заявку № {number} изменил другой сотрудник, пока она была у вас открыта. Посмотрите новое состояние и повторите действие.',
    en: 'Request No. {number} was changed by someone else since you opened it. Look at its new state and try again.',
  },
} satisfies Record<string, Text>;
