/**
 * What the bot says back, as data: the conversation decides, `send.ts` talks to Telegram. Keeping
 * the two apart lets the conversation's state be stored before anything is sent.
 */
export interface Button {
  readonly label: string;
  /** callback_data: at most 64 bytes (Telegram's limit). */
  readonly data: string;
}

export type Keyboard =
  | { readonly inline: readonly (readonly Button[])[] }
  /** Telegram's "share my phone number" reply keyboard. */
  | { readonly contact: string }
  | { readonly remove: true };

export type Reply =
  | { readonly kind: 'text'; readonly text: string; readonly keyboard?: Keyboard }
  | { readonly kind: 'edit'; readonly messageId: number; readonly text: string; readonly keyboard?: Keyboard }
  | { readonly kind: 'document'; readonly bytes: Uint8Array; readonly fileName: string; readonly caption: string }
  | { readonly kind: 'action'; readonly action: 'typing' | 'upload_document' };

export const text = (body: string, keyboard?: Keyboard): Reply => ({ kind: 'text', text: body, ...(keyboard ? { keyboard } : {}) });

/** Telegram refuses messages over 4096 characters: long texts go out in parts, cut at line ends. */
export const MAX_TEXT = 4096;

export function splitText(body: string, max = MAX_TEXT): string[] {
  const parts: string[] = [];
  let rest = body;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  parts.push(rest);
  return parts.filter((p) => p.length > 0);
}
