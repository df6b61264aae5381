import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answer, answersOf, back, confirm, editAt, editMenu, isAtSummary, KEEP, prompt, skip, startQuestionnaire, summary,
  type Prompt, type QuestionnaireState,
} from '../../src/bot/questionnaire.js';
import type { Field, FormDef } from '../../src/core/forms/field.js';
import { validateForm } from '../../src/core/forms/validate.js';
import { t } from '../../src/core/i18n/catalogue.js';
import type { Lang, Text } from '../../src/core/i18n/text.js';
import { withCheckDigit } from '../../src/core/identity/iin.js';
import type { Result } from '../../src/core/result.js';
import { archiveCertificate } from '../../src/core/services/archive-certificate.js';
import { SERVICES } from '../../src/core/services/catalogue.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { guardianshipMinorDepositsInheritance } from '../../src/core/services/guardianship-minor-deposits-inheritance.js';
import { unemployedCertificate } from '../../src/core/services/unemployed-certificate.js';

const TODAY = '2026-03-10';
const BIN = withCheckDigit('99034000123')!;
const archive = archiveCertificate.form;
const unemployed = unemployedCertificate.form;

function valueOf<T>(r: Result<T, unknown>): T {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

function refusal<T>(r: Result<T, Text>): Text {
  if (r.ok) throw new Error('accepted');
  return r.error;
}

function at(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), root);
}

/** Every stored state must come back from the store exactly as it went in. */
function expectStorable(state: QuestionnaireState): void {
  expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
}

function ask(form: FormDef, state: QuestionnaireState, lang: Lang = 'kk'): Prompt {
  const p = prompt(form, state, lang, TODAY);
  expect(p.text.length).toBeLessThanOrEqual(4096);
  return p;
}

function typedChoice(form: FormDef, path: string, value: unknown, lang: Lang): string {
  const field = path.split('.').filter((p) => !/^\d+$/.test(p)).reduce<Field | undefined>(
    (f, id) => (f === undefined ? form.fields : f.kind === 'group' ? f.fields : []).find((x) => x.id === id), undefined);
  if (field?.kind !== 'choice') return String(value);
  const choice = field.choices.find((c) => c.value === value);
  return choice ? choice.label[lang === 'en' ? 'ru' : lang].toUpperCase() : String(value);
}

/**
 * Answers every question the way a citizen would, from a filled questionnaire: typed values
 * (choices by their label), the optional sections and rows it has; skips what it leaves out.
 */
function walk(form: FormDef, filled: Record<string, unknown>, lang: Lang, state = startQuestionnaire(form)): { state: QuestionnaireState; asked: string[] } {
  const asked: string[] = [];
  for (let i = 0; i < 300 && !isAtSummary(state); i++) {
    expectStorable(state);
    const p = ask(form, state, lang);
    asked.push(`${p.kind}:${p.path}`);
    const given = at(filled, p.path);
    let next: Result<QuestionnaireState, Text>;
    if (p.kind === 'field') {
      next = given === undefined ? skip(form, state, TODAY) : answer(form, state, typedChoice(form, p.path, given, lang), TODAY);
    } else if (p.kind === 'enterGroup') {
      next = answer(form, state, given === undefined ? 'no' : 'yes', TODAY);
    } else {
      const have = at(state.answers, p.path);
      const want = Array.isArray(given) ? given.length : 0;
      next = answer(form, state, (Array.isArray(have) ? have.length : 0) < want ? 'more' : 'done', TODAY);
    }
    state = valueOf(next);
  }
  expectStorable(state);
  expect(isAtSummary(state)).toBe(true);
  return { state, asked };
}

describe('walking every service to the summary', () => {
  for (const service of SERVICES) {
    for (const lang of ['kk', 'ru'] as const) {
      it(`${service.id} (${lang}): the example answers, typed one by one, are what the core accepts`, () => {
        const example = exampleAnswers(service.id);
        const { state } = walk(service.form, example, lang);
        expect(isAtSummary(state)).toBe(true);
        const expected = valueOf(validateForm(service.form, example, TODAY));
        expect(valueOf(validateForm(service.form, answersOf(state), TODAY))).toEqual(expected);
        expect(valueOf(confirm(service.form, state, TODAY)).answers).toEqual(expected);
        const parts = summary(service.form, state, lang);
        expect(parts.every((p) => p.length <= 4096)).toBe(true);
        expect(parts[parts.length - 1]!.endsWith(t(lang, 'botForm.summary.confirm'))).toBe(true);
        const p = ask(service.form, state, lang);
        expect(p).toMatchObject({ kind: 'summary', canSkip: false, canBack: true });
        expect(p.buttons.flat().map((b) => b.value)).toEqual(['confirm', 'edit']);
      });
    }
  }

  it('asks in form order, one question at a time, with the section, hint, format and step count', () => {
    const { asked } = walk(unemployed, exampleAnswers('unemployed-certificate'), 'kk');
    expect(asked.slice(0, 3)).toEqual(['field:applicant.iin', 'field:applicant.lastName', 'field:applicant.firstName']);
    expect(asked.slice(-3)).toEqual(['enterGroup:representative', 'field:registration.registeredOn', 'field:registration.presentTo']);
    const first = ask(unemployed, startQuestionnaire(unemployed), 'kk');
    expect(first.text).toContain('Өтініш беруші');
    expect(first.text).toContain('ЖСН');
    expect(first.text).toContain('12 цифр, жеке куәлікте көрсетілген');
    expect(first.text).toContain('(қадам 1/15)');
    expect(first).toMatchObject({ kind: 'field', path: 'applicant.iin', canSkip: false, canBack: false, buttons: [] });
    const ru = ask(unemployed, startQuestionnaire(unemployed), 'ru');
    expect(ru.text).toContain('Заявитель');
    expect(ru.text).toContain('(шаг 1 из 15)');
  });

  it('shows the summary the way a person reads it: dates DD.MM.YYYY, choice labels, sections not filled', () => {
    const { state } = walk(guardianshipMinorDepositsInheritance.form, exampleAnswers('guardianship-minor-deposits-inheritance'), 'ru');
    const text = summary(guardianshipMinorDepositsInheritance.form, state, 'ru').join('\n');
    expect(text).toContain('• Дата рождения: 22.05.1988');
    expect(text).toContain('• Для чего нужна справка: для распоряжения вкладом в банке');
    expect(text).toContain('• Кем заявитель приходится ребёнку: опекун');
    expect(text).toContain('• Представитель (по доверенности): не заполнено');
    expect(text).not.toContain('1988-05-22');
    expect(text).not.toContain('BANK_DEPOSIT');
  });
});

