import type { Text } from '../text.js';

/** Adding, disabling and enabling staff logins (`anyqtama users add|disable|enable`), through the admin desk (src/app/admin-desk.ts). */
export const userMessages = {
  'users.expected.newLogin': {
    kk: 'кіші латын әрпінен басталатын 2–32 таңба: кіші латын әріптері, цифрлар, «.», «_», «-»',
    ru: '2–32 символа, начиная со строчной латинской буквы: строчные латинские буквы, цифры, «.», «_», «-»',
    en: '2–32 characters starting with a lowercase Latin letter: lowercase Latin letters, digits, ".", "_", "-"',
  },
  'users.expected.role': {
    kk: 'рөлдердің бірі: clerk (қызмет берушінің қызметкері), operator (ХҚКО операторы), callcentre (байланыс орталығы), supervisor (басшы), admin (әкімші)',
    ru: 'одна из ролей: clerk (сотрудник услугодателя), operator (оператор ЦОН), callcentre (контакт-центр), supervisor (руководитель), admin (администратор)',
    en: 'one of: clerk (provider\'s clerk), operator (service centre operator), callcentre, supervisor, admin',
  },
  'users.expected.name': {
    kk: 'қызметкердің толық аты-жөні (150 таңбаға дейін)',
    ru: 'полное имя сотрудника (до 150 символов)',
    en: 'the member of staff\'s full name (up to 150 characters)',
  },
  'users.expected.office.provider': {
    kk: 'қызмет берушінің идентификаторы data/offices.json ішінен (мысалы, kzo-archives)',
    ru: 'идентификатор услугодателя из data/offices.json (например, kzo-archives)',
    en: 'a provider\'s id from data/offices.json (e.g. kzo-archives)',
  },
  'users.expected.office.centre': {
    kk: 'ХҚКО идентификаторы data/offices.json ішінен (мысалы, kzo-centre)',
    ru: 'идентификатор ЦОН из data/offices.json (например, kzo-centre)',
    en: 'a service centre\'s id from data/offices.json (e.g. kzo-centre)',
  },
  'users.expected.office.callcentre': {
    kk: 'байланыс орталығының идентификаторы data/offices.json ішінен (мысалы, callcentre-1414)',
    ru: 'идентификатор контакт-центра из data/offices.json (например, callcentre-1414)',
    en: 'a call-centre\'s id from data/offices.json (e.g. callcentre-1414)',
  },
  'users.expected.noOffice': {
    kk: '{role} рөлі ұйымға байланбайды: --office көрсетпеңіз',
    ru: 'роль {role} не привязана к организации: не указывайте --office',
    en: 'the role {role} belongs to no organisation: leave --office out',
  },
  'users.add.exists': {
    kk: '«{login}» логині бұрыннан бар. Басқа логин таңдаңыз, бұғатталған болса — `anyqtama users enable {login}`.',
    ru: 'Логин «{login}» уже существует. Выберите другой, а заблокированный включите: `anyqtama users enable {login}`.',
    en: 'The login "{login}" exists already. Choose another, or if it is disabled: `anyqtama users enable {login}`.',
  },
  'users.add.done': {
    kk: '«{login}» пайдаланушысы қосылды ({role}).',
    ru: 'Пользователь «{login}» добавлен ({role}).',
    en: 'User "{login}" added ({role}).',
  },
  'users.add.noPassword': {
    kk: '«{login}» құпиясөзі жоқ: `anyqtama users password {login}` арқылы орнатыңыз немесе `anyqtama users key add` арқылы SSH кілтін тіркеңіз.',
    ru: 'У «{login}» нет пароля: задайте его командой `anyqtama users password {login}` или зарегистрируйте ключ SSH командой `anyqtama users key add`.',
    en: '"{login}" has no password: set one with `anyqtama users password {login}` or register an SSH key with `anyqtama users key add`.',
  },
  'users.disable.done': {
    kk: '«{login}» бұғатталды: ол енді жүйеге кіре алмайды, әрекет ете алмайды және қол қоя алмайды. Тарихы сақталады.',
    ru: '«{login}» заблокирован: больше не может входить в систему, действовать и подписывать. История сохраняется.',
    en: '"{login}" is disabled: they can no longer log in, act or sign. Their history stays.',
  },
  'users.enable.done': {
    kk: '«{login}» қайта қосылды.',
    ru: '«{login}» снова активен.',
    en: '"{login}" is enabled again.',
  },
  'users.disable.lastAdmin': {
    kk: '«{login}» — жалғыз белсенді әкімші: оны бұғаттауға болмайды, әйтпесе пайдаланушыларды ешкім басқара алмайды. Алдымен басқа әкімші қосыңыз.',
    ru: '«{login}» — единственный активный администратор: его нельзя заблокировать, иначе управлять пользователями будет некому. Сначала добавьте другого администратора.',
    en: '"{login}" is the only active administrator: disabling them would leave nobody to manage users. Add another administrator first.',
  },
  'users.notNamed': {
    kk: 'Кім орындайтынын көрсетіңіз: --as LOGIN (тізім: `anyqtama users`).',
    ru: 'Укажите, кто выполняет действие: --as LOGIN (список: `anyqtama users`).',
    en: 'Say who is acting: --as LOGIN (see `anyqtama users`).',
  },
  'users.key.badNumber': {
    kk: 'N мәні қате: кілт нөмірі 1–{count} (anyqtama users key list LOGIN)',
    ru: 'Неверное значение N: номер ключа 1–{count} (anyqtama users key list LOGIN)',
    en: 'Bad value for N: a key number 1–{count} (anyqtama users key list LOGIN)',
  },
} satisfies Record<string, Text>;
