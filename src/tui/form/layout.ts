import type { FormRow } from './fields.js';
import { isFocusable } from './fields.js';

/**
 * Where things go on the editor's rectangle. Every line is exactly one terminal row and keeps
 * its place: a change to one field rewrites that field's line only, which is what incremental
 * rendering sends over a slow link. Widths are counted in code points: the alphabets a form
 * accepts (Kazakh, Russian, Latin) are one column per letter, and names refuse anything else.
 */

export interface FrameLayout {
  readonly title: boolean;
  /** Rows for the list of fields. */
  readonly list: number;
  /** Rows for the focused field's hint or problem. */
  readonly detail: number;
  /** The "↑ N more / ↓ N more" rows are drawn (only when the list does not fit). */
  readonly scrollLines: boolean;
}

/**
 * Splits `height` rows: optional title, list, two scroll lines when the list does not fit,
 * the detail (two rows when there is room) and the key help. Never more than `height` rows
 * (at least five are needed for a usable editor).
 */
export function frameLayout(height: number, hasTitle: boolean, rowCount: number, hasTextArea = false): FrameLayout {
  const title = hasTitle && height >= 8;
  const detail = height >= 12 ? 2 : 1;
  const fixed = (title ? 1 : 0) + detail + 1;
  // Counted as if a text area were open, so focusing one never switches the scroll lines on.
  const fits = rowCount + (hasTextArea ? TEXT_AREA_ROWS - 1 : 0) <= height - fixed;
  const list = Math.max(1, height - fixed - (fits ? 0 : 2));
  return { title, list, detail, scrollLines: !fits };
}

/** Rows a focused several-line field opens into, when the list has room for them. */
const TEXT_AREA_ROWS = 4;
export function textAreaRows(list: number): number {
  return list >= 2 * TEXT_AREA_ROWS ? TEXT_AREA_ROWS : list >= 4 ? 2 : 1;
}

/** Where the rows of a text area start and end: after the last space that fits, or mid-word when none does. */
function breakRows(cells: readonly string[], cols: number): [number, number][] {
  const rows: [number, number][] = [];
  for (let start = 0; start < cells.length; ) {
    let end = Math.min(cells.length, start + cols);
    if (end < cells.length) {
      const space = cells.lastIndexOf(' ', end - 1);
      if (space > start) end = space + 1;
    }
    rows.push([start, end]);
    start = end;
  }
  return rows;
}

/**
 * The rows of a text area of `cols` columns: the text wrapped at spaces, the rows around the
 * caret when it is longer than `rows`. The caret's row has `at` (the cell under the caret, a
 * space at the end of the text).
 */
export function textArea(text: string, caret: number, cols: number, rows: number): { before: string; at?: string; after: string }[] {
  const cells = [...Array.from(text), ' '];
  const ranges = breakRows(cells, Math.max(1, cols));
  const caretRow = Math.max(0, ranges.findIndex(([start, end]) => caret >= start && caret < end));
  const first = Math.max(0, caretRow - rows + 1);
  const out: { before: string; at?: string; after: string }[] = ranges.slice(first, first + rows).map(([start, end], i) => {
    const row = cells.slice(start, end);
    if (first + i !== caretRow) return { before: row.join(''), after: '' };
    const at = caret - start;
    return { before: row.slice(0, at).join(''), at: row[at] ?? ' ', after: row.slice(at + 1).join('') };
  });
  while (out.length < rows) out.push({ before: '', after: '' });
  return out;
}

/**
 * The first row to draw so the focused row is visible, with the headings just above it when
 * they fit. When the focus leaves the window the list jumps by a third of a page rather than one
 * row: a one-row scroll rewrites every line, so jumping further makes those rewrites rarer.
 */
export function scrollTop(rows: readonly FormRow[], focusIndex: number, top: number, height: number): number {
  const maxTop = Math.max(0, rows.length - height);
  if (focusIndex < 0) return Math.min(top, maxTop);
  let anchor = focusIndex;
  while (anchor > 0 && focusIndex - anchor < height - 1 && !isFocusable(rows[anchor - 1]!)) anchor--;
  const third = Math.floor(height / 3);
  let next = Math.min(top, maxTop);
  if (anchor < next) next = Math.min(anchor, Math.max(0, focusIndex - (height - 1) + third));
  else if (focusIndex > next + height - 1) next = Math.min(anchor, focusIndex - third);
  return Math.max(0, Math.min(next, maxTop));
}

export function width(s: string): number {
  return Array.from(s).length;
}

/** Cuts to `max` columns, ending with '…' when something was cut. */
export function truncate(s: string, max: number): string {
  const c = Array.from(s);
  if (c.length <= max) return s;
  return max <= 0 ? '' : `${c.slice(0, max - 1).join('')}…`;
}

export function pad(s: string, max: number): string {
  const t = truncate(s, max);
  return t + ' '.repeat(Math.max(0, max - width(t)));
}

/**
 * Width of the label column: the longest indented label of the form (in either language, so
 * switching language does not move it), capped at 42% of the line, so
 * the answer keeps the larger part. Taken over the definition with
 * one row of each repeated group, so adding a row never moves it either.
 */
export function labelColumn(sample: readonly FormRow[], lineWidth: number): number {
  const widths = sample
    .filter((r) => r.kind === 'field')
    .map((r) => r.depth * 2 + Math.max(width(r.field.label.kk), width(r.field.label.ru)) + 2);
  return Math.max(10, Math.min(Math.max(0, ...widths), Math.floor((lineWidth - 2) * 0.42)));
}

/**
 * What a text field shows around the caret: a window of `room` columns that contains it, with
 * '…' where text is cut. Returns the text before the caret, the cell under it (a space at the
 * end of the text) and the text after it.
 */
export function caretWindow(text: string, caret: number, room: number): { before: string; at: string; after: string } {
  const cells = [...Array.from(text), ' '];
  const span = Math.max(3, room);
  // Inside the text, keep one cell after the caret for the '…' that says more follows.
  const tail = caret < cells.length - 1 ? 1 : 0;
  const start = Math.max(0, Math.min(caret + 1 + tail - span, cells.length - span));
  const visible = cells.slice(start, start + span);
  if (start > 0) visible[0] = '…';
  if (start + span < cells.length) visible[visible.length - 1] = '…';
  const rel = caret - start;
  return { before: visible.slice(0, rel).join(''), at: visible[rel] ?? ' ', after: visible.slice(rel + 1).join('') };
}

/** Greedy word wrap into at most `lines` rows of `max` columns; the last row ends in '…' if cut. */
export function wrap(text: string, max: number, lines: number): string[] {
  const rows: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (width(candidate) <= max || !current) {
      current = candidate; // a single word longer than the row is cut below
      continue;
    }
    rows.push(current);
    current = word;
  }
  if (current) rows.push(current);
  if (rows.length <= lines) return rows.map((r) => truncate(r, max));
  return [...rows.slice(0, lines - 1), truncate(rows.slice(lines - 1).join(' '), max)].map((r) => truncate(r, max));
}
