import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import type { Text } from '../../src/core/i18n/text.js';
import * as labels from '../../src/documents/labels.js';
import { DOCUMENT_KINDS, DOCUMENT_LANGS, type DocumentKind, type DocumentLang, type DocumentModel } from '../../src/documents/model.js';
import { renderPdf } from '../../src/documents/render.js';
import { sampleDocuments } from '../../src/documents/samples.js';
import { ddmmyyyy, flat, KAZAKH_LETTERS, pageCount, printedValues, reading, Scratch } from './render-helpers.js';

const scratch = new Scratch();
afterAll(() => scratch.remove());

const samples = sampleDocuments();
const sample = <K extends DocumentKind>(kind: K) => samples.find((m) => m.kind === kind) as Extract<DocumentModel, { kind: K }>;

/** The fixed wording of a label group, leaving out sentences with blanks the template fills. */
const fixed = (group: Readonly<Record<string, unknown>>): Text[] =>
  Object.values(group).filter((t): t is Text => typeof t === 'object' && t !== null && 'kk' in t && !(t as Text).kk.includes('{'));

const LABELS: Record<DocumentKind, Text[]> = {
  'archive-certificate': fixed(labels.archiveCertificate),
  'archive-no-information': fixed(labels.archiveNoInformation),
  'unemployed-certificate': [...fixed(labels.unemployedCertificate), labels.common.basis, labels.common.iin],
  'disabled-child-notification': [...fixed(labels.disabledChildNotification), labels.common.iin, labels.common.birthDate, labels.common.address],
  'guardianship-certificate': [],
  'guardianship-minor-certificate': [...fixed(labels.guardianshipMinorCertificate), labels.common.basis, labels.common.iin],
  'refusal-letter': [...fixed(labels.refusalLetter), labels.common.iin],
  receipt: [...fixed(labels.receipt), labels.common.iin],
};
const OFFICE_TEMPLATES: readonly DocumentKind[] = ['unemployed-certificate', 'disabled-child-notification', 'guardianship-minor-certificate'];

function expectedLabels(model: DocumentModel): Text[] {
  const always = [labels.common.requestNumber, labels.common.issuedOn, labels.common.verificationCode];
  const signed = model.signer.certificate ? [labels.common.signedElectronically] : [];
  const office = OFFICE_TEMPLATES.includes(model.kind) ? [labels.common.officeTemplate] : [];
  return [...always, ...signed, ...office, ...LABELS[model.kind]];
}

const inLanguages = (text: Text, lang: DocumentLang) => (lang === 'both' ? [text.kk, text.ru] : [text[lang]]);

/** The model with `text` in place of every string a person typed (not the kind, dates, codes or links). */
function withEveryString<M extends DocumentModel>(model: M, text: string): M {
  const keep = new Set(['kind', 'number', 'issuedOn', 'issuedAt', 'url', 'code', 'akimLevel', 'propertyStatus', 'role', 'gender', 'form']);
  const replace = (value: unknown, key: string): unknown => {
    if (keep.has(key) || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))) return value;
    if (typeof value === 'string') return text;
    if (Array.isArray(value)) return value.map((item) => replace(item, key));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v, k)]));
    return value;
  };
  return replace(model, '') as M;
}

describe.each(samples.map((m) => [m.kind, m] as const))('%s', (_kind, model) => {
  test('the sample spells every Kazakh letter, capitals included', () => {
    const typed = printedValues(model, 'kk').join(' ');
    expect(KAZAKH_LETTERS.filter((letter) => !typed.includes(letter))).toEqual([]);
  });

  test.each(DOCUMENT_LANGS.map((l) => [l]))('in %s it prints its labels, values, number, date and code', async (lang) => {
    const pdf = await renderPdf(model, { lang });
    const layout = scratch.text(pdf, 'layout');
    const drawn = reading(scratch.text(pdf, 'raw'), model.number);

    const lines = layout.split('\n');
    expect(lines.some((line) => line.includes(model.number) && line.includes(ddmmyyyy(model.issuedOn)))).toBe(true);
    expect(layout).toContain(model.verification.code);

    const missingLabels = expectedLabels(model).flatMap((t) => inLanguages(t, lang)).filter((t) => !drawn.includes(flat(t)));
    expect(missingLabels).toEqual([]);
    const skip = model.kind === 'guardianship-certificate' ? ['date', 'birthDate'] : [];
    const missingValues = printedValues(model, lang, skip).filter((v) => !drawn.includes(flat(v)));
    expect(missingValues).toEqual([]);

    const letters = lang === 'ru' ? KAZAKH_LETTERS.filter((l) => printedValues(model, 'ru').join(' ').includes(l)) : KAZAKH_LETTERS;
    expect(letters.filter((letter) => !layout.includes(letter))).toEqual([]);
  });

  test('renders the same bytes every time', async () => {
    const [a, b] = [await renderPdf(model, { lang: 'both' }), await renderPdf(model, { lang: 'both' })];
    expect(a.equals(b)).toBe(true);
  });

  test('draws its QR code as vector rectangles, without any image', async () => {
    const pdf = Buffer.from(await renderPdf(model, { lang: 'kk' })).toString('latin1');
    expect(pdf).not.toMatch(/\/Subtype\s*\/Image/);
    expect(pdf).not.toContain('/XObject');
  });
});