const L = (kk: string, ru: string): Text => ({ kk, ru });

/** Every kind of field, for the refusals each kind gives. */
const kinds: FormDef = {
  fields: [
    {
      id: 'p', kind: 'group', required: true, label: L('Сынақ', 'Проба'),
      fields: [
        { id: 'name', kind: 'name', required: true, label: L('Аты', 'Имя') },
        { id: 'line', kind: 'text', maxLength: 10, required: true, label: L('Мекенжай', 'Адрес') },
        { id: 'story', kind: 'multiline', maxLength: 50, required: true, label: L('Әңгіме', 'Рассказ') },
        { id: 'iin', kind: 'iin', required: true, label: L('ЖСН', 'ИИН') },
        { id: 'bin', kind: 'bin', required: true, label: L('БСН', 'БИН') },
        { id: 'either', kind: 'iinOrBin', required: true, label: L('ЖСН не БСН', 'ИИН или БИН') },
        { id: 'born', kind: 'date', when: 'past', required: true, label: L('Туған күні', 'Дата рождения') },
        { id: 'year', kind: 'year', min: 1990, required: true, label: L('Жылы', 'Год') },
        { id: 'phone', kind: 'phone', required: true, label: L('Телефон', 'Телефон') },
        { id: 'email', kind: 'email', required: true, label: L('Пошта', 'Почта') },
        { id: 'postcode', kind: 'postcode', required: true, label: L('Индекс', 'Индекс') },
        {
          id: 'colour', kind: 'choice', required: true, label: L('Түсі', 'Цвет'),
          choices: [{ value: 'RED', label: L('қызыл', 'красный') }, { value: 'BLUE', label: L('көк', 'синий') }],
        },
        { id: 'agree', kind: 'boolean', required: true, label: L('Келісім', 'Согласие') },
        { id: 'note', kind: 'text', required: false, label: L('Ескерту', 'Примечание') },
      ],
    },
    {
      id: 'rows', kind: 'group', required: true, repeat: { min: 1, max: 2 }, label: L('Жолдар', 'Строки'),
      fields: [{ id: 'title', kind: 'text', required: true, label: L('Атауы', 'Название') }],
    },
  ],
};

const kindsFilled = {
  p: {
    name: 'Айгүл', line: 'Абай 14', story: 'бір\nекі', iin: '850305400010', bin: BIN, either: BIN, born: '05.03.1985',
    year: '2005', phone: '8 701 123 45 67', email: 'Aigul@Mail.kz', postcode: 'z05t3e2', colour: 'BLUE', agree: true,
  },
  rows: [{ title: 'бірінші' }, { title: 'екінші' }],
};

function labelOf(id: string): Text {
  const group = kinds.fields[0]!;
  const field = group.kind === 'group' ? group.fields.find((f) => f.id === id) : undefined;
  return field!.label;
}

/** The state asking the field `p.<id>` of the kinds form. */
function askingKind(id: string): QuestionnaireState {
  const state = editAt(kinds, startQuestionnaire(kinds), `p.${id}`);
  expect(ask(kinds, state).path).toBe(`p.${id}`);
  return state;
}

