import { Text } from 'ink';
import stringWidth from 'string-width';
import { safeText } from '../../core/text-safety.js';

/**
 * Cuts or pads `text` to exactly `width` columns, so a line never wraps and redraws stay small.
 * Every line, row and field of the TUI goes through here, so it is also where stored text is made
 * safe for the terminal once more: requests stored before intake cleaned them, or copied in with
 * `store copy`, must not retitle, recolour or reorder a clerk's screen (core/text-safety.ts).
 */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const ch of safeText(text)) {
    const w = stringWidth(ch);
    if (used + w > width) {
      // Mark the cut so a clipped name or number is not mistaken for a whole one.
      return out.length > 0 ? `${[...out].slice(0, -1).join('')}…` : '';
    }
    out += ch;
    used += w;
  }
  return out + ' '.repeat(width - used);
}

export interface LineProps {
  readonly children: string;
  readonly width: number;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly color?: string;
}

/**
 * One terminal line, never wider than `width`. Trailing blanks are not sent: Ink erases the rest
 * of a changed line anyway, and on a 100-column screen the padding was a third of the bytes.
 */
export function Line({ children, width, bold, dim, color }: LineProps) {
  return (
    <Text bold={bold ?? false} dimColor={dim ?? false} {...(color ? { color } : {})} wrap="truncate-end">
      {fit(children, width).trimEnd()}
    </Text>
  );
}

export interface RowProps {
  readonly children: string;
  readonly width: number;
  readonly selected: boolean;
  readonly plain: boolean;
}

/**
 * A selectable row: a '›' in the first column marks the selected one in every mode, and inverse
 * video as well where colour is on. Exactly one row is selected at a time.
 */
export function Row({ children, width, selected, plain }: RowProps) {
  const text = fit(`${selected ? '›' : ' '}${children}`, width);
  return (
    <Text inverse={selected && !plain} wrap="truncate-end">
      {text}
    </Text>
  );
}

/** Words of `text` laid into lines of at most `width` columns. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (stringWidth(next) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export interface ParaProps {
  readonly children: string;
  readonly width: number;
  /** Always exactly this many lines: the frame's height never depends on a message's length. */
  readonly lines: number;
  readonly color?: string;
}

/** A message in a fixed number of lines, wrapped by words; what does not fit ends with '…'. */
export function Para({ children, width, lines, color }: ParaProps) {
  const wrapped = wrapWords(children, width);
  const shown = wrapped.slice(0, lines);
  if (wrapped.length > lines) shown[lines - 1] = `${shown[lines - 1]} …`;
  const out = [];
  for (let i = 0; i < lines; i++) out.push(<Line key={i} width={width} {...(color ? { color } : {})}>{shown[i] ?? ''}</Line>);
  return <>{out}</>;
}
