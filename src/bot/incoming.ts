/**
 * A Telegram update reduced to what the conversation understands. Anything unexpected (a sticker,
 * a location, an update with fields missing) becomes `other` or null: never a throw.
 */
export type Incoming =
  | { readonly kind: 'command'; readonly command: string; readonly payload: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'button'; readonly data: string; readonly messageId: number | null }
  | { readonly kind: 'contact'; readonly phone: string; readonly own: boolean }
  | { readonly kind: 'file'; readonly fileId: string; readonly name: string; readonly mediaType: string | null; readonly size: number | null }
  | { readonly kind: 'other'; readonly what: string };

export interface Addressed {
  readonly updateId: number;
  readonly chatId: number;
  readonly userId: number;
  readonly private: boolean;
  /** Telegram's language of the user's app, a hint for the first language question. */
  readonly languageCode?: string;
  readonly callbackId?: string;
  readonly incoming: Incoming;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Photos come in several sizes; the largest is the one to keep. */
function largestPhoto(photos: unknown): Obj | null {
  if (!Array.isArray(photos)) return null;
  let best: Obj | null = null;
  for (const p of photos.map(obj)) {
    if (!p || !str(p.file_id)) continue;
    if (!best || (int(p.file_size) ?? 0) >= (int(best.file_size) ?? 0)) best = p;
  }
  return best;
}

function fromMessage(message: Obj, botUsername: string): Incoming {
  const text = str(message.text);
  if (text !== null) {
    // "/start payload", "/status@AnyqtamaBot": a command only when Telegram marked it as one at offset 0.
    const entities = Array.isArray(message.entities) ? message.entities.map(obj) : [];
    const command = entities.find((e) => e && e.type === 'bot_command' && e.offset === 0);
    if (command && int(command.length)) {
      const [name, at] = text.slice(1, int(command.length)!).split('@');
      if (!at || at.toLowerCase() === botUsername.toLowerCase()) {
        return { kind: 'command', command: (name ?? '').toLowerCase(), payload: text.slice(int(command.length)!).trim() };
      }
    }
    return { kind: 'text', text };
  }
  const contact = obj(message.contact);
  const from = obj(message.from);
  if (contact && str(contact.phone_number)) {
    return { kind: 'contact', phone: str(contact.phone_number)!, own: int(contact.user_id) !== null && int(contact.user_id) === int(from?.id) };
  }
  const photo = largestPhoto(message.photo);
  if (photo) return { kind: 'file', fileId: str(photo.file_id)!, name: 'photo.jpg', mediaType: 'image/jpeg', size: int(photo.file_size) };
  const document = obj(message.document);
  if (document && str(document.file_id)) {
    return { kind: 'file', fileId: str(document.file_id)!, name: str(document.file_name) ?? 'file', mediaType: str(document.mime_type), size: int(document.file_size) };
  }
  const kinds = ['sticker', 'voice', 'video', 'video_note', 'audio', 'animation', 'location', 'venue', 'poll', 'dice', 'game'];
  return { kind: 'other', what: kinds.find((k) => k in message) ?? 'unknown' };
}

/** Reads an update as it came over the wire; null for updates the bot does not answer (edits, channel posts, malformed). */
export function readUpdate(raw: unknown, botUsername: string): Addressed | null {
  const update = obj(raw);
  const updateId = int(update?.update_id);
  if (!update || updateId === null) return null;
  const callback = obj(update.callback_query);
  if (callback) {
    const from = obj(callback.from);
    const message = obj(callback.message);
    const chat = obj(message?.chat);
    const chatId = int(chat?.id) ?? int(from?.id);
    const userId = int(from?.id);
    const id = str(callback.id);
    if (chatId === null || userId === null || id === null) return null;
    return {
      updateId, chatId, userId, callbackId: id,
      private: chat ? chat.type === 'private' : true,
      ...(str(from?.language_code) ? { languageCode: str(from?.language_code)! } : {}),
      incoming: { kind: 'button', data: str(callback.data) ?? '', messageId: int(message?.message_id) },
    };
  }
  const message = obj(update.message);
  if (!message) return null;
  const chat = obj(message.chat);
  const from = obj(message.from);
  const chatId = int(chat?.id);
  const userId = int(from?.id);
  if (chatId === null || userId === null) return null;
  return {
    updateId, chatId, userId,
    private: chat?.type === 'private',
    ...(str(from?.language_code) ? { languageCode: str(from?.language_code)! } : {}),
    incoming: fromMessage(message, botUsername),
  };
}
