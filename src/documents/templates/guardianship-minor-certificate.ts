import { common, guardianshipMinorCertificate as labels } from '../labels.js';
import { personLine, type Template } from '../layout.js';
import type { GuardianshipMinorCertificate } from '../model.js';

/** S3-A / S3-B: the guardianship body's certificate about a minor's property. The office's template. */
export const guardianshipMinorCertificate: Template<GuardianshipMinorCertificate> = {
  title: () => labels.title,
  officeTemplate: true,
  signatory: (model) => model.head,
  body(sheet, model) {
    sheet.title(labels.title);
    sheet.caption(model.service);
    sheet.field(labels.applicant, personLine(sheet, model.applicant));
    sheet.field(labels.ward, personLine(sheet, model.ward));
    sheet.gap(6);
    sheet.paragraph(model.content, { indent: 24 });
    if (model.basis !== undefined) sheet.field(common.basis, model.basis);
  },
};