describe('a refused answer', () => {
  const bad: Array<[string, string]> = [
    ['name', '😀😀'], ['name', 'محمد'], ['name', '王伟'], ['name', 'Айгүл2'], ['name', '     '], ['name', 'А'.repeat(4096)],
    ['name', 'Ай\u0000гүл'], ['line', 'a\u202Eb'], ['line', 'a\u001b]0;x\u0007b'], ['line', 'екі\nжол'], ['line', 'x'.repeat(11)], ['line', 'a\u0007b'], ['story', 'x'.repeat(51)],
    ['iin', '850305400011'], ['iin', '12345'], ['bin', '850305400010'], ['either', '123456789012'],
    ['born', '31.02.2020'], ['born', '10.03.2027'], ['born', 'кеше'], ['year', '1989'], ['year', '2027'], ['year', 'abcd'],
    ['phone', '12345'], ['email', 'aigul@'], ['postcode', '12345'], ['colour', '3'], ['colour', 'жасыл'], ['agree', 'мүмкін'],
  ];
  for (const [id, input] of bad) {
    it(`${id} ← ${JSON.stringify(input.slice(0, 12))}: names the field in kk and ru, says what is expected, keeps the state`, () => {
      const state = askingKind(id);
      const before = JSON.stringify(state);
      const message = refusal(answer(kinds, state, input, TODAY));
      expect(message.kk.startsWith(`⚠️ Сынақ → ${labelOf(id).kk}: `)).toBe(true);
      expect(message.ru.startsWith(`⚠️ Проба → ${labelOf(id).ru}: `)).toBe(true);
      expect(message.kk.length).toBeGreaterThan(`⚠️ Сынақ → ${labelOf(id).kk}: `.length + 5);
      expect(message.kk.length).toBeLessThan(1000);
      expect(JSON.stringify(state)).toBe(before);
      expect(ask(kinds, state).path).toBe(`p.${id}`);
    });
  }

  it('says in the citizen\'s words what a choice and a yes/no field expect', () => {
    const colour = refusal(answer(kinds, askingKind('colour'), 'жасыл', TODAY));
    expect(colour.kk).toBe('⚠️ Сынақ → Түсі: мына нұсқалардың бірі: 1 — қызыл; 2 — көк');
    expect(colour.ru).toBe('⚠️ Проба → Цвет: один из вариантов: 1 — красный; 2 — синий');
    expect(refusal(answer(kinds, askingKind('agree'), 'мүмкін', TODAY)).ru).toBe('⚠️ Проба → Согласие: «Да» или «Нет»');
  });

  it('names the row of a repeated section and the section of the field', () => {
    const state = editAt(archive, startQuestionnaire(archive, { prefill: { employment: [{ name: 'Баспа' }] } }), 'employment.0.fromYear');
    const message = refusal(answer(archive, state, '20051', TODAY));
    expect(message.kk).toContain('Қызметі, жұмыс орны, оқу орнының нақты атауы → 1-жол → Жылдан бастап: 1900–2026 аралығындағы');
    expect(message.ru).toContain('→ строка 1 → С какого года: год из четырёх цифр');
  });
});

describe('answers as people give them', () => {
  const accepted: Array<[string, string, unknown]> = [
    ['colour', 'RED', 'RED'], ['colour', 'қызыл', 'RED'], ['colour', 'КРАСНЫЙ', 'RED'], ['colour', '1', 'RED'],
    ['colour', '✓ синий', 'BLUE'], ['colour', ' 2 ', 'BLUE'], ['agree', 'иә', true], ['agree', 'Да', true], ['agree', 'yes', true],
    ['agree', '1', true], ['agree', 'ЖОҚ', false], ['agree', 'нет', false], ['agree', '2', false],
    ['born', '05.03.1985', '1985-03-05'], ['born', '5.3.1985', '1985-03-05'], ['born', '05031985', '1985-03-05'],
    ['born', '1985-03-05', '1985-03-05'], ['phone', '8 (701) 123-45-67', '+77011234567'], ['iin', '850305 400010', '850305400010'],
    ['year', ' 2005 ', 2005], ['postcode', 'z05t3e2', 'Z05T3E2'], ['name', 'Нұрланова-Серікова', 'Нұрланова-Серікова'],
  ];
  for (const [id, input, stored] of accepted) {
    it(`${id} ← ${JSON.stringify(input)} is stored as ${JSON.stringify(stored)}`, () => {
      const next = valueOf(answer(kinds, askingKind(id), input, TODAY));
      expect(at(next.answers, `p.${id}`)).toEqual(stored);
      expect(isAtSummary(next)).toBe(true);
    });
  }

  it('offers a choice\'s options as buttons and a numbered list, and marks the current one', () => {
    const p = ask(kinds, askingKind('colour'), 'ru');
    expect(p.buttons).toEqual([[{ label: 'красный', value: 'RED' }], [{ label: 'синий', value: 'BLUE' }]]);
    expect(p.text).toContain('1. красный\n2. синий');
    const chosen = valueOf(answer(kinds, askingKind('colour'), 'BLUE', TODAY));
    expect(ask(kinds, editAt(kinds, chosen, 'p.colour'), 'kk').buttons[1]).toEqual([{ label: '✓ көк', value: 'BLUE' }]);
    expect(ask(kinds, askingKind('agree'), 'kk').buttons).toEqual([[{ label: 'Иә', value: 'yes' }, { label: 'Жоқ', value: 'no' }]]);
  });
});

/** Answers the current question, which must be `path`. */
function reply(form: FormDef, state: QuestionnaireState, path: string, input: string): QuestionnaireState {
  expect(ask(form, state).path).toBe(path);
  return valueOf(answer(form, state, input, TODAY));
}

function pass(form: FormDef, state: QuestionnaireState, path: string): QuestionnaireState {
  expect(ask(form, state).path).toBe(path);
  return valueOf(skip(form, state, TODAY));
}

/** The unemployed form answered up to (not including) the representative question. */
function applicantDone(birthDate = '05.03.1985'): QuestionnaireState {
  let s = startQuestionnaire(unemployed);
  s = reply(unemployed, s, 'applicant.iin', '850305400010');
  s = reply(unemployed, s, 'applicant.lastName', 'Нұрланова');
  s = reply(unemployed, s, 'applicant.firstName', 'Айгүл');
  s = pass(unemployed, s, 'applicant.patronymic');
  s = reply(unemployed, s, 'applicant.birthDate', birthDate);
  s = reply(unemployed, s, 'applicant.phone', '+7 701 123 45 67');
  s = pass(unemployed, s, 'applicant.email');
  s = reply(unemployed, s, 'applicant.postalAddress', 'Қызылорда қ., Абай к-сі, 1');
  for (const f of ['postcode', 'idDocNumber', 'idDocIssuer', 'idDocIssueDate']) s = pass(unemployed, s, `applicant.${f}`);
  return s;
}

