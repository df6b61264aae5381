/**
 * A local Telegram Bot API server for end-to-end tests and the bot benchmark. The real telegraf
 * client talks to it over HTTP (`new Telegraf(token, { telegram: { apiRoot: server.apiRoot } })`),
 * while simulated users (`server.user(id)`) send messages, press buttons and read what the bot sent.
 *
 * Emulated as the cloud Bot API answers: getMe; getUpdates long polling (held up to `timeout`,
 * `offset` confirms, `limit`, 409 when a webhook is set or another poll takes over); webhooks
 * (POSTed in order with X-Telegram-Bot-Api-Secret-Token, retried until 2xx, a method call in the
 * webhook's answer is run); sendMessage (HTML parse_mode checked like tdlib, 4096 limit, reply
 * markup as object or JSON string); sendDocument and sendPhoto (multipart upload, file_id,
 * `attach://`, HTTP URL; caption ≤ 1024); getFile (20 MB limit) and the file download URL;
 * answerCallbackQuery; editMessageText/Caption/ReplyMarkup ("message is not modified", an edit
 * without reply_markup drops the inline keyboard); deleteMessage; sendChatAction; commands,
 * descriptions and the menu button; flood control (429 + retry_after) when `limits` are set; a
 * user who blocked the bot (403). Every call is recorded in `calls`.
 *
 * Not emulated: groups and channels (every chat is a user's private chat), inline mode, payments,
 * media other than documents, photos and stickers, media groups, Markdown/MarkdownV2 (such text is
 * kept verbatim), automatic url/mention entities in bot text, image resizing (every photo size has
 * the original bytes), the HTTPS requirement and port list for webhooks, message age limits on
 * edits and deletes. Webhook updates go out one at a time (Telegram may use several connections).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseParams, readBody } from './body.js';
import { scopeKey } from './commands.js';
import { FloodControl, type FloodLimits } from './flood.js';
import { botApiMethods } from './methods.js';
import { SimulatedUser, type TestUser } from './test-user.js';
import { Updates } from './updates.js';
import { defaultDescription, failure, int, isFailure, tooManyRequests, type Failure, type Params, type Reply } from './wire.js';
import { Chat, World, type BotInfo, type Method, type MethodContext } from './world.js';

export type { BotMessage, MessageMatch, TestUser } from './test-user.js';
export type { UploadedFile } from './wire.js';

export interface BotApiServerOptions {
  /** Default '123456:TEST'; calls with another token get 401 Unauthorized. */
  token?: string;
  /** Default 0 (a free port); the server listens on 127.0.0.1. */
  port?: number;
  /** getFile refuses bigger files with "Bad Request: file is too big"; default 20 MB as in the cloud. */
  maxDownloadBytes?: number;
  /** When set, sends over the limit are answered 429 with retry_after, like Telegram's flood control. */
  limits?: FloodLimits;
  /** The bot's @username (default 'anyqtama_test_bot') and name (default 'Anyqtama Test'). */
  botUsername?: string;
  botName?: string;
  /** First pause before a failed webhook delivery is retried (default 100 ms, doubling up to 5 s). */
  webhookRetryMs?: number;
}

export interface RecordedCall {
  method: string;
  /** As sent; file parts as `{filename, mimeType, size, bytes}`. */
  params: Params;
  /** When the request arrived (ms since the epoch). */
  at: number;
  /** False until answered; a held getUpdates is unanswered while it waits. */
  ok: boolean;
  errorCode?: number;
  description?: string;
  answeredAt?: number;
  /** The server was unreachable and dropped the connection. */
  dropped?: boolean;
  /** Run from a webhook's answer rather than a request of its own. */
  viaWebhookReply?: boolean;
}

