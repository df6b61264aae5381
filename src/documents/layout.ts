import { fill, type Text } from '../core/i18n/text.js';
import { type Face, printable } from './fonts.js';
import { common } from './labels.js';
import type { DocumentLang, DocumentModel, Organisation, Person, Signer } from './model.js';
import { drawQr, qrSymbol } from './qr.js';

/**
 * Layout on an A4 page: a flow of blocks from top to bottom that decides page breaks itself, so
 * that a label never sits alone at the foot of a page, a paragraph leaves neither one line behind
 * nor one line over (orphans and widows), and the signature and QR block stays whole. pdfkit
 * wraps the lines; every string passes through `printable` first.
 */

export const MARGINS = { top: 48, bottom: 56, left: 64, right: 48 } as const;
const SIZE = { body: 10.5, small: 8.5, header: 10, title: 14, subtitle: 11.5 } as const;
const LINE_GAP = 2;
const GREY = '#555555';

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

interface TextOptions {
  readonly face?: Face;
  readonly size?: number;
  readonly align?: 'left' | 'center' | 'right' | 'justify';
  readonly color?: string;
  readonly indent?: number;
  readonly x?: number;
  readonly width?: number;
}

export class Sheet {
  /** The languages printed, in order: Kazakh first. */
  readonly languages: readonly Language[];
  /** Set when the closing block did not fit below the text: where the text ended. */
  closingMovedFrom: TextEnd | undefined;

  /**
   * A signature must not stand alone on a page without text (office-work rules). When the
   * closing block would, the document is laid out again with `shorten`: the page where the text
   * ended then ends two lines above that point, so that at least two lines of text carry over.
   */
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly lang: DocumentLang,
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

  private pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get room(): number {
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
    this.write(`${this.label(label)}:`, { face: 'bold', x, width });
    for (const line of lines) this.write(line, { x, width });
    this.doc.x = this.left;
    this.gap(14);
  }

  /** The title, one line per language. */
  title(text: Text, subtitle?: Text): void {
    this.keep(60);
    this.languages.forEach((l, i) => {
      this.write(text[l], { face: 'bold', size: i === 0 ? SIZE.title : SIZE.subtitle, align: 'center' });
      if (subtitle) this.write(subtitle[l], { size: SIZE.body, align: 'center' });
    });
    this.gap(10);
  }

  /** A line under the title in smaller type: the service the document belongs to. */
  caption(text: Text | string): void {
    for (const version of this.versions(text)) this.write(version, { size: SIZE.small, align: 'center', color: GREY });
    this.gap(8);
  }

  /** "Label: value" as one wrapped paragraph, the label in bold. A `Text` value prints per language. */
  field(label: Text, value: Text | string): void {
    const head = `${this.label(label)}: `;
    const body = this.versions(value).join('\n') || '—';
    this.placed(head + body, SIZE.body, () => {
      this.write(head, { face: 'bold', continued: true });
      this.write(body, {});
    });
    this.gap(4);
  }

  /** A paragraph of running text, justified; a `Text` prints once per language. */
  paragraph(text: Text | string, options: { indent?: number; size?: number } = {}): void {
    for (const version of this.versions(text)) {
      for (const part of splitParagraphs(version)) {
        this.placed(part, options.size ?? SIZE.body, () =>
          this.write(part, { align: 'justify', indent: options.indent ?? 0, size: options.size }),
        );
        this.gap(5);
      }
    }
  }

  /** A bold heading over the block that follows; kept with that block's first lines. */
  heading(text: Text): void {
    this.keep(3 * this.lineHeight(SIZE.body) + 6);
    this.write(this.label(text), { face: 'bold' });
    this.gap(2);
  }

  /** Numbered entries, each a short paragraph with a hanging number. */
  numbered(items: readonly string[]): void {
    items.forEach((item, i) => {
      const number = `${i + 1}. `;
      this.placed(number + item, SIZE.body, () => {
        this.write(number, { continued: true });
        this.write(item, {});
      });
      this.gap(3);
    });
  }

