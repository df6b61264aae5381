/** Languages every user-facing text exists in. Kazakh is the state language and comes first. */
export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in Kazakh and Russian (English optional, for staff and logs). */
export interface Text {
  readonly kk: string;
  readonly ru: string;
  readonly en?: string;
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** Picks the text in `lang`; English falls back to Russian where a text has none. */
export function pick(text: Text, lang: Lang): string {
  if (lang === 'en') return text.en ?? text.ru;
  return text[lang];
}

/** Replaces `{name}` placeholders. Unknown placeholders are left visible so a missing parameter is noticed. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