export interface UserProfile {
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** The number a request_contact button shares (default +7701 and the id's last 7 digits). */
  phone?: string;
}

export interface BotApiServer {
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: BotInfo;
  readonly calls: readonly RecordedCall[];
  callsOf(method: string): readonly RecordedCall[];
  /** Resolves with the next answered call of `method` (after this call) that `accept` takes. */
  waitForCall(method: string, accept?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  user(id: number, profile?: UserProfile): TestUser;
  pushUpdate(update: Record<string, unknown>): number;
  failNext(method: string, times: number, error?: { code: number; description?: string; retryAfter?: number }): void;
  setUnreachable(down: boolean): void;
  readonly webhook: { url: string; secretToken?: string } | null;
  /** The commands set for a scope (default `{type:'default'}`) and language code. */
  myCommands(scope?: Record<string, unknown>, languageCode?: string): readonly unknown[];
  close(): Promise<void>;
}

/** Methods that post a message into a chat; flood control counts these. */
const SENDS = new Set(['sendmessage', 'senddocument', 'sendphoto']);

export async function startBotApiServer(options: BotApiServerOptions = {}): Promise<BotApiServer> {
  const http = createServer();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return new LocalBotApi(http, `http://127.0.0.1:${port}`, options);
}

class LocalBotApi implements BotApiServer {
  readonly token: string;
  readonly botInfo: BotInfo;
  readonly calls: RecordedCall[] = [];
  private readonly world: World;
  private readonly updates: Updates;
  private readonly context: MethodContext;
  private readonly flood: FloodControl | undefined;
  private readonly methods: Record<string, Method>;
  private readonly injected = new Map<string, { remaining: number; reply: Failure }[]>();
  private readonly held = new Set<ServerResponse>();
  private readonly users = new Map<number, SimulatedUser>();
  private readonly callListeners = new Set<(call: RecordedCall) => void>();
  private unreachable = false;

  constructor(
    private readonly http: Server,
    readonly apiRoot: string,
    options: BotApiServerOptions,
  ) {
    this.token = options.token ?? '123456:TEST';
    const id = Number(this.token.split(':')[0]);
    this.botInfo = { id: Number.isSafeInteger(id) && id > 0 ? id : 123456, username: options.botUsername ?? 'anyqtama_test_bot', first_name: options.botName ?? 'Anyqtama Test', is_bot: true };
    this.world = new World(this.botInfo);
    this.context = { world: this.world, maxDownloadBytes: options.maxDownloadBytes ?? 20 * 1024 * 1024 };
    this.flood = options.limits ? new FloodControl(options.limits) : undefined;
    this.updates = new Updates({
      webhookRetryMs: options.webhookRetryMs ?? 100,
      onWebhookReply: (method, params) => void this.run({ method, params, at: Date.now(), ok: false, viaWebhookReply: true }),
    });
    this.methods = botApiMethods(this.updates);
    http.on('request', (req: IncomingMessage, res: ServerResponse) => {
      this.handle(req, res).catch((error: unknown) => {
        process.stderr.write(`telegram test server: ${String((error as Error).stack ?? error)}\n`);
        write(res, failure(500, 'Internal Server Error'));
      });
    });
  }

  get webhook(): { url: string; secretToken?: string } | null {
    return this.updates.webhook;
  }

  callsOf(method: string): readonly RecordedCall[] {
    const key = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === key);
  }

