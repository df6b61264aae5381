import type { Key } from 'ink';
import type { Action } from './editor-actions.js';
import { isChoiceRow, type FormRow } from './fields.js';

/**
 * Keys to editor actions, by what is focused: on a text field ←/→ move the caret and Space is a
 * space; on a choice they pick. Ink reports the Backspace key of most terminals (DEL, 0x7f) as
 * `delete` and Ctrl+H as `backspace`, and gives a forward Delete the same `delete` flag: both
 * erase before the caret, as a clerk's Backspace must.
 */
export function actionForKey(input: string, key: Key, row: FormRow | undefined): Action | undefined {
  const choosing = isChoiceRow(row);
  if (key.escape) return { type: 'cancel' };
  if (key.tab) return { type: 'move', by: key.shift ? -1 : 1 };
  if (key.upArrow) return { type: 'move', by: -1 };
  if (key.downArrow) return { type: 'move', by: 1 };
  if (key.pageUp) return { type: 'page', by: -1 };
  if (key.pageDown) return { type: 'page', by: 1 };
  if (key.return) return { type: 'enter' };
  if (key.ctrl) {
    switch (input) {
      case 's':
        return { type: 'submit' };
      case 'u':
        return { type: 'clear' };
      case 'd':
        return { type: 'removeRow' };
      case 'a':
        return { type: 'caret', to: 'home' };
      case 'e':
        return { type: 'caret', to: 'end' };
      default:
        return undefined;
    }
  }
  if (key.leftArrow) return choosing ? { type: 'cycle', by: -1 } : { type: 'caret', to: 'left' };
  if (key.rightArrow) return choosing ? { type: 'cycle', by: 1 } : { type: 'caret', to: 'right' };
  if (key.home) return { type: 'caret', to: 'home' };
  if (key.end) return { type: 'caret', to: 'end' };
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (key.meta || input === '') return undefined;
  if (choosing) {
    if (input === ' ') return { type: 'cycle', by: 1 };
    if (/^[1-9]$/.test(input)) return { type: 'pick', index: Number(input) - 1 };
    return undefined;
  }
  return { type: 'insert', text: input };
}