describe('back and skip', () => {
  it('back at the first question changes nothing, and the first question offers no back', () => {
    const start = startQuestionnaire(archive);
    expect(ask(archive, start)).toMatchObject({ kind: 'enterGroup', path: 'organisation', canBack: false });
    expect(back(archive, start)).toStrictEqual(start);
  });

  it('back returns to the previous question asked, passing over a declined section\'s fields', () => {
    let s = reply(archive, startQuestionnaire(archive), 'organisation', 'no');
    expect(ask(archive, s)).toMatchObject({ path: 'applicant.iin', canBack: true });
    expect(ask(archive, back(archive, s)).path).toBe('organisation');
    s = reply(unemployed, applicantDone(), 'representative', 'Жоқ');
    expect(ask(unemployed, s).path).toBe('registration.registeredOn');
    s = back(unemployed, s);
    expect(ask(unemployed, s).path).toBe('representative');
    expect(ask(unemployed, back(unemployed, s)).path).toBe('applicant.idDocIssueDate');
  });

  it('going back to fix an answer keeps the later answers and returns to where the citizen was', () => {
    let s = startQuestionnaire(unemployed);
    s = reply(unemployed, s, 'applicant.iin', '850305400010');
    s = reply(unemployed, s, 'applicant.lastName', 'Нурланова');
    s = reply(unemployed, s, 'applicant.firstName', 'Айгүл');
    s = back(unemployed, back(unemployed, s));
    const fixing = ask(unemployed, s);
    expect(fixing.path).toBe('applicant.lastName');
    expect(fixing.text).toContain('Қазіргі жауап: Нурланова');
    expect(fixing.buttons).toEqual([[{ label: '✔️ Өзгертпей қалдыру', value: KEEP }]]);
    s = reply(unemployed, s, 'applicant.lastName', 'Нұрланова');
    expect(ask(unemployed, s).path).toBe('applicant.patronymic');
    expect(at(s.answers, 'applicant.firstName')).toBe('Айгүл');
  });

  it('skips an optional field, leaving it out of the answers, and refuses to skip a required one', () => {
    let s = startQuestionnaire(unemployed, { prefill: { applicant: { email: 'old@mail.kz' } } });
    const message = refusal(skip(unemployed, s, TODAY));
    expect(message.kk).toContain('Өтініш беруші → ЖСН: міндетті өріс, оны өткізіп жіберуге болмайды; 12 цифрдан');
    expect(message.ru).toContain('Заявитель → ИИН: обязательное поле, пропустить его нельзя;');
    s = editAt(unemployed, s, 'applicant.email');
    expect(ask(unemployed, s).canSkip).toBe(true);
    s = valueOf(skip(unemployed, s, TODAY));
    expect(answersOf(s)).not.toHaveProperty('applicant.email');
  });
});

