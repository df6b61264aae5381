import type { Field, GroupCheck, GroupField } from '../forms/field.js';
import { parseIin } from '../identity/iin.js';

/**
 * Field groups every service asks: who applies, who represents him or her, and (archives only)
 * the organisation on whose behalf the applicant acts. The applicant fields follow the Astana
 * portal screen (SPEC §5.2, S2 step 5), whose Kazakh equivalents are the SPEC's proposals.
 */

const INFERRED = 'office practice (inferred)';
const S2_STEP5 = 'S2 portal screenshot, step 5 «Информация о заявителе» (SPEC §5.2)';

/** Surname, first name, patronymic: the three parts every person group asks in this order. */
export function nameFields(source: string): readonly Field[] {
  return [
    { id: 'lastName', kind: 'name', required: true, source, label: { kk: 'Тегі', ru: 'Фамилия' } },
    { id: 'firstName', kind: 'name', required: true, source, label: { kk: 'Аты', ru: 'Имя' } },
    {
      id: 'patronymic', kind: 'name', required: false, source,
      label: { kk: 'Әкесінің аты', ru: 'Отчество' },
      hint: { kk: 'болса көрсетіңіз', ru: 'укажите при наличии' },
    },
  ];
}

export const iinHint = { kk: '12 цифр, жеке куәлікте көрсетілген', ru: '12 цифр, указан в удостоверении личности' };
export const dateHint = { kk: 'КК.АА.ЖЖЖЖ, мысалы 05.03.1985', ru: 'ДД.ММ.ГГГГ, например 05.03.1985' };

/**
 * The IIN carries the birth date (SPEC glossary; identity/iin.ts), so a birth date that differs is
 * a typo in one of the two. Skipped while either is missing or itself invalid: that field already
 * has its own problem.
 */
export const birthDateMatchesIin: GroupCheck = {
  field: 'birthDate',
  test: (v) => {
    if (typeof v.iin !== 'string' || typeof v.birthDate !== 'string') return true;
    const iin = parseIin(v.iin);
    return !iin.ok || iin.value.birthDate === v.birthDate;
  },
  expected: {
    kk: 'туған күні ЖСН-дегі туған күнмен сәйкес келуі керек (ЖСН-нің алғашқы 6 цифры: ЖЖААКК)',
    ru: 'дата рождения должна совпадать с датой в ИИН (первые 6 цифр ИИН: ГГММДД)',
  },
};

/** Under 18 on `today`: the person is a minor (кәмелетке толмаған). */
export function isMinorOn(birthDate: string, today: string): boolean {
  const eighteenthBirthday = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  return today < eighteenthBirthday;
}

/** For the child of S1-D and the ward of S3-A/B: both services exist only for minors (titles, SPEC §2.0). */
export const minorOnToday: GroupCheck = {
  field: 'birthDate',
  test: (v, today) => typeof v.birthDate !== 'string' || isMinorOn(v.birthDate, today),
  expected: {
    kk: 'бала кәмелетке толмаған болуы керек: бүгін оған 18 жас толмаған',
    ru: 'ребёнок должен быть несовершеннолетним: на сегодня ему нет 18 лет',
  },
};

