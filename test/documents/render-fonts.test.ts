import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { documentFonts } from '../../src/documents/fonts.js';
import type { ArchiveCertificate } from '../../src/documents/model.js';
import { renderPdf } from '../../src/documents/render.js';
import { sampleDocuments } from '../../src/documents/samples.js';
import { Scratch } from './render-helpers.js';

/**
 * The renderer shares parsed fonts and word layouts between documents, through pdfkit internals
 * (see src/documents/fonts.ts). These tests fail if a pdfkit or fontkit upgrade breaks that.
 */

const scratch = new Scratch();
afterAll(() => scratch.remove());

function archiveCertificate(): ArchiveCertificate {
  const model = sampleDocuments().find((m) => m.kind === 'archive-certificate');
  if (model?.kind !== 'archive-certificate') throw new Error('no archive-certificate sample');
  return model;
}

/** A fresh copy of the renderer, with nothing parsed or cached yet, as in a new process. */
async function freshRenderer(): Promise<typeof renderPdf> {
  vi.resetModules();
  return (await import('../../src/documents/render.js')).renderPdf;
}

/** The font programs embedded in `pdf`, inflated. */
function embeddedFonts(pdf: Buffer): Buffer[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => {
    const header = new RegExp(`\\n${id} 0 obj\\n<<([^>]*)>>\\nstream\\n`).exec(text);
    if (!header) throw new Error(`font program ${id} not found`);
    const length = Number(/\/Length (\d+)/.exec(header[1]!)?.[1]);
    const start = header.index + header[0].length;
    return inflateSync(pdf.subarray(start, start + length));
  });
}

function tableTags(font: Buffer): string[] {
  return Array.from({ length: font.readUInt16BE(4) }, (_, i) => font.toString('latin1', 12 + 16 * i, 16 + 16 * i));
}

describe('fonts shared between documents', () => {
  test('a document rendered again lays out no word anew: the word layouts are kept across documents', async () => {
    const model = sampleDocuments()[0]!;
    await renderPdf(model, { lang: 'both' });
    const fonts = documentFonts();
    const regular = vi.spyOn(fonts.regular, 'layout');
    const bold = vi.spyOn(fonts.bold, 'layout');
    await renderPdf(model, { lang: 'both' });
    expect(regular).not.toHaveBeenCalled();
    expect(bold).not.toHaveBeenCalled();
    regular.mockRestore();
    bold.mockRestore();
  });

  test('a document gives the same bytes in a fresh process as after many others', async () => {
    const samples = sampleDocuments();
    for (const model of samples) await renderPdf(model, { lang: 'both' });
    const warm = await renderPdf(samples[0]!, { lang: 'both' });
    const fresh = await (await freshRenderer())(samples[0]!, { lang: 'both' });
    expect(fresh.equals(warm)).toBe(true);
  });

  test('a letter drawn as part of another letter in an earlier document still copies as itself', async () => {
    // DejaVu builds «ы» from «ь»; the subset of the first document asks for «ь» as a bare part.
    const render = await freshRenderer();
    const model = archiveCertificate();
    await render({ ...model, applicant: 'Мырзабеков Ерлан' }, { lang: 'kk' });
    const text = scratch.text(await render({ ...model, applicant: 'Ильясов Ерлан' }, { lang: 'kk' }));
    expect(text).toContain('Ильясов Ерлан');
  });

  test('embedded fonts carry outlines without hinting programs', async () => {
    const fonts = embeddedFonts(await renderPdf(sampleDocuments()[0]!, { lang: 'kk' }));
    expect(fonts).toHaveLength(2);
    for (const font of fonts) {
      const tags = tableTags(font);
      expect(tags).toContain('glyf');
      expect(tags.filter((t) => ['fpgm', 'prep', 'cvt '].includes(t))).toEqual([]);
    }
  });
});
