/**
 * The bot's pending updates and the two ways Telegram hands them over: getUpdates long polling
 * (held until an update arrives or `timeout` passes, confirmed by a higher `offset`) and a webhook
 * (POSTed one at a time, in order, and retried with growing pauses until the bot answers 2xx).
 */
import { formParams } from './body.js';
import { badRequest, bool, failure, int, isRecord, json, ok, str, type Params, type Reply } from './wire.js';
import { unixTime } from './world.js';

export type Update = Record<string, unknown> & { update_id: number };

interface Waiter {
  limit: number;
  respond: (reply: Reply) => void;
  timer: NodeJS.Timeout;
}

interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export interface UpdatesOptions {
  /** First pause before a failed webhook delivery is retried; doubles up to 5 s. */
  webhookRetryMs: number;
  /** A webhook answered with a method call in its body (Telegram runs it like a normal call). */
  onWebhookReply: (method: string, params: Params) => void;
}

const KNOWN_TYPES = new Set(['message', 'edited_message', 'callback_query', 'inline_query', 'my_chat_member', 'chat_member', 'chat_join_request', 'pre_checkout_query', 'shipping_query', 'poll', 'poll_answer', 'message_reaction', 'message_reaction_count', 'channel_post', 'edited_channel_post', 'chosen_inline_result', 'chat_boost', 'removed_chat_boost', 'business_connection', 'business_message', 'edited_business_message', 'deleted_business_messages', 'purchased_paid_media']);

export class Updates {
  private pending: Update[] = [];
  private lastId = 100_000_000;
  private waiter: Waiter | undefined;
  private wakeScheduled = false;
  private allowed: string[] = [];
  private hook: Webhook | null = null;
  private delivering = false;
  private closed = false;
  private readonly aborter = new AbortController();
  private retryTimer: { timer: NodeJS.Timeout; resolve: () => void } | undefined;

  constructor(private readonly options: UpdatesOptions) {}

  get webhook(): { url: string; secretToken?: string } | null {
    if (!this.hook) return null;
    return this.hook.secretToken ? { url: this.hook.url, secretToken: this.hook.secretToken } : { url: this.hook.url };
  }

  /** Queues an update (numbered if it has no update_id) and hands it to the waiting poll or the webhook. */
  push(update: Record<string, unknown>): number {
    const id = typeof update.update_id === 'number' ? update.update_id : ++this.lastId;
    this.lastId = Math.max(this.lastId, id);
    const type = Object.keys(update).find((key) => key !== 'update_id');
    const allowed = this.hook?.allowedUpdates ?? this.allowed;
    // Telegram never delivers types the bot excluded with allowed_updates.
    if (type && KNOWN_TYPES.has(type) && allowed.length > 0 && !allowed.includes(type)) return id;
    this.pending.push({ update_id: id, ...update } as Update);
    if (this.hook) void this.deliver();
    else this.wake();
    return id;
  }

