import { disabledChildNotification as labels } from '../labels.js';
import { fillText, formatDate, personLine, type Template } from '../layout.js';
import type { DisabledChildNotification } from '../model.js';

/** S1-D: the notification on material support of a disabled child taught at home. The office's template. */
export const disabledChildNotification: Template<DisabledChildNotification> = {
  title: () => labels.title,
  officeTemplate: true,
  body(sheet, model) {
    sheet.title(labels.title);
    sheet.caption(model.service);
    sheet.field(labels.applicant, personLine(sheet, model.applicant));
    sheet.field(labels.child, personLine(sheet, model.child));
    sheet.gap(6);
    sheet.paragraph(labels.intro, { indent: 24 });
    sheet.paragraph(model.content, { indent: 24 });
    const from = formatDate(model.supportFrom);
    const period = model.supportTo === undefined ? labels.periodFrom : labels.periodFromTo;
    const to = model.supportTo === undefined ? '' : formatDate(model.supportTo);
    sheet.field(labels.period, fillText(period, { from, to }));
    if (model.amount !== undefined) sheet.field(labels.amount, model.amount);
  },
};