describe('optional sections and repeated rows', () => {
  it('enters an optional section only on yes, and its required fields then cannot be skipped', () => {
    const question = ask(unemployed, applicantDone(), 'ru');
    expect(question).toMatchObject({ kind: 'enterGroup', path: 'representative', canSkip: false });
    expect(question.text).toContain('Представитель (по доверенности)');
    expect(question.buttons).toEqual([[{ label: 'Заполнить', value: 'yes' }], [{ label: 'Нет, не нужно', value: 'no' }]]);
    expect(refusal(answer(unemployed, applicantDone(), 'мүмкін', TODAY)).kk).toBe(
      '⚠️ Өкіл (сенімхат бойынша): батырмалардың бірін басыңыз: «Толтыру», «Жоқ, қажет емес»');
    let s = reply(unemployed, applicantDone(), 'representative', 'Толтыру');
    expect(refusal(skip(unemployed, s, TODAY)).kk).toContain('Өкіл (сенімхат бойынша) → Өкілдің ЖСН: міндетті өріс');
    s = reply(unemployed, s, 'representative.iin', '880522400016');
    s = reply(unemployed, s, 'representative.lastName', 'Жұмабаева');
    s = reply(unemployed, s, 'representative.firstName', 'Сәуле');
    s = pass(unemployed, s, 'representative.patronymic');
    s = reply(unemployed, s, 'representative.poaNumber', '2026/1234');
    s = reply(unemployed, s, 'representative.poaIssuedOn', '01.03.2026');
    s = pass(unemployed, s, 'registration.registeredOn');
    s = reply(unemployed, s, 'registration.presentTo', 'әкімдікке');
    expect(valueOf(confirm(unemployed, s, TODAY)).answers.representative).toEqual({
      iin: '880522400016', lastName: 'Жұмабаева', firstName: 'Сәуле', poaNumber: '2026/1234', poaIssuedOn: '2026-03-01',
    });
  });

  it('saying no after going back into a section removes what was typed in it', () => {
    let s = reply(unemployed, applicantDone(), 'representative', 'yes');
    s = reply(unemployed, s, 'representative.iin', '880522400016');
    s = back(unemployed, back(unemployed, s));
    s = reply(unemployed, s, 'representative', 'no');
    expect(ask(unemployed, s).path).toBe('registration.registeredOn');
    expect(s.answers).not.toHaveProperty('representative');
  });

  it('asks rows one by one with "add another / that\'s all", none before the minimum, none past the maximum', () => {
    let s = startQuestionnaire(kinds, { prefill: { p: kindsFilled.p } });
    for (let i = 0; i < 14; i++) s = valueOf(answer(kinds, s, ask(kinds, s).path === 'p.note' ? 'ескерту' : KEEP, TODAY));
    s = reply(kinds, s, 'rows.0.title', 'бірінші');
    const more = ask(kinds, s, 'kk');
    expect(more).toMatchObject({ kind: 'moreRows', path: 'rows' });
    expect(more.text).toContain('Қосылған жолдар: 1. Тағы қосасыз ба? Ең көбі 2 жол.');
    expect(more.buttons).toEqual([[{ label: '➕ Тағы бір жол қосу', value: 'more' }], [{ label: 'Болды, әрі қарай', value: 'done' }]]);
    const enough = reply(kinds, s, 'rows', 'болды');
    expect(isAtSummary(enough)).toBe(true);
    s = reply(kinds, s, 'rows', 'иә');
    s = reply(kinds, s, 'rows.1.title', 'екінші');
    expect(isAtSummary(s)).toBe(true);
    expect(valueOf(confirm(kinds, s, TODAY)).answers.rows).toEqual(kindsFilled.rows);
  });

  it('asks the rows a form requires without asking, and "that\'s all" by skip once they are there', () => {
    const form: FormDef = {
      fields: [{
        id: 'kids', kind: 'group', required: true, repeat: { min: 2, max: 3 }, label: L('Балалар', 'Дети'),
        fields: [{ id: 'name', kind: 'name', required: true, label: L('Аты', 'Имя') }],
      }],
    };
    let s = startQuestionnaire(form);
    s = reply(form, s, 'kids.0.name', 'Әсем');
    s = reply(form, s, 'kids.1.name', 'Алмас');
    expect(ask(form, s)).toMatchObject({ kind: 'moreRows', path: 'kids', canSkip: false });
    s = valueOf(skip(form, s, TODAY));
    expect(isAtSummary(s)).toBe(true);
    expect(valueOf(confirm(form, s, TODAY)).answers).toEqual({ kids: [{ name: 'Әсем' }, { name: 'Алмас' }] });
    expect(editMenu(form, s, 'kk', 'kids.0').map((e) => e.value)).not.toContain('kids.0.-');
    expect(editAt(form, s, 'kids.0.-')).toStrictEqual(s);
  });

  it('an optional repeated section asks first whether to add a row at all; back from a new row undoes it', () => {
    let s = walk(archive, { ...exampleAnswers('archive-certificate'), employment: undefined }, 'kk').state;
    expect(s.answers).not.toHaveProperty('employment');
    s = editAt(archive, s, 'employment');
    const first = ask(archive, s, 'ru');
    expect(first).toMatchObject({ kind: 'moreRows', path: 'employment' });
    expect(first.buttons).toEqual([[{ label: '➕ Добавить строку', value: 'more' }], [{ label: 'Нет, пропустить', value: 'done' }]]);
    s = reply(archive, s, 'employment', '1');
    expect(ask(archive, s).path).toBe('employment.0.name');
    s = back(archive, s);
    s = reply(archive, s, 'employment', 'нет');
    expect(isAtSummary(s)).toBe(true);
    expect(answersOf(s)).not.toHaveProperty('employment');
  });
});

function atArchiveSummary(): QuestionnaireState {
  return walk(archive, exampleAnswers('archive-certificate'), 'kk').state;
}

