import { archiveNoInformation as labels } from '../labels.js';
import type { Template } from '../layout.js';
import type { ArchiveNoInformation } from '../model.js';

/** SPEC §5.5: S0 A5, the archive's letter that it holds no information (refusal on ground R9). */
export const archiveNoInformation: Template<ArchiveNoInformation> = {
  title: () => labels.title,
  // «Мұрағат маманы: ___ (Т.А.Ә.)» closes the form: the specialist's signature line.
  signatory: (model) => ({ fullName: model.specialistName, position: labels.specialist }),
  body(sheet, model) {
    sheet.title(labels.title);
    sheet.caption(model.service);
    sheet.field(labels.addressee, model.addressee);
    sheet.gap(4);
    sheet.paragraph(labels.statement, { indent: 24 });
    sheet.field(labels.reason, model.reason);
  },
};
