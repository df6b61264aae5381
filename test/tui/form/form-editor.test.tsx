import { afterEach, describe, expect, it } from 'vitest';
import type { FormDef } from '../../../src/core/forms/field.js';
import { validateForm } from '../../../src/core/forms/validate.js';
import type { Lang } from '../../../src/core/i18n/text.js';
import { archiveCertificate } from '../../../src/core/services/archive-certificate.js';
import { SERVICES } from '../../../src/core/services/catalogue.js';
import { exampleAnswers, exampleResult } from '../../../src/core/services/examples.js';
import { guardianshipMinorResult } from '../../../src/core/services/guardianship-common.js';
import { guardianshipCertificate } from '../../../src/core/services/guardianship-certificate.js';
import { FormEditor, type FormEditorProps } from '../../../src/tui/form/form-editor.js';
import { fillByKeys, focusOn, lineWith, markedLine } from './drive.js';
import { KEY, renderInTerminal, type Terminal } from './harness.js';

const TODAY = '2026-03-10';

interface Calls {
  submitted: Record<string, unknown>[];
  cancelled: number;
  changes: Record<string, unknown>[];
}

let open: Terminal | undefined;
afterEach(() => {
  open?.unmount();
  open = undefined;
});

async function editor(form: FormDef, options: Partial<FormEditorProps> & { lang?: Lang } = {}): Promise<{ term: Terminal; calls: Calls }> {
  const calls: Calls = { submitted: [], cancelled: 0, changes: [] };
  const width = options.width ?? 80;
  const height = options.height ?? 20;
  open = await renderInTerminal(
    <FormEditor
      form={form}
      lang={options.lang ?? 'kk'}
      today={TODAY}
      height={height}
      width={width}
      plain={options.plain ?? true}
      onSubmit={(v) => calls.submitted.push(v)}
      onCancel={() => calls.cancelled++}
      onChange={(v) => calls.changes.push(v)}
      {...options}
    />,
    width,
    height + 4,
  );
  return { term: open, calls };
}

describe('counter intake: a field is checked when the clerk leaves it', () => {
  it('a bad IIN is told in Kazakh, naming the field and what it needs', async () => {
    const { term } = await editor(archiveCertificate.form, { lang: 'kk' });
    expect(markedLine(term)).toMatch(/^› +ЖСН \*/);
    await term.type('850305400011'); // wrong check digit
    await term.press(KEY.tab);
    expect(lineWith(term, 'ЖСН *')).toContain('850305400011 ✗ 12 цифр');
    await term.press(KEY.up);
    expect(term.frame()).toContain('«Арыз беруші → ЖСН»: 12 цифрдан тұратын дұрыс ЖСН');
  });

  it('the same in Russian', async () => {
    const { term } = await editor(archiveCertificate.form, { lang: 'ru' });
    await term.type('12345');
    await term.press(KEY.tab, KEY.shiftTab);
    expect(term.frame()).toContain('«Заявитель → ИИН»: действительный ИИН из 12 цифр');
  });

  it('a corrected field loses its mark', async () => {
    const { term } = await editor(archiveCertificate.form);
    await term.type('12345');
    await term.press(KEY.tab, KEY.shiftTab, KEY.ctrlU);
    await term.type('850305400010');
    await term.press(KEY.tab);
    expect(lineWith(term, 'ЖСН *')).not.toContain('✗');
    expect(term.frame()).not.toContain('қате өріс');
  });

  it('a date typed as eight digits becomes DD.MM.YYYY, a date in the future is refused', async () => {
    const { term } = await editor(archiveCertificate.form);
    await focusOn(term, 'Туған күні');
    await term.type('05031985');
    await term.press(KEY.tab);
    expect(lineWith(term, 'Туған күні')).toMatch(/05\.03\.1985\s*$/);
    await term.press(KEY.shiftTab, KEY.ctrlU);
    await term.type('01.01.2030');
    await term.press(KEY.tab);
    expect(lineWith(term, 'Туған күні')).toContain('✗ бүгіннен кешіктірмей');
  });

  it('Backspace and ←/→ edit inside the text, Ctrl+U clears it', async () => {
    const { term } = await editor(archiveCertificate.form);
    await focusOn(term, 'Тегі');
    await term.type('Нурланова');
    await term.press(KEY.left, KEY.left, KEY.left, KEY.left, KEY.left, KEY.left, KEY.left, KEY.backspace);
    await term.type('Нұ');
    await term.press(KEY.tab);
    expect(lineWith(term, 'Тегі')).toMatch(/Нұрланова\s*$/);
    await term.press(KEY.shiftTab, KEY.ctrlU, KEY.tab);
    expect(lineWith(term, 'Тегі')).toMatch(/Тегі \*\s*$/);
  });
});