describe('editing from the summary', () => {
  it('lists sections and top-level fields, then a section\'s fields, its rows, and a row\'s fields', () => {
    const s = atArchiveSummary();
    const top = editMenu(archive, s, 'kk');
    expect(top.map((e) => [e.value, e.isSection])).toEqual([
      ['organisation', false], ['applicant', true], ['representative', false], ['subject', true], ['requestedInformation', false],
      ['destinationAndPurpose', false], ['period', false], ['employment', true], ['attachments', false],
    ]);
    expect(top.find((e) => e.value === 'period')!.label).toBe('Анықтама сұратылатын мерзім: 2005–2012');
    expect(top.every((e) => e.label.length <= 60)).toBe(true);
    expect(editMenu(archive, s, 'ru', 'applicant').find((e) => e.value === 'applicant.birthDate')!.label).toBe('Дата рождения: 05.03.1985');
    expect(editMenu(archive, s, 'kk', 'employment')).toEqual([
      { label: '1-жол: «Сыр медиа» ЖШС', value: 'employment.0', isSection: true },
      { label: '2-жол: Қызылорда облыстық «Ақмешіт» баспасы', value: 'employment.1', isSection: true },
      { label: '➕ Жол қосу', value: 'employment.2', isSection: false },
    ]);
    expect(editMenu(archive, s, 'ru', 'employment.1').map((e) => e.value)).toEqual([
      'employment.1', 'employment.1.name', 'employment.1.fromYear', 'employment.1.toYear', 'employment.1.position', 'employment.1.-',
    ]);
  });

  it('asks one field again with its current answer and comes back to the summary', () => {
    let s = editAt(archive, atArchiveSummary(), 'applicant.phone');
    const p = ask(archive, s, 'ru');
    expect(p.text).toContain('Текущий ответ: +77011234567');
    expect(p.canBack).toBe(true);
    s = reply(archive, s, 'applicant.phone', '8 777 000 11 22');
    expect(isAtSummary(s)).toBe(true);
    expect(summary(archive, s, 'ru').join('\n')).toContain('• Контактный телефон: +77770001122');
  });

  it('at the summary, typed text is answered with what to press', () => {
    expect(refusal(answer(archive, atArchiveSummary(), 'иә', TODAY)).kk).toBe(t('kk', 'botForm.atSummary'));
  });

  it('back at the first question of an edit returns to the summary', () => {
    const s = editAt(archive, atArchiveSummary(), 'applicant.phone');
    expect(isAtSummary(back(archive, s))).toBe(true);
  });

  it('asks every field of a row again, each with "keep it", then returns to the summary', () => {
    const before = atArchiveSummary();
    let s = editAt(archive, before, 'employment.1');
    for (const f of ['name', 'fromYear', 'toYear']) s = reply(archive, s, `employment.1.${f}`, KEEP);
    s = reply(archive, s, 'employment.1.position', 'бас редактор');
    expect(isAtSummary(s)).toBe(true);
    expect(answersOf(s).employment).toEqual([
      at(answersOf(before), 'employment.0'),
      { name: 'Қызылорда облыстық «Ақмешіт» баспасы', fromYear: 2009, toYear: 2012, position: 'бас редактор' },
    ]);
  });

  it('adds a row and removes one', () => {
    let s = editAt(archive, atArchiveSummary(), 'employment.2');
    s = reply(archive, s, 'employment.2.name', 'Мектеп');
    s = reply(archive, s, 'employment.2.fromYear', '2012');
    s = reply(archive, s, 'employment.2.toYear', '2020');
    s = pass(archive, s, 'employment.2.position');
    expect(isAtSummary(s)).toBe(true);
    s = editAt(archive, s, 'employment.0.-');
    expect(isAtSummary(s)).toBe(true);
    expect((answersOf(s).employment as Array<{ name: string }>).map((r) => r.name)).toEqual(['Қызылорда облыстық «Ақмешіт» баспасы', 'Мектеп']);
    expect(valueOf(confirm(archive, s, TODAY)).answers.employment).toHaveLength(2);
  });

  it('backing out of a new row before answering leaves no empty row behind', () => {
    const before = atArchiveSummary();
    const s = back(archive, editAt(archive, before, 'employment.2'));
    expect(isAtSummary(s)).toBe(true);
    expect(s.answers.employment).toHaveLength(2);
    expect(confirm(archive, s, TODAY).ok).toBe(true);
  });

  it('fills in an optional section left out, then returns to the summary', () => {
    let s = editAt(archive, atArchiveSummary(), 'organisation');
    s = reply(archive, s, 'organisation', 'заполнить');
    s = reply(archive, s, 'organisation.bin', BIN);
    s = reply(archive, s, 'organisation.name', '«Сыр медиа» ЖШС');
    expect(isAtSummary(s)).toBe(true);
    expect(valueOf(confirm(archive, s, TODAY)).answers.organisation).toEqual({ bin: BIN, name: '«Сыр медиа» ЖШС' });
  });

  it('leaves the state as it is for a path the form does not ask', () => {
    const s = atArchiveSummary();
    for (const path of ['', 'nope', 'applicant.nope', 'employment.7', 'employment.5.-', 'representative.iin', 'employment.0.name.x']) {
      expect(editAt(archive, s, path), path).toStrictEqual(s);
    }
  });
});

describe('cross-field checks', () => {
  it('sends the citizen back to the birth date when it differs from the IIN, with the reason, then goes on', () => {
    let s = applicantDone('06.03.1985');
    const p = ask(unemployed, s, 'kk');
    expect(p.path).toBe('applicant.birthDate');
    expect(p.text.startsWith('⚠️ Өтініш беруші → Туған күні: туған күні ЖСН-дегі туған күнмен сәйкес келуі керек')).toBe(true);
    expect(ask(unemployed, s, 'ru').text.startsWith('⚠️ Заявитель → Дата рождения: дата рождения должна совпадать с датой в ИИН')).toBe(true);
    expectStorable(s);
    s = reply(unemployed, s, 'applicant.birthDate', '05.03.1985');
    expect(ask(unemployed, s).path).toBe('representative');
    expect(ask(unemployed, s).text).not.toContain('⚠️');
  });

  it('checks a row when it is finished: a "to" year before the "from" year goes back to it', () => {
    let s = editAt(archive, atArchiveSummary(), 'employment.0');
    s = reply(archive, s, 'employment.0.name', KEEP);
    s = reply(archive, s, 'employment.0.fromYear', '2005');
    s = reply(archive, s, 'employment.0.toYear', '2004');
    s = reply(archive, s, 'employment.0.position', KEEP);
    const p = ask(archive, s, 'ru');
    expect(p.path).toBe('employment.0.toYear');
    expect(p.text).toContain('→ строка 1 → По какой год: год «по» не может быть раньше года «с»');
    s = reply(archive, s, 'employment.0.toYear', '2009');
    expect(isAtSummary(s)).toBe(true);
  });

  it('confirm moves to the first problem field with its message; once fixed, back to the summary', () => {
    const stored = JSON.parse(JSON.stringify(walk(unemployed, exampleAnswers('unemployed-certificate'), 'kk').state)) as QuestionnaireState;
    delete (stored.answers.registration as Record<string, unknown>).presentTo;
    const refused = confirm(unemployed, stored, TODAY);
    if (refused.ok) throw new Error('accepted');
    expect(refused.error.message.kk).toContain('Анықтама туралы мәліметтер → Анықтама қайда және не үшін ұсынылады: міндетті өріс; бір жолдық мәтін');
    expect(refused.error.message.ru).toContain('Сведения для справки → Куда и для чего представляется справка: обязательное поле;');
    let s = refused.error.state;
    expectStorable(s);
    s = reply(unemployed, s, 'registration.presentTo', 'әкімдікке');
    expect(isAtSummary(s)).toBe(true);
    expect(confirm(unemployed, s, TODAY).ok).toBe(true);
  });

  it('confirm runs the checks that depend on the day: a ward who has come of age since is named', () => {
    const form = guardianshipMinorDepositsInheritance.form;
    const iin = withCheckDigit('08031150001')!;
    const filled = exampleAnswers('guardianship-minor-deposits-inheritance');
    const ward = { ...(filled.ward as object), iin, birthDate: '11.03.2008' };
    const { state } = walk(form, { ...filled, ward }, 'kk');
    expect(confirm(form, state, TODAY).ok).toBe(true);
    const refused = confirm(form, state, '2026-03-11');
    if (refused.ok) throw new Error('accepted');
    expect(refused.error.message.kk).toBe('⚠️ Кәмелетке толмаған бала → Туған күні: бала кәмелетке толмаған болуы керек: бүгін оған 18 жас толмаған');
    expect(ask(form, refused.error.state).path).toBe('ward.birthDate');
  });
});

