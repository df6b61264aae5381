import { common, unemployedCertificate as labels } from '../labels.js';
import { fillText, formatDate, personLine, type Template } from '../layout.js';
import type { UnemployedCertificate } from '../model.js';

/** S1-U: certificate of registration as unemployed. The seeds show an image only: the office's template. */
export const unemployedCertificate: Template<UnemployedCertificate> = {
  title: () => labels.title,
  officeTemplate: true,
  body(sheet, model) {
    const registeredOn = formatDate(model.registeredOn);
    sheet.title(labels.title);
    sheet.caption(model.service);
    sheet.field(labels.applicant, personLine(sheet, model.applicant));
    sheet.field(labels.registeredOn, registeredOn);
    if (model.registrationNumber !== undefined) sheet.field(labels.registrationNumber, model.registrationNumber);
    sheet.gap(6);
    sheet.paragraph(fillText(labels.statement, { date: registeredOn }), { indent: 24 });
    if (model.basis !== undefined) sheet.field(common.basis, model.basis);
    if (model.note !== undefined) sheet.field(labels.note, model.note);
    sheet.paragraph(labels.purpose, { indent: 24 });
  },
};