export const applicantGroup: GroupField = {
  id: 'applicant',
  kind: 'group',
  required: true,
  label: { kk: 'Өтініш беруші', ru: 'Заявитель' },
  source: S2_STEP5,
  checks: [birthDateMatchesIin],
  fields: [
    { id: 'iin', kind: 'iin', required: true, source: `${S2_STEP5}; S2 §9`, label: { kk: 'ЖСН', ru: 'ИИН' }, hint: iinHint },
    ...nameFields(S2_STEP5),
    { id: 'birthDate', kind: 'date', when: 'past', required: true, source: S2_STEP5, label: { kk: 'Туған күні', ru: 'Дата рождения' }, hint: dateHint },
    {
      // S2 marks the phone optional and the e-mail required; a counter needs a phone to call
      // the applicant back, while e-mail is only one way to deliver the result (S0 §6.11).
      id: 'phone', kind: 'phone', required: true, source: `S0 A3 H4; ${S2_STEP5} (required here: ${INFERRED})`,
      label: { kk: 'Байланыс телефоны', ru: 'Контактный телефон' },
      hint: { kk: 'мысалы, +7 701 123 45 67', ru: 'например, +7 701 123 45 67' },
    },
    {
      id: 'email', kind: 'email', required: false, source: `${S2_STEP5} (optional here: ${INFERRED}); S0 §6.11`,
      label: { kk: 'Электрондық пошта', ru: 'Электронная почта' },
      hint: { kk: 'нәтижені поштаға жіберу үшін, мысалы aigul@mail.kz', ru: 'для отправки результата, например aigul@mail.kz' },
    },
    {
      id: 'postalAddress', kind: 'text', required: true, source: `S0 A3 H3; ${S2_STEP5}`,
      label: { kk: 'Пошталық мекенжайы', ru: 'Почтовый адрес' },
      hint: { kk: 'елді мекен, көше, үй, пәтер', ru: 'населённый пункт, улица, дом, квартира' },
    },
    {
      id: 'postcode', kind: 'postcode', required: false, source: S2_STEP5,
      label: { kk: 'Пошталық индекс', ru: 'Почтовый индекс' },
      hint: { kk: 'мысалы, 120008 немесе Z05T3E2', ru: 'например, 120008 или Z05T3E2' },
    },
    // Optional at the counter: the clerk sees the identity document itself (SPEC §5.2 marks them
    // required on the portal screen, where no document is shown).
    { id: 'idDocNumber', kind: 'text', maxLength: 20, required: false, source: S2_STEP5, label: { kk: 'Жеке куәлік нөмірі', ru: 'Номер удостоверения личности' } },
    { id: 'idDocIssuer', kind: 'text', maxLength: 100, required: false, source: S2_STEP5, label: { kk: 'Кім берді', ru: 'Кем выдан' }, hint: { kk: 'мысалы, ҚР ІІМ', ru: 'например, МВД РК' } },
    { id: 'idDocIssueDate', kind: 'date', when: 'past', required: false, source: S2_STEP5, label: { kk: 'Берілген күні', ru: 'Дата выдачи' }, hint: dateHint },
  ],
};

/**
 * A person acting for the applicant. The service's `representation` rule says which document
 * proves the authority (S0 §6.1 any authority document; S3 §7.2 a notarised PoA only).
 */
export const representativeGroup: GroupField = {
  id: 'representative',
  kind: 'group',
  required: false,
  label: { kk: 'Өкіл (сенімхат бойынша)', ru: 'Представитель (по доверенности)' },
  hint: { kk: 'өтініш берушінің атынан басқа адам өтініш берсе ғана толтырылады', ru: 'заполняется, только если за заявителя обращается другое лицо' },
  source: 'S0 §6.1; S3 §7.2; SPEC §5.3',
  fields: [
    { id: 'iin', kind: 'iin', required: true, source: 'S3 §7.2; SPEC §5.3', label: { kk: 'Өкілдің ЖСН', ru: 'ИИН представителя' }, hint: iinHint },
    ...nameFields('S3 §7.2; SPEC §5.3'),
    {
      id: 'poaNumber', kind: 'text', maxLength: 50, required: true, source: 'S0 §6.1; S3 §7.2; SPEC §5.3',
      label: { kk: 'Сенімхаттың (өкілеттік құжатының) нөмірі', ru: 'Номер доверенности (документа о полномочиях)' },
      hint: { kk: 'мысалы, 2026/1234', ru: 'например, 2026/1234' },
    },
    {
      id: 'poaIssuedOn', kind: 'date', when: 'past', required: true, source: 'S0 §6.1; S3 §7.2; SPEC §5.3',
      label: { kk: 'Сенімхат берілген күн', ru: 'Дата выдачи доверенности' }, hint: dateHint,
    },
  ],
};

/** Archives only: a legal entity may apply (S2 def. 11); the applicant then acts for it. */
export const organisationGroup: GroupField = {
  id: 'organisation',
  kind: 'group',
  required: false,
  label: { kk: 'Заңды тұлға (ұйым атынан өтініш берілсе)', ru: 'Юридическое лицо (если заявление подаётся от организации)' },
  hint: { kk: 'бұл жағдайда өтініш беруші — ұйымның өкілі', ru: 'в этом случае заявитель — представитель организации' },
  source: 'S2 def. 11; S2 A5 «(жеке тұлғаның Т.А.Ә. немесе заңды тұлғаның атауы)»; S0 §8.1 (IIN/BIN)',
  fields: [
    { id: 'bin', kind: 'bin', required: true, source: 'S0 §8.1; S2 §18', label: { kk: 'БСН', ru: 'БИН' }, hint: { kk: '12 цифр, тіркеу куәлігінде көрсетілген', ru: '12 цифр, указан в справке о регистрации' } },
    { id: 'name', kind: 'text', maxLength: 200, required: true, source: 'S2 A5', label: { kk: 'Заңды тұлғаның атауы', ru: 'Наименование юридического лица' }, hint: { kk: 'мысалы, «Сыр медиа» ЖШС', ru: 'например, ТОО «Сыр медиа»' } },
  ],
};