describe('answers filled beforehand', () => {
  const prefill = { applicant: { iin: '850305400010', phone: '+7 701 123 45 67', lastName: 'Нұрланова' } };

  it('never asks a locked field, marks it confirmed in the summary, and does not offer it for editing', () => {
    const verified = { applicant: { iin: '781115300019', phone: '+7 701 123 45 67' } };
    let s = startQuestionnaire(unemployed, { prefill: verified, locked: ['applicant.phone', 'applicant.iin', 'applicant.email'] });
    expect(s.locked).toEqual(['applicant.phone', 'applicant.iin']);
    const filled = exampleAnswers('unemployed-certificate');
    const walked = walk(unemployed, filled, 'ru', s);
    expect(walked.asked).not.toContain('field:applicant.phone');
    expect(walked.asked).not.toContain('field:applicant.iin');
    expect(walked.asked).toContain('field:applicant.email');
    s = walked.state;
    const text = summary(unemployed, s, 'ru').join('\n');
    expect(text).toContain('• Контактный телефон: +7 701 123 45 67 ✅ (подтверждено)');
    expect(summary(unemployed, s, 'kk').join('\n')).toContain('• ЖСН: 781115300019 ✅ (расталған)');
    expect(editMenu(unemployed, s, 'ru', 'applicant').map((e) => e.value)).not.toContain('applicant.phone');
    expect(editAt(unemployed, s, 'applicant.phone')).toStrictEqual(s);
    expect(valueOf(confirm(unemployed, s, TODAY)).answers.applicant).toMatchObject({ phone: '+77011234567', iin: '781115300019' });
  });

  it('a typed IIN that disagrees with a verified birth date sends the citizen to the IIN', () => {
    const filled = exampleAnswers('unemployed-certificate');
    let s = startQuestionnaire(unemployed, { prefill: { applicant: { birthDate: '1978-11-15' } }, locked: ['applicant.birthDate'] });
    s = reply(unemployed, s, 'applicant.iin', '850305400010');
    for (const f of ['lastName', 'firstName', 'patronymic', 'phone', 'email', 'postalAddress', 'postcode', 'idDocNumber', 'idDocIssuer', 'idDocIssueDate']) {
      const given = at(filled, `applicant.${f}`);
      s = given === undefined ? pass(unemployed, s, `applicant.${f}`) : reply(unemployed, s, `applicant.${f}`, String(given));
    }
    const p = ask(unemployed, s, 'ru');
    expect(p.path).toBe('applicant.iin');
    expect(p.text.startsWith('⚠️ Заявитель → Дата рождения: дата рождения должна совпадать с датой в ИИН')).toBe(true);
    s = reply(unemployed, s, 'applicant.iin', '781115300019');
    expect(ask(unemployed, s).path).toBe('representative');
  });

  it('a verified value the form refuses is named at confirm, and the state stays at the summary', () => {
    const s = walk(unemployed, exampleAnswers('unemployed-certificate'), 'kk',
      startQuestionnaire(unemployed, { prefill: { applicant: { phone: '12345' } }, locked: ['applicant.phone'] })).state;
    const refused = confirm(unemployed, s, TODAY);
    if (refused.ok) throw new Error('accepted');
    expect(refused.error.message.kk).toContain('Өтініш беруші → Байланыс телефоны: Қазақстан телефон нөмірі');
    expect(refused.error.state).toStrictEqual(s);
  });

  it('asks a prefilled field with its answer and a "keep it" button', () => {
    let s = startQuestionnaire(unemployed, { prefill });
    s = reply(unemployed, s, 'applicant.iin', KEEP);
    const p = ask(unemployed, s, 'kk');
    expect(p.text).toContain('Қазіргі жауап: Нұрланова');
    s = reply(unemployed, s, 'applicant.lastName', KEEP);
    expect(at(s.answers, 'applicant.lastName')).toBe('Нұрланова');
    expect(refusal(answer(unemployed, s, KEEP, TODAY)).kk).toContain('Өтініш беруші → Аты: әзірге жауап жоқ');
  });

  it('takes only what the form has from a prefill', () => {
    const s = startQuestionnaire(unemployed, { prefill: { stray: 1, applicant: { iin: { nested: true }, lastName: 'Нұрланова', extra: 'x' } } });
    expect(s.answers).toEqual({ applicant: { lastName: 'Нұрланова' }, registration: {} });
  });
});

