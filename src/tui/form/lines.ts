import { labelsAt, type FormDef } from '../../core/forms/field.js';
import { showValue } from '../../core/forms/questionnaire/display.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { enclosingRow, fieldKind, isChoiceRow, type FormRow } from './fields.js';
import { rawValue, type EditorState } from './editor-state.js';
import { caretWindow, pad, textArea, truncate, width, wrap } from './layout.js';

/**
 * The editor's lines as styled pieces of text, built without Ink so what a clerk reads can be
 * checked directly. The component maps each style to Ink's <Text> attributes (none in plain mode).
 */

export type Style = 'focus' | 'caret' | 'error' | 'dim' | 'heading';
export interface Segment {
  readonly text: string;
  readonly style?: Style;
}
export type Line = readonly Segment[];

export interface LineContext {
  readonly form: FormDef;
  readonly lang: Lang;
  readonly plain: boolean;
  readonly width: number;
  readonly labelWidth: number;
}

const MARK = '› ';
const NO_MARK = '  ';

export function lineText(line: Line): string {
  return line.map((s) => s.text).join('');
}

function shown(row: FormRow, s: EditorState, lang: Lang): { text: string; placeholder: boolean } {
  const value = rawValue(s, row.key);
  const text = showValue(row.field, value, lang);
  if (text === undefined) return isChoiceRow(row) ? { text: t(lang, 'tuiForm.choose'), placeholder: true } : { text: '', placeholder: false };
  // One row per field: line breaks of a pasted text are shown as a sign, not as new rows.
  return { text: isChoiceRow(row) ? text : String(value).replace(/\n/g, '↵'), placeholder: false };
}

/** A field's label, indented, with '*' when required, padded to the label column. */
function labelCell(row: FormRow, ctx: LineContext): string {
  const req = row.field.required ? ' *' : '';
  return pad(truncate('  '.repeat(row.depth) + pick(row.field.label, ctx.lang), ctx.labelWidth - width(req)) + req, ctx.labelWidth);
}

/** One row of the list. */
export function rowLine(row: FormRow, s: EditorState, ctx: LineContext): Line {
  const focused = row.key === s.focus;
  const mark = focused && ctx.plain ? MARK : NO_MARK;
  const indent = '  '.repeat(row.depth);
  const error = s.errors[row.key];
  const room = ctx.width - width(mark);
  if (row.kind !== 'field') {
    const text =
      row.kind === 'row' ? t(ctx.lang, 'form.row', { n: row.index + 1 })
      : row.kind === 'addRow' ? t(ctx.lang, 'tuiForm.addRow', { count: row.rows, max: row.field.repeat?.max ?? 0 })
      : pick(row.field.label, ctx.lang);
    const head = truncate(indent + text, room);
    const style: Style | undefined = focused && !ctx.plain ? 'focus' : row.kind === 'section' ? 'heading' : row.kind === 'row' ? 'dim' : undefined;
    const line: Segment[] = [{ text: mark }, { text: head, ...(style ? { style } : {}) }];
    if (error) line.push({ text: truncate(` ✗ ${pick(error, ctx.lang)}`, room - width(head)), style: 'error' });
    return line;
  }
  const label = labelCell(row, ctx);
  const valueRoom = room - ctx.labelWidth - 1;
  const line: Segment[] = [{ text: mark }, { text: label, ...(focused && !ctx.plain ? { style: 'focus' as const } : {}) }, { text: ' ' }];
  const value = shown(row, s, ctx.lang);
  if (focused && !isChoiceRow(row)) {
    // The focused field shows its problem in full below the list; here only the sign.
    const w = caretWindow(value.text, s.caret, valueRoom - (error ? 2 : 0));
    if (ctx.plain) line.push({ text: `${w.before}|${w.at === ' ' && !w.after ? '' : w.at}${w.after}` });
    else line.push({ text: w.before }, { text: w.at, style: 'caret' }, { text: w.after });
    if (error) line.push({ text: ' ✗', style: 'error' });
    return line;
  }
  const valueMax = error && !focused ? Math.min(width(value.text), Math.max(6, Math.floor(valueRoom * 0.4))) : valueRoom - (error ? 2 : 0);
  const valueText = truncate(value.text, valueMax);
  line.push({ text: valueText, ...(value.placeholder ? { style: 'dim' as const } : {}) });
  if (error) {
    const sign = focused ? ' ✗' : truncate(` ✗ ${pick(error, ctx.lang)}`, valueRoom - width(valueText));
    line.push({ text: sign, style: 'error' });
  }
  return line;
}

