import type { Text } from '../text.js';

/**
 * Messages of the reference data: the quality survey (survey.ts) and the offices configuration
 * (offices.ts). The refusal texts and the survey wording are data and live in their own modules.
 */
export const referenceMessages = {
  'reference.survey.invalidQ1': {
    kk: '1-сұрақтың (қызмет көрсету үдерісінің сапасы мен нәтижесі туралы) жауабы дұрыс емес: 1, 2 немесе 3 жауабын таңдаңыз.',
    ru: 'Неверный ответ на вопрос 1 (о качестве процесса и результате оказания услуги): выберите ответ 1, 2 или 3.',
    en: 'Invalid answer to question 1 (quality of the process and result of the service): choose 1, 2 or 3.',
  },
  'reference.survey.invalidQ2': {
    kk: '2-сұрақтың (қызмет көрсету тәртібі туралы ақпараттың сапасы туралы) жауабы дұрыс емес: 1, 2 немесе 3 жауабын таңдаңыз.',
    ru: 'Неверный ответ на вопрос 2 (о качестве информации о порядке оказания услуги): выберите ответ 1, 2 или 3.',
    en: 'Invalid answer to question 2 (quality of the information on the procedure): choose 1, 2 or 3.',
  },
  'reference.survey.invalidBoth': {
    kk: 'Екі сұрақтың да жауабы дұрыс емес: әр сұрақ бойынша 1, 2 немесе 3 жауабын таңдаңыз.',
    ru: 'Неверные ответы на оба вопроса: по каждому вопросу выберите ответ 1, 2 или 3.',
    en: 'Invalid answers to both questions: choose 1, 2 or 3 for each.',
  },
  'reference.survey.expected': {
    kk: '1, 2 немесе 3 (қанағаттанған жоқпын / ішінара қанағаттанамын / қанағаттанамын)',
    ru: '1, 2 или 3 (не удовлетворён / частично удовлетворён / удовлетворён)',
    en: '1, 2 or 3 (not satisfied / partially satisfied / satisfied)',
  },
  'reference.offices.notObject': {
    kk: 'Ұйымдар баптауы (offices.json) JSON нысаны болуы керек.',
    ru: 'Настройки организаций (offices.json) должны быть JSON-объектом.',
    en: 'The organisations configuration (offices.json) must be a JSON object.',
  },
  'reference.offices.invalidField': {
    kk: 'Ұйымдар баптауында (offices.json) «{field}» өрісі дұрыс толтырылмаған.',
    ru: 'В настройках организаций (offices.json) неверно заполнено поле «{field}».',
    en: 'In the organisations configuration (offices.json) the field "{field}" is invalid.',
  },
  'reference.offices.invalidEntry': {
    kk: 'Ұйымдар баптауында (offices.json) «{entry}» жазбасының «{field}» өрісі дұрыс толтырылмаған.',
    ru: 'В настройках организаций (offices.json) неверно заполнено поле «{field}» записи «{entry}».',
    en: 'In the organisations configuration (offices.json) entry "{entry}" has an invalid field "{field}".',
  },
  'reference.offices.unknownValue': {
    kk: 'Ұйымдар баптауында (offices.json) «{entry}» жазбасының «{field}» өрісінде белгісіз мән бар. Рұқсат етілген мәндер: {allowed}.',
    ru: 'В настройках организаций (offices.json) поле «{field}» записи «{entry}» содержит неизвестное значение. Допустимые значения: {allowed}.',
    en: 'In the organisations configuration (offices.json) entry "{entry}", field "{field}" has an unknown value. Allowed: {allowed}.',
  },
  'reference.offices.unknownKey': {
    kk: 'Ұйымдар баптауында (offices.json) «{entry}» жазбасында белгісіз өріс бар: {field}.',
    ru: 'В настройках организаций (offices.json) запись «{entry}» содержит неизвестное поле: {field}.',
    en: 'In the organisations configuration (offices.json) entry "{entry}" has an unknown field: {field}.',
  },
  'reference.offices.duplicateId': {
    kk: 'Ұйымдар баптауында (offices.json) «{id}» идентификаторы бірнеше рет кездеседі.',
    ru: 'В настройках организаций (offices.json) идентификатор «{id}» встречается больше одного раза.',
    en: 'In the organisations configuration (offices.json) the id "{id}" occurs more than once.',
  },
  'reference.offices.providerWithoutService': {
    kk: 'Ұйымдар баптауында (offices.json) «{entry}» қызмет берушісі бірде-бір қызметті көрсетпейді: «services» өрісін толтырыңыз.',
    ru: 'В настройках организаций (offices.json) услугодатель «{entry}» не оказывает ни одной услуги: заполните поле «services».',
    en: 'In the organisations configuration (offices.json) provider "{entry}" provides no service: fill in "services".',
  },
  'reference.offices.groundForUnprovidedService': {
    kk: 'Ұйымдар баптауында (offices.json) «{entry}» жазбасы өзі көрсетпейтін «{service}» қызметі үшін мерзімді ұзарту негіздерін береді.',
    ru: 'В настройках организаций (offices.json) запись «{entry}» задаёт основания продления срока для услуги «{service}», которую не оказывает.',
    en: 'In the organisations configuration (offices.json) entry "{entry}" lists extension grounds for "{service}", which it does not provide.',
  },
} satisfies Record<string, Text>;
