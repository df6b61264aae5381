import type { Text } from '../text.js';

/**
 * State names: «Түскендер» and «Жұмыста» are the seeds' own status labels (S0 A1 T3; S2 A1 T3 has
 * «Өтініштің іске алынған»); «Дәлелді бас тарту» is the seeds' term for a motivated refusal.
 */
export const lifecycleMessages = {
  'lifecycle.resultInvalid': {
    kk: 'Құжаттың мазмұны толық емес: {count} өріс дұрыс толтырылмаған.',
    ru: 'Содержание документа заполнено не полностью: неверно заполнено полей: {count}.',
    en: 'The document\'s content is incomplete: {count} field(s) need attention.',
  },
  'state.DRAFT': { kk: 'Толтырылуда', ru: 'Заполняется', en: 'Draft' },
  'state.INTAKE_REFUSED': { kk: 'Қабылдаудан бас тартылды', ru: 'Отказано в приёме', en: 'Refused at intake' },
  'state.SUBMITTED': { kk: 'Түскендер', ru: 'Поступило', en: 'Received' },
  'state.IN_WORK': { kk: 'Жұмыста', ru: 'В работе', en: 'In work' },
  'state.RETURNED_TO_CENTRE': { kk: 'Орталыққа қайтарылды', ru: 'Возвращено в ЦОН', en: 'Returned to the centre' },
  'state.REFUSED': { kk: 'Дәлелді бас тарту', ru: 'Мотивированный отказ', en: 'Motivated refusal' },
  'state.COMPLETED': { kk: 'Қызмет көрсету аяқталды', ru: 'Оказание услуги завершено', en: 'Completed' },
  'state.ISSUED': { kk: 'Нәтиже берілді', ru: 'Результат выдан', en: 'Result handed over' },
  'state.STORED_UNCOLLECTED': { kk: 'Алынбаған нәтиже сақтауда', ru: 'Невостребованный результат на хранении', en: 'Uncollected, in storage' },

  'action.register': { kk: 'тіркеу', ru: 'регистрация', en: 'register' },
  'action.refuseIntake': { kk: 'қабылдаудан бас тарту', ru: 'отказ в приёме', en: 'refuse at intake' },
  'action.take': { kk: 'жұмысқа алу', ru: 'взять в работу', en: 'take into work' },
  'action.issue': { kk: 'нәтижені беру', ru: 'выдать результат', en: 'issue' },
  'action.refuse': { kk: 'дәлелді бас тарту', ru: 'мотивированный отказ', en: 'refuse' },
  'action.extend': { kk: 'мерзімді ұзарту', ru: 'продлить срок', en: 'extend' },
  'action.return': { kk: 'орталыққа қайтару', ru: 'вернуть в ЦОН', en: 'return to centre' },
  'action.deliver': { kk: 'қолына беру', ru: 'вручить', en: 'hand over' },
  'action.store': { kk: 'сақтауға беру', ru: 'передать на хранение', en: 'store uncollected' },

  'channel.office': { kk: 'қызмет берушінің кеңсесі', ru: 'офис услугодателя', en: 'provider\'s office' },
  'channel.centre': { kk: 'ХҚКО', ru: 'ЦОН', en: 'public service centre' },
  'channel.mobile': { kk: 'мобильдік орталық', ru: 'мобильный ЦОН', en: 'mobile centre' },
  'channel.bot': { kk: 'Telegram-бот', ru: 'Telegram-бот', en: 'Telegram bot' },
  'channel.system': { kk: 'жүйе', ru: 'система', en: 'system' },

  'outcome.issued': { kk: 'анықтама берілді', ru: 'справка выдана', en: 'certificate issued' },
  'outcome.refused': { kk: 'дәлелді бас тарту', ru: 'мотивированный отказ', en: 'motivated refusal' },
  'outcome.returned': { kk: 'орталыққа қайтарылды', ru: 'возвращено в ЦОН', en: 'returned to the centre' },

  'role.citizen': { kk: 'азамат', ru: 'гражданин', en: 'citizen' },
  'role.clerk': { kk: 'қызмет берушінің қызметкері', ru: 'сотрудник услугодателя', en: 'clerk' },
  'role.operator': { kk: 'ХҚКО операторы', ru: 'оператор ЦОН', en: 'centre operator' },
  'role.callcentre': { kk: 'байланыс орталығының операторы', ru: 'оператор контакт-центра', en: 'call-centre' },
  'role.supervisor': { kk: 'басшы', ru: 'руководитель', en: 'supervisor' },
  'role.admin': { kk: 'әкімші', ru: 'администратор', en: 'admin' },
  'role.system': { kk: 'жүйе', ru: 'система', en: 'system' },

  'lifecycle.illegal': {
    kk: '№ {number} өтініш «{state}» күйінде тұр: «{action}» әрекетін қазір орындауға болмайды. Ештеңе өзгерген жоқ.',
    ru: 'Заявка № {number} в состоянии «{state}»: действие «{action}» сейчас невозможно. Ничего не изменено.',
    en: 'Request No. {number} is {state}: "{action}" is not possible now. Nothing was changed.',
  },
  'lifecycle.forbiddenRole': {
    kk: '«{role}» рөлі «{action}» әрекетін орындай алмайды (№ {number}).',
    ru: 'Роль «{role}» не может выполнять действие «{action}» (№ {number}).',
    en: 'Role "{role}" may not "{action}" (No. {number}).',
  },
  'lifecycle.numberRequired': { kk: 'Тіркеу үшін өтініш нөмірі керек.', ru: 'Для регистрации нужен номер заявки.', en: 'A number is needed to register.' },
  'lifecycle.guard.notYourOrganisation': {
    kk: '№ {number} өтініш сіздің ұйымыңызға тиесілі емес.',
    ru: 'Заявка № {number} относится не к вашей организации.',
    en: 'Request No. {number} belongs to another organisation.',
  },
  'lifecycle.guard.channelRole': {
    kk: '«{role}» рөлі «{channel}» арнасы арқылы өтінішті тіркей алмайды.',
    ru: 'Роль «{role}» не может регистрировать заявки через канал «{channel}».',
    en: 'Role "{role}" cannot register requests through channel "{channel}".',
  },
  'lifecycle.guard.reasonRequired': {
    kk: 'Бас тарту себебінің кемінде бір кодын көрсетіңіз (--reason).',
    ru: 'Укажите хотя бы один код причины отказа (--reason).',
    en: 'Give at least one refusal reason code (--reason).',
  },
  'lifecycle.guard.reasonNotForService': {
    kk: '«{code}» себебі бұл қызметке қолданылмайды. Рұқсат етілгендері: {allowed}.',
    ru: 'Причина «{code}» не применяется к этой услуге. Допустимые: {allowed}.',
    en: 'Reason "{code}" does not apply to this service. Allowed: {allowed}.',
  },
  'lifecycle.guard.notIntakeReason': {
    kk: '«{code}» — қабылдау кезіндегі бас тарту себебі емес (R1–R5).',
    ru: '«{code}» — не причина отказа в приёме (R1–R5).',
    en: '"{code}" is not an intake refusal reason (R1–R5).',
  },
  'lifecycle.guard.justificationRequired': {
    kk: 'Негіздеме мәтінін жазыңыз: дәлелді бас тартуда себептің мәтіні болуы міндетті.',
    ru: 'Напишите текст обоснования: мотивированный отказ обязательно содержит обоснование.',
    en: 'Write the justification: a motivated refusal must explain itself.',
  },
  'lifecycle.guard.noExtension': {
    kk: 'Бұл қызметтің мерзімін ұзартуға регламент рұқсат бермейді.',
    ru: 'Регламент этой услуги не предусматривает продления срока.',
    en: 'This service\'s regulation allows no extension.',
  },
  'lifecycle.guard.alreadyExtended': {
    kk: 'Мерзім {date} күні бір рет ұзартылған; екінші рет ұзартуға болмайды.',
    ru: 'Срок уже продлевался {date}; повторное продление невозможно.',
    en: 'The term was already extended on {date}; it cannot be extended twice.',
  },
  'lifecycle.guard.extensionTooLate': {
    kk: 'Мерзім {date} күні өтіп кетті: ұзарту туралы шешім мерзім өткенге дейін қабылданады.',
    ru: 'Срок истёк {date}: решение о продлении принимается до истечения срока.',
    en: 'The term ended on {date}: an extension must be decided before it ends.',
  },
  'lifecycle.guard.groundRequired': {
    kk: 'Ұзарту негізін көрсетіңіз (--reason): {allowed}.',
    ru: 'Укажите основание продления (--reason): {allowed}.',
    en: 'Give the extension ground (--reason): {allowed}.',
  },
  'lifecycle.guard.groundNotForOffice': {
    kk: '«{code}» негізі сіздің ұйымыңыздың баптауларында жоқ.',
    ru: 'Основание «{code}» не предусмотрено настройками вашей организации.',
    en: 'Ground "{code}" is not enabled for your office.',
  },
  'lifecycle.guard.noReturn': {
    kk: 'Бұл қызмет бойынша құжаттарды орталыққа қайтару көзделмеген.',
    ru: 'Возврат документов в ЦОН по этой услуге не предусмотрен.',
    en: 'This service provides no return to the centre.',
  },
  'lifecycle.guard.returnOnlyCentre': {
    kk: 'Орталыққа тек орталық арқылы келген құжаттар қайтарылады.',
    ru: 'Вернуть в ЦОН можно только документы, поступившие из ЦОН.',
    en: 'Only documents received from a centre can be returned to it.',
  },
  'lifecycle.guard.returnTooLate': {
    kk: 'Орталыққа қайтару мерзімі {date} күні өтті (3 жұмыс күні). Өтінішті қарап, шешім шығарыңыз.',
    ru: 'Срок возврата в ЦОН истёк {date} (3 рабочих дня). Рассмотрите заявку и примите решение.',
    en: 'The 3-working-day return period ended on {date}. Decide the request instead.',
  },
  'lifecycle.guard.notYetUncollected': {
    kk: 'Нәтиже сақтауға дайын болғаннан кейін {days} күн өткен соң ғана беріледі.',
    ru: 'Результат передаётся на хранение не раньше чем через {days} дней после готовности.',
    en: 'A result goes into storage only {days} days after it was ready.',
  },
} satisfies Record<string, Text>;
