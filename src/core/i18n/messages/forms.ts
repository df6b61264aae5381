import type { Text } from '../text.js';

/** What each kind of field expects; shown after the field's label when an answer is refused. */
export const formMessages = {
  'form.invalid': {
    kk: 'Сауалнамада қате бар: {count} өріс дұрыс толтырылмаған.',
    ru: 'В анкете есть ошибки: неверно заполнено полей: {count}.',
    en: 'The questionnaire has errors in {count} field(s).',
  },
  'form.problem': { kk: '«{label}»: {expected}', ru: '«{label}»: {expected}', en: '"{label}": {expected}' },
  // A questionnaire answered step by step names the field with its sections and row: "<path>: <what is expected>".
  'form.problemAt': { kk: '⚠️ {label}: {expected}', ru: '⚠️ {label}: {expected}', en: '⚠️ {label}: {expected}' },
  'form.row': { kk: '{n}-жол', ru: 'строка {n}', en: 'row {n}' },
  'form.required': { kk: 'міндетті өріс; {expected}', ru: 'обязательное поле; {expected}', en: 'required; {expected}' },
  'form.unknownField': {
    kk: 'бұл қызметтің сауалнамасында мұндай өріс жоқ',
    ru: 'такого поля нет в анкете этой услуги',
    en: 'no such field in this questionnaire',
  },
  'form.notObject': {
    kk: 'сауалнама JSON нысаны болуы керек',
    ru: 'анкета должна быть JSON-объектом',
    en: 'the questionnaire must be a JSON object',
  },
  'form.expected.name': {
    kk: 'қазақ, орыс немесе латын әріптері, бос орын, дефис (ең көбі {max} таңба)',
    ru: 'буквы казахского, русского или латинского алфавита, пробел, дефис (не более {max} символов)',
    en: 'letters of the Kazakh, Russian or Latin alphabet, spaces, hyphens (at most {max} characters)',
  },
  'form.expected.text': {
    kk: 'бір жолдық мәтін, ең көбі {max} таңба',
    ru: 'текст в одну строку, не более {max} символов',
    en: 'one line of text, at most {max} characters',
  },
  'form.expected.multiline': {
    kk: 'мәтін, ең көбі {max} таңба',
    ru: 'текст, не более {max} символов',
    en: 'text, at most {max} characters',
  },
  'form.expected.iin': {
    kk: '12 цифрдан тұратын дұрыс ЖСН (бақылау цифры мен туған күні тексеріледі)',
    ru: 'действительный ИИН из 12 цифр (проверяются контрольная цифра и дата рождения)',
    en: 'a valid 12-digit IIN (check digit and birth date are verified)',
  },
  'form.expected.bin': {
    kk: '12 цифрдан тұратын дұрыс БСН',
    ru: 'действительный БИН из 12 цифр',
    en: 'a valid 12-digit BIN',
  },
  'form.expected.iinOrBin': {
    kk: '12 цифрдан тұратын дұрыс ЖСН немесе БСН',
    ru: 'действительный ИИН или БИН из 12 цифр',
    en: 'a valid 12-digit IIN or BIN',
  },
  'form.expected.date': {
    kk: 'КК.АА.ЖЖЖЖ түріндегі нақты күн (мысалы, 05.03.1984)',
    ru: 'существующая дата в виде ДД.ММ.ГГГГ (например, 05.03.1984)',
    en: 'a real date as DD.MM.YYYY (e.g. 05.03.1984)',
  },
  'form.expected.datePast': {
    kk: 'бүгіннен кешіктірмей, КК.АА.ЖЖЖЖ түріндегі нақты күн',
    ru: 'существующая дата не позже сегодняшней, в виде ДД.ММ.ГГГГ',
    en: 'a real date not after today, as DD.MM.YYYY',
  },
  'form.expected.dateFuture': {
    kk: 'бүгіннен ерте емес, КК.АА.ЖЖЖЖ түріндегі нақты күн',
    ru: 'существующая дата не раньше сегодняшней, в виде ДД.ММ.ГГГГ',
    en: 'a real date not before today, as DD.MM.YYYY',
  },
  'form.expected.year': {
    kk: '{min}–{max} аралығындағы төрт цифрлы жыл',
    ru: 'год из четырёх цифр, от {min} до {max}',
    en: 'a four-digit year from {min} to {max}',
  },
  'form.expected.phone': {
    kk: 'Қазақстан телефон нөмірі: +7 немесе 8, одан кейін 10 цифр (мысалы, +7 701 234 56 78)',
    ru: 'телефон Казахстана: +7 или 8 и 10 цифр (например, +7 701 234 56 78)',
    en: 'a Kazakhstan phone number: +7 or 8 and 10 digits (e.g. +7 701 234 56 78)',
  },
  'form.expected.email': {
    kk: 'электрондық пошта мекенжайы (мысалы, aigul@mail.kz)',
    ru: 'адрес электронной почты (например, aigul@mail.kz)',
    en: 'an e-mail address (e.g. aigul@mail.kz)',
  },
  'form.expected.postcode': {
    kk: 'пошта индексі: 6 цифр немесе жаңа түрдегі индекс (мысалы, Z05T3E2)',
    ru: 'почтовый индекс: 6 цифр или индекс нового образца (например, Z05T3E2)',
    en: 'a postcode: 6 digits or the new format (e.g. Z05T3E2)',
  },
  'form.expected.choice': {
    kk: 'мына мәндердің бірі: {choices}',
    ru: 'одно из значений: {choices}',
    en: 'one of: {choices}',
  },
  'form.expected.boolean': { kk: 'иә немесе жоқ (true/false)', ru: 'да или нет (true/false)', en: 'yes or no (true/false)' },
  'form.expected.group': { kk: 'бөлім толтырылуы керек', ru: 'раздел должен быть заполнен', en: 'the section must be filled in' },
  'form.expected.rows': {
    kk: '{min}-ден {max}-ге дейін жол',
    ru: 'от {min} до {max} строк',
    en: 'from {min} to {max} rows',
  },
} satisfies Record<string, Text>;