describe('the QR code', () => {
  test.each([
    ['archive-certificate', 'kk'],
    ['receipt', 'both'],
    ['refusal-letter', 'both'],
  ] as const)('of the %s (%s) decodes to the verification link', async (kind, lang) => {
    const model = sample(kind);
    const pdf = await renderPdf(model, { lang });
    expect(scratch.qr(pdf, pageCount(pdf))).toBe(model.verification.url);
  });
});

describe('long and unusual text', () => {
  test('a 5000-character content flows onto a second page with its last words, and the signature goes with text', async () => {
    const sentence = 'Қордың 1-тізімдемесінде сақталған бұйрықтар кітабы бойынша жұмысшының лауазымы мен жалақысы тексерілді. ';
    const paragraphs: string[] = [];
    let body = '';
    while (body.length < 5000) {
      paragraphs.push(sentence.repeat(4).trim());
      body = paragraphs.join('\n\n');
    }
    const content = `${body}\n\nСоңғы сөйлем: мәлімет Үмбетов Ілиястың 1990 жылғы өтінішімен расталды.`;
    expect(content.length).toBeGreaterThan(5000);
    const model = { ...sample('archive-certificate'), content };
    const pdf = await renderPdf(model, { lang: 'kk' });

    expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(reading(scratch.text(pdf, 'raw'), model.number)).toContain(flat(content));
    const lastPage = scratch.text(pdf, 'layout').split('\f').filter((p) => p.trim() !== '').at(-1) ?? '';
    expect(lastPage).toContain(model.verification.code);
    expect(lastPage).toContain(labels.archiveCertificate.archivist.kk);
  });

  test('emoji, Chinese and control characters in a name do not stop the document, and the rest prints', async () => {
    const applicant = 'Әлия 😀 👨‍👩‍👧 李小龙\u0000\ud800 Ғалымқызы';
    const model = { ...sample('archive-certificate'), applicant, content: 'שלום مرحبا ❤️ Мұрағат.' };
    for (const lang of DOCUMENT_LANGS) {
      const text = scratch.text(await renderPdf(model, { lang }));
      expect(text).toContain('Әлия');
      expect(text).toContain('Ғалымқызы');
      expect(text).toContain('Мұрағат.');
      expect(text).toContain(model.verification.code);
    }
  });

  test('whatever a clerk or citizen typed into any field, every kind still renders', async () => {
    const typed = fc.string({ unit: 'binary', maxLength: 400 });
    const wordless = fc.string({ unit: fc.constantFrom('Ә', 'W', '😀', '字', '-'), minLength: 200, maxLength: 600 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...samples), fc.oneof(typed, wordless), fc.constantFrom(...DOCUMENT_LANGS), async (model, text, lang) => {
        const pdf = await renderPdf(withEveryString(model, text), { lang });
        return pdf.subarray(0, 5).toString('latin1') === '%PDF-';
      }),
      { numRuns: 40 },
    );
  });
});

