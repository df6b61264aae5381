import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Text } from '../../src/core/i18n/text.js';
import type { DocumentLang, DocumentModel } from '../../src/documents/model.js';

/** The Kazakh letters Russian lacks, lower and upper case. */
export const KAZAKH_LETTERS = [...'әғқңөұүһіӘҒҚҢӨҰҮҺІ'];

/** Rendered files go to a temporary folder, never into the repository. */
export class Scratch {
  private readonly dir = mkdtempSync(join(tmpdir(), 'aq-render-'));
  private count = 0;

  file(pdf: Uint8Array): string {
    const path = join(this.dir, `${this.count++}.pdf`);
    writeFileSync(path, pdf);
    return path;
  }

  /** What `pdftotext` reads: `layout` keeps the page's columns, `raw` the order of drawing. */
  text(pdf: Uint8Array, mode: 'layout' | 'raw' = 'layout'): string {
    return execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', this.file(pdf), '-'], { encoding: 'utf8' });
  }

  /** Decodes the QR code on `page` (1-based) of a 150 dpi rendering, as a phone camera would. */
  qr(pdf: Uint8Array, page: number): string | null {
    const prefix = join(this.dir, `page-${this.count}`);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', this.file(pdf), prefix]);
    const png = PNG.sync.read(readFileSync(`${prefix}.png`));
    const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
    // jsqr is CommonJS: under NodeNext its ES default export is `.default` of the module object.
    return jsQR.default(pixels, png.width, png.height)?.data ?? null;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Whitespace of any kind and amount as one space: wrapped and justified lines read as typed. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Extracted text as one running line: without the page footers (number and page), with words
 * broken after a hyphen at a line's end joined again («Северо-» / «Казахстанской»).
 */
export function reading(text: string, number: string): string {
  const footer = new RegExp(`^.*${number.replace(/[-]/g, '\\-')} · .*\\d+/\\d+\\s*$`, 'gm');
  return flat(text.replace(footer, '').replace(/(\S-)[ \t]*\n\s*/g, '$1'));
}

export function pageCount(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

export function ddmmyyyy(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

const isText = (value: object): value is Text => 'kk' in value && 'ru' in value;

/** Fields that are not printed as they stand: codes the templates turn into words, links, metadata. */
const NOT_PRINTED = new Set(['kind', 'issuedAt', 'url', 'validTo', 'akimLevel', 'propertyStatus', 'role', 'gender', 'form', 'en']);

/**
 * Every value of the model a reader finds on the page in `lang`: strings as typed, dates as
 * DD.MM.YYYY, `Text` values in the languages printed. `skip` names fields a test checks its own way.
 */
export function printedValues(model: DocumentModel, lang: DocumentLang, skip: readonly string[] = []): string[] {
  const languages = lang === 'both' ? (['kk', 'ru'] as const) : [lang];
  const out: string[] = [];
  const visit = (value: unknown, key: string): void => {
    if (NOT_PRINTED.has(key) || skip.includes(key)) return;
    if (typeof value === 'string') out.push(/^\d{4}-\d{2}-\d{2}$/.test(value) ? ddmmyyyy(value) : value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (value !== null && typeof value === 'object') {
      if (isText(value)) languages.forEach((l) => out.push(value[l]));
      else Object.entries(value).forEach(([k, v]) => visit(v, k));
    }
  };
  visit(model, '');
  return out;
}
