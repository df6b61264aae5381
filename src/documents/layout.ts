import { fill, type Text } from '../core/i18n/text.js';
import { type Face, printable } from './fonts.js';
import { common } from './labels.js';
import type { DocumentLang, DocumentModel, Person } from './model.js';

/**
 * Layout on an A4 page: a flow of blocks from top to bottom that decides page breaks itself, so
 * that a label never sits alone at the foot of a page, a paragraph leaves neither one line behind
 * nor one line over (orphans and widows), and the signature and QR block stays whole. pdfkit
 * wraps the lines; every string passes through `printable` first.
 */

export const MARGINS = { top: 48, bottom: 56, left: 64, right: 48 } as const;
export const SIZE = { body: 10.5, small: 8.5, header: 10, title: 14, subtitle: 11.5 } as const;
const LINE_GAP = 2;
export const GREY = '#555555';

/** Kazakhstan has one time zone, UTC+5, since 1 March 2024; a receipt prints the local time. */
export const KAZAKHSTAN_OFFSET_MINUTES = 5 * 60;

type Language = 'kk' | 'ru';

/** A person who signs, as a signature line shows them. */
export interface Signatory {
  readonly fullName: string;
  readonly position: Text;
}

/** A point on a page (0-based page index, y from the top). */
export interface TextEnd {
  readonly page: number;
  readonly y: number;
}

/** YYYY-MM-DD as DD.MM.YYYY; anything else is printed as it came. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** HH:MM of an ISO instant in Kazakhstan, or '' when the instant cannot be read. */
export function localTime(instant: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const local = new Date(ms + KAZAKHSTAN_OFFSET_MINUTES * 60_000);
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
}

export interface TextOptions {
  readonly face?: Face;
  readonly size?: number;
  readonly align?: 'left' | 'center' | 'right' | 'justify';
  readonly color?: string;
  readonly indent?: number;
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly continued?: boolean;
}

