import { fill } from '../../core/i18n/text.js';
import { common, refusalLetter as labels } from '../labels.js';
import { formatDate, type Sheet, type Template } from '../layout.js';
import type { RefusalLetter } from '../model.js';

/**
 * The motivated refusal: SPEC §4's minimum content (addressee, number, service, reasons, the
 * employee and the date) plus the free-text justification and how to appeal.
 */
export const refusalLetter: Template<RefusalLetter> = {
  title: () => labels.title,
  body(sheet, model) {
    const { fullName, iin, address } = model.addressee;
    const iinLine = iin === undefined ? undefined : `${sheet.label(common.iin)} ${iin}`;
    sheet.addressee(labels.addressee, [fullName, iinLine, address].filter((line): line is string => line !== undefined));
    sheet.title(labels.title);
    const submittedOn = formatDate(model.submittedOn);
    sheet.paragraph(
      { kk: fill(labels.intro.kk, { submittedOn, number: model.number, service: model.service.kk }), ru: fill(labels.intro.ru, { submittedOn, number: model.number, service: model.service.ru }) },
      { indent: 24 },
    );
    sheet.numbered(model.reasons.map((reason) => reasonText(sheet, reason)));
    sheet.gap(4);
    sheet.heading(labels.justification);
    sheet.paragraph(model.justification);
    sheet.heading(labels.appealHeading);
    sheet.paragraph(labels.appeal);
  },
};

function reasonText(sheet: Sheet, reason: RefusalLetter['reasons'][number]): string {
  const source = sheet.languages.map((l) => fill(labels.reasonSource[l], { code: reason.code, clause: reason.clause }));
  return [...sheet.languages.map((l) => reason.text[l]), `(${[...new Set(source)].join(' / ')})`].join('\n');
}
