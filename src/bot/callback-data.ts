import type { Lang } from '../core/i18n/text.js';
import { SURVEY_ANSWER_VALUES, type SurveyAnswerValue } from '../core/survey.js';

/**
 * What every button the bot sends says back, as one typed union: composers route on `kind`, never
 * on strings. On the wire it is `head:arg:arg`, the format already in citizens' chats, so buttons
 * sent before an upgrade keep working (the survey's come back days after the result).
 *
 * To make a button carry more (issue 16: the step it belongs to, so a stale one is told apart
 * from a current one), add the field to its kind below and to its entry in CODECS; data without
 * the field still decodes, as `stale` or as before, the entry decides.
 */
export type CallbackData =
  // Anywhere: the menu's buttons, the status check, the citizen's requests, the survey.
  | { readonly kind: 'menu' }
  | { readonly kind: 'my' }
  | { readonly kind: 'status' }
  | { readonly kind: 'help' }
  | { readonly kind: 'cancel' }
  /** The menu's "language" button: asks the language again. */
  | { readonly kind: 'language' }
  | { readonly kind: 'chooseLanguage'; readonly lang: Lang }
  | { readonly kind: 'service'; readonly service: string }
  /** One of the citizen's own requests, by number. */
  | { readonly kind: 'request'; readonly number: string }
  /** The result document of one of the citizen's requests, by number. */
  | { readonly kind: 'pdf'; readonly number: string }
  | { readonly kind: 'survey1'; readonly requestId: string; readonly q1: SurveyAnswerValue }
  | { readonly kind: 'survey2'; readonly requestId: string; readonly q1: SurveyAnswerValue; readonly q2: SurveyAnswerValue }
  // The application under way, each taken only at the stage that offered it.
  | { readonly kind: 'office'; readonly office: string }
  | { readonly kind: 'go' }
  /** An answer button; `path` is the question it answers, left out where it would pass 64 bytes. */
  | { readonly kind: 'answer'; readonly path?: string; readonly value: string }
  | { readonly kind: 'skip' }
  | { readonly kind: 'back' }
  | { readonly kind: 'next' }
  | { readonly kind: 'drop' }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'edit' }
  | { readonly kind: 'toSummary' }
  /** An entry of the edit menu: a section to open or an answer to ask again (questionnaire.editMenu's value). */
  | { readonly kind: 'editItem'; readonly value: string };

export type CallbackKind = CallbackData['kind'];
export type CallbackOf<K extends CallbackKind> = Extract<CallbackData, { kind: K }>;

/** Data no entry reads: a button of an older bot, or one made up. Routed like any other press, to "stale". */
export interface Stale {
  readonly kind: 'stale';
  readonly data: string;
}

/** Telegram's limit on callback_data. */
export const MAX_CALLBACK_BYTES = 64;

type Fields<K extends CallbackKind> = Omit<CallbackOf<K>, 'kind'>;

interface Codec<K extends CallbackKind> {
  /** The first is written; the others are read too (heads older bots or commands used). */
  readonly heads: readonly [string, ...string[]];
  readonly write: (data: CallbackOf<K>) => readonly string[];
  /** The fields from the parts after the head, or null when they do not fit. */
  readonly read: (args: readonly string[]) => Fields<K> | null;
}

const bare = <K extends CallbackKind>(...heads: [string, ...string[]]): Codec<K> => ({
  heads,
  write: () => [],
  read: (args) => (args.length === 0 ? ({} as Fields<K>) : null),
});

/** The one argument, kept whole (a choice's value or a path may itself hold a colon); no fit when empty. */
const whole = <T>(args: readonly string[], fields: (value: string) => T): T | null => (args.join(':') !== '' ? fields(args.join(':')) : null);

const surveyValue = (text: string | undefined): SurveyAnswerValue | null =>
  SURVEY_ANSWER_VALUES.find((v) => String(v) === text) ?? null;

