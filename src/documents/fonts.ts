import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The document fonts: DejaVu Sans regular and bold from the `dejavu-fonts-ttf` package. pdfkit's
 * built-in fonts cannot print Kazakh; DejaVu covers Cyrillic Extended and gives the smallest
 * subset of the TTFs we measured (ARCHITECTURE.md).
 *
 * Parsing a 700 KB TTF took ~27 ms of every document when each document registered the font from
 * its bytes, so each face is parsed once per process and the parsed fontkit `Font` is handed to
 * pdfkit, which accepts it since 0.20.0 (CHANGELOG: "Accept already-parsed fontkit Font instances
 * in doc.font() and registerFont"). The subset is still built per document by pdfkit.
 *
 * The faces are also stripped of their TrueType hinting first (see `withoutHinting`).
 */

export type Face = 'regular' | 'bold';

/** The part of a fontkit `Font` we use; pdfkit uses the rest. */
export interface ParsedFont {
  readonly postscriptName: string;
  readonly characterSet: readonly number[];
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): unknown;
  layout(text: string): unknown;
}

const FILES: Readonly<Record<Face, string>> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

const require = createRequire(import.meta.url);

/**
 * fontkit is pdfkit's own dependency, not ours: loading it from pdfkit's location gives the very
 * copy pdfkit would use to parse a buffer, whether npm hoisted it or nested it.
 */
function loadFontkit(): { create(buffer: Uint8Array): unknown } {
  return createRequire(require.resolve('pdfkit'))('fontkit') as { create(buffer: Uint8Array): unknown };
}

let parsed: Readonly<Record<Face, ParsedFont>> | undefined;

/** Both faces, parsed on first use and shared by every document of the process. */
export function documentFonts(): Readonly<Record<Face, ParsedFont>> {
  if (!parsed) {
    const fontkit = loadFontkit();
    const open = (face: Face) => withCodePoints(fontkit.create(withoutHinting(readFileSync(require.resolve(FILES[face])))) as ParsedFont);
    parsed = { regular: open('regular'), bold: open('bold') };
  }
  return parsed;
}

/**
 * fontkit keeps each glyph object with the code points it was first asked for, and pdfkit's
 * ToUnicode map (what copy and pdftotext read) takes them from there. Within one document the
 * text is laid out before the subset is built, but the font is shared: the subsetter of an earlier
 * document asks for the parts of composite glyphs without code points (DejaVu builds «ы» from «ь»
 * and «ı»), and a later document's «ь» would then copy as nothing. Asking for every character of
 * the font first gives each glyph its code point for good.
 */
function withCodePoints(font: ParsedFont): ParsedFont {
  for (const codePoint of font.characterSet) font.glyphForCodePoint(codePoint);
  return font;
}

/** Shown where a face has no glyph for a character: a visible box rather than a silent gap. */
const MISSING = '\u25A1';
const ZERO_WIDTH = /[\p{Cf}\p{Mn}\p{Me}\uFE00-\uFE0F]/u;
const CONTROL = /\p{Cc}/u;

/** Verdicts are remembered for the common planes only, so hostile input cannot grow the cache without bound. */
const CACHED_BELOW = 0x3000;
const verdicts: Record<Face, Map<number, string>> = { regular: new Map(), bold: new Map() };

/**
 * What a face can print of `text`. Text typed by a citizen may hold anything (emoji, Chinese,
 * control characters, lone surrogates): characters the face lacks become a box and invisible
 * formatting characters are dropped, so the layout engine only ever sees glyphs the font has and
 * `pdftotext` reads back exactly what is printed. Newlines survive; other controls become spaces.
 */
export function printable(text: string, face: Face): string {
  const font = documentFonts()[face];
  const cache = verdicts[face];
  let out = '';
  for (const char of text.normalize('NFC')) {
    const cp = char.codePointAt(0) ?? 0;
    let verdict = cache.get(cp);
    if (verdict === undefined) {
      verdict = judge(char, cp, font);
      if (cp < CACHED_BELOW) cache.set(cp, verdict);
    }
    out += verdict;
  }
  return out;
}

function judge(char: string, cp: number, font: ParsedFont): string {
  if (char === '\n') return '\n';
  if (CONTROL.test(char)) return ' ';
  if (cp >= 0xd800 && cp <= 0xdfff) return MISSING; // a lone surrogate
  if (font.hasGlyphForCodePoint(cp)) return char;
  if (ZERO_WIDTH.test(char)) return '';
  return MISSING;
}

type LayoutCache = Record<string, unknown>;

/** pdfkit internals reached into by `useFonts`: the current font object and its cache of word layouts. */
interface PdfkitFontInternals {
  readonly _font?: { layoutCache?: LayoutCache };
}

/**
 * Layouts of the words of earlier documents, per face. A word's layout takes about 4 KB, so the
 * cache is emptied when it would hold more than LAYOUT_LIMIT words (~16 MB); the recurring words
 * are back after the next document.
 */
const LAYOUT_LIMIT = 4_000;
const sharedLayouts: Record<Face, LayoutCache> = { regular: Object.create(null), bold: Object.create(null) };
let sharedWords = 0;

/**
 * Makes the faces available to `doc` as 'regular' and 'bold', and returns what to call once the
 * document is finished.
 *
 * Shaping a word with fontkit (GSUB/GPOS lookups) was the largest cost of a document, and most
 * words recur in every document (labels, fixed sentences, the office's name). pdfkit caches the
 * layout of each word, but per font object, hence per document. Here each document's cache
 * inherits from a cache shared by the process, and the words a document added are kept for the
 * next ones. This reaches into two pdfkit internals, `doc._font` and `EmbeddedFont.layoutCache`
 * (pdfkit 0.20); test/documents/render-fonts.test.ts fails if either stops working. pdfkit never
 * mutates a cached layout, so sharing cannot change the bytes.
 */
