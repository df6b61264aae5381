import { isAction } from '../request.js';
import type { Lang } from './text.js';
import { t } from './catalogue.js';

/**
 * An action's name from the catalogue. Store summaries carry the last action as plain text (the
 * store port does not type it); text that is no action of ours is shown as it is, never as a
 * missing message.
 */
export function actionName(lang: Lang, action: string): string {
  return isAction(action) ? t(lang, `action.${action}`) : action;
}
