import type { Text } from '../text.js';

/** Messages of the application layer (src/app): intake and acting on requests. */
export const appMessages = {
  'app.unknownService': {
    kk: '«{service}» деген қызмет жоқ. Қызметтер тізімі: `anyqtama services`.',
    ru: 'Услуги «{service}» нет. Список услуг: `anyqtama services`.',
    en: 'No service "{service}". See `anyqtama services`.',
  },
  'app.channelNotOffered': {
    kk: 'Бұл қызмет «{channel}» арнасы арқылы көрсетілмейді. Мүмкін арналар: {allowed}.',
    ru: 'Эта услуга не оказывается через канал «{channel}». Возможные каналы: {allowed}.',
    en: 'This service is not offered through "{channel}". Channels: {allowed}.',
  },
  'app.officeNotProvider': {
    kk: '«{office}» ұйымы бұл қызметті көрсетпейді. Көрсететіндер: {allowed}.',
    ru: 'Организация «{office}» не оказывает эту услугу. Оказывают: {allowed}.',
    en: '"{office}" does not provide this service. Providers: {allowed}.',
  },
  'app.clerkNotProvider': {
    kk: 'Сіздің ұйымыңыз ({office}) бұл қызметті көрсетпейді.',
    ru: 'Ваша организация ({office}) не оказывает эту услугу.',
    en: 'Your office ({office}) does not provide this service.',
  },
  'app.clerkOtherOffice': {
    kk: 'Қызметкер өтінішті тек өз ұйымына ({own}) қабылдайды, «{office}» ұйымына емес.',
    ru: 'Сотрудник принимает заявки только в свою организацию ({own}), а не в «{office}».',
    en: 'A clerk takes requests in for their own office ({own}), not for "{office}".',
  },
  'app.officeRequired': {
    kk: 'Қызметті бірнеше ұйым көрсетеді: қайсысына жіберетінін көрсетіңіз (--office): {allowed}.',
    ru: 'Услугу оказывают несколько организаций: укажите, куда направить (--office): {allowed}.',
    en: 'Several offices provide this service; choose one (--office): {allowed}.',
  },
  'app.phoneMismatch': {
    kk: 'Тұтынушының деректерінде бұзушылықтар болуына байланысты авторизациялаудан бас тартылды: Telegram растаған телефон нөмірі ЖСН {iin} бойынша «Жеке тұлғалар» дерекқорындағы нөмірмен сәйкес келмейді. Өтініш қабылданбады. ХҚКО-ға жүгініңіз немесе нөміріңізді жаңартыңыз.',
    ru: 'Отказ в авторизации в связи с нарушениями в данных потребителя: телефон, подтверждённый Telegram, не совпадает с номером в базе «Физические лица» для ИИН {iin}. Заявка не принята. Обратитесь в ЦОН или обновите номер.',
    en: 'Authorisation refused because of violations in the consumer\'s data: the phone Telegram verified does not match the registry\'s number for IIN {iin}. The request was not accepted.',
  },
  'app.attachmentType': {
    kk: '«{name}» файлының түрі қабылданбайды. Рұқсат етілген түрлері: {allowed}.',
    ru: 'Тип файла «{name}» не принимается. Допустимые типы: {allowed}.',
    en: 'File type of "{name}" is not accepted. Allowed: {allowed}.',
  },
  'app.attachmentSize': {
    kk: '«{name}» файлы тым үлкен: ең көбі {mb} МБ.',
    ru: 'Файл «{name}» слишком большой: не более {mb} МБ.',
    en: 'File "{name}" is too large: at most {mb} MB.',
  },
  'app.attachmentEmpty': { kk: '«{name}» файлы бос.', ru: 'Файл «{name}» пустой.', en: 'File "{name}" is empty.' },
  'app.attachmentGone': {
    kk: '«{name}» файлы серверде табылмады. Оны қайта жіберіңіз.',
    ru: 'Файл «{name}» не найден на сервере. Отправьте его ещё раз.',
    en: 'File "{name}" was not found on the server. Please send it again.',
  },
  'app.unknownUser': {
    kk: '«{login}» деген пайдаланушы жоқ. Тізім: `anyqtama users`.',
    ru: 'Пользователя «{login}» нет. Список: `anyqtama users`.',
    en: 'No user "{login}". See `anyqtama users`.',
  },
  'app.userDisabled': { kk: '«{login}» пайдаланушысы бұғатталған.', ru: 'Пользователь «{login}» заблокирован.', en: 'User "{login}" is disabled.' },
  'app.loginRequired': {
    kk: '«{channel}» арнасы арқылы тіркеу үшін қызметкерді көрсетіңіз (--as LOGIN).',
    ru: 'Для регистрации через канал «{channel}» укажите сотрудника (--as LOGIN).',
    en: 'Registering through "{channel}" needs a member of staff (--as LOGIN).',
  },
  'app.draftGone': {
    kk: 'Сақталған жоба ({id}) табылмады немесе ол енді жоба емес: сауалнаманы жаңадан толтырыңыз.',
    ru: 'Сохранённый черновик ({id}) не найден или уже не черновик: заполните анкету заново.',
    en: 'The saved draft ({id}) is gone or no longer a draft: fill the questionnaire again.',
  },
  'app.surveyNoRequest': {
    kk: 'Бұл сауалнаманың өтінімі табылмады.',
    ru: 'Заявка для этой анкеты не найдена.',
    en: 'The request for this survey was not found.',
  },
  'app.surveyAnswered': {
    kk: '№ {number} өтінім бойынша сауалнамаға жауап берілген. Рақмет!',
    ru: 'На анкету по заявке № {number} уже ответили. Спасибо!',
    en: 'The survey for request {number} has already been answered. Thank you!',
  },
  'app.surveyTooEarly': {
    kk: '№ {number} өтінім бойынша сауалнама қызмет нәтижесі шыққаннан кейін ғана толтырылады.',
    ru: 'Анкету по заявке № {number} можно заполнить только после получения результата услуги.',
    en: 'The survey for request {number} opens once the service\'s result is out.',
  },
} satisfies Record<string, Text>;