  /** getUpdates: answers at once when updates are queued, else holds `respond` for `timeout` seconds. Returns a cancel for a client that hangs up. */
  poll(params: Params, respond: (reply: Reply) => void): () => void {
    const none = () => {};
    if (this.hook) {
      respond(failure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
      return none;
    }
    const offset = int(params, 'offset') ?? 0;
    const limit = Math.min(100, Math.max(1, int(params, 'limit') ?? 100));
    const timeout = Math.max(0, int(params, 'timeout') ?? 0);
    const allowed = json(params, 'allowed_updates');
    if (allowed.ok && Array.isArray(allowed.value)) this.allowed = allowed.value.map(String);
    if (offset > 0) this.pending = this.pending.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.pending = this.pending.slice(offset);
    if (this.waiter) {
      const old = this.waiter;
      this.waiter = undefined;
      clearTimeout(old.timer);
      old.respond(failure(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    }
    if (this.pending.length > 0 || timeout === 0) {
      respond(ok(this.pending.slice(0, limit)));
      return none;
    }
    const waiter: Waiter = {
      limit,
      respond,
      timer: setTimeout(() => {
        if (this.waiter !== waiter) return;
        this.waiter = undefined;
        respond(ok([]));
      }, timeout * 1000),
    };
    this.waiter = waiter;
    return () => {
      if (this.waiter !== waiter) return;
      clearTimeout(waiter.timer);
      this.waiter = undefined;
    };
  }

  /** Answers a held poll on the next turn, so updates pushed together arrive together. */
  private wake(): void {
    if (!this.waiter || this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      this.wakeScheduled = false;
      const waiter = this.waiter;
      if (!waiter || this.pending.length === 0) return;
      this.waiter = undefined;
      clearTimeout(waiter.timer);
      waiter.respond(ok(this.pending.slice(0, waiter.limit)));
    });
  }

  setWebhook(params: Params): Reply {
    const url = str(params, 'url') ?? '';
    if (url === '') return this.deleteWebhook(params);
    if (!/^https?:\/\/[^/]+/.test(url)) return badRequest('bad webhook: Invalid URL specified');
    const secretToken = str(params, 'secret_token');
    if (secretToken !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) return badRequest('secret token contains unallowed characters');
    const allowed = json(params, 'allowed_updates');
    const same = this.hook?.url === url && this.hook.secretToken === secretToken;
    if (bool(params, 'drop_pending_updates')) this.pending = [];
    this.hook = {
      url,
      ...(secretToken ? { secretToken } : {}),
      maxConnections: int(params, 'max_connections') ?? 40,
      ...(allowed.ok && Array.isArray(allowed.value) ? { allowedUpdates: allowed.value.map(String) } : {}),
    };
    this.cancelPoll();
    void this.deliver();
    return { ...ok(true), description: same ? 'Webhook is already set' : 'Webhook was set' };
  }

  deleteWebhook(params: Params): Reply {
    const had = this.hook !== null;
    this.hook = null;
    if (bool(params, 'drop_pending_updates')) this.pending = [];
    return { ...ok(true), description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
  }

  webhookInfo(): Reply {
    const hook = this.hook;
    const info: Record<string, unknown> = { url: hook?.url ?? '', has_custom_certificate: false, pending_update_count: this.pending.length };
    if (hook) {
      info.max_connections = hook.maxConnections;
      info.ip_address = '127.0.0.1';
      if (hook.allowedUpdates) info.allowed_updates = hook.allowedUpdates;
      if (hook.lastErrorDate !== undefined) info.last_error_date = hook.lastErrorDate;
      if (hook.lastErrorMessage !== undefined) info.last_error_message = hook.lastErrorMessage;
    }
    return ok(info);
  }

  close(): void {
    this.closed = true;
    this.cancelPoll();
    this.aborter.abort();
    if (this.retryTimer) {
      clearTimeout(this.retryTimer.timer);
      this.retryTimer.resolve();
    }
  }

  private cancelPoll(): void {
    if (!this.waiter) return;
    clearTimeout(this.waiter.timer);
    this.waiter = undefined;
  }

  private async deliver(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    let failures = 0;
    try {
      while (!this.closed && this.hook && this.pending.length > 0) {
        const hook = this.hook;
        const update = this.pending[0]!;
        const outcome = await this.post(hook, update);
        if (this.closed || this.hook !== hook) continue;
        if (outcome.ok) {
          failures = 0;
          this.pending = this.pending.filter((u) => u !== update);
          if (outcome.call) this.options.onWebhookReply(outcome.call.method, outcome.call.params);
          continue;
        }
        hook.lastErrorDate = unixTime();
        hook.lastErrorMessage = outcome.error;
        await this.pause(Math.min(5000, this.options.webhookRetryMs * 2 ** failures++));
      }
    } finally {
      this.delivering = false;
    }
  }

  private async post(hook: Webhook, update: Update): Promise<{ ok: true; call?: { method: string; params: Params } } | { ok: false; error: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (hook.secretToken) headers['x-telegram-bot-api-secret-token'] = hook.secretToken;
    let response: Response;
    try {
      response = await fetch(hook.url, { method: 'POST', headers, body: JSON.stringify(update), signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(30_000)]) });
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, error: code === 'ECONNREFUSED' ? 'Connection refused' : `Connection failed: ${String(code ?? error)}` };
    }
    if (response.status < 200 || response.status > 299) {
      await response.body?.cancel();
      return { ok: false, error: `Wrong response from the webhook: ${response.status} ${response.statusText}` };
    }
    return { ok: true, ...(await webhookReply(response)) };
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.retryTimer = { timer: setTimeout(resolve, ms), resolve };
    });
  }
}

/** A webhook may answer with a method call in its body (JSON or multipart); anything else is ignored. */
async function webhookReply(response: Response): Promise<{ call?: { method: string; params: Params } }> {
  const type = response.headers.get('content-type') ?? '';
  try {
    let params: Params | undefined;
    if (type.startsWith('application/json')) {
      const body: unknown = await response.json();
      params = isRecord(body) ? body : undefined;
    } else if (type.startsWith('multipart/form-data')) params = await formParams(await response.formData());
    else await response.body?.cancel();
    const method = params?.method;
    if (typeof method !== 'string' || !params) return {};
    const { method: _method, ...rest } = params;
    return { call: { method, params: rest } };
  } catch {
    return {};
  }
}