describe('submitting', () => {
  it('with required fields missing, jumps to the first and marks every missing one', async () => {
    const { term, calls } = await editor(archiveCertificate.form);
    await term.type('850305400010');
    await term.press(KEY.f2);
    expect(calls.submitted).toEqual([]);
    expect(markedLine(term)).toMatch(/^› +Тегі \*/);
    expect(term.frame()).toContain('«Арыз беруші → Тегі»: міндетті өріс;');
    expect(lineWith(term, 'Аты *')).toContain('✗ міндетті өріс');
    expect(lineWith(term, 'Байланыс телефоны')).toContain('✗ міндетті өріс');
    expect(lineWith(term, 'ЖСН *')).not.toContain('✗');
    expect(term.frame()).toMatch(/✗ қате өріс: \d+/);
  });

  it('Ctrl+S submits too, and Enter on the last field', async () => {
    const { term, calls } = await editor(guardianshipMinorResult, { initial: exampleResult('guardianship-minor-deposits-inheritance') });
    await term.press(KEY.ctrlS);
    expect(calls.submitted).toHaveLength(1);
    await term.press(KEY.tab, KEY.enter);
    expect(calls.submitted).toHaveLength(2);
  });

  it('a questionnaire typed in from the example answers reaches onSubmit as the core normalised it', async () => {
    const { term, calls } = await editor(guardianshipCertificate.form, { lang: 'ru' });
    await fillByKeys(term, guardianshipCertificate.form, exampleAnswers('guardianship-certificate'));
    await term.press(KEY.f2);
    expect(term.frame()).not.toContain('✗');
    expect(calls.submitted).toHaveLength(1);
    const values = calls.submitted[0]!;
    expect(validateForm(guardianshipCertificate.form, values, TODAY).ok).toBe(true);
    expect(values).toMatchObject({
      applicant: { iin: '880522400016', birthDate: '1988-05-22', phone: '+77774445566' },
      ward: { lastName: 'Омаров', propertyStatus: 'NO_PROPERTY' },
      appointment: { role: 'GUARDIAN', akimLevel: 'DISTRICT', decisionDate: '2020-03-16' },
    });
    expect(values).not.toHaveProperty('representative');
  });

  it('the archive questionnaire with places of work, rows added with Enter', async () => {
    const { term, calls } = await editor(archiveCertificate.form);
    await fillByKeys(term, archiveCertificate.form, exampleAnswers('archive-certificate'));
    await term.press(KEY.f2);
    expect(calls.submitted).toHaveLength(1);
    expect(calls.submitted[0]!.employment).toEqual([
      { name: '«Сыр медиа» ЖШС', fromYear: 2005, toYear: 2009, position: 'корректор' },
      { name: 'Қызылорда облыстық «Ақмешіт» баспасы', fromYear: 2009, toYear: 2012, position: 'редактор' },
    ]);
  });

  it('a certificate\'s content prefilled from a resumed draft shows dates as DD.MM.YYYY and is submitted', async () => {
    const service = SERVICES.find((s) => s.id === 'disabled-child-homeschool-support')!;
    const { term, calls } = await editor(service.resultForm, { initial: exampleResult(service.id) });
    expect(lineWith(term, 'Тағайындалған кезеңнің басы')).toContain('01.04.2026');
    await term.press(KEY.f2);
    expect(calls.submitted[0]).toMatchObject({ supportFrom: '2026-04-01', amount: '6 АЕК' });
  });

  it('Esc hands the decision to the screen and submits nothing', async () => {
    const { term, calls } = await editor(archiveCertificate.form);
    await term.type('850305400010');
    await term.press(KEY.escape);
    expect(calls.cancelled).toBe(1);
    expect(calls.submitted).toEqual([]);
  });
});

