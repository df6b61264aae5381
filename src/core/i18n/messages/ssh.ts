import type { Text } from '../text.js';

/** Messages of the SSH server and staff log-in (src/ssh, src/app/auth.ts, `serve`, `users`). */
export const sshMessages = {
  // Staff log-in, any front-end. One answer for an unknown login and a wrong password.
  'auth.failed': { kk: 'Логин немесе құпиясөз қате.', ru: 'Неверный логин или пароль.', en: 'Wrong login or password.' },
  'auth.throttled': {
    kk: 'Сәтсіз кіру әрекеттері тым көп. {minutes} минуттан кейін қайталап көріңіз.',
    ru: 'Слишком много неудачных попыток входа. Повторите через {minutes} мин.',
    en: 'Too many failed log-ins. Try again in {minutes} min.',
  },
  'auth.throttledSeconds': {
    kk: 'Сәтсіз кіру әрекеттері тым көп. {seconds} секундтан кейін қайталап көріңіз.',
    ru: 'Слишком много неудачных попыток входа. Повторите через {seconds} с.',
    en: 'Too many failed log-ins. Try again in {seconds} s.',
  },

  // The SSH server, as a clerk's ssh client shows it.
  'ssh.prompt.password': { kk: 'Құпиясөз', ru: 'Пароль', en: 'Password' },
  'ssh.needTerminal': {
    kk: 'Қызметкер терминалы үшін терминал керек: ssh -t арқылы қосылыңыз.',
    ru: 'Для терминала сотрудника нужен терминал: подключитесь с ключом ssh -t.',
    en: 'The clerk terminal needs a terminal: connect with ssh -t.',
  },
  'ssh.execRefused': {
    kk: '«{command}» орындалмайды: бұл сервер тек қызметкер терминалын ашады. Командасыз қосылыңыз.',
    ru: 'Команда «{command}» не выполняется: этот сервер открывает только терминал сотрудника. Подключитесь без команды.',
    en: '"{command}" is not run: this server only opens the clerk terminal. Connect without a command.',
  },
  'ssh.subsystemRefused': {
    kk: '«{name}» ішкі жүйесі жоқ: бұл сервер тек қызметкер терминалын ашады.',
    ru: 'Подсистемы «{name}» нет: этот сервер открывает только терминал сотрудника.',
    en: 'No "{name}" subsystem: this server only opens the clerk terminal.',
  },
  'ssh.idleClosed': {
    kk: 'Сеанс {minutes} минут әрекетсіз тұрғандықтан жабылды. Расталған деректер сақталды; қайта қосылыңыз.',
    ru: 'Сеанс закрыт: {minutes} мин без действий. Подтверждённые данные сохранены; подключитесь снова.',
    en: 'Session closed after {minutes} min without input. Confirmed data is saved; connect again.',
  },
  // Said with the numbers after a colon: «400×200-ге дейін» would need a case ending that
  // depends on how the last number is read (-ге, -ке, -қа, -ға).
  'ssh.terminalLimited': {
    kk: 'Терминал өлшемі шектелді: {cols}×{rows} (сұралғаны {askedCols}×{askedRows}).',
    ru: 'Размер терминала ограничен до {cols}×{rows} (запрошено {askedCols}×{askedRows}).',
    en: 'Terminal size limited to {cols}×{rows} (asked for {askedCols}×{askedRows}).',
  },
  'ssh.loginDisabled': {
    kk: 'Әкімші сіздің логиніңізді бұғаттады, сеанс жабылды. Расталған деректер сақталды.',
    ru: 'Администратор заблокировал ваш логин, сеанс закрыт. Подтверждённые данные сохранены.',
    en: 'An administrator disabled your login; session closed. Confirmed data is saved.',
  },
  'ssh.serverStopping': {
    kk: 'Сервер тоқтатылды, сеанс жабылды. Расталған деректер сақталды.',
    ru: 'Сервер остановлен, сеанс закрыт. Подтверждённые данные сохранены.',
    en: 'The server is stopping; session closed. Confirmed data is saved.',
  },

  // anyqtama serve
  'ssh.serve.hostKeyCreated': { kk: 'Сервер кілті жасалды: {path}', ru: 'Создан ключ сервера: {path}', en: 'Host key created: {path}' },
  'ssh.serve.listening': { kk: 'SSH сервері қосылуды күтуде: {address}', ru: 'SSH-сервер ждёт подключений: {address}', en: 'SSH server listening on {address}' },
  'ssh.serve.fingerprint': {
    kk: 'Сервер кілтінің саусақ ізі: {fingerprint}\n  (алғаш қосылғанда ssh көрсететін ізбен салыстырыңыз)',
    ru: 'Отпечаток ключа сервера: {fingerprint}\n  (сверьте с тем, что ssh покажет при первом подключении)',
    en: 'Host key fingerprint: {fingerprint}\n  (compare with what ssh shows on the first connection)',
  },
  'ssh.serve.howTo': {
    kk: 'Қосылу: {command}\n  (қызметкер логині; құпиясөз немесе тіркелген SSH кілті)',
    ru: 'Подключение: {command}\n  (логин сотрудника; пароль или зарегистрированный ключ SSH)',
    en: 'Connect: {command}\n  (a staff login; password or a registered SSH key)',
  },
  'ssh.serve.stopHint': { kk: 'Тоқтату: Ctrl+C.', ru: 'Остановить: Ctrl+C.', en: 'Stop: Ctrl+C.' },
  'ssh.serve.stopped': {
    kk: 'Сервер тоқтады, жабылған сеанстар: {sessions}.',
    ru: 'Сервер остановлен, закрыто сеансов: {sessions}.',
    en: 'Server stopped; sessions closed: {sessions}.',
  },
  'ssh.serve.listenFailed': {
    kk: '{address} мекенжайында қосылуды күту мүмкін емес: {reason}',
    ru: 'Не удалось открыть {address}: {reason}',
    en: 'Cannot listen on {address}: {reason}',
  },
  'ssh.serve.hostKeyUnreadable': {
    kk: 'Сервер кілтін оқу мүмкін емес ({path}): {reason}',
    ru: 'Не удалось прочитать ключ сервера ({path}): {reason}',
    en: 'Cannot read the host key ({path}): {reason}',
  },
  'ssh.expected.port': { kk: '0-ден 65535-ке дейінгі порт нөмірі', ru: 'номер порта от 0 до 65535', en: 'a port number from 0 to 65535' },
  'ssh.expected.startups': {
    kk: 'басы:пайыз:шегі, мысалы 10:30:100 (басы шегінен аспайды, пайыз 0–100)',
    ru: 'начало:процент:предел, например 10:30:100 (начало не больше предела, процент 0–100)',
    en: 'start:rate:full, e.g. 10:30:100 (start at most full, rate 0–100)',
  },
  'ssh.expected.positive': { kk: '0-ден үлкен сан', ru: 'число больше 0', en: 'a number above 0' },
  'ssh.expected.minutes': { kk: '0-ден үлкен минут саны', ru: 'число минут больше 0', en: 'a number of minutes above 0' },

  // anyqtama users: passwords and SSH keys
  'users.password.set': { kk: '«{login}» құпиясөзі өзгертілді.', ru: 'Пароль «{login}» изменён.', en: 'Password of "{login}" changed.' },
  'users.password.needed': {
    kk: 'Жаңа құпиясөзді ANYQTAMA_NEW_PASSWORD айнымалысында немесе --password-file файлында беріңіз.',
    ru: 'Передайте новый пароль в переменной ANYQTAMA_NEW_PASSWORD или в файле --password-file.',
    en: 'Give the new password in ANYQTAMA_NEW_PASSWORD or in a --password-file.',
  },
  'users.password.tooShort': {
    kk: 'Құпиясөз кемінде {min} таңбадан тұруы керек.',
    ru: 'Пароль должен быть не короче {min} символов.',
    en: 'The password must have at least {min} characters.',
  },
  'users.key.added': { kk: '«{login}» үшін SSH кілті қосылды: {fingerprint}', ru: 'Ключ SSH добавлен для «{login}»: {fingerprint}', en: 'SSH key added for "{login}": {fingerprint}' },
  'users.key.exists': {
    kk: 'Бұл кілт «{login}» үшін бұрыннан тіркелген: {fingerprint}',
    ru: 'Этот ключ уже зарегистрирован для «{login}»: {fingerprint}',
    en: 'This key is already registered for "{login}": {fingerprint}',
  },
  'users.key.removed': { kk: '«{login}» SSH кілті алынып тасталды: {fingerprint}', ru: 'Ключ SSH «{login}» удалён: {fingerprint}', en: 'SSH key of "{login}" removed: {fingerprint}' },
  'users.key.invalid': {
    kk: '{file} — SSH ашық кілті емес (күтілетіні: .pub файлындағы «ssh-ed25519 AAAA... түсініктеме» жолы).',
    ru: '{file} — не открытый ключ SSH (ожидается строка «ssh-ed25519 AAAA... комментарий» из файла .pub).',
    en: '{file} is not an SSH public key (expected a line "ssh-ed25519 AAAA... comment" from a .pub file).',
  },
  'users.key.private': {
    kk: '{file} — жабық кілт. Оны ешкімге бермеңіз; оның .pub файлын көрсетіңіз.',
    ru: '{file} — закрытый ключ. Никому его не передавайте; укажите его файл .pub.',
    en: '{file} is a private key. Never hand it over; give its .pub file.',
  },
  'users.key.none': { kk: '«{login}» үшін тіркелген SSH кілттері жоқ.', ru: 'У «{login}» нет зарегистрированных ключей SSH.', en: '"{login}" has no registered SSH keys.' },
  'users.expected.keyFile': { kk: 'SSH ашық кілтінің файлы (.pub)', ru: 'файл открытого ключа SSH (.pub)', en: 'an SSH public key file (.pub)' },
  'users.expected.action': {
    kk: 'password, key list, key add немесе key remove',
    ru: 'password, key list, key add или key remove',
    en: 'password, key list, key add or key remove',
  },
} satisfies Record<string, Text>;
