/**
 * Message text as Telegram stores it: parse_mode HTML turned into plain text plus entities, outer
 * whitespace trimmed, and the length limits checked on the result. The HTML parser follows tdlib's
 * `parse_html` (td/telegram/MessageEntity.cpp), which is what the Bot API runs, so a tag Telegram
 * refuses is refused here with the same words ("Unsupported start tag \"br\" at byte offset 5").
 * Markdown and MarkdownV2 are not parsed: such text is kept verbatim (see server.ts).
 */
import { badRequest, type Failure } from './wire.js';

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}
export type Formatted = { ok: true; text: string; entities: MessageEntity[] } | Failure;

const TAG_TYPES: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const PARSE_MODES = new Set(['html', 'markdown', 'markdownv2']);

/**
 * The text and entities Telegram would store for `raw`, or the 400 it answers. Message text must be
 * 1..4096 characters after parsing, a caption at most 1024 (UTF-16 code units, as entity offsets).
 */
export function formatText(raw: string, parseMode: string | undefined, explicit: unknown, what: 'text' | 'caption'): Formatted {
  let text = raw;
  let entities: MessageEntity[] = Array.isArray(explicit) ? (explicit as MessageEntity[]) : [];
  if (parseMode !== undefined && parseMode !== '') {
    if (!PARSE_MODES.has(parseMode.toLowerCase())) return badRequest('unsupported parse_mode');
    if (parseMode.toLowerCase() === 'html') {
      const parsed = parseHtml(raw);
      if (!parsed.ok) return parsed;
      ({ text, entities } = parsed);
    }
  }
  const trimmed = trim(text, entities);
  const limit = what === 'text' ? 4096 : 1024;
  if (what === 'text' && trimmed.text.length === 0) return badRequest('message text is empty');
  if (trimmed.text.length > limit) return badRequest(what === 'text' ? 'message is too long' : 'message caption is too long');
  return { ok: true, ...trimmed };
}

/** Telegram drops leading and trailing white space and moves the entities with the text. */
function trim(text: string, entities: MessageEntity[]): { text: string; entities: MessageEntity[] } {
  const lead = text.length - text.trimStart().length;
  const out = text.trim();
  const moved = entities
    .map((e) => {
      const start = Math.max(0, e.offset - lead);
      const end = Math.min(out.length, e.offset + e.length - lead);
      return { ...e, offset: start, length: end - start };
    })
    .filter((e) => e.length > 0);
  return { text: out, entities: moved };
}

interface OpenTag {
  name: string;
  argument: string;
  offset: number;
}

