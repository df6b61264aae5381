import type { User } from '../store/port.js';

/** Shared by every demo login and printed by `anyqtama demo`; a real deployment sets its own per user. */
export const DEMO_PASSWORD = 'anyqtama-demo';

type DemoUser = Omit<User, 'passwordHash' | 'createdAt'>;

/** At least one login per role, for every demo office. Staff IINs are demo values (valid check digits). */
export const DEMO_USERS: readonly DemoUser[] = [
  { login: 'admin', role: 'admin', fullName: 'Әкімші Демо', lang: 'kk' },
  { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Серікбаева Динара Асқарқызы', iin: '870214400019', lang: 'kk' },
  { login: 'ast-clerk', role: 'clerk', organisationId: 'ast-state-archive', fullName: 'Иванова Ольга Петровна', iin: '820630400012', lang: 'ru' },
  { login: 'ekb-clerk', role: 'clerk', organisationId: 'ekb-employment', fullName: 'Оспанов Марат Бекұлы', iin: '791003300011', lang: 'kk' },
  { login: 'tmr-clerk', role: 'clerk', organisationId: 'tmr-education', fullName: 'Ахметова Жанар Сапарқызы', iin: '860911400017', lang: 'kk' },
  { login: 'kzo-operator', role: 'operator', organisationId: 'kzo-centre', fullName: 'Тәжібаев Нұрлан Ерланұлы', iin: '920405300013', lang: 'kk' },
  { login: 'ast-operator', role: 'operator', organisationId: 'ast-centre', fullName: 'Ким Алина Сергеевна', iin: '950118400015', lang: 'ru' },
  { login: 'ekb-operator', role: 'operator', organisationId: 'ekb-centre', fullName: 'Жақыпова Айжан Болатқызы', iin: '930727400012', lang: 'kk' },
  { login: 'tmr-operator', role: 'operator', organisationId: 'tmr-centre', fullName: 'Смағұлов Ержан Қанатұлы', iin: '890302300015', lang: 'kk' },
  { login: 'callcentre', role: 'callcentre', organisationId: 'callcentre-1414', fullName: 'Байланыс орталығы Демо', lang: 'ru' },
  { login: 'supervisor', role: 'supervisor', fullName: 'Басшы Демо', lang: 'kk' },
];