export function useFonts(doc: PDFKit.PDFDocument): () => void {
  const fonts = documentFonts();
  const own: Partial<Record<Face, LayoutCache>> = {};
  for (const face of ['regular', 'bold'] as const) {
    // @types/pdfkit (0.17) predates pdfkit 0.20 taking a parsed font; pdfkit checks for `layout()`.
    doc.registerFont(face, fonts[face] as unknown as Buffer);
    const font = (doc.font(face) as PdfkitFontInternals)._font;
    if (font?.layoutCache) own[face] = font.layoutCache = Object.create(sharedLayouts[face]) as LayoutCache;
  }
  return () => {
    for (const face of ['regular', 'bold'] as const) {
      const added = own[face];
      if (!added) continue;
      const words = Object.keys(added).length;
      if (sharedWords + words > LAYOUT_LIMIT) forgetLayouts();
      Object.assign(sharedLayouts[face], added);
      sharedWords += words;
    }
  };
}

function forgetLayouts(): void {
  sharedLayouts.regular = Object.create(null);
  sharedLayouts.bold = Object.create(null);
  sharedWords = 0;
}

const HINTING_TABLES = new Set(['fpgm', 'prep', 'cvt ', 'hdmx', 'LTSH', 'VDMX']);
const COMPOSITE = { argsAreWords: 0x0001, scale: 0x0008, moreComponents: 0x0020, xyScale: 0x0040, twoByTwo: 0x0080, instructions: 0x0100 };

/**
 * The TTF without hinting: the font-wide programs (fpgm, prep, cvt and the tables computed from
 * them) and every glyph's instructions. fontkit's subsetter copies all of them into the PDF, and
 * in DejaVu they are half of an embedded subset (archival certificate, regular face: 13.7 KB
 * with hinting, 6.3 KB without). Hinting snaps outlines to the pixel grid of small screens; a
 * viewer or printer draws the same letters without it. No npm package strips it short of a whole
 * font editor, so these few lines do; they run once per face and process.
 */
function withoutHinting(ttf: Uint8Array): Uint8Array {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(...ttf.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    tables.set(tag, ttf.subarray(offset, offset + view.getUint32(record + 12)));
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) throw new Error('not a TrueType font with glyf outlines');
  const longOffsets = dataView(head).getInt16(50) === 1;
  const glyphCount = dataView(maxp).getUint16(4);
  const offsetOf = (i: number) => (longOffsets ? dataView(loca).getUint32(4 * i) : dataView(loca).getUint16(2 * i) * 2);
  const glyphs = Array.from({ length: glyphCount }, (_, i) => glyphWithoutInstructions(glyf.subarray(offsetOf(i), offsetOf(i + 1))));
  const { glyf: newGlyf, loca: newLoca } = joinGlyphs(glyphs);
  const newHead = head.slice();
  dataView(newHead).setInt16(50, 1); // the new loca has long offsets
  for (const tag of HINTING_TABLES) tables.delete(tag);
  tables.set('glyf', newGlyf).set('loca', newLoca).set('head', newHead);
  return writeFont(view.getUint32(0), tables);
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One glyph's data with its instructions removed (TrueType 'glyf' table layout). */
function glyphWithoutInstructions(glyph: Uint8Array): Uint8Array {
  if (glyph.length === 0) return glyph;
  const view = dataView(glyph);
  const contours = view.getInt16(0);
  if (contours >= 0) {
    const lengthAt = 10 + 2 * contours;
    const instructions = view.getUint16(lengthAt);
    const out = new Uint8Array(glyph.length - instructions);
    out.set(glyph.subarray(0, lengthAt), 0); // header and contour ends; instruction length stays 0
    out.set(glyph.subarray(lengthAt + 2 + instructions), lengthAt + 2);
    return out;
  }
  const out = glyph.slice();
  const outView = dataView(out);
  let at = 10;
  let flags: number;
  do {
    flags = view.getUint16(at);
    outView.setUint16(at, flags & ~COMPOSITE.instructions);
    const args = flags & COMPOSITE.argsAreWords ? 4 : 2;
    const transform = flags & COMPOSITE.scale ? 2 : flags & COMPOSITE.xyScale ? 4 : flags & COMPOSITE.twoByTwo ? 8 : 0;
    at += 4 + args + transform;
  } while (flags & COMPOSITE.moreComponents);
  return out.subarray(0, at);
}

function joinGlyphs(glyphs: readonly Uint8Array[]): { glyf: Uint8Array; loca: Uint8Array } {
  const loca = new Uint8Array(4 * (glyphs.length + 1));
  const padded = (n: number) => (n + 3) & ~3;
  const glyf = new Uint8Array(glyphs.reduce((sum, g) => sum + padded(g.length), 0));
  let offset = 0;
  glyphs.forEach((glyph, i) => {
    dataView(loca).setUint32(4 * i, offset);
    glyf.set(glyph, offset);
    offset += padded(glyph.length);
  });
  dataView(loca).setUint32(4 * glyphs.length, offset);
  return { glyf, loca };
}

/** An sfnt file from its tables. Checksums are left zero: neither fontkit nor PDF viewers check them. */
function writeFont(version: number, tables: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  const size = tags.reduce((sum, tag) => sum + ((tables.get(tag)!.length + 3) & ~3), headerLength);
  const out = new Uint8Array(size);
  const view = dataView(out);
  view.setUint32(0, version);
  view.setUint16(4, tags.length);
  let offset = headerLength;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    const record = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, table.length);
    out.set(table, offset);
    offset += (table.length + 3) & ~3;
  });
  return out;
}