describe('the certificate\'s content', () => {
  it('is written in a text area of several lines under its label, wrapped at spaces', async () => {
    const content = exampleResult('archive-certificate').content as string;
    const { term, calls } = await editor(archiveCertificate.resultForm, { height: 14, title: 'Мұрағаттық анықтама' });
    await term.type('Еңбек өтілі');
    await term.press(KEY.tab);
    await term.type('1985–1992');
    await term.press(KEY.tab, content); // pasted in one piece
    const at = term.lines().findIndex((l) => l.startsWith('›'));
    const area = term.lines().slice(at, at + 4).map((l) => l.slice(35).trim());
    expect(area.join(' ')).toContain('1985 жылғы 1 наурыздан корректор болып қабылданғаны');
    expect(area.at(-1)).toMatch(/көрсетілген\.\|$/);
    expect(term.lines().length).toBeLessThanOrEqual(14);
    await term.press(KEY.tab);
    expect(lineWith(term, 'мазмұны *')).toMatch(/Қызылорда облыстық «Ақмешіт» .*…$/);
    await term.type('Қор № 412, тізімдеме № 2, іс № 17');
    await term.press(KEY.f2);
    expect(calls.submitted[0]).toMatchObject({ content, basis: 'Қор № 412, тізімдеме № 2, іс № 17' });
  });
});

describe('choices', () => {
  it('cycle with →/←/Space, take a number, and show the label in the chosen language', async () => {
    const { term, calls } = await editor(guardianshipCertificate.form);
    await focusOn(term, 'Кім болып тағайындалды');
    expect(markedLine(term)).toContain('‹таңдаңыз›');
    expect(term.frame()).toContain('1 қорғаншы · 2 қамқоршы');
    await term.press(KEY.space);
    expect(markedLine(term)).toMatch(/қорғаншы\s*$/);
    await term.press(KEY.right);
    expect(markedLine(term)).toMatch(/қамқоршы\s*$/);
    await term.press(KEY.right); // a required choice goes round without "not chosen"
    expect(markedLine(term)).toMatch(/қорғаншы\s*$/);
    await term.press(KEY.left);
    expect(markedLine(term)).toMatch(/қамқоршы\s*$/);
    await term.press('1');
    expect(markedLine(term)).toMatch(/қорғаншы\s*$/);
    expect(calls.changes.at(-1)).toMatchObject({ appointment: { role: 'GUARDIAN' } });
  });

  it('in Russian', async () => {
    const { term } = await editor(guardianshipCertificate.form, { lang: 'ru' });
    await focusOn(term, 'Кем назначен');
    await term.press(KEY.right);
    expect(markedLine(term)).toMatch(/опекун\s*$/);
    expect(term.frame()).toContain('1 опекун · 2 попечитель');
  });
});

describe('on a slow link', () => {
  it('no frame of the longest form is taller than the height given, however it is moved', async () => {
    for (const height of [10, 16, 20]) {
      const { term } = await editor(archiveCertificate.form, { height, title: 'Мұрағаттық анықтама' });
      await fillByKeys(term, archiveCertificate.form, { employment: [{}, {}, {}] });
      await term.press(KEY.f2, ...Array.from({ length: 50 }, () => KEY.down), ...Array.from({ length: 50 }, () => KEY.up));
      for (const frame of term.frames()) {
        expect(frame.split('\n').length).toBeLessThanOrEqual(height);
        expect(frame.split('\n').filter((l) => l.startsWith('›'))).toHaveLength(1);
      }
      open?.unmount();
    }
  });

  it('a long form scrolls, saying in kk and ru how many rows are above and below', async () => {
    const { term } = await editor(archiveCertificate.form, { height: 20 });
    expect(term.frame()).toMatch(/↓ төменде тағы \d+ жол/);
    await term.press(...Array.from({ length: 40 }, () => KEY.down));
    expect(term.frame()).toMatch(/↑ жоғарыда тағы \d+ жол/);
    expect(markedLine(term)).toContain('Өтінішке құжаттар қоса беріледі');
    open?.unmount();
    const ru = await editor(archiveCertificate.form, { height: 20, lang: 'ru' });
    expect(ru.term.frame()).toMatch(/↓ ниже ещё строк: \d+/);
  });

  it('moving the focus rewrites only the two field lines and the lines below the list', async () => {
    const { term } = await editor(archiveCertificate.form, { height: 20 });
    const before = term.lines();
    await term.press(KEY.down);
    const after = term.lines();
    expect(after).toHaveLength(before.length);
    const changed = after.map((l, i) => (l === before[i] ? -1 : i)).filter((i) => i >= 0);
    const listEnd = after.findIndex((l) => l.includes('↓ төменде'));
    expect(changed.filter((i) => i < listEnd)).toHaveLength(2);
  });

  it('draws nothing while no key is pressed', async () => {
    const { term } = await editor(archiveCertificate.form);
    const drawn = term.frames().length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(term.frames()).toHaveLength(drawn);
  });

  it('plain mode marks only the focused field with ›; colour mode uses no sign', async () => {
    const { term } = await editor(archiveCertificate.form, { plain: true });
    await term.press(KEY.down);
    expect(term.lines().filter((l) => l.startsWith('›'))).toEqual([expect.stringMatching(/^› +Тегі \*/)]);
    open?.unmount();
    const colour = await editor(archiveCertificate.form, { plain: false });
    expect(colour.term.frame()).not.toContain('›');
  });
});

