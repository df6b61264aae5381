import type { Text } from '../text.js';

/** The command line talking to a running `serve` through its control socket. */
export const controlMessages = {
  'control.listening': {
    kk: 'Пәрмен жолы осы серверге {path} сокеті арқылы жетеді: `anyqtama` командалары сервер жұмыс істеп тұрғанда да орындалады.',
    ru: 'Командная строка обращается к этому серверу через сокет {path}: команды `anyqtama` работают и при запущенном сервере.',
    en: 'The command line reaches this server through {path}: `anyqtama` commands work while it runs.',
  },
  'control.pathTooLong': {
    kk: 'Басқару сокетінің жолы тым ұзын ({path}): сервер жұмыс істеп тұрғанда пәрмен жолы қойманы аша алмайды. Деректер қалтасының жолын қысқартыңыз.',
    ru: 'Путь к управляющему сокету слишком длинный ({path}): пока сервер работает, командная строка не сможет открыть хранилище. Сократите путь к папке данных.',
    en: 'The control socket path is too long ({path}): while the server runs, the command line cannot reach the store. Use a shorter data dir path.',
  },
  'control.answered': {
    kk: '{path} сокетіне басқа `anyqtama serve` жауап беріп тұр: пәрмен жолы сол серверге жүгінеді.',
    ru: 'На сокете {path} уже отвечает другой `anyqtama serve`: командная строка будет обращаться к нему.',
    en: 'Another `anyqtama serve` answers on {path}: the command line will talk to that one.',
  },
  'control.listenFailed': {
    kk: 'Басқару сокетін ашу мүмкін болмады ({path}: {reason}): сервер жұмыс істеп тұрғанда пәрмен жолы қойманы аша алмайды.',
    ru: 'Не удалось открыть управляющий сокет ({path}: {reason}): пока сервер работает, командная строка не сможет открыть хранилище.',
    en: 'Could not open the control socket ({path}: {reason}): while the server runs, the command line cannot reach the store.',
  },
  'control.busy': {
    kk: 'Сервер қазір тым көп команданы орындап жатыр. Бірнеше секундтан кейін қайталаңыз.',
    ru: 'Сервер сейчас выполняет слишком много команд. Повторите через несколько секунд.',
    en: 'The server is running too many commands right now. Try again in a few seconds.',
  },
  'control.lost': {
    kk: 'Сервермен байланыс команда аяқталмай үзілді ({reason}). Команданың нәтижесін `anyqtama status` арқылы тексеріңіз.',
    ru: 'Связь с сервером прервалась до завершения команды ({reason}). Проверьте результат командой `anyqtama status`.',
    en: 'The connection to the server ended before the command finished ({reason}). Check the outcome with `anyqtama status`.',
  },
  'control.localOnly': {
    kk: '«{command}» командасы серверге жіберілмейді: оны серверді тоқтатып, осы компьютерде орындаңыз.',
    ru: 'Команду «{command}» нельзя передать серверу: выполните её на этом компьютере, остановив сервер.',
    en: 'The command "{command}" cannot be handed to the server: stop the server and run it here.',
  },
} satisfies Record<string, Text>;
