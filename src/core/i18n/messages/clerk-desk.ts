import type { Text } from '../text.js';

/** Messages of the clerk's desk (src/app/clerk-desk.ts): opening, deciding, counter intake. */
export const clerkDeskMessages = {
  'clerk.openForbidden': {
    kk: '{login} ({role}) № {number} өтінішін аша алмайды: ол басқа ұйымның өтініші немесе сіздің рөліңізге жабық.',
    ru: '{login} ({role}) не может открыть заявку № {number}: она другой организации или закрыта для вашей роли.',
    en: '{login} ({role}) may not open request No. {number}: it belongs to another office or is closed to the role.',
  },
  'clerk.passphraseField': { kk: 'Кілттің құпиясөзі', ru: 'Пароль ключа', en: 'Key passphrase' },
  'clerk.passphraseExpected': {
    kk: 'ЭЦҚ кілтін ашатын құпиясөз',
    ru: 'пароль, которым открывается ключ ЭЦП',
    en: 'the passphrase that opens the signing key',
  },
  'clerk.wrongPassphrase': {
    kk: '«Кілттің құпиясөзі» қате ({login}): шешім қабылданған жоқ және қол қойылған жоқ. Құпиясөзді қайта енгізіңіз.',
    ru: '«Пароль ключа» неверный ({login}): решение не принято и не подписано. Введите пароль ещё раз.',
    en: 'Wrong "Key passphrase" ({login}): nothing was decided or signed. Type it again.',
  },
  'clerk.registryForbidden': {
    kk: '«{role}» рөлі тұлғалар тізілімінен деректер ала алмайды: бұл өтініш қабылдайтын қызметкерге ғана рұқсат етілген.',
    ru: 'Роль «{role}» не может брать данные из реестра лиц: это разрешено только сотрудникам, принимающим заявки.',
    en: 'Role "{role}" may not read the person registry: only staff who take requests in may.',
  },
} satisfies Record<string, Text>;