describe('what each kind says', () => {
  test('the guardianship certificate fills the S3-C A3 blanks: a woman appointed guardian with property on file', async () => {
    const model = sample('guardianship-certificate');
    const kk = reading(scratch.text(await renderPdf(model, { lang: 'kk' }), 'raw'), model.number);
    expect(kk).toContain(`АНЫҚТАМА № ${model.certificateNo}`);
    expect(kk).toContain(`азаматша ${model.guardian.fullName} берілді`);
    expect(kk).toContain('аудан әкімінің 2024 жылғы «15» наурыз № 123 шешіміне сәйкес 2014 жылғы «03» мамыр туылған');
    expect(kk).toContain('(мүлкінің тізімдемесі істе тігулі) қорғаншы болып тағайындалды');
    expect(kk).toContain('Қорғаншыға қамқорлыққа алынушыны тәрбиелеу');
    expect(kk).not.toContain('200___');
    const ru = reading(scratch.text(await renderPdf(model, { lang: 'ru' }), 'raw'), model.number);
    expect(ru).toContain(`гражданке ${model.guardian.fullName}, проживающей`);
    expect(ru).toContain('решением акима района от «15» марта 2024 года № 123 назначена опекуном');
    expect(ru).toContain('«03» мая 2014 года рождения');
  });

  test('the guardianship certificate for a man appointed trustee by the city akim, without property', async () => {
    const base = sample('guardianship-certificate');
    const model = {
      ...base,
      guardian: { fullName: 'Қасымов Ерлан Болатұлы', gender: 'male' as const },
      address: { city: 'Тимирязев ауылы', street: 'Абай', house: '7' },
      decision: { ...base.decision, akimLevel: 'CITY' as const },
      propertyStatus: 'NO_PROPERTY' as const,
      role: 'TRUSTEE' as const,
    };
    const kk = reading(scratch.text(await renderPdf(model, { lang: 'kk' }), 'raw'), model.number);
    expect(kk).toContain('Осы анықтама Тимирязев ауылы Абай көшесі, № 7 үйде тұратын азамат Қасымов Ерлан Болатұлы берілді');
    expect(kk).toContain('қала әкімінің');
    expect(kk).toContain('(мүлкі жоқ) қамқоршы болып тағайындалды');
    expect(kk).toContain('Қамқоршыға қамқорлыққа');
    const ru = reading(scratch.text(await renderPdf(model, { lang: 'ru' }), 'raw'), model.number);
    expect(ru).toContain('гражданину Қасымов Ерлан Болатұлы, проживающему по адресу: Тимирязев ауылы, ул. Абай, дом № 7, в том, что он');
    expect(ru).toContain('акима города');
    expect(ru).toContain('назначен попечителем');
    expect(ru).toContain('(имущества нет)');
    expect(ru).toContain('На попечителя возлагаются');
  });

  test('the refusal letter names the request, its date, the reasons with code and clause, and how to appeal', async () => {
    const model = sample('refusal-letter');
    const text = reading(scratch.text(await renderPdf(model, { lang: 'ru' }), 'raw'), model.number);
    expect(text).toContain(`№ ${model.number}, зарегистрированного ${ddmmyyyy(model.submittedOn)}`);
    expect(text).toContain(`«${model.service.ru}»`);
    for (const reason of model.reasons) expect(text).toContain(`код ${reason.code}; регламент: ${reason.clause}`);
    expect(text).toContain(flat(labels.refusalLetter.appeal.ru));
  });

  test('the receipt prints the time of acceptance in Kazakhstan (UTC+5) and no signature line', async () => {
    const model = { ...sample('receipt'), issuedOn: '2026-03-18', issuedAt: '2026-03-18T06:07:00Z' };
    const text = reading(scratch.text(await renderPdf(model, { lang: 'kk' }), 'raw'), model.number);
    expect(text).toContain(`${labels.receipt.acceptedAt.kk}: 18.03.2026 11:07`);
    expect(text).toContain(`${labels.receipt.acceptedBy.kk}:`);
    expect(text).not.toContain(labels.common.signedElectronically.kk);
  });

  test('a signed document names the certificate serial and its issuer', async () => {
    const model = sample('archive-certificate');
    const text = reading(scratch.text(await renderPdf(model, { lang: 'kk' }), 'raw'), model.number);
    expect(text).toContain(`${labels.common.certificateSerial.kk}: ${model.signer.certificate?.serial}`);
    expect(text).toContain(`${labels.common.certificateIssuer.kk}: ${model.signer.certificate?.issuer}`);
  });

  test('every kind has a sample, and each fits one page in one language', async () => {
    expect(samples.map((m) => m.kind).sort()).toEqual([...DOCUMENT_KINDS].sort());
    for (const model of samples) {
      for (const lang of ['kk', 'ru'] as const) expect(pageCount(await renderPdf(model, { lang }))).toBe(1);
    }
  });
});