const CODECS: { readonly [K in CallbackKind]: Codec<K> } = {
  menu: bare('menu'),
  my: bare('my'),
  status: bare('st', 'status'),
  help: bare('help'),
  cancel: bare('cancel'),
  language: bare('lang', 'language'),
  chooseLanguage: {
    heads: ['lang'],
    write: (d) => [d.lang],
    read: ([lang, ...more]) => (more.length === 0 && (lang === 'kk' || lang === 'ru') ? { lang } : null),
  },
  service: { heads: ['svc'], write: (d) => [d.service], read: (args) => whole(args, (service) => ({ service })) },
  request: { heads: ['r'], write: (d) => [d.number], read: (args) => whole(args, (number) => ({ number })) },
  pdf: { heads: ['pdf'], write: (d) => [d.number], read: (args) => whole(args, (number) => ({ number })) },
  survey1: {
    heads: ['sv1'],
    write: (d) => [d.requestId, String(d.q1)],
    read: ([requestId, a, ...more]) => {
      const q1 = surveyValue(a);
      return requestId && q1 && more.length === 0 ? { requestId, q1 } : null;
    },
  },
  survey2: {
    heads: ['sv2'],
    write: (d) => [d.requestId, String(d.q1), String(d.q2)],
    read: ([requestId, a, b, ...more]) => {
      const q1 = surveyValue(a);
      const q2 = surveyValue(b);
      return requestId && q1 && q2 && more.length === 0 ? { requestId, q1, q2 } : null;
    },
  },
  office: { heads: ['office'], write: (d) => [d.office], read: (args) => whole(args, (office) => ({ office })) },
  go: bare('go'),
  answer: {
    heads: ['a'],
    write: (d) => [d.path === undefined ? d.value : `${d.path}|${d.value}`],
    read: (args) => {
      const arg = args.join(':');
      const split = arg.lastIndexOf('|');
      return split < 0 ? { value: arg } : { path: arg.slice(0, split), value: arg.slice(split + 1) };
    },
  },
  skip: bare('skip'),
  back: bare('back'),
  next: bare('next'),
  drop: bare('drop'),
  confirm: bare('ok'),
  edit: bare('edit'),
  toSummary: bare('sum'),
  editItem: { heads: ['e'], write: (d) => [d.value], read: (args) => ({ value: args.join(':') }) },
};

const KINDS = Object.keys(CODECS) as CallbackKind[];

const byteLength = (data: string): number => Buffer.byteLength(data, 'utf8');

function write<K extends CallbackKind>(data: CallbackOf<K>): string {
  const codec: Codec<K> = CODECS[data.kind as K];
  return [codec.heads[0], ...codec.write(data)].join(':');
}

/**
 * The wire form of a button. An answer that would pass 64 bytes drops the question's path (it is
 * then taken at whatever question stands); anything else that long is a bug: ids are short.
 */
export function encode(data: CallbackData): string {
  const full = write(data);
  if (byteLength(full) <= MAX_CALLBACK_BYTES) return full;
  if (data.kind === 'answer' && data.path !== undefined) return encode({ kind: 'answer', value: data.value });
  throw new RangeError(`callback data over ${MAX_CALLBACK_BYTES} bytes: ${full.slice(0, 80)}`);
}

/** What a pressed button means; anything unreadable (too long, unknown head, bad arguments) is `stale`, never a throw. */
export function decode(data: string): CallbackData | Stale {
  if (byteLength(data) > MAX_CALLBACK_BYTES) return { kind: 'stale', data };
  const [head = '', ...args] = data.split(':');
  for (const kind of KINDS) {
    const codec: { readonly heads: readonly string[]; readonly read: (args: readonly string[]) => object | null } = CODECS[kind];
    if (!codec.heads.includes(head)) continue;
    const fields = codec.read(args);
    if (fields) return { ...fields, kind } as CallbackData;
  }
  return { kind: 'stale', data };
}
