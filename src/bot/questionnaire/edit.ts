import type { FormDef } from '../../core/forms/field.js';
import { editItems, type EditItem } from '../../core/forms/questionnaire/edit.js';
import type { QuestionnaireState } from '../../core/forms/questionnaire/state.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { oneLine, shown } from './display.js';

/**
 * The edit menu's buttons, worded from the core's edit items. A row of a repeated section is
 * removed with the menu value `<row path>.-`.
 */

export interface EditEntry {
  readonly label: string;
  /** A path: to editMenu() when isSection, else to editAt(). */
  readonly value: string;
  readonly isSection: boolean;
}

export const REMOVE_ROW = '-';

const LABEL_MAX = 60;

export function editEntries(form: FormDef, state: QuestionnaireState, lang: Lang, at?: string): EditEntry[] {
  return editItems(form, state, at).map((item) => entryOf(item, lang));
}

function entryOf(item: EditItem, lang: Lang): EditEntry {
  const entry = (label: string, isSection = false, value = item.path): EditEntry => ({ label, value, isSection });
  switch (item.kind) {
    case 'field':
      return entry(fieldLabel(pick(item.field.label, lang), shown(item.field, item.value, lang), lang));
    case 'notFilled':
      return entry(fieldLabel(pick(item.field.label, lang), t(lang, 'botForm.summary.notFilled'), lang));
    case 'section':
      return entry(oneLine(t(lang, 'botForm.edit.section', { label: pick(item.field.label, lang) }), LABEL_MAX), true);
    case 'rows':
      return entry(oneLine(t(lang, 'botForm.edit.rows', { label: pick(item.field.label, lang), count: item.count }), LABEL_MAX), true);
    case 'decision':
      return entry(t(lang, 'botForm.edit.decision', { answer: t(lang, 'botForm.yes') }));
    case 'row': {
      const first = item.first ? shown(item.first.field, item.first.value, lang) : t(lang, 'botForm.summary.empty');
      return entry(fieldLabel(t(lang, 'form.row', { n: item.index + 1 }), first, lang), true);
    }
    case 'addRow':
      return entry(t(lang, 'botForm.rows.add'));
    case 'wholeRow':
      return entry(t(lang, 'botForm.edit.wholeRow'));
    case 'removeRow':
      return entry(t(lang, 'botForm.edit.removeRow'), false, `${item.path}.${REMOVE_ROW}`);
  }
}

/** "Label: value" short enough for a button: a long label is cut first, so the value still shows. */
function fieldLabel(label: string, value: string, lang: Lang): string {
  return oneLine(t(lang, 'botForm.edit.field', { label: oneLine(label, 40), value }), LABEL_MAX);
}
