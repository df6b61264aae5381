import type { Text } from '../text.js';

/**
 * Production calendar and due dates. `calendar.data.*` name a mistake in a hand-edited year file
 * ({entry} is the JSON path and value, e.g. `holidays[3].date = "2026-13-01"`); `calendar.explain.*`
 * are the lines that tell a citizen or clerk how a due date was reached.
 */
export const calendarMessages = {
  'calendar.data.notObject': {
    kk: '{year} жылғы күнтізбе файлы JSON нысаны болуы керек ({entry}).',
    ru: 'Файл календаря на {year} год должен быть JSON-объектом ({entry}).',
    en: 'The {year} calendar file must be a JSON object ({entry}).',
  },
  'calendar.data.year': {
    kk: 'Күнтізбе файлы, {entry}: жыл 1991 бен 2200 аралығындағы бүтін сан болуы керек.',
    ru: 'Файл календаря, {entry}: год должен быть целым числом от 1991 до 2200.',
    en: 'Calendar file, {entry}: the year must be a whole number from 1991 to 2200.',
  },
  'calendar.data.sources': {
    kk: '{year} жылғы күнтізбе, {entry}: дереккөздер тізімі бос болмауы керек (деректер қайдан алынғанын жазыңыз).',
    ru: 'Календарь на {year} год, {entry}: список источников не должен быть пустым (укажите, откуда взяты данные).',
    en: '{year} calendar, {entry}: list at least one source the dates were taken from.',
  },
  'calendar.data.date': {
    kk: '{year} жылғы күнтізбе, {entry}: ЖЖЖЖ-АА-КК түріндегі нақты күн керек (мысалы, {year}-03-21).',
    ru: 'Календарь на {year} год, {entry}: нужна существующая дата в виде ГГГГ-ММ-ДД (например, {year}-03-21).',
    en: '{year} calendar, {entry}: a real date written YYYY-MM-DD is needed (e.g. {year}-03-21).',
  },
  'calendar.data.name': {
    kk: '{year} жылғы күнтізбе, {entry}: атауы қазақша (kk) және орысша (ru) толтырылуы керек.',
    ru: 'Календарь на {year} год, {entry}: название должно быть заполнено на казахском (kk) и русском (ru).',
    en: '{year} calendar, {entry}: the name must be filled in Kazakh (kk) and Russian (ru).',
  },
  'calendar.data.religious': {
    kk: '{year} жылғы күнтізбе, {entry}: religious өрісі true (діни мереке, ауыстырылмайды) немесе false болуы керек.',
    ru: 'Календарь на {year} год, {entry}: поле religious должно быть true (религиозный праздник, не переносится) или false.',
    en: '{year} calendar, {entry}: religious must be true (religious holiday, never moved) or false.',
  },
  'calendar.data.basis': {
    kk: '{year} жылғы күнтізбе, {entry}: негіздемесі (қаулы, бұйрық немесе шешім) жазылуы керек.',
    ru: 'Календарь на {year} год, {entry}: нужно указать основание (постановление, приказ или решение).',
    en: '{year} calendar, {entry}: state the basis (decree, order or decision).',
  },
  'calendar.data.shape': {
    kk: '{year} жылғы күнтізбе, {entry}: жазба пішімі дұрыс емес; data/calendar/2026.json үлгісін қараңыз.',
    ru: 'Календарь на {year} год, {entry}: запись не соответствует формату; см. образец data/calendar/2026.json.',
    en: '{year} calendar, {entry}: the entry does not have the expected form; see data/calendar/2026.json.',
  },
  'calendar.data.unknownKey': {
    kk: '{year} жылғы күнтізбе, {entry}: мұндай өріс жоқ (атауында қате болуы мүмкін).',
    ru: 'Календарь на {year} год, {entry}: такого поля нет (возможно, опечатка в названии).',
    en: '{year} calendar, {entry}: no such field (perhaps a typo in its name).',
  },
  'calendar.data.outsideYear': {
    kk: '{year} жылғы күнтізбе, {entry}: күн {year} жылға жатуы керек.',
    ru: 'Календарь на {year} год, {entry}: дата должна относиться к {year} году.',
    en: '{year} calendar, {entry}: the date must be in {year}.',
  },
  'calendar.data.duplicate': {
    kk: '{year} жылғы күнтізбе, {entry}: бұл күн мерекелер тізімінде екі рет көрсетілген.',
    ru: 'Календарь на {year} год, {entry}: эта дата указана в списке праздников дважды.',
    en: '{year} calendar, {entry}: this date is listed twice among the holidays.',
  },
  'calendar.data.dayOffNotWeekday': {
    kk: '{year} жылғы күнтізбе, {entry}: демалыс болатын күн дүйсенбі–жұма аралығындағы жұмыс күні болуы керек, мереке емес.',
    ru: 'Календарь на {year} год, {entry}: выходным можно сделать только рабочий день с понедельника по пятницу, не праздник.',
    en: '{year} calendar, {entry}: the day made a day off must be a Monday–Friday working day, not a holiday.',
  },
  'calendar.data.workdayNotWeekend': {
    kk: '{year} жылғы күнтізбе, {entry}: жұмыс күні болатын күн сенбі немесе жексенбі болуы керек, мереке емес.',
    ru: 'Календарь на {year} год, {entry}: рабочим можно сделать только субботу или воскресенье, не праздник.',
    en: '{year} calendar, {entry}: the day made a working day must be a Saturday or Sunday, not a holiday.',
  },
  'calendar.data.duplicateYear': {
    kk: '{year} жылғы күнтізбе екі рет жүктелді: әр жылға бір файл болуы керек (файлдардағы "year" өрісін тексеріңіз).',
    ru: 'Календарь на {year} год загружен дважды: на каждый год должен быть один файл (проверьте поле "year" в файлах).',
    en: 'The {year} calendar was loaded twice: one file per year (check the "year" field of the files).',
  },

  'calendar.unit.calendar.one': { kk: 'күнтізбелік күн', ru: 'календарный день', en: 'calendar day' },
  'calendar.unit.calendar.few': { kk: 'күнтізбелік күн', ru: 'календарных дня', en: 'calendar days' },
  'calendar.unit.calendar.many': { kk: 'күнтізбелік күн', ru: 'календарных дней', en: 'calendar days' },
  'calendar.unit.working.one': { kk: 'жұмыс күні', ru: 'рабочий день', en: 'working day' },
  'calendar.unit.working.few': { kk: 'жұмыс күні', ru: 'рабочих дня', en: 'working days' },
  'calendar.unit.working.many': { kk: 'жұмыс күні', ru: 'рабочих дней', en: 'working days' },
  'calendar.unit.months.one': { kk: 'ай', ru: 'месяц', en: 'month' },
  'calendar.unit.months.few': { kk: 'ай', ru: 'месяца', en: 'months' },
  'calendar.unit.months.many': { kk: 'ай', ru: 'месяцев', en: 'months' },

  'calendar.kind.workday': { kk: 'жұмыс күні', ru: 'рабочий день', en: 'working day' },
  'calendar.kind.weekend': { kk: 'демалыс күні', ru: 'выходной день', en: 'weekend' },
  'calendar.kind.holiday': { kk: 'мереке күні', ru: 'праздничный день', en: 'public holiday' },
  'calendar.kind.moved-day-off': { kk: 'ауыстырылған демалыс күні', ru: 'перенесённый выходной', en: 'moved day off' },
  'calendar.kind.decree-day-off': {
    kk: 'демалыс күнін ауыстыру туралы шешім бойынша демалыс',
    ru: 'выходной по решению о переносе выходного дня',
    en: 'day off by a transfer decree',
  },
  'calendar.kind.decree-workday': {
    kk: 'демалыс күнін ауыстыру туралы шешім бойынша жұмыс күні',
    ru: 'рабочий день по решению о переносе выходного дня',
    en: 'working day by a transfer decree',
  },
  'calendar.kind.extra-day-off': { kk: 'қосымша демалыс күні', ru: 'дополнительный выходной', en: 'extra day off' },
  'calendar.kind.extra-workday': { kk: 'қосымша жұмыс күні', ru: 'дополнительный рабочий день', en: 'extra working day' },

  'calendar.explain.submittedOn': { kk: 'Тапсырылған күні: {date}', ru: 'Дата подачи: {date}', en: 'Submitted on: {date}' },
  'calendar.explain.rule': { kk: 'Ереже: {amount} {unit}', ru: 'Правило: {amount} {unit}', en: 'Rule: {amount} {unit}' },
  'calendar.explain.firstCountedDay': {
    kk: 'Есептеу басталатын күн: {date}',
    ru: 'Первый день отсчёта: {date}',
    en: 'First counted day: {date}',
  },
  'calendar.explain.skipped': {
    kk: 'Өткізілген демалыс/мереке күндері: {days}',
    ru: 'Пропущенные выходные и праздничные дни: {days}',
    en: 'Days off skipped: {days}',
  },
  'calendar.explain.day': { kk: '{date} ({what})', ru: '{date} ({what})', en: '{date} ({what})' },
  'calendar.explain.movedDay': { kk: '{name}, ауыстырылған демалыс', ru: '{name}, перенесённый выходной', en: '{name}, moved day off' },
  'calendar.explain.rolled': {
    kk: 'Соңғы күн демалысқа түсті, келесі жұмыс күніне ауыстырылды: {from} → {to}',
    ru: 'Последний день пришёлся на нерабочий день и перенесён на следующий рабочий день: {from} → {to}',
    en: 'The last day fell on a day off and moved to the next working day: {from} → {to}',
  },
  'calendar.explain.due': {
    kk: 'Орындау мерзімі: {date}',
    ru: 'Срок исполнения: {date}',
    en: 'Due date: {date}',
  },
  'calendar.explain.unknownYears': {
    kk: 'Назар аударыңыз: {years} жылдың өндірістік күнтізбесі енгізілмеген, тек сенбі мен жексенбі демалыс деп есептелді; мерзімді тексеріңіз.',
    ru: 'Внимание: производственный календарь на {years} год не загружен, нерабочими считались только субботы и воскресенья; проверьте срок.',
    en: 'Note: no production calendar for {years}; only Saturdays and Sundays were taken as days off. Check the due date.',
  },
} satisfies Record<string, Text>;
