/**
 * Text from citizens, clerks, files and old stores ends up on clerks' terminals (the TUI over SSH)
 * and in PDFs. A terminal obeys what it is sent: an escape sequence in an answer can retitle the
 * window, recolour the screen or move the cursor over other text, and a bidi override (U+202E)
 * makes a number or a name read backwards. This is the one place that decides what of such text
 * is kept: at intake (the form schemas, lifecycle notes) and again when the TUI draws (data stored
 * before this existed, or copied in with `store copy`).
 *
 * Why not `strip-ansi`: it removes ANSI sequences only, and leaves lone C0/C1 controls, DEL and
 * the bidi controls, which are exactly what passed the checks before (findings 2026-12-rel m6).
 */

// ESC-introduced sequences, removed whole so their parameters ("0;PWNED" of a title) go too:
//  - OSC, DCS, SOS, PM, APC (ESC ] P X ^ _): a string up to BEL, ST (ESC \), the next ESC or the end;
//  - CSI (ESC [): parameter bytes, intermediate bytes, one final byte;
//  - any other escape: intermediate bytes and one final byte (ESC c, ESC 7, ESC ( B).
// The 8-bit introducers (C1: U+009B CSI, U+009D OSC, U+0090 DCS, ...) are removed alone, as every
// C1 character is: what follows them is then plain text. They also turn up in mis-decoded
// Cyrillic (UTF-8 read as Latin-1), where cutting to the end would lose the rest of an answer.
const STRING_SEQUENCE = /\u001b[\]PX^_][^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c|(?=\u001b)|$)/g;
const CSI_SEQUENCE = /\u001b\[[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
const OTHER_ESCAPE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;

/**
 * Characters never kept: C0 controls but tab and line breaks (judged by `multiline`), DEL, C1
 * controls, and the bidi controls: embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069,
 * and also the marks U+200E, U+200F, U+061C. Kazakh and Russian are written left to right, so a
 * mark does nothing for them but make two names that look the same compare different.
 */
export const UNSAFE_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const UNSAFE_CHARS = new RegExp(UNSAFE_CHAR.source, 'g');
const ANY_SUSPECT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

export interface SafeTextOptions {
  /** Keep line breaks (as \n); otherwise each line break becomes a space. Tabs always become a space. */
  readonly multiline?: boolean;
}

/**
 * `text` with every escape sequence removed whole and every other control or bidi character
 * removed; letters of every alphabet (Kazakh ә ғ қ ң ө ұ ү һ і included), digits, punctuation and
 * emoji are kept as they are. Returns the same string when there is nothing to remove.
 */
export function safeText(text: string, options: SafeTextOptions = {}): string {
  if (!ANY_SUSPECT.test(text)) return text;
  const withoutSequences = text.replace(STRING_SEQUENCE, '').replace(CSI_SEQUENCE, '').replace(OTHER_ESCAPE, '');
  const lines = withoutSequences.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  const joined = options.multiline ? lines : lines.replace(/\n/g, ' ');
  return joined.replace(UNSAFE_CHARS, '');
}

/** Whether `text` holds anything `safeText` would remove besides tabs and line breaks: the bot asks again instead. */
export function hasUnsafeText(text: string): boolean {
  return UNSAFE_CHAR.test(text);
}

/**
 * Output for a terminal that is not ours to reformat (the command line's stdout and stderr, which
 * print stored names and answers): sequences and controls removed as in `safeText`, but tabs and
 * CRLF line ends kept, so CSV and aligned text come out as they were written. A lone CR, which
 * would let text overwrite its own line, is removed.
 */
export function terminalSafe(text: string): string {
  if (!ANY_SUSPECT.test(text)) return text;
  return text
    .replace(STRING_SEQUENCE, '').replace(CSI_SEQUENCE, '').replace(OTHER_ESCAPE, '')
    .replace(/\r(?!\n)/g, '')
    .replace(UNSAFE_CHARS, '');
}