export class Sheet {
  /** The languages printed, in order: Kazakh first. */
  readonly languages: readonly Language[];
  /**
   * `shorten`: the page where the text ended ends two lines above that point, so that at least
   * two lines carry over (see `closing` in templates/frame.ts).
   */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    lang: DocumentLang,
    shorten?: TextEnd,
  ) {
    this.languages = lang === 'both' ? ['kk', 'ru'] : [lang];
    if (shorten === undefined) return;
    const end = shorten.y - 2 * this.lineHeight(SIZE.body);
    const apply = () => {
      if (this.pageIndex() === shorten.page && end > this.doc.y) this.doc.page.margins.bottom = this.doc.page.height - end;
    };
    apply();
    doc.on('pageAdded', apply);
  }

  /** The index of the current page, from 0. */
  pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Points left above the bottom margin. */
  get room(): number {
    return this.doc.page.maxY() - this.doc.y;
  }

  /** A label in the document's language; on a bilingual page "kk / ru". */
  label(text: Text): string {
    return this.languages.map((l) => text[l]).join(' / ');
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
  }

  /** Starts a new page unless `height` points are left on this one. */
  keep(height: number): void {
    if (height > this.room) this.newPage();
  }

  /** The addressee of a letter, in a block at the right, as letters in Kazakhstan place it. */
  addressee(label: Text, lines: readonly string[]): void {
    const x = this.left + this.width * 0.5;
    const width = this.width * 0.5;
    this.text(`${this.label(label)}:`, { face: 'bold', x, width });
    for (const line of lines) this.text(line, { x, width });
    this.doc.x = this.left;
    this.gap(14);
  }

  /** The title, one line per language. */
  title(text: Text, subtitle?: Text): void {
    this.keep(60);
    this.languages.forEach((l, i) => {
      this.text(text[l], { face: 'bold', size: i === 0 ? SIZE.title : SIZE.subtitle, align: 'center' });
      if (subtitle) this.text(subtitle[l], { size: SIZE.body, align: 'center' });
    });
    this.gap(10);
  }

  /** A line under the title in smaller type: the service the document belongs to. */
  caption(text: Text | string): void {
    for (const version of this.versions(text)) this.text(version, { size: SIZE.small, align: 'center', color: GREY });
    this.gap(8);
  }

  /** "Label: value" as one wrapped paragraph, the label in bold. A `Text` value prints per language. */
  field(label: Text, value: Text | string): void {
    const head = `${this.label(label)}: `;
    const body = this.versions(value).join('\n') || '—';
    // Measured all in bold: a little too tall rather than too short, so a short field stays whole.
    this.placed(head + body, SIZE.body, 'bold', () => {
      this.text(head, { face: 'bold', continued: true });
      this.text(body, {});
    });
    this.gap(4);
  }

  /** Running text, justified, split into paragraphs at blank lines; a `Text` prints once per language. */
  paragraph(text: Text | string, options: { indent?: number } = {}): void {
    for (const version of this.versions(text)) {
      for (const part of splitParagraphs(version)) {
        this.placed(part, SIZE.body, 'regular', () => this.text(part, { align: 'justify', indent: options.indent ?? 0 }));
        this.gap(5);
      }
    }
  }

  /** A bold heading over the block that follows; kept with that block's first lines. */
  heading(text: Text): void {
    this.keep(3 * this.lineHeight(SIZE.body) + 6);
    this.text(this.label(text), { face: 'bold' });
    this.gap(2);
  }

  /** Numbered entries, each kept whole when short. */
  numbered(items: readonly string[]): void {
    items.forEach((item, i) => {
      const number = `${i + 1}. `;
      this.placed(number + item, SIZE.body, 'regular', () => {
        this.text(number, { continued: true });
        this.text(item, {});
      });
      this.gap(3);
    });
  }

  /** A signature line: the position on the left, the name on the right, one line per language. */
  signature(position: Text, fullName: string, caption?: Text): void {
    const lines = this.languages.length + (caption ? 1 : 0);
    this.keep(lines * this.lineHeight(SIZE.body) + 8);
    if (caption) this.text(`${this.label(caption)}:`, { size: SIZE.small, color: GREY });
    const top = this.doc.y;
    const half = this.width * 0.55;
    for (const l of this.languages) this.text(position[l], { width: half });
    const bottom = this.doc.y;
    this.text(fullName, { face: 'bold', x: this.left + half, y: top, width: this.width - half, align: 'right' });
    this.doc.y = Math.max(bottom, this.doc.y);
    this.doc.x = this.left;
    this.gap(6);
  }

  rule(): void {
    const y = this.doc.y;
    this.doc.save().moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(GREY).stroke().restore();
  }

  private versions(text: Text | string): string[] {
    return typeof text === 'string' ? [text] : this.languages.map((l) => text[l]);
  }

  /** The height of `text` set in `width` points. */
  measure(text: string, size: number, width: number, face: Face = 'regular'): number {
    this.doc.font(face).fontSize(size);
    return this.doc.heightOfString(printable(text, face), { width, lineGap: LINE_GAP });
  }

  lineHeight(size: number): number {
    this.doc.fontSize(size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  /**
   * Draws a block of `text` lines: short blocks (up to three lines) are moved whole to the next
   * page when they do not fit; longer ones start here only if two lines fit, and when exactly one
   * line would spill over, the page is ended a line early so that two lines carry over.
   */
  private placed(text: string, size: number, face: Face, draw: () => void): void {
    const lineHeight = this.lineHeight(size);
    const height = this.measure(text, size, this.width, face);
    const room = this.room;
    if (height <= room + 0.5) return draw();
    const lines = Math.round(height / lineHeight);
    const fitting = Math.floor((room + 0.5) / lineHeight);
    if (lines <= 3 || fitting < 2) {
      this.newPage();
      return draw();
    }
    if (lines - fitting !== 1) return draw();
    const page = this.doc.page;
    page.margins.bottom += lineHeight;
    draw();
    page.margins.bottom -= lineHeight;
  }

  /** One run of text at the flow's position or at (x, y), through `printable`. */
  text(text: string, options: TextOptions): void {
    const face = options.face ?? 'regular';
    const doc = this.doc.font(face).fontSize(options.size ?? SIZE.body).fillColor(options.color ?? 'black');
    const layout = {
      width: options.width ?? this.width,
      align: options.align ?? 'left',
      lineGap: LINE_GAP,
      indent: options.indent ?? 0,
      continued: options.continued ?? false,
    };
    const content = printable(text, face);
    if (options.x !== undefined || options.y !== undefined) {
      doc.text(content, options.x ?? this.left, options.y ?? doc.y, layout);
    } else {
      doc.text(content, layout);
    }
  }
}

function splitParagraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** One document kind: its title (also the PDF's Title) and the body between the header and the closing. */
export interface Template<M extends DocumentModel> {
  title(model: M): Text;
  /** Prints «Ұйымның үлгісі»: the seeds show no form, the layout is the office's. */
  readonly officeTemplate?: boolean;
  /** Said over the signer, e.g. "accepted by" on a receipt. */
  readonly signerCaption?: Text;
  /** Who signs by the template's own wording (the head of the body), printed over the electronic signer. */
  signatory?(model: M): Signatory;
  body(sheet: Sheet, model: M): void;
}

/** A `Text` template filled with the same values in both languages. */
export function fillText(text: Text, params: Readonly<Record<string, string>>): Text {
  return { kk: fill(text.kk, params), ru: fill(text.ru, params) };
}

/** "Full Name, ЖСН 123456789012, туған күні 01.02.2015": a person on one line. */
export function personLine(sheet: Sheet, person: Person & { readonly birthDate?: string; readonly address?: string }): string {
  const parts = [person.fullName];
  if (person.iin) parts.push(`${sheet.label(common.iin)} ${person.iin}`);
  if (person.birthDate) parts.push(`${sheet.label(common.birthDate)} ${formatDate(person.birthDate)}`);
  if (person.address) parts.push(`${sheet.label(common.address)}: ${person.address}`);
  return parts.join(', ');
}