/** tdlib's parse_html over a JS string; offsets in errors are UTF-8 byte offsets like Telegram's. */
export function parseHtml(html: string): Formatted {
  const fail = (why: string) => badRequest(`can't parse entities: ${why}`);
  const at = (i: number) => Buffer.byteLength(html.slice(0, i));
  const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  let out = '';
  const open: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '&') {
      const decoded = decodeEntity(html, i);
      if (decoded) {
        out += decoded.char;
        i = decoded.next;
        continue;
      }
    }
    if (ch !== '<') {
      out += ch;
      i++;
      continue;
    }
    const begin = i++;
    if (html[i] !== '/') {
      const nameStart = i;
      while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
      if (i >= html.length) return fail(`Unclosed start tag at byte offset ${at(begin)}`);
      const name = html.slice(nameStart, i).toLowerCase();
      if (!(name in TAG_TYPES)) return fail(`Unsupported start tag "${name}" at byte offset ${at(begin)}`);
      let argument = '';
      while (html[i] !== '>') {
        while (i < html.length && isSpace(html[i])) i++;
        if (html[i] === '>') break;
        const attrStart = i;
        while (i < html.length && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>') i++;
        const attr = html.slice(attrStart, i).toLowerCase();
        if (attr === '') return fail(`Empty attribute name in the tag "${name}" at byte offset ${at(begin)}`);
        while (i < html.length && isSpace(html[i])) i++;
        if (html[i] !== '=') {
          if (name === 'blockquote' && attr === 'expandable') {
            argument = 'expandable';
            continue;
          }
          if (i >= html.length) return fail(`Unclosed start tag "${name}" at byte offset ${at(begin)}`);
          return fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${at(begin)}`);
        }
        i++;
        while (i < html.length && isSpace(html[i])) i++;
        if (i >= html.length) return fail(`Unclosed start tag "${name}" at byte offset ${at(begin)}`);
        let value = '';
        const quote = html[i];
        if (quote !== '"' && quote !== "'") {
          const tokenStart = i;
          while (i < html.length && /[A-Za-z0-9.-]/.test(html[i]!)) i++;
          value = html.slice(tokenStart, i).toLowerCase();
          if (!isSpace(html[i]) && html[i] !== '>') return fail(`Unexpected end of name token at byte offset ${at(tokenStart)}`);
        } else {
          i++;
          while (i < html.length && html[i] !== quote) {
            const decoded = html[i] === '&' ? decodeEntity(html, i) : undefined;
            if (decoded) {
              value += decoded.char;
              i = decoded.next;
            } else value += html[i++];
          }
          if (html[i] === quote) i++;
        }
        if (i >= html.length) return fail(`Unclosed start tag at byte offset ${at(begin)}`);
        if (name === 'a' && attr === 'href') argument = value;
        else if (name === 'code' && attr === 'class' && value.startsWith('language-')) argument = value.slice(9);
        else if (name === 'span' && attr === 'class' && value.startsWith('tg-')) argument = value.slice(3);
        else if (name === 'tg-emoji' && attr === 'emoji-id') argument = value;
      }
      if (name === 'span' && argument !== 'spoiler') return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${at(begin)}`);
      open.push({ name, argument, offset: out.length });
      i++;
      continue;
    }
    // An end tag.
    if (open.length === 0) return fail(`Unexpected end tag at byte offset ${at(begin)}`);
    const nameStart = ++i;
    while (i < html.length && !isSpace(html[i]) && html[i] !== '>') i++;
    const endName = html.slice(nameStart, i).toLowerCase();
    while (i < html.length && isSpace(html[i])) i++;
    if (html[i] !== '>') return fail(`Unclosed end tag at byte offset ${at(begin)}`);
    i++;
    const tag = open.pop()!;
    if (endName !== '' && endName !== tag.name) {
      return fail(`Unmatched end tag at byte offset ${at(begin)}, expected "</${tag.name}>", found "</${endName}>"`);
    }
    const entity = toEntity(tag, out.length, open.at(-1));
    if (entity) entities.push(entity);
  }
  if (open.length > 0) return fail(`Can't find end tag corresponding to start tag "${open.at(-1)!.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { ok: true, text: out, entities };
}

function toEntity(tag: OpenTag, end: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const length = end - tag.offset;
  if (length <= 0) return undefined;
  const base = { offset: tag.offset, length };
  switch (tag.name) {
    case 'a':
      return tag.argument ? { type: 'text_link', ...base, url: tag.argument } : { type: 'url', ...base };
    case 'code':
      // <pre><code class="language-x"> gives the pre block its language instead of a code entity.
      if (parent?.name === 'pre' && parent.offset === tag.offset && tag.argument) {
        parent.argument = tag.argument;
        return undefined;
      }
      return { type: 'code', ...base };
    case 'pre':
      return tag.argument ? { type: 'pre', ...base, language: tag.argument } : { type: 'pre', ...base };
    case 'blockquote':
      return { type: tag.argument === 'expandable' ? 'expandable_blockquote' : 'blockquote', ...base };
    case 'tg-emoji':
      return tag.argument ? { type: 'custom_emoji', ...base, custom_emoji_id: tag.argument } : undefined;
    default:
      return { type: TAG_TYPES[tag.name]!, ...base };
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** `&lt;` `&gt;` `&amp;` `&quot;` and numeric references; the `;` is optional, as in tdlib. */
function decodeEntity(text: string, pos: number): { char: string; next: number } | undefined {
  let end = pos + 1;
  let code = 0;
  if (text[end] === '#') {
    end++;
    const hex = text[end] === 'x';
    if (hex) end++;
    const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    while (end < text.length && digits.test(text[end]!)) {
      code = code * (hex ? 16 : 10) + parseInt(text[end]!, 16);
      end++;
      if (code >= 0x10ffff) return undefined;
    }
    if (code === 0 || end - pos >= 10) return undefined;
  } else {
    while (end < text.length && /[A-Za-z]/.test(text[end]!)) end++;
    const named = NAMED[text.slice(pos + 1, end)];
    if (named === undefined) return undefined;
    code = named.codePointAt(0)!;
  }
  if (text[end] === ';') end++;
  return { char: String.fromCodePoint(code), next: end };
}
