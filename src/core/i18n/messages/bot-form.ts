import type { Text } from '../text.js';

/** Messages of the bot's step-by-step questionnaire (src/bot/questionnaire.ts). */
export const botFormMessages = {
  // The question
  'botForm.step': { kk: '(қадам {n}/{total})', ru: '(шаг {n} из {total})', en: '(step {n} of {total})' },
  'botForm.section': { kk: '📂 {path}', ru: '📂 {path}', en: '📂 {path}' },
  'botForm.question': { kk: '✏️ {label}', ru: '✏️ {label}', en: '✏️ {label}' },
  'botForm.hint': { kk: '💡 {hint}', ru: '💡 {hint}', en: '💡 {hint}' },
  'botForm.howTo': { kk: 'Қалай жазу керек: {expected}.', ru: 'Как указать: {expected}.', en: 'How to write it: {expected}.' },
  'botForm.chooseOne': {
    kk: 'Батырманы басыңыз немесе нұсқаның нөмірін жазыңыз:',
    ru: 'Нажмите кнопку или напишите номер варианта:',
    en: 'Press a button or type the number of the option:',
  },
  'botForm.option': { kk: '{n}. {label}', ru: '{n}. {label}', en: '{n}. {label}' },
  'botForm.optional': { kk: 'Міндетті емес: өткізіп жіберуге болады.', ru: 'Необязательно: можно пропустить.', en: 'Optional: you may skip it.' },
  'botForm.current': { kk: 'Қазіргі жауап: {value}', ru: 'Текущий ответ: {value}', en: 'Current answer: {value}' },
  'botForm.keep': { kk: '✔️ Өзгертпей қалдыру', ru: '✔️ Оставить как есть', en: '✔️ Keep it' },
  'botForm.selected': { kk: '✓ {label}', ru: '✓ {label}', en: '✓ {label}' },
  'botForm.yes': { kk: 'Иә', ru: 'Да', en: 'Yes' },
  'botForm.no': { kk: 'Жоқ', ru: 'Нет', en: 'No' },

  // An optional section and repeated rows
  'botForm.group.question': { kk: 'Бұл бөлімді толтырасыз ба?', ru: 'Заполнить этот раздел?', en: 'Fill in this section?' },
  'botForm.group.fill': { kk: 'Толтыру', ru: 'Заполнить', en: 'Fill it in' },
  'botForm.group.skip': { kk: 'Жоқ, қажет емес', ru: 'Нет, не нужно', en: 'No, not needed' },
  'botForm.rows.first': { kk: 'Жол қосасыз ба? Ең көбі {max} жол.', ru: 'Добавить строку? Не более {max} строк.', en: 'Add a row? At most {max} rows.' },
  'botForm.rows.next': {
    kk: 'Қосылған жолдар: {count}. Тағы қосасыз ба? Ең көбі {max} жол.',
    ru: 'Добавлено строк: {count}. Добавить ещё? Не более {max} строк.',
    en: 'Rows added: {count}. Add another? At most {max} rows.',
  },
  'botForm.rows.add': { kk: '➕ Жол қосу', ru: '➕ Добавить строку', en: '➕ Add a row' },
  'botForm.rows.addAnother': { kk: '➕ Тағы бір жол қосу', ru: '➕ Добавить ещё строку', en: '➕ Add another row' },
  'botForm.rows.none': { kk: 'Жоқ, өткізіп жіберу', ru: 'Нет, пропустить', en: 'No, skip it' },
  'botForm.rows.done': { kk: 'Болды, әрі қарай', ru: 'Это всё, дальше', en: 'That is all, go on' },

  // A refused answer is named with form.problemAt (messages/forms.ts)
  'botForm.expected.choice': { kk: 'мына нұсқалардың бірі: {choices}', ru: 'один из вариантов: {choices}', en: 'one of: {choices}' },
  'botForm.expected.boolean': { kk: '«Иә» немесе «Жоқ»', ru: '«Да» или «Нет»', en: '"Yes" or "No"' },
  'botForm.expected.buttons': { kk: 'батырмалардың бірін басыңыз: {options}', ru: 'нажмите одну из кнопок: {options}', en: 'press one of the buttons: {options}' },
  'botForm.blank': { kk: 'жауап бос; {expected}', ru: 'ответ пустой; {expected}', en: 'the answer is empty; {expected}' },
  'botForm.cannotSkip': {
    kk: 'міндетті өріс, оны өткізіп жіберуге болмайды; {expected}',
    ru: 'обязательное поле, пропустить его нельзя; {expected}',
    en: 'required, it cannot be skipped; {expected}',
  },
  'botForm.controlChars': {
    kk: 'жауапта көрінбейтін басқару таңбалары бар, оларсыз қайта жазыңыз',
    ru: 'в ответе есть невидимые управляющие символы, напишите ответ без них',
    en: 'the answer contains invisible control characters; type it again without them',
  },
  'botForm.nothingToKeep': { kk: 'әзірге жауап жоқ, жауапты жазыңыз; {expected}', ru: 'ответа пока нет, напишите его; {expected}', en: 'there is no answer yet, type it; {expected}' },
  'botForm.atSummary': {
    kk: 'Барлық сұраққа жауап берілді. «Растау» немесе «Түзету» батырмасын басыңыз.',
    ru: 'Все вопросы пройдены. Нажмите «Подтвердить» или «Исправить».',
    en: 'All questions are answered. Press "Confirm" or "Edit".',
  },

  // The summary
  'botForm.summary.title': { kk: '📋 Өтініштің мәліметтерін тексеріңіз:', ru: '📋 Проверьте данные заявления:', en: '📋 Check the application:' },
  'botForm.summary.continued': { kk: '📋 Жалғасы:', ru: '📋 Продолжение:', en: '📋 Continued:' },
  'botForm.summary.heading': { kk: '{label}:', ru: '{label}:', en: '{label}:' },
  'botForm.summary.line': { kk: '• {label}: {value}', ru: '• {label}: {value}', en: '• {label}: {value}' },
  'botForm.summary.lockedLine': { kk: '• {label}: {value} ✅ (расталған)', ru: '• {label}: {value} ✅ (подтверждено)', en: '• {label}: {value} ✅ (verified)' },
  'botForm.summary.notFilled': { kk: 'толтырылмаған', ru: 'не заполнено', en: 'not filled in' },
  'botForm.summary.noRows': { kk: 'көрсетілмеген', ru: 'не указано', en: 'none given' },
  'botForm.summary.empty': { kk: '—', ru: '—', en: '—' },
  'botForm.summary.confirm': {
    kk: 'Бәрі дұрыс болса, «Растау» батырмасын басыңыз. Жауапты өзгерту үшін «Түзету» батырмасын басыңыз.',
    ru: 'Если всё верно, нажмите «Подтвердить». Чтобы изменить ответ, нажмите «Исправить».',
    en: 'If everything is right, press "Confirm". To change an answer, press "Edit".',
  },

  // Buttons the front-end adds around the answer buttons
  'botForm.button.confirm': { kk: '✅ Растау', ru: '✅ Подтвердить', en: '✅ Confirm' },
  'botForm.button.edit': { kk: '✏️ Түзету', ru: '✏️ Исправить', en: '✏️ Edit' },

  // The edit menu
  'botForm.edit.section': { kk: '📂 {label}', ru: '📂 {label}', en: '📂 {label}' },
  'botForm.edit.rows': { kk: '📂 {label} ({count})', ru: '📂 {label} ({count})', en: '📂 {label} ({count})' },
  'botForm.edit.field': { kk: '{label}: {value}', ru: '{label}: {value}', en: '{label}: {value}' },
  'botForm.edit.decision': { kk: '🔁 Бөлімді толтыру керек пе (қазір: {answer})', ru: '🔁 Нужен ли этот раздел (сейчас: {answer})', en: '🔁 Is this section needed (now: {answer})' },
  'botForm.edit.wholeRow': { kk: '🔁 Жолды толығымен қайта толтыру', ru: '🔁 Заполнить строку заново', en: '🔁 Fill in the whole row again' },
  'botForm.edit.removeRow': { kk: '🗑 Бұл жолды өшіру', ru: '🗑 Удалить эту строку', en: '🗑 Remove this row' },
} satisfies Record<string, Text>;
