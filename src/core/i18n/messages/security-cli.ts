import type { Text } from '../text.js';

/**
 * The command line's own checks (issue 13): the data folder, files named on the command line read
 * with a hard limit, free-text options, who may run the command on a store, and what it audits.
 */
export const securityCliMessages = {
  'securityCli.expected.dataDirNotEmpty': {
    kk: 'бос емес қалта жолы (бос мән ағымдағы қалтада жаңа бос қойма жасап қояр еді)',
    ru: 'непустой путь к папке (пустое значение создало бы новое пустое хранилище в текущей папке)',
    en: 'a folder path that is not empty (an empty one would make a new empty store in the current folder)',
  },
  'securityCli.expected.dataDirLength': {
    kk: 'ұзындығы {max} таңбадан аспайтын қалта жолы',
    ru: 'путь к папке не длиннее {max} символов',
    en: 'a folder path of at most {max} characters',
  },
  'securityCli.expected.dataDirChars': {
    kk: 'басқару таңбалары (жол ауыстыру, табуляция т.б.) жоқ қалта жолы',
    ru: 'путь к папке без управляющих символов (перевода строки, табуляции и т. п.)',
    en: 'a folder path without control characters (newline, tab, …)',
  },
  'securityCli.expected.dataDirFolder': {
    kk: 'қалта: {path} қалта емес',
    ru: 'папка: {path} не является папкой',
    en: 'a folder: {path} is not one',
  },
  'securityCli.expected.dataDirSystem': {
    kk: '/proc, /sys немесе /dev ішінде емес, кәдімгі қалта',
    ru: 'обычная папка не внутри /proc, /sys или /dev',
    en: 'an ordinary folder, not inside /proc, /sys or /dev',
  },
  'securityCli.dataDirUnusable': {
    kk: '{dir} деректер қалтасын пайдалану мүмкін емес: {reason}. --data-dir (немесе ANYQTAMA_DATA_DIR) арқылы басқа қалтаны көрсетіңіз.',
    ru: 'Папку данных {dir} нельзя использовать: {reason}. Укажите другую папку в --data-dir (или ANYQTAMA_DATA_DIR).',
    en: 'The data folder {dir} cannot be used: {reason}. Give another folder with --data-dir (or ANYQTAMA_DATA_DIR).',
  },
  'securityCli.rootOnOthers': {
    kk: '{dir} деректер қалтасы басқа пайдаланушыға тиесілі (uid {owner}). root жазған файлдар root-қа тиесілі болып қалып, қызметтің өз пайдаланушысы оларға жаза алмай қалар еді. Команданы сол пайдаланушының атынан орындаңыз: sudo -u \'#{owner}\' anyqtama … (anyqtama serve жұмыс істеп тұрса, команда сол арқылы орындалады).',
    ru: 'Папка данных {dir} принадлежит другому пользователю (uid {owner}). Файлы, записанные root, остались бы за root, и учётная запись самой службы не смогла бы их записывать. Выполните команду от имени этого пользователя: sudo -u \'#{owner}\' anyqtama … (если запущен anyqtama serve, команда выполняется через него).',
    en: 'The data folder {dir} belongs to another user (uid {owner}). Files root wrote would stay root\'s and the service\'s own account could no longer write them. Run the command as that user: sudo -u \'#{owner}\' anyqtama … (while anyqtama serve runs, the command goes through it).',
  },
  'securityCli.notOwner': {
    kk: '{dir} деректер қалтасы басқа пайдаланушыға тиесілі (uid {owner}). Ендірілген қойманы anyqtama пәрмені арқылы оның иесі ғана пайдалана алады; сіз — {user}.',
    ru: 'Папка данных {dir} принадлежит другому пользователю (uid {owner}). Работать со встроенным хранилищем через команду anyqtama может только его владелец; вы — {user}.',
    en: 'The data folder {dir} belongs to another user (uid {owner}). Only its owner may use the embedded store with the anyqtama command; you are {user}.',
  },
  'securityCli.notRegularFile.directory': {
    kk: '{option}: {path} кәдімгі файл емес (қалта). Құрылғылар, FIFO арналары мен қалталар қабылданбайды.',
    ru: '{option}: {path} — не обычный файл (папка). Устройства, каналы FIFO и папки не принимаются.',
    en: '{option}: {path} is not a regular file (a folder). Devices, FIFOs and folders are not accepted.',
  },
  'securityCli.notRegularFile.device': {
    kk: '{option}: {path} кәдімгі файл емес (құрылғы). Құрылғылар, FIFO арналары мен қалталар қабылданбайды.',
    ru: '{option}: {path} — не обычный файл (устройство). Устройства, каналы FIFO и папки не принимаются.',
    en: '{option}: {path} is not a regular file (a device). Devices, FIFOs and folders are not accepted.',
  },
  'securityCli.notRegularFile.fifo': {
    kk: '{option}: {path} кәдімгі файл емес (FIFO арнасы). Құрылғылар, FIFO арналары мен қалталар қабылданбайды.',
    ru: '{option}: {path} — не обычный файл (канал FIFO). Устройства, каналы FIFO и папки не принимаются.',
    en: '{option}: {path} is not a regular file (a FIFO). Devices, FIFOs and folders are not accepted.',
  },
  'securityCli.notRegularFile.socket': {
    kk: '{option}: {path} кәдімгі файл емес (сокет). Құрылғылар, FIFO арналары мен қалталар қабылданбайды.',
    ru: '{option}: {path} — не обычный файл (сокет). Устройства, каналы FIFO и папки не принимаются.',
    en: '{option}: {path} is not a regular file (a socket). Devices, FIFOs and folders are not accepted.',
  },
  'securityCli.notRegularFile.other': {
    kk: '{option}: {path} кәдімгі файл емес (белгісіз түрдегі файл). Құрылғылар, FIFO арналары мен қалталар қабылданбайды.',
    ru: '{option}: {path} — не обычный файл (файл неизвестного типа). Устройства, каналы FIFO и папки не принимаются.',
    en: '{option}: {path} is not a regular file (a file of an unknown kind). Devices, FIFOs and folders are not accepted.',
  },
  'securityCli.fileTooLarge': {
    kk: '{option}: {path} файлы тым үлкен, ең көбі {max} болуы керек.',
    ru: '{option}: файл {path} слишком велик, допускается не больше {max}.',
    en: '{option}: {path} is too large: at most {max}.',
  },
  'securityCli.expected.text': {
    kk: 'ең көбі {max} таңбалы, басқару таңбаларынсыз мәтін',
    ru: 'текст не длиннее {max} символов, без управляющих символов',
    en: 'text of at most {max} characters, without control characters',
  },
  'securityCli.expected.paper': {
    kk: 'құжат коды: латын әріптері, цифрлар, «-», «_» немесе «.», ең көбі {max} таңба (мысалы, identity)',
    ru: 'код документа: латинские буквы, цифры, «-», «_» или «.», не длиннее {max} символов (например, identity)',
    en: 'a document code: Latin letters, digits, "-", "_" or ".", at most {max} characters (e.g. identity)',
  },
  'securityCli.expected.code': {
    kk: 'код: латын әріптері, цифрлар, «-», «_» немесе «.», ең көбі {max} таңба',
    ru: 'код: латинские буквы, цифры, «-», «_» или «.», не длиннее {max} символов',
    en: 'a code: Latin letters, digits, "-", "_" or ".", at most {max} characters',
  },
  'securityCli.masked': {
    kk: 'ЖСН мен аты-жөні жасырылған. Толық деректер үшін өтінішті ашуға құқығы бар қызметкерді көрсетіңіз: --as LOGIN.',
    ru: 'ИИН и ФИО скрыты. Для полных данных укажите сотрудника, которому разрешено открыть заявку: --as LOGIN.',
    en: 'IINs and names are masked. For the full data name a member of staff allowed to open the request: --as LOGIN.',
  },
  'securityCli.auditFailed': {
    kk: 'Өзгеріс сақталды, бірақ аудит журналына жазылмады: {reason}. Әкімшіге хабарлаңыз.',
    ru: 'Изменение сохранено, но не записано в журнал аудита: {reason}. Сообщите администратору.',
    en: 'The change was saved but not written to the audit log: {reason}. Tell the administrator.',
  },
  'securityCli.adminOnly': {
    kk: 'Бұл әрекетті тек әкімші (admin) орындайды; {login} рөлі — {role}.',
    ru: 'Это действие выполняет только администратор (admin); роль {login} — {role}.',
    en: 'Only an administrator (admin) may do this; {login}\'s role is {role}.',
  },
} satisfies Record<string, Text>;
