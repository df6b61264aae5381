import type { Text } from '../text.js';

/**
 * A disk that refuses the embedded store's writes (full, read-only, failing), and the store's file
 * modes at rest (findings 2026-12-rel B1, m1, M6). "Full" is said only for ENOSPC/EDQUOT; any other
 * refusal names its code. What was not saved is named: a decision, a request, a change.
 */
export const securityStoreMessages = {
  'store.full.change': {
    kk: 'Серверде бос орын қалмады: өзгеріс сақталмады. Әкімшіге хабарлаңыз.',
    ru: 'На сервере закончилось место: изменение не сохранено. Сообщите администратору.',
    en: 'The server is out of disk space: the change was not saved. Tell the administrator.',
  },
  'store.full.decision': {
    kk: 'Серверде бос орын қалмады: шешім сақталмады. Әкімшіге хабарлаңыз.',
    ru: 'На сервере закончилось место: решение не сохранено. Сообщите администратору.',
    en: 'The server is out of disk space: the decision was not saved. Tell the administrator.',
  },
  'store.full.request': {
    kk: 'Серверде бос орын қалмады: өтініш тіркелмеді. Әкімшіге хабарлаңыз.',
    ru: 'На сервере закончилось место: заявка не зарегистрирована. Сообщите администратору.',
    en: 'The server is out of disk space: the request was not registered. Tell the administrator.',
  },
  'store.full.citizen': {
    kk: 'Кешіріңіз, серверде бос орын қалмады: соңғы әрекетіңіз сақталмады. Біраздан кейін қайталап көріңіз.',
    ru: 'Извините, на сервере закончилось место: ваше последнее действие не сохранено. Повторите попытку позже.',
    en: 'Sorry, the server is out of disk space: your last step was not saved. Please try again later.',
  },
  'store.disk.change': {
    kk: 'Сервер дискіге жаза алмады ({reason}): өзгеріс сақталмады. Әкімшіге хабарлаңыз.',
    ru: 'Сервер не смог записать данные на диск ({reason}): изменение не сохранено. Сообщите администратору.',
    en: 'The server could not write to its disk ({reason}): the change was not saved. Tell the administrator.',
  },
  'store.disk.decision': {
    kk: 'Сервер дискіге жаза алмады ({reason}): шешім сақталмады. Әкімшіге хабарлаңыз.',
    ru: 'Сервер не смог записать данные на диск ({reason}): решение не сохранено. Сообщите администратору.',
    en: 'The server could not write to its disk ({reason}): the decision was not saved. Tell the administrator.',
  },
  'store.disk.request': {
    kk: 'Сервер дискіге жаза алмады ({reason}): өтініш тіркелмеді. Әкімшіге хабарлаңыз.',
    ru: 'Сервер не смог записать данные на диск ({reason}): заявка не зарегистрирована. Сообщите администратору.',
    en: 'The server could not write to its disk ({reason}): the request was not registered. Tell the administrator.',
  },
  'store.full.open': {
    kk: 'Серверде бос орын қалмады: қойманы ашу мүмкін болмады. Әкімшіге хабарлаңыз.',
    ru: 'На сервере закончилось место: хранилище не удалось открыть. Сообщите администратору.',
    en: 'The server is out of disk space: the store could not be opened. Tell the administrator.',
  },
  'store.disk.open': {
    kk: 'Сервер дискіге жаза алмады ({reason}): қойманы ашу мүмкін болмады. Әкімшіге хабарлаңыз.',
    ru: 'Сервер не смог записать данные на диск ({reason}): хранилище не удалось открыть. Сообщите администратору.',
    en: 'The server could not write to its disk ({reason}): the store could not be opened. Tell the administrator.',
  },
  'ssh.sessionFailed': {
    kk: 'Сессияда қате шықты, ол жабылды. Қайта кіріңіз; қате қайталанса, әкімшіге хабарлаңыз.',
    ru: 'В сессии произошла ошибка, она закрыта. Войдите снова; если ошибка повторится, сообщите администратору.',
    en: 'This session failed and was closed. Log in again; if it happens again, tell the administrator.',
  },
  'store.permissions.tightened': {
    kk: '{dir} қоймасы: басқа пайдаланушыларға ашық құқықтар қатаңдатылды (файлдар: {files}, қалталар: {dirs}). Енді оларды тек иесі оқи алады (файлдар 0600, қалталар 0700).',
    ru: 'Хранилище {dir}: права, открытые другим пользователям, ужесточены (файлов: {files}, папок: {dirs}). Теперь доступ есть только у владельца (файлы 0600, папки 0700).',
    en: 'Store {dir}: access open to other users was tightened ({files} files, {dirs} folders). Only the owner can read them now (files 0600, folders 0700).',
  },
  'store.permissions.failed': {
    kk: '{dir} қоймасы: {count} файлдың немесе қалтаның құқықтарын өзгерту мүмкін болмады ({reason}), оларды басқа пайдаланушылар оқи алуы мүмкін. Әкімшіге хабарлаңыз.',
    ru: 'Хранилище {dir}: не удалось изменить права (файлов и папок: {count}, {reason}), их могут читать другие пользователи. Сообщите администратору.',
    en: 'Store {dir}: could not change the access of {count} files or folders ({reason}); other users may read them. Tell the administrator.',
  },
} satisfies Record<string, Text>;