  waitForCall(method: string, accept: (call: RecordedCall) => boolean = () => true, timeoutMs = 5000): Promise<RecordedCall> {
    const key = method.toLowerCase();
    return new Promise((resolve, reject) => {
      const listener = (call: RecordedCall) => {
        if (call.method.toLowerCase() !== key || !accept(call)) return;
        done();
        resolve(call);
      };
      const timer = setTimeout(() => {
        done();
        const recent = this.calls.slice(-8).map((c) => `  ${c.method} → ${c.ok ? 'ok' : (c.errorCode ?? 'pending')}`);
        reject(new Error(`no ${method} call within ${timeoutMs} ms; the last calls were:\n${recent.join('\n')}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.callListeners.delete(listener);
      };
      this.callListeners.add(listener);
    });
  }

  user(id: number, profile: UserProfile = {}): TestUser {
    const known = this.users.get(id);
    if (known) return known;
    const chat = new Chat({
      id,
      firstName: profile.firstName ?? `User${id}`,
      ...(profile.lastName ? { lastName: profile.lastName } : {}),
      ...(profile.username ? { username: profile.username } : {}),
      ...(profile.languageCode ? { languageCode: profile.languageCode } : {}),
      phone: profile.phone ?? `+7701${String(id).padStart(7, '0').slice(-7)}`,
    });
    this.world.chats.set(id, chat);
    const user = new SimulatedUser(chat, this.world, this.updates);
    this.users.set(id, user);
    return user;
  }

  pushUpdate(update: Record<string, unknown>): number {
    return this.updates.push(update);
  }

  failNext(method: string, times: number, error: { code: number; description?: string; retryAfter?: number } = { code: 429 }): void {
    const retryAfter = error.retryAfter ?? (error.code === 429 ? 1 : undefined);
    const reply =
      error.code === 429 && error.description === undefined
        ? tooManyRequests(retryAfter!)
        : failure(error.code, error.description ?? defaultDescription(error.code), retryAfter !== undefined ? { retry_after: retryAfter } : undefined);
    const key = method.toLowerCase();
    this.injected.set(key, [...(this.injected.get(key) ?? []), { remaining: times, reply }]);
  }

  setUnreachable(down: boolean): void {
    this.unreachable = down;
    if (!down) return;
    // The network is gone: long polls in flight die with it.
    for (const res of this.held) res.socket?.destroy();
    this.held.clear();
  }

  myCommands(scope?: Record<string, unknown>, languageCode?: string): readonly unknown[] {
    return this.world.commands.get(scopeKey(scope, languageCode)) ?? [];
  }

  async close(): Promise<void> {
    this.updates.close();
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.http.closeAllConnections();
    await closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const api = /^\/bot([^/]*)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (this.unreachable) {
      if (api) this.calls.push({ method: api[2]!, params: {}, at: Date.now(), ok: false, dropped: true });
      req.socket.destroy();
      return;
    }
    const file = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
    if (file) return this.serveFile(res, file[1]!, decodeURIComponent(file[2]!));
    if (!api) return write(res, failure(404, 'Not Found'));
    const call: RecordedCall = { method: api[2]!, params: {}, at: Date.now(), ok: false };
    this.calls.push(call);
    const answer = (reply: Reply) => {
      this.held.delete(res);
      this.settle(call, reply);
      write(res, reply);
    };
    const body = await readBody(req);
    if (isFailure(body)) {
      // The rest of an oversized upload is not worth reading: close the connection after answering.
      res.shouldKeepAlive = false;
      return answer(body);
    }
    const params = await parseParams(req.headers['content-type'], body, url.searchParams);
    if (isFailure(params)) return answer(params);
    // telegraf repeats the method name as a form field in multipart calls.
    if (params.method === call.method) delete params.method;
    call.params = params;
    if (api[1] !== this.token) return answer(failure(401, 'Unauthorized'));
    if (call.method.toLowerCase() !== 'getupdates') return answer(await this.execute(call.method, params));
    const injected = this.takeInjected('getupdates');
    if (injected) return answer(injected);
    this.held.add(res);
    const cancel = this.updates.poll(params, answer);
    res.on('close', () => {
      this.held.delete(res);
      if (!res.writableFinished) cancel();
    });
  }

  private async execute(method: string, params: Params): Promise<Reply> {
    const key = method.toLowerCase();
    const handler = this.methods[key];
    if (!handler) return failure(404, 'Not Found');
    const injected = this.takeInjected(key);
    if (injected) return injected;
    const send = SENDS.has(key);
    const chatId = int(params, 'chat_id');
    const wait = send ? this.flood?.retryAfter(chatId, Date.now()) : undefined;
    if (wait !== undefined) return tooManyRequests(wait);
    const reply = await handler(this.context, params);
    if (reply.ok && send) this.flood?.record(chatId, Date.now());
    return reply;
  }

  /** A method call from a webhook's answer: recorded and run like any other call. */
  private async run(call: RecordedCall): Promise<void> {
    this.calls.push(call);
    const reply = await this.execute(call.method, call.params).catch((error: unknown) => {
      process.stderr.write(`telegram test server: ${String((error as Error).stack ?? error)}\n`);
      return failure(500, 'Internal Server Error');
    });
    this.settle(call, reply);
  }

  private takeInjected(key: string): Failure | undefined {
    const queue = this.injected.get(key);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    if (--next.remaining <= 0) queue.shift();
    return next.reply;
  }

  private settle(call: RecordedCall, reply: Reply): void {
    call.ok = reply.ok;
    call.answeredAt = Date.now();
    if (!reply.ok) {
      call.errorCode = reply.error_code;
      call.description = reply.description;
    }
    for (const listener of [...this.callListeners]) listener(call);
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    if (token !== this.token) return write(res, failure(401, 'Unauthorized'));
    const file = this.world.files.atPath(path);
    if (!file) return write(res, failure(404, 'Not Found'));
    if (file.bytes.length > this.context.maxDownloadBytes) return write(res, failure(400, 'Bad Request: file is too big'));
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
    res.end(file.bytes);
  }
}

function write(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const body = JSON.stringify(reply);
  res.writeHead(reply.ok ? 200 : reply.error_code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
