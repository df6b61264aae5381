import { common, receipt as labels } from '../labels.js';
import { formatDate, localTime, personLine, type Sheet, type Template } from '../layout.js';
import type { Receipt } from '../model.js';

/** Қолхат: handed over at the counter when the request is registered (SPEC §5.9). */
export const receipt: Template<Receipt> = {
  title: () => labels.title,
  signerCaption: labels.acceptedBy,
  body(sheet, model) {
    sheet.title(labels.title, labels.subtitle);
    sheet.field(labels.acceptedAt, acceptedAt(model));
    sheet.field(common.service, model.service);
    sheet.field(labels.applicant, personLine(sheet, model.applicant));
    if (model.representative) sheet.field(labels.representative, personLine(sheet, model.representative));
    sheet.heading(labels.documents);
    sheet.numbered(model.documents.map((document) => `${sheet.label(document.title)} — ${form(sheet, document)}`));
    sheet.gap(4);
    sheet.field(labels.expectedOn, formatDate(model.expectedOn));
    sheet.field(labels.channel, model.channel);
  },
};

function acceptedAt(model: Receipt): string {
  return `${formatDate(model.issuedOn)} ${localTime(model.issuedAt)}`.trim();
}

function form(sheet: Sheet, document: Receipt['documents'][number]): string {
  if (document.form === 'paper') return sheet.label(labels.paper);
  if (document.fileName === undefined) return sheet.label(labels.electronic);
  return `${sheet.label(labels.electronic)}: ${document.fileName}`;
}
