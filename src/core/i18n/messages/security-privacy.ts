import type { Text } from '../text.js';

/** Personal data kept no longer than needed: the retention sweep of bot chats and drafts (issue 13). */
export const securityPrivacyMessages = {
  'retention.summary': {
    kk: 'Сақтау мерзімі өткен деректерді жою: боттағы аяқталмаған сөйлесулер мен өтініш жобалары',
    ru: 'Удалить данные с истёкшим сроком хранения: брошенные переписки с ботом и черновики заявок',
    en: 'Delete data past its retention period: abandoned bot conversations and draft requests',
  },
  'retention.expected.sub': { kk: 'sweep ішкі командасы', ru: 'подкоманда sweep', en: 'the sub-command sweep' },
  'retention.expected.days': {
    kk: '1-ден 3650-ге дейінгі бүтін күн саны (әдепкісі — 30)',
    ru: 'целое число дней от 1 до 3650 (по умолчанию 30)',
    en: 'a whole number of days from 1 to 3650 (30 by default)',
  },
  'retention.badDays': {
    kk: 'ANYQTAMA_RETENTION_DAYS мәні «{value}» қате: 1-ден 3650-ге дейінгі бүтін күн санын жазыңыз.',
    ru: 'Неверное значение ANYQTAMA_RETENTION_DAYS «{value}»: укажите целое число дней от 1 до 3650.',
    en: 'Bad value of ANYQTAMA_RETENTION_DAYS «{value}»: give a whole number of days from 1 to 3650.',
  },
  'retention.swept': {
    kk: 'Сақтау мерзімі — {days} күн (шекті уақыт: {before}). Жойылды: боттағы сөйлесулер — {chats}, өтініш жобалары — {drafts}.',
    ru: 'Срок хранения — {days} дн. (граница: {before}). Удалено: переписок с ботом — {chats}, черновиков заявок — {drafts}.',
    en: 'Retention period {days} days (cut-off {before}). Deleted: bot conversations {chats}, draft requests {drafts}.',
  },
  'retention.off': {
    kk: 'Сақтау мерзімі өткен деректер жойылмайды: ANYQTAMA_RETENTION_DAYS мәні «{value}» қате, керегі — {expected}.',
    ru: 'Данные с истёкшим сроком хранения не удаляются: значение ANYQTAMA_RETENTION_DAYS «{value}» неверно, нужно {expected}.',
    en: 'Nothing past its retention period is deleted: ANYQTAMA_RETENTION_DAYS «{value}» is wrong, expected {expected}.',
  },
  'retention.failed': {
    kk: 'Сақтау мерзімі өткен деректерді жою сәтсіз аяқталды: {reason}. Келесі әрекет {hours} сағаттан кейін.',
    ru: 'Не удалось удалить данные с истёкшим сроком хранения: {reason}. Следующая попытка через {hours} ч.',
    en: 'Deleting data past its retention period failed: {reason}. Next attempt in {hours} h.',
  },
} satisfies Record<string, Text>;
