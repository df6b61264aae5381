import PDFDocument from 'pdfkit';
import { DOCUMENT_KINDS, DOCUMENT_LANGS, type DocumentKind, type DocumentLang, type DocumentModel, type RenderOptions } from './model.js';
import { useFonts } from './fonts.js';
import { MARGINS, Sheet, type Template, type TextEnd } from './layout.js';
import { archiveCertificate } from './templates/archive-certificate.js';
import { archiveNoInformation } from './templates/archive-no-information.js';
import { disabledChildNotification } from './templates/disabled-child-notification.js';
import { closing, dateAndNumber, letterhead, pageFooters } from './templates/frame.js';
import { guardianshipCertificate } from './templates/guardianship-certificate.js';
import { guardianshipMinorCertificate } from './templates/guardianship-minor-certificate.js';
import { receipt } from './templates/receipt.js';
import { refusalLetter } from './templates/refusal-letter.js';
import { unemployedCertificate } from './templates/unemployed-certificate.js';

const TEMPLATES: { readonly [K in DocumentKind]: Template<Extract<DocumentModel, { kind: K }>> } = {
  'archive-certificate': archiveCertificate,
  'archive-no-information': archiveNoInformation,
  'unemployed-certificate': unemployedCertificate,
  'disabled-child-notification': disabledChildNotification,
  'guardianship-certificate': guardianshipCertificate,
  'guardianship-minor-certificate': guardianshipMinorCertificate,
  'refusal-letter': refusalLetter,
  receipt,
};

const CREATOR = 'Anyqtama';

/**
 * Renders a document as an A4 PDF. The bytes depend on the model and the options only: the
 * dates in the PDF are the instant of issue and pdfkit derives the file ID from them, so a
 * receipt or a signed certificate can be verified by rendering it again and comparing hashes.
 * On a bilingual page ('both') the labels read "kk / ru", values the clerk typed print once,
 * and the fixed sentences print in Kazakh, then in Russian.
 */
export async function renderPdf(model: DocumentModel, options: RenderOptions): Promise<Buffer> {
  let composed = compose(model, options);
  if (composed.closingMovedFrom !== undefined) {
    composed.finished();
    composed = compose(model, options, composed.closingMovedFrom);
  }
  const bytes = collect(composed.doc);
  composed.doc.end();
  composed.finished();
  return bytes;
}

/** Lays out every page of the document, short of writing it out. */
function compose(model: DocumentModel, options: RenderOptions, shorten?: TextEnd) {
  const template = TEMPLATES[model.kind] as Template<DocumentModel>;
  const issuedAt = instantOf(model);
  const doc = new PDFDocument({
    size: 'A4',
    // No default font: pdfkit would load Helvetica's metrics for every document, to no use.
    font: '',
    margins: { ...MARGINS },
    bufferPages: true,
    lang: options.lang === 'ru' ? 'ru-KZ' : 'kk-KZ',
    displayTitle: true,
    info: {
      Title: joined(template.title(model), options.lang),
      Subject: joined(model.service, options.lang),
      Author: joined(model.organisation.name, options.lang),
      Creator: CREATOR,
      CreationDate: issuedAt,
      ModDate: issuedAt,
      // Read back by readDocumentInfo; ASCII, so pdfkit writes them as plain literal strings.
      AnyqtamaNumber: model.number,
      AnyqtamaKind: model.kind,
      AnyqtamaLang: options.lang,
    } as PDFKit.DocumentInfo,
  });
  const finished = useFonts(doc);
  const sheet = new Sheet(doc, options.lang, shorten);
  letterhead(sheet, model.organisation, template.officeTemplate ?? false);
  dateAndNumber(sheet, model);
  template.body(sheet, model);
  const closingMovedFrom = closing(sheet, model, template.signerCaption, template.signatory?.(model));
  pageFooters(sheet, model.number);
  return { doc, closingMovedFrom, finished };
}