  /** A signature line: the position on the left, the name on the right, one line per language. */
  signature(position: Text, fullName: string, caption?: Text): void {
    const lines = this.languages.length + (caption ? 1 : 0);
    this.keep(lines * this.lineHeight(SIZE.body) + 8);
    if (caption) this.write(`${this.label(caption)}:`, { size: SIZE.small, color: GREY });
    const top = this.doc.y;
    const half = this.width * 0.55;
    for (const l of this.languages) this.write(position[l], { width: half });
    const bottom = this.doc.y;
    this.write(fullName, { face: 'bold', x: this.left + half, y: top, width: this.width - half, align: 'right' });
    this.doc.y = Math.max(bottom, this.doc.y);
    this.doc.x = this.left;
    this.gap(6);
  }

  /** The heading of every page-one: the organisation, one column per language. */
  organisation(org: Organisation, officeTemplate: boolean): void {
    if (officeTemplate) {
      this.write(this.label(common.officeTemplate), { size: SIZE.small, color: GREY, align: 'right', y: MARGINS.top - 22 });
    }
    const top = this.doc.y;
    const columnGap = 24;
    const columnWidth = (this.width - columnGap * (this.languages.length - 1)) / this.languages.length;
    let bottom = top;
    this.languages.forEach((l, i) => {
      const x = this.left + i * (columnWidth + columnGap);
      const contact = [org.address?.[l], org.phones.length ? `${common.phones[l]} ${org.phones.join(', ')}` : undefined]
        .filter((part): part is string => part !== undefined)
        .join(' · ');
      this.write(org.name[l], { face: 'bold', size: SIZE.header, align: 'center', x, y: top, width: columnWidth });
      this.write(org.region[l], { size: SIZE.small, align: 'center', x, width: columnWidth });
      if (contact) this.write(contact, { size: SIZE.small, align: 'center', x, width: columnWidth });
      bottom = Math.max(bottom, this.doc.y);
    });
    this.doc.x = this.left;
    this.doc.y = bottom + 4;
    this.rule();
    this.gap(6);
  }

  /** Issue date on the left, request number on the right, on one line. */
  dateAndNumber(dateLabel: Text, date: string, number: string): void {
    const y = this.doc.y;
    this.write(`${this.label(dateLabel)}: ${date}`, { y, width: this.width / 2 });
    const bottom = this.doc.y;
    this.write(`${this.label(common.requestNumber)}: ${number}`, { x: this.left + this.width / 2, y, width: this.width / 2, align: 'right' });
    this.doc.x = this.left;
    this.doc.y = Math.max(bottom, this.doc.y) + 12;
  }

  /**
   * The signature lines (the template's signatory, then the electronic signer unless that is the
   * same person), then the QR code with the number and the verification code under it and,
   * beside it, the electronic signature and how to check the document. Kept whole on one page.
   */
  closing(model: DocumentModel, caption?: Text, signatory?: Signatory): void {
    const symbol = qrSymbol(model.verification.url);
    const module = Math.max(1.5, Math.floor((72 / symbol.size) * 4) / 4);
    const side = module * symbol.size;
    const under = [model.number, `${this.label(common.verificationCode)}: ${model.verification.code}`];
    const underWidth = Math.max(side, 150);
    const beside = [...this.signedElectronically(model.signer), ...this.languages.map((l) => fill(common.verificationHint[l], { site: siteOf(model.verification.url) }))];
    const besideX = this.left + underWidth + 12;
    const besideWidth = this.left + this.width - besideX;
    const underHeight = side + 4 + under.reduce((h, t) => h + this.measure(t, SIZE.small, underWidth), 0);
    const besideHeight = beside.reduce((h, t) => h + this.measure(t, SIZE.small, besideWidth) + 3, 0);
    const signers = [signatory, model.signer].filter((s): s is Signatory => s !== undefined);
    if (signers.length === 2 && signers[0]!.fullName === signers[1]!.fullName) signers.pop();
    const signatureHeight = (signers.length * this.languages.length + (caption ? 1 : 0)) * this.lineHeight(SIZE.body) + 14 * signers.length;
    const textEnd = { page: this.pageIndex(), y: this.doc.y };
    this.keep(signatureHeight + Math.max(underHeight, besideHeight) + 8);
    if (this.pageIndex() !== textEnd.page) this.closingMovedFrom = textEnd;
    this.gap(8);
    signers.forEach((signer, i) => this.signature(signer.position, signer.fullName, i === 0 ? caption : undefined));
    const top = this.doc.y;
    drawQr(this.doc, symbol, this.left, top, module);
    this.doc.y = top + side + 4;
    under.forEach((text, i) => this.write(text, { size: SIZE.small, face: i === 0 ? 'bold' : 'regular', x: this.left, width: underWidth }));
    const bottom = this.doc.y;
    this.doc.y = top;
    for (const text of beside) {
      this.write(text, { size: SIZE.small, color: GREY, x: besideX, width: besideWidth });
      this.gap(3);
    }
    this.doc.x = this.left;
    this.doc.y = Math.max(bottom, this.doc.y);
  }

