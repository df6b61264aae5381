import type { Text } from '../text.js';

/** PostgreSQL: migrations, copying an embedded store over, several processes (issue 7). */
export const pgMessages = {
  'pg.noUrl': {
    kk: 'Дерекқор мекенжайы берілмеген: --database-url postgres://… немесе ANYQTAMA_DATABASE_URL орнатыңыз.',
    ru: 'Не задан адрес базы данных: укажите --database-url postgres://… или ANYQTAMA_DATABASE_URL.',
    en: 'No database address: give --database-url postgres://… or set ANYQTAMA_DATABASE_URL.',
  },
  'pg.migrate.applied': {
    kk: 'Дерекқор сұлбасы {from} нұсқасынан {to} нұсқасына жаңартылды: {steps}.',
    ru: 'Схема базы данных обновлена с версии {from} до {to}: {steps}.',
    en: 'Database schema migrated from version {from} to {to}: {steps}.',
  },
  'pg.migrate.upToDate': {
    kk: 'Дерекқор сұлбасы өзекті (нұсқа {version}); ештеңе өзгертілген жоқ.',
    ru: 'Схема базы данных актуальна (версия {version}); ничего не изменено.',
    en: 'The database schema is up to date (version {version}); nothing changed.',
  },
  'pg.lease.leader': {
    kk: 'Бұл процесс Telegram-ды тыңдайды және хабарламаларды жібереді (басқалары күтуде).',
    ru: 'Этот процесс опрашивает Telegram и рассылает уведомления (остальные ждут).',
    en: 'This process polls Telegram and sends the notifications (the others stand by).',
  },
  'pg.lease.standby': {
    kk: 'Telegram-ды басқа процесс тыңдап тұр; ол тоқтаса, бұл процесс 10 секунд ішінде жұмысты алады.',
    ru: 'Telegram опрашивает другой процесс; если он остановится, этот процесс примет работу в течение 10 секунд.',
    en: 'Another process polls Telegram; if it stops, this one takes over within 10 seconds.',
  },
} satisfies Record<string, Text>;