/**
 * The lines of one row: one, or for the focused several-line field a text area of `area` lines
 * under its label, so the clerk sees what is being written (a certificate's content runs long).
 */
export function rowLines(row: FormRow, s: EditorState, ctx: LineContext, area: number): Line[] {
  if (row.key !== s.focus || fieldKind(row) !== 'multiline' || area < 2) return [rowLine(row, s, ctx)];
  const error = s.errors[row.key];
  const mark = ctx.plain ? MARK : NO_MARK;
  const cols = ctx.width - width(mark) - ctx.labelWidth - 1 - (error ? 2 : 0) - (ctx.plain ? 1 : 0);
  const text = shown(row, s, ctx.lang).text;
  return textArea(text, s.caret, cols, area).map((part, i) => {
    const line: Segment[] = i === 0
      ? [{ text: mark }, { text: labelCell(row, ctx), ...(ctx.plain ? {} : { style: 'focus' as const }) }, { text: ' ' }]
      : [{ text: NO_MARK }, { text: ' '.repeat(ctx.labelWidth + 1) }];
    if (part.at === undefined) line.push({ text: part.before });
    else if (ctx.plain) line.push({ text: `${part.before}|${part.at === ' ' && !part.after ? '' : part.at}${part.after}` });
    else line.push({ text: part.before }, { text: part.at, style: 'caret' }, { text: part.after });
    if (i === 0 && error) line.push({ text: ' ✗', style: 'error' });
    return line;
  });
}

/** The rows under the list: the focused field's problem (naming the field) or its hint and choices. */
export function detailLines(s: EditorState, row: FormRow | undefined, ctx: LineContext, lines: number): Line[] {
  const parts: string[] = [];
  let style: Style = 'dim';
  const error = row ? s.errors[row.key] : undefined;
  if (row && error) {
    const label = labelsAt(ctx.form, row.parts).map((l) => pick(l, ctx.lang)).join(' → ');
    parts.push(t(ctx.lang, 'form.problem', { label, expected: pick(error, ctx.lang) }));
    style = 'error';
  } else if (row?.field.hint) {
    parts.push(pick(row.field.hint, ctx.lang));
  }
  if (row?.kind === 'field' && row.field.kind === 'choice') {
    parts.push(row.field.choices.map((c, i) => `${i + 1} ${pick(c.label, ctx.lang)}`).join(' · '));
  } else if (fieldKind(row) === 'boolean') {
    parts.push(`1 ${t(ctx.lang, 'common.yes')} · 2 ${t(ctx.lang, 'common.no')}`);
  }
  const wrapped = wrap(parts.join(' · '), ctx.width - 2, lines);
  return Array.from({ length: lines }, (_, i) => [{ text: NO_MARK }, { text: wrapped[i] ?? '', style }]);
}

/** Keys that work here, the count of bad fields first. */
export function helpLine(s: EditorState, row: FormRow | undefined, ctx: LineContext, extra?: string): Line {
  const bad = Object.keys(s.errors).length;
  const parts: string[] = [];
  if (row?.kind === 'addRow') parts.push(t(ctx.lang, 'tuiForm.keys.add'));
  if (isChoiceRow(row)) parts.push(t(ctx.lang, 'tuiForm.keys.choice'));
  if (row?.kind === 'field' && enclosingRow(row.key)) parts.push(t(ctx.lang, 'tuiForm.keys.row'));
  if (extra) parts.push(extra);
  parts.push(t(ctx.lang, 'tuiForm.keys'));
  const errors = bad > 0 ? `${t(ctx.lang, 'tuiForm.errors', { count: bad })} · ` : '';
  return [
    { text: NO_MARK },
    ...(errors ? [{ text: truncate(errors, ctx.width - 2), style: 'error' as const }] : []),
    { text: truncate(parts.join(' · '), ctx.width - 2 - width(errors)), style: 'dim' },
  ];
}

export function scrollLine(kind: 'above' | 'below', count: number, ctx: LineContext): Line {
  if (count <= 0) return [{ text: '' }];
  return [{ text: NO_MARK }, { text: truncate(t(ctx.lang, kind === 'above' ? 'tuiForm.moreAbove' : 'tuiForm.moreBelow', { count }), ctx.width - 2), style: 'dim' }];
}
