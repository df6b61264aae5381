import { fill, type Text } from '../../core/i18n/text.js';
import { common } from '../labels.js';
import { formatDate, GREY, MARGINS, SIZE, type Sheet, type Signatory, type TextEnd } from '../layout.js';
import type { DocumentModel, Organisation, Signer } from '../model.js';
import { drawQr, qrSymbol } from '../qr.js';

/**
 * What every document has around its body: the organisation's letterhead, the issue date and the
 * request number, the closing (signature lines and the QR code to verify it), page footers.
 */

/** The letterhead: the organisation, one column per language, and a rule under it. */
export function letterhead(sheet: Sheet, org: Organisation, officeTemplate: boolean): void {
  if (officeTemplate) {
    sheet.text(sheet.label(common.officeTemplate), { size: SIZE.small, color: GREY, align: 'right', y: MARGINS.top - 22 });
  }
  const top = sheet.doc.y;
  const columnGap = 24;
  const columnWidth = (sheet.width - columnGap * (sheet.languages.length - 1)) / sheet.languages.length;
  let bottom = top;
  sheet.languages.forEach((l, i) => {
    const x = sheet.left + i * (columnWidth + columnGap);
    const phones = org.phones.length ? `${common.phones[l]} ${org.phones.join(', ')}` : undefined;
    const contact = [org.address?.[l], phones].filter((part): part is string => part !== undefined).join(' · ');
    sheet.text(org.name[l], { face: 'bold', size: SIZE.header, align: 'center', x, y: top, width: columnWidth });
    sheet.text(org.region[l], { size: SIZE.small, align: 'center', x, width: columnWidth });
    if (contact) sheet.text(contact, { size: SIZE.small, align: 'center', x, width: columnWidth });
    bottom = Math.max(bottom, sheet.doc.y);
  });
  sheet.doc.x = sheet.left;
  sheet.doc.y = bottom + 4;
  sheet.rule();
  sheet.gap(6);
}

/** The issue date on the left, the request number on the right, on one line. */
export function dateAndNumber(sheet: Sheet, model: DocumentModel): void {
  const y = sheet.doc.y;
  const half = sheet.width / 2;
  sheet.text(`${sheet.label(common.issuedOn)}: ${formatDate(model.issuedOn)}`, { y, width: half });
  const bottom = sheet.doc.y;
  sheet.text(`${sheet.label(common.requestNumber)}: ${model.number}`, { x: sheet.left + half, y, width: half, align: 'right' });
  sheet.doc.x = sheet.left;
  sheet.doc.y = Math.max(bottom, sheet.doc.y) + 12;
}

/**
 * The signature lines (the template's signatory, then the electronic signer unless that is the
 * same person) and the verification block, kept whole on one page. Returns where the text ended
 * when the closing had to start a page of its own: a signature must not stand alone on a page
 * without text (office-work rules), so the caller lays the document out again with that page
 * shortened.
 */
export function closing(sheet: Sheet, model: DocumentModel, caption?: Text, signatory?: Signatory): TextEnd | undefined {
  const signers = [signatory, model.signer].filter((s): s is Signatory => s !== undefined);
  if (signers.length === 2 && signers[0]!.fullName === signers[1]!.fullName) signers.pop();
  const lines = signers.length * sheet.languages.length + (caption ? 1 : 0);
  const signaturesHeight = lines * sheet.lineHeight(SIZE.body) + 14 * signers.length;
  const verification = verificationBlock(sheet, model);
  const textEnd = { page: sheet.pageIndex(), y: sheet.doc.y };
  sheet.keep(8 + signaturesHeight + verification.height);
  const moved = sheet.pageIndex() !== textEnd.page;
  sheet.gap(8);
  signers.forEach((signer, i) => sheet.signature(signer.position, signer.fullName, i === 0 ? caption : undefined));
  verification.draw();
  return moved ? textEnd : undefined;
}

/**
 * The QR code with the request number and the verification code under it and, beside it, the
 * electronic signature and how to check the document: measured first, drawn when placed.
 */
function verificationBlock(sheet: Sheet, model: DocumentModel): { height: number; draw(): void } {
  const symbol = qrSymbol(model.verification.url);
  // About an inch wide, in whole quarter points per module.
  const module = Math.max(1.5, Math.floor((72 / symbol.size) * 4) / 4);
  const side = module * symbol.size;
  const under = [model.number, `${sheet.label(common.verificationCode)}: ${model.verification.code}`];
  const underWidth = Math.max(side, 150);
  const site = siteOf(model.verification.url);
  const beside = [...signedElectronically(sheet, model.signer), ...sheet.languages.map((l) => fill(common.verificationHint[l], { site }))];
  const besideX = sheet.left + underWidth + 12;
  const besideWidth = sheet.left + sheet.width - besideX;
  const underHeight = side + 4 + under.reduce((h, t) => h + sheet.measure(t, SIZE.small, underWidth), 0);
  const besideHeight = beside.reduce((h, t) => h + sheet.measure(t, SIZE.small, besideWidth) + 3, 0);
  const draw = () => {
    const top = sheet.doc.y;
    drawQr(sheet.doc, symbol, sheet.left, top, module);
    sheet.doc.y = top + side + 4;
    under.forEach((text, i) => sheet.text(text, { size: SIZE.small, face: i === 0 ? 'bold' : 'regular', x: sheet.left, width: underWidth }));
    const bottom = sheet.doc.y;
    sheet.doc.y = top;
    for (const text of beside) {
      sheet.text(text, { size: SIZE.small, color: GREY, x: besideX, width: besideWidth });
      sheet.gap(3);
    }
    sheet.doc.x = sheet.left;
    sheet.doc.y = Math.max(bottom, sheet.doc.y);
  };
  return { height: Math.max(underHeight, besideHeight), draw };
}

/** "Signed with an electronic digital signature; certificate serial …; issued by …", or nothing when unsigned. */
function signedElectronically(sheet: Sheet, signer: Signer): string[] {
  const certificate = signer.certificate;
  if (!certificate) return [];
  const serial = `${sheet.label(common.certificateSerial)}: ${certificate.serial}`;
  const issuer = `${sheet.label(common.certificateIssuer)}: ${certificate.issuer}`;
  return [`${sheet.label(common.signedElectronically)}; ${serial}; ${issuer}`];
}

/** The request number and the page number at the foot of every page, once all pages exist. */
export function pageFooters(sheet: Sheet, number: string): void {
  const range = sheet.doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    sheet.doc.switchToPage(i);
    const page = sheet.doc.page;
    const bottom = page.margins.bottom;
    // Text below the bottom margin would make pdfkit open a new page.
    page.margins.bottom = 0;
    const text = `${number} · ${sheet.label(common.page)} ${i + 1}/${range.count}`;
    sheet.text(text, { size: SIZE.small, color: GREY, align: 'center', x: sheet.left, y: page.height - MARGINS.bottom + 20, width: sheet.width });
    page.margins.bottom = bottom;
  }
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
