import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, test } from 'vitest';
import { DOCUMENT_KINDS, DOCUMENT_LANGS } from '../../src/documents/model.js';
import { readDocumentInfo, renderPdf } from '../../src/documents/render.js';
import { sampleDocuments } from '../../src/documents/samples.js';
import { Scratch } from './render-helpers.js';

const scratch = new Scratch();
afterAll(() => scratch.remove());

const model = sampleDocuments()[0]!;
const ours = await renderPdf(model, { lang: 'both' });
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

function otherProducersPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ info: { Title: 'Счёт-фактура', Creator: 'Бухгалтерия 1С', CreationDate: new Date(0) } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Invoice 42');
    doc.end();
  });
}

describe('readDocumentInfo', () => {
  test('reads back the number, kind and language of every document we render', async () => {
    for (const sample of sampleDocuments()) {
      for (const lang of DOCUMENT_LANGS) {
        expect(readDocumentInfo(await renderPdf(sample, { lang }))).toEqual({ number: sample.number, kind: sample.kind, lang });
      }
    }
  });

  test('a PDF viewer shows the title, service, organisation, issue time and our entries', () => {
    const info = execFileSync('pdfinfo', ['-custom', '-isodates', scratch.file(ours)], { encoding: 'utf8' });
    const entry = (key: string) => new RegExp(`^${key}:\\s+(.*)$`, 'm').exec(info)?.[1];
    expect(entry('Title')).toBe('Мұрағаттық анықтама / Архивная справка');
    expect(entry('Subject')).toBe(`${model.service.kk} / ${model.service.ru}`);
    expect(entry('Author')).toBe(`${model.organisation.name.kk} / ${model.organisation.name.ru}`);
    expect(entry('Creator')).toBe('Anyqtama');
    expect(entry('CreationDate')).toBe(new Date(model.issuedAt).toISOString().replace('.000Z', 'Z'));
    expect(entry('ModDate')).toBe(entry('CreationDate'));
    expect([entry('AnyqtamaNumber'), entry('AnyqtamaKind'), entry('AnyqtamaLang')]).toEqual([model.number, model.kind, 'both']);
  });

  test('still reads our entries after a signing tool appended an update with a cross-reference stream', () => {
    const info = /\/Info (\d+) 0 R/.exec(latin1(ours))?.[1];
    const update = `\n90 0 obj\n<< /Type /XRef /Size 91 /Root 1 0 R /Info ${info} 0 R /W [1 4 2] /Length 0 >>\nstream\n\nendstream\nendobj\nstartxref\n${ours.length + 1}\n%%EOF\n`;
    expect(readDocumentInfo(Buffer.concat([ours, Buffer.from(update, 'latin1')]))).toEqual({ number: model.number, kind: model.kind, lang: 'both' });
  });

  test('is null for another producer\'s PDF, a truncated one, or one whose entries were altered', async () => {
    expect(readDocumentInfo(await otherProducersPdf())).toBeNull();
    expect(readDocumentInfo(ours.subarray(0, ours.length - 400))).toBeNull();
    expect(readDocumentInfo(bytesOf(latin1(ours).replace(`(${model.kind})`, '(passport)')))).toBeNull();
    expect(readDocumentInfo(bytesOf(latin1(ours).replace('(both)', '(en)')))).toBeNull();
    expect(readDocumentInfo(bytesOf(latin1(ours).replace('(Anyqtama)', '(Forger)')))).toBeNull();
    expect(readDocumentInfo(bytesOf(latin1(ours).replace('%PDF-', '%PNG-')))).toBeNull();
  });

  test('is null and never throws for arbitrary bytes', () => {
    expect(readDocumentInfo(new Uint8Array())).toBeNull();
    expect(readDocumentInfo(bytesOf('%PDF-1.3\ntrailer\n<< /Info 99999 0 R >>'))).toBeNull();
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => readDocumentInfo(bytes) === null));
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (tail) => readDocumentInfo(bytesOf(`%PDF-1.7\ntrailer << /Info 1 0 R >>\n1 0 obj ${tail}`)) === null));
  });

  test('never throws on a damaged copy of our PDF, and finds nothing it should not', () => {
    const damage = fc.record({
      cut: fc.nat({ max: ours.length }),
      flips: fc.array(fc.tuple(fc.nat({ max: ours.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
    });
    fc.assert(
      fc.property(damage, ({ cut, flips }) => {
        const copy = Uint8Array.from(ours.subarray(0, cut));
        for (const [at, byte] of flips) if (at < copy.length) copy[at] = byte;
        const info = readDocumentInfo(copy);
        return info === null || (DOCUMENT_KINDS.includes(info.kind) && DOCUMENT_LANGS.includes(info.lang) && info.number.length > 0);
      }),
      { numRuns: 300 },
    );
  });
});