  /** "Signed with an electronic digital signature; certificate serial …; issued by …", or nothing when unsigned. */
  private signedElectronically(signer: Signer): string[] {
    const certificate = signer.certificate;
    if (!certificate) return [];
    const serial = `${this.label(common.certificateSerial)}: ${certificate.serial}`;
    const issuer = `${this.label(common.certificateIssuer)}: ${certificate.issuer}`;
    return [`${this.label(common.signedElectronically)}; ${serial}; ${issuer}`];
  }

  /** Page numbers with the request number at the foot of every page, written once all pages exist. */
  pageFooters(number: string): void {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      const page = this.doc.page;
      const bottom = page.margins.bottom;
      // Text below the bottom margin would make pdfkit open a new page.
      page.margins.bottom = 0;
      const text = `${number} · ${this.label(common.page)} ${i + 1}/${range.count}`;
      this.write(text, { size: SIZE.small, color: GREY, align: 'center', x: this.left, y: page.height - MARGINS.bottom + 20, width: this.width });
      page.margins.bottom = bottom;
    }
  }

  rule(): void {
    const y = this.doc.y;
    this.doc.save().moveTo(this.left, y).lineTo(this.left + this.width, y).lineWidth(0.6).strokeColor(GREY).stroke().restore();
  }

  private versions(text: Text | string): string[] {
    return typeof text === 'string' ? [text] : this.languages.map((l) => text[l]);
  }

  /** The height of `text` set in `width` points. */
  private measure(text: string, size: number, width: number, face: Face = 'regular'): number {
    this.doc.font(face).fontSize(size);
    return this.doc.heightOfString(printable(text, face), { width, lineGap: LINE_GAP });
  }

  private lineHeight(size: number): number {
    this.doc.fontSize(size);
    return this.doc.currentLineHeight(true) + LINE_GAP;
  }

  /**
   * Draws a block of `text` lines: short blocks (up to three lines) are moved whole to the next
   * page when they do not fit; longer ones start here only if two lines fit, and when exactly one
   * line would spill over, the page is ended a line early so that two lines carry over.
   */
  private placed(text: string, size: number, draw: () => void): void {
    this.doc.font('regular').fontSize(size);
    const lineHeight = this.lineHeight(size);
    const height = this.doc.heightOfString(printable(text, 'regular'), { width: this.width, lineGap: LINE_GAP });
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

  private write(text: string, options: TextOptions & { readonly y?: number; readonly continued?: boolean }): void {
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

/**
 * Where a citizen types the number and code: the verification link without its query, e.g.
 * "t.me/AnyqtamaBot" for the bot's deep link or "example.kz/verify" for a web page.
 */
function siteOf(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`.replace(/\/$/, '') || url;
  } catch {
    return url;
  }
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
