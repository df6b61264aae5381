import { Text } from 'ink';
import { fit } from './line.js';
import { safeText } from '../../core/text-safety.js';

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly width: number;
  readonly active: boolean;
  readonly plain: boolean;
  /** Shown as stars: passwords and key passphrases. */
  readonly secret?: boolean;
}

/** A labelled one-line input; the active one ends with a block cursor. */
export function TextField({ label, value, width, active, plain, secret }: TextFieldProps) {
  const shown = secret ? '*'.repeat(value.length) : value;
  const text = fit(`${active ? '›' : ' '}${label}: ${shown}${active ? '█' : ''}`, width);
  return (
    <Text inverse={active && !plain} wrap="truncate-end">
      {text}
    </Text>
  );
}

/** Applies one key to a line being typed: printable text appends, Backspace deletes, Ctrl+U clears. */
export function edit(value: string, input: string, key: { backspace?: boolean; delete?: boolean; ctrl?: boolean; meta?: boolean }, max = 500): string {
  if (key.backspace || key.delete) return [...value].slice(0, -1).join('');
  if (key.ctrl && input === 'u') return '';
  if (key.ctrl || key.meta || !input) return value;
  // Pasted text arrives as one input; keep one line.
  const clean = safeText(input.replace(/[\r\n\t]+/g, ' '));
  return (value + clean).slice(0, max);
}
