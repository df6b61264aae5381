import { archiveCertificate as labels } from '../labels.js';
import type { Sheet, Template } from '../layout.js';
import type { ArchiveCertificate } from '../model.js';

/** SPEC §5.4: S0 A4 / S2 A5, field by field in the forms' order. */
export const archiveCertificate: Template<ArchiveCertificate> = {
  title: () => labels.title,
  body(sheet, model) {
    sheet.title(labels.title);
    sheet.caption(model.service);
    sheet.field(labels.applicant, model.applicant);
    sheet.field(labels.certificateType, model.certificateType);
    sheet.field(labels.period, model.period);
    sheet.gap(6);
    sheet.paragraph(model.content, { indent: 24 });
    sheet.gap(4);
    sheet.field(labels.basis, model.basis);
    sheet.field(labels.director, director(sheet, model.director));
    sheet.field(labels.archivist, model.archivistName);
    if (model.attachedDocuments !== undefined) sheet.field(labels.attachedDocuments, model.attachedDocuments);
  },
};

/** The forms say «Мұрағат директоры»; an office whose head has another title shows it beside the name. */
function director(sheet: Sheet, person: ArchiveCertificate['director']): string {
  const sameTitle = sheet.languages.every((l) => person.position[l] === labels.director[l]);
  return sameTitle ? person.fullName : `${person.fullName} (${sheet.label(person.position)})`;
}