function joined(text: { kk: string; ru: string }, lang: DocumentLang): string {
  return lang === 'both' ? `${text.kk} / ${text.ru}` : text[lang];
}

/** The instant of issue; a model without a readable one gets the issue date at midnight UTC, never "now". */
function instantOf(model: DocumentModel): Date {
  const at = Date.parse(model.issuedAt);
  if (!Number.isNaN(at)) return new Date(at);
  const day = Date.parse(`${model.issuedOn}T00:00:00Z`);
  return new Date(Number.isNaN(day) ? 0 : day);
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export interface DocumentInfo {
  readonly number: string;
  readonly kind: DocumentKind;
  readonly lang: DocumentLang;
}

/**
 * Which of our documents `pdf` is, from the Info dictionary renderPdf writes (uncompressed, each
 * value an indirect string object). The last /Info reference wins, whether it sits in a classic
 * trailer or in the cross-reference stream a signing tool may append. Null for anything else:
 * another producer's PDF, a damaged file, random bytes. Never throws.
 */
export function readDocumentInfo(pdf: Uint8Array): DocumentInfo | null {
  try {
    return parseInfo(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1'));
  } catch {
    // A parser of untrusted bytes: whatever slipped past the checks below still means "not ours".
    return null;
  }
}

function parseInfo(text: string): DocumentInfo | null {
  if (!text.startsWith('%PDF-')) return null;
  const ref = lastMatch(text, /\/Info\s+(\d{1,10})\s+(\d{1,5})\s+R/g);
  if (!ref) return null;
  const dict = objectBody(text, ref[1]!, ref[2]!);
  if (dict === null) return null;
  const value = (key: string) => entry(text, dict, key);
  if (value('Creator') !== CREATOR) return null;
  const number = value('AnyqtamaNumber');
  const kind = DOCUMENT_KINDS.find((k) => k === value('AnyqtamaKind'));
  const lang = DOCUMENT_LANGS.find((l) => l === value('AnyqtamaLang'));
  if (number === null || !/^[\x21-\x7e]{1,64}$/.test(number) || !kind || !lang) return null;
  return { number, kind, lang };
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) last = m;
  return last;
}

/** The text between `id gen obj` and `endobj`, of the last such object (a later update wins). */
function objectBody(text: string, id: string, gen: string): string | null {
  const header = lastMatch(text, new RegExp(`(?:^|\\s)${id}\\s+${gen}\\s+obj\\b`, 'g'));
  if (!header) return null;
  const start = header.index + header[0].length;
  const end = text.indexOf('endobj', start);
  return end < 0 ? null : text.slice(start, end);
}

/** A string entry of a dictionary, given directly or as a reference to a string object. */
function entry(text: string, dict: string, key: string): string | null {
  const at = new RegExp(`/${key}(?![A-Za-z0-9])\\s*`).exec(dict);
  if (!at) return null;
  const rest = dict.slice(at.index + at[0].length);
  if (rest.startsWith('(')) return literal(rest);
  const ref = /^(\d{1,10})\s+(\d{1,5})\s+R/.exec(rest);
  if (!ref) return null;
  const body = objectBody(text, ref[1]!, ref[2]!);
  return body === null ? null : literal(body.trimStart());
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** A PDF literal string `( … )` at the start of `source`: escapes, nested brackets, UTF-16BE with BOM. */
function literal(source: string): string | null {
  if (!source.startsWith('(')) return null;
  let depth = 0;
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      const octal = /^[0-7]{1,3}/.exec(source.slice(i + 1, i + 4));
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8) & 0xff);
        i += octal[0].length;
      } else {
        out += ESCAPES[next] ?? next;
        i += 1;
      }
      continue;
    }
    if (c === '(' && depth++ === 0) continue;
    if (c === ')' && --depth === 0) return decodeString(out);
    out += c;
  }
  return null;
}

function decodeString(bytes: string): string {
  if (!bytes.startsWith('\xfe\xff')) return bytes;
  return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
}