describe('repeated rows and the screen\'s own keys', () => {
  it('a row added by mistake does not block submission; Ctrl+D removes a row', async () => {
    const { term, calls } = await editor(archiveCertificate.form, { initial: exampleAnswers('archive-certificate') });
    await focusOn(term, '+ жол қосу (2/20)');
    await term.press(KEY.enter);
    expect(term.frame()).toContain('3-жол');
    await term.press(KEY.f2);
    expect(calls.submitted[0]!.employment).toHaveLength(2);
    await focusOn(term, '«Сыр медиа» ЖШС', KEY.up);
    expect(term.frame()).toContain('Ctrl+D жолды өшіру');
    await term.press(KEY.ctrlD);
    expect(markedLine(term)).toContain('Қызылорда облыстық «Ақмешіт» баспасы');
    expect(term.frame()).not.toContain('«Сыр медиа» ЖШС');
    expect(calls.changes.at(-1)!.employment).toEqual([expect.objectContaining({ name: 'Қызылорда облыстық «Ақмешіт» баспасы' })]);
  });

  it('an F-key of the screen fills fields, as a registry look-up does', async () => {
    const { term, calls } = await editor(archiveCertificate.form, {
      extraHelp: 'F3 тізілім',
      extraKeys: (event, api) => {
        if (event.fn !== 'f3' || api.focused?.path !== 'applicant.iin') return false;
        api.set({ 'applicant.lastName': 'Нұрланова', 'applicant.firstName': 'Айгүл', 'applicant.birthDate': '1985-03-05' });
        return true;
      },
    });
    expect(term.frame()).toContain('F3 тізілім');
    await term.type('850305400010');
    await term.press(KEY.f3);
    expect(lineWith(term, 'Тегі')).toMatch(/Нұрланова\s*$/);
    expect(lineWith(term, 'Туған күні')).toMatch(/05\.03\.1985\s*$/);
    expect(calls.changes.at(-1)).toMatchObject({ applicant: { lastName: 'Нұрланова', birthDate: '05.03.1985' } });
  });

  it('problems the screen got back after submitting are shown on their fields, the focus on the first', async () => {
    const unknown = { kk: 'мұрағат қорларында мұндай ұйым жоқ', ru: 'такой организации нет в архивных фондах' };
    const { term } = await editor(archiveCertificate.form, {
      initial: exampleAnswers('archive-certificate'),
      problems: [{ path: 'employment.1.name', label: { kk: 'Атауы', ru: 'Наименование' }, expected: unknown }],
    });
    expect(markedLine(term)).toContain('Қызылорда облыстық «Ақмешіт» баспасы');
    expect(term.frame().replace(/\s+/g, ' ')).toContain('«Қызметі, жұмыс орны, оқу орнының нақты атауы → Атауы»: мұрағат қорларында мұндай ұйым жоқ');
  });

  it('reports the draft to the screen each time a field is left', async () => {
    const { term, calls } = await editor(archiveCertificate.form);
    await term.press(KEY.down);
    await term.type('Нұрланова');
    expect(calls.changes).toEqual([]);
    await term.press(KEY.tab);
    expect(calls.changes.at(-1)).toEqual({ applicant: { lastName: 'Нұрланова' }, subject: {} });
  });
});