describe('messages Telegram can carry', () => {
  it('splits a long summary into parts of at most 4096 characters, the last ending with "check and confirm"', () => {
    const long: FormDef = {
      fields: [
        { id: 'a', kind: 'multiline', maxLength: 4000, required: true, label: L('Бірінші', 'Первый') },
        { id: 'b', kind: 'multiline', maxLength: 4000, required: true, label: L('Екінші', 'Второй') },
        { id: 'c', kind: 'multiline', maxLength: 4000, required: true, label: L('Үшінші', 'Третий') },
      ],
    };
    const filled = { a: 'ж'.repeat(4000), b: '😀'.repeat(2000), c: 'сөз '.repeat(999) + 'соңы' };
    const { state } = walk(long, filled, 'kk');
    const parts = summary(long, state, 'kk');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part)).toBe(false);
    }
    expect(parts[parts.length - 1]!.endsWith(t('kk', 'botForm.summary.confirm'))).toBe(true);
    const joined = parts.join('').replace(/\s/g, '');
    expect(joined).toContain('ж'.repeat(4000));
    expect(joined).toContain('😀'.repeat(2000));
    expect(joined).toContain('сөз'.repeat(999) + 'соңы');
    const p = ask(long, editAt(long, state, 'b'));
    expect(p.text.length).toBeLessThanOrEqual(4096);
  });
});

/** A valid typed answer for whatever is asked, so random sessions get deep into the forms. */
function validInput(form: FormDef, p: Prompt): string {
  if (p.kind !== 'field') return p.kind === 'summary' ? 'x' : p.buttons[0]![0]!.value;
  if (p.buttons.length > 0 && p.buttons[0]![0]!.value !== KEEP) return '1';
  const id = p.path.split('.').pop()!;
  const byId: Record<string, string> = { iin: '850305400010', bin: BIN, either: BIN, birthDate: '05.03.1985', phone: '87011234567', email: 'a@b.kz', postcode: '120008' };
  if (byId[id]) return byId[id]!;
  if (/year/i.test(id)) return '2005';
  if (/date|On$/i.test(id) || id === 'born' || id === 'validUntil') return '01.02.2020';
  if (/name/i.test(id)) return 'Айгүл';
  return 'мәтін 1';
}

describe('whatever a citizen sends', () => {
  const forms = [...SERVICES.map((s) => s.form), kinds];
  const input = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 4096 }),
    fc.constantFrom('yes', 'no', 'more', 'done', KEEP, 'confirm', 'edit', '1', '2', '99', ' ', '\u0000', '😀', 'محمد', '王伟', '31.02.2020', '850305400010'),
  );
  const action = fc.oneof(
    { arbitrary: fc.record({ type: fc.constant('answer' as const), input }), weight: 3 },
    { arbitrary: fc.record({ type: fc.constant('valid' as const) }), weight: 5 },
    fc.record({ type: fc.constant('skip' as const) }),
    fc.record({ type: fc.constant('back' as const) }),
    fc.record({ type: fc.constant('menu' as const), pick: fc.nat() }),
    fc.record({ type: fc.constant('editAt' as const), path: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('employment.0', 'employment.0.-', 'applicant', 'ward.birthDate', 'rows.1')) }),
    fc.record({ type: fc.constant('confirm' as const) }),
  );

  it('never throws, keeps every message within 4096 characters and the state storable as JSON', () => {
    fc.assert(
      fc.property(fc.nat({ max: forms.length - 1 }), fc.constantFrom<Lang>('kk', 'ru', 'en'), fc.array(action, { minLength: 20, maxLength: 150, size: 'medium' }), (which, lang, actions) => {
        const form = forms[which]!;
        let s = startQuestionnaire(form);
        for (const a of actions) {
          const p = prompt(form, s, lang, TODAY);
          expect(p.text.length).toBeLessThanOrEqual(4096);
          expect(p.buttons.flat().every((b) => Buffer.byteLength(b.value) <= 64 && b.label.length > 0)).toBe(true);
          if (a.type === 'answer' || a.type === 'valid' || a.type === 'skip') {
            const before = JSON.stringify(s);
            const r = a.type === 'skip' ? skip(form, s, TODAY) : answer(form, s, a.type === 'valid' ? validInput(form, p) : a.input, TODAY);
            if (r.ok) s = r.value;
            else {
              expect(r.error.kk.length).toBeGreaterThan(0);
              expect(r.error.ru.length).toBeGreaterThan(0);
              expect(JSON.stringify(s)).toBe(before);
            }
          } else if (a.type === 'back') {
            s = back(form, s);
          } else if (a.type === 'menu') {
            let entries = editMenu(form, s, lang);
            for (let depth = 0; depth < 3 && entries.length > 0; depth++) {
              const entry = entries[a.pick % entries.length]!;
              if (!entry.isSection) {
                s = editAt(form, s, entry.value);
                break;
              }
              entries = editMenu(form, s, lang, entry.value);
            }
          } else if (a.type === 'editAt') {
            s = editAt(form, s, a.path);
          } else {
            const r = confirm(form, s, TODAY);
            if (!r.ok) s = r.error.state;
          }
          expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
          if (isAtSummary(s)) expect(summary(form, s, lang).every((part) => part.length <= 4096)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
