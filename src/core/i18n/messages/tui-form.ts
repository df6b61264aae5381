import type { Text } from '../text.js';

/** Messages of the TUI's form editor (src/tui/form). */
export const tuiFormMessages = {
  'tuiForm.moreAbove': { kk: '↑ жоғарыда тағы {count} жол', ru: '↑ выше ещё строк: {count}', en: '↑ {count} more above' },
  'tuiForm.moreBelow': { kk: '↓ төменде тағы {count} жол', ru: '↓ ниже ещё строк: {count}', en: '↓ {count} more below' },
  'tuiForm.addRow': { kk: '+ жол қосу ({count}/{max})', ru: '+ добавить строку ({count}/{max})', en: '+ add a row ({count}/{max})' },
  'tuiForm.choose': { kk: '‹таңдаңыз›', ru: '‹выберите›', en: '‹choose›' },
  'tuiForm.errors': { kk: '✗ қате өріс: {count}', ru: '✗ полей с ошибкой: {count}', en: '✗ fields to fix: {count}' },
  'tuiForm.keys': { kk: '↑↓ өріс · F2 дайын · Esc бас тарту', ru: '↑↓ поле · F2 готово · Esc отмена', en: '↑↓ field · F2 done · Esc cancel' },
  'tuiForm.keys.choice': { kk: '←→ Бос орын 1-9 таңдау', ru: '←→ Пробел 1-9 выбор', en: '←→ Space 1-9 choose' },
  'tuiForm.keys.row': { kk: 'Ctrl+D жолды өшіру', ru: 'Ctrl+D удалить строку', en: 'Ctrl+D remove row' },
  'tuiForm.keys.add': { kk: 'Enter жол қосу', ru: 'Enter добавить строку', en: 'Enter add a row' },
} satisfies Record<string, Text>;
