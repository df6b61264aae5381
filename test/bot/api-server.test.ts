import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Markup, Telegraf, Telegram, TelegramError } from 'telegraf';
import { message } from 'telegraf/filters';
import { afterEach, describe, expect, it } from 'vitest';
import { startBotApiServer, type BotApiServer, type BotApiServerOptions } from '../../bench/telegram/server.js';

const open: { server?: BotApiServer; bot?: Telegraf; running?: Promise<void>; hooks: Server[] } = { hooks: [] };

async function serve(options?: BotApiServerOptions): Promise<BotApiServer> {
  open.server = await startBotApiServer(options);
  return open.server;
}

/** A real telegraf bot polling the test server; `launch()` resolves only when the bot stops. */
function launch(server: BotApiServer, setup: (bot: Telegraf) => void): Telegraf {
  const bot = new Telegraf(server.token, { telegram: { apiRoot: server.apiRoot } });
  setup(bot);
  open.bot = bot;
  open.running = bot.launch();
  return bot;
}

const client = (server: BotApiServer, token = server.token) => new Telegram(token, { apiRoot: server.apiRoot });

/** The TelegramError a call is refused with (fails the test if the call succeeds). */
async function refusal(call: Promise<unknown>): Promise<TelegramError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TelegramError);
  return error as TelegramError;
}

/** A PNG header is enough for the server to know the picture's size. */
function png(width: number, height: number, extra = 300): Buffer {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const size = Buffer.alloc(8);
  size.writeUInt32BE(width, 0);
  size.writeUInt32BE(height, 4);
  return Buffer.concat([head, size, Buffer.alloc(extra, 7)]);
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A local webhook receiver: records every POST and answers with `answer(n)` for the n-th one. */
async function webhookReceiver(answer: (n: number) => { status: number; body?: unknown }) {
  const received: { headers: IncomingHttpHeaders; update: Record<string, unknown> }[] = [];
  const waiters: (() => void)[] = [];
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, update: JSON.parse(body) as Record<string, unknown> });
      const reply = answer(received.length);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  open.hooks.push(hook);
  const until = async (count: number) => {
    while (received.length < count) await new Promise<void>((wake) => waiters.push(wake));
  };
  return { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`, received, until };
}

afterEach(async () => {
  if (open.bot) {
    open.bot.stop('test over');
    await open.running;
  }
  for (const hook of open.hooks) hook.close();
  await open.server?.close();
  open.bot = undefined;
  open.running = undefined;
  open.server = undefined;
  open.hooks = [];
});

describe('a telegraf bot talking to the local Bot API server', () => {
  it('echoes what a user writes and gets /start with its payload', async () => {
    const server = await serve();
    launch(server, (bot) => {
      bot.start((ctx) => ctx.reply(`start ${ctx.payload}`));
      bot.on(message('text'), (ctx) => ctx.reply(`echo: ${ctx.message.text}`));
    });
    const user = server.user(701, { firstName: 'Айгерім', languageCode: 'kk' });
    await user.sendCommand('start', 'req-42');
    expect((await user.waitForMessage(/^start /)).text).toBe('start req-42');
    await user.sendText('Сәлем');
    expect((await user.waitForMessage('echo')).text).toBe('echo: Сәлем');
    expect(user.messages.map((m) => m.text)).toEqual(['start req-42', 'echo: Сәлем']);
    expect(server.callsOf('getMe')).toHaveLength(1);
  });

  it('answers a pressed inline button and edits the message, which drops its keyboard', async () => {
    const server = await serve();
    launch(server, (bot) => {
      bot.command('menu', (ctx) => ctx.reply('Қызметті таңдаңыз', Markup.inlineKeyboard([Markup.button.callback('Анықтама', 'svc:ref'), Markup.button.url('Сайт', 'https://egov.kz')])));
      bot.action(/^svc:(.+)$/, async (ctx) => {
        await ctx.answerCbQuery('Таңдалды');
        await ctx.editMessageText(`<b>Таңдалды:</b> ${ctx.match[1]}`, { parse_mode: 'HTML' });
      });
    });
    const user = server.user(702);
    await user.sendCommand('menu');
    const menu = await user.waitForMessage('таңдаңыз');
    expect(menu.inlineButtons).toEqual([[{ text: 'Анықтама', data: 'svc:ref' }, { text: 'Сайт', url: 'https://egov.kz' }]]);

    const edited = user.waitForMessage((m) => m.edited);
    await user.pressButton('Анықтама');
    const after = await edited;
    expect(after).toMatchObject({ messageId: menu.messageId, text: 'Таңдалды: ref', parseMode: 'HTML', inlineButtons: [] });
    expect(after.entities).toEqual([{ type: 'bold', offset: 0, length: 9 }]);
    expect(user.messages).toHaveLength(1);
    expect(user.callbackAnswers).toEqual([{ text: 'Таңдалды' }]);
    await expect(user.pressButton('Анықтама')).rejects.toThrow(/no bot message in the chat has an inline keyboard/);
  });

  it('says which buttons exist when a pressed one is missing or only opens a link', async () => {
    const server = await serve();
    const user = server.user(703);
    await client(server).sendMessage(703, 'Menu', Markup.inlineKeyboard([Markup.button.callback('Yes', 'y'), Markup.button.url('Site', 'https://egov.kz')]));
    await expect(user.pressButton('No')).rejects.toThrow(/no button No .*"Yes" \(data y\), "Site" \(url https:\/\/egov\.kz\)/);
    await expect(user.pressButton('Site')).rejects.toThrow(/sends no callback_data/);
  });

  it('delivers a document the bot sends, and the same file again by its file_id', async () => {
    const server = await serve();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 1)]);
    launch(server, (bot) => {
      bot.command('pdf', async (ctx) => {
        await ctx.sendChatAction('upload_document');
        const sent = await ctx.replyWithDocument({ source: pdf, filename: 'Анықтама №7.pdf' }, { caption: 'Анықтамаңыз дайын' });
        await ctx.replyWithDocument(sent.document.file_id);
      });
    });
    const user = server.user(704);
    await user.sendCommand('pdf');
    await user.waitForMessage((m) => m.document !== undefined && m.caption === undefined);
    expect(user.actions).toEqual(['upload_document']);
    expect(user.documents.map((d) => [d.fileName, d.mimeType, d.caption, sha(d.bytes)])).toEqual([
      ['Анықтама №7.pdf', 'application/pdf', 'Анықтамаңыз дайын', sha(pdf)],
      ['Анықтама №7.pdf', 'application/pdf', undefined, sha(pdf)],
    ]);
    const upload = server.callsOf('sendDocument')[0]!.params.document;
    expect(upload).toMatchObject({ filename: 'Анықтама №7.pdf', mimeType: 'application/pdf', size: pdf.length });
  });

  it('lets the bot download a photo the user sent through getFileLink', async () => {
    const server = await serve();
    launch(server, (bot) => {
      bot.on(message('photo'), async (ctx) => {
        const largest = ctx.message.photo.at(-1)!;
        const link = await ctx.telegram.getFileLink(largest.file_id);
        const bytes = new Uint8Array(await (await fetch(link)).arrayBuffer());
        await ctx.reply(`${largest.width}x${largest.height} ${ctx.message.photo.length} ${sha(bytes)} ${ctx.message.caption}`);
      });
    });
    const user = server.user(705);
    const picture = png(1600, 1200);
    await user.sendPhoto(picture, { caption: 'паспорт' });
    const reply = await user.waitForMessage();
    expect(reply.text).toBe(`1600x1200 4 ${sha(picture)} паспорт`);
  });

  it('refuses getFile for a file over the download limit, and unknown file ids', async () => {
    const server = await serve({ maxDownloadBytes: 1000 });
    const user = server.user(706);
    await user.sendDocument(new Uint8Array(2000), 'big.pdf', 'application/pdf');
    await user.sendDocument(new Uint8Array(500), 'small.pdf', 'application/pdf');
    const [big, small] = ((await client(server).getUpdates(0, 10, 0, undefined)) as { message: { document: { file_id: string } } }[]).map((u) => u.message.document.file_id);
    expect((await refusal(client(server).getFile(big!))).description).toBe('Bad Request: file is too big');
    expect((await client(server).getFile(small!)).file_size).toBe(500);
    expect((await refusal(client(server).getFile('nonsense'))).description).toBe('Bad Request: invalid file_id');
  });

  it('turns a request_contact button into the user sharing their own number, and a removed keyboard cannot be pressed', async () => {
    const server = await serve();
    launch(server, (bot) => {
      bot.start((ctx) => ctx.reply('Нөміріңізді жіберіңіз', Markup.keyboard([[Markup.button.contactRequest('Нөмірді жіберу')], ['Бас тарту']]).oneTime().resize()));
      bot.on(message('contact'), (ctx) => ctx.reply(`own=${ctx.message.contact.user_id === ctx.from.id} ${ctx.message.contact.phone_number}`, Markup.removeKeyboard()));
    });
    const user = server.user(707, { phone: '+77015550707' });
    await user.sendCommand('start');
    const ask = await user.waitForMessage('Нөміріңізді');
    expect(ask.replyButtons).toEqual([[{ text: 'Нөмірді жіберу', requestContact: true }], [{ text: 'Бас тарту' }]]);
    await user.pressReplyButton('Нөмірді жіберу');
    const thanks = await user.waitForMessage(/^own=/);
    expect(thanks).toMatchObject({ text: 'own=true +77015550707', removeKeyboard: true });
    await expect(user.pressReplyButton('Бас тарту')).rejects.toThrow(/no reply keyboard is shown/);
    await user.shareContact('+77017777777', { own: false });
    expect((await user.waitForMessage('+77017777777')).text).toBe('own=false +77017777777');
  });
});

describe('Bot API rules the server enforces', () => {
  it('refuses a message over 4096 characters but counts HTML text without its tags', async () => {
    const server = await serve();
    server.user(710);
    const telegram = client(server);
    expect((await refusal(telegram.sendMessage(710, 'ә'.repeat(4097)))).description).toBe('Bad Request: message is too long');
    await telegram.sendMessage(710, 'ә'.repeat(4096));
    const sent = await telegram.sendMessage(710, `<b>${'ә'.repeat(4090)}</b> &lt;ok&gt;`, { parse_mode: 'HTML' });
    expect(sent.text.endsWith(' <ok>')).toBe(true);
    expect(sent.text).toHaveLength(4095);
  });

  it("refuses malformed HTML the way Telegram does: can't parse entities", async () => {
    const server = await serve();
    server.user(711);
    const send = (text: string) => refusal(client(server).sendMessage(711, text, { parse_mode: 'HTML' }));
    expect((await send('<b>bold')).description).toBe(`Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`);
    expect((await send('line<br>next')).description).toBe(`Bad Request: can't parse entities: Unsupported start tag "br" at byte offset 4`);
    expect((await send('<b>x</i>')).description).toMatch(/^Bad Request: can't parse entities: Unmatched end tag at byte offset 4/);
    expect((await send('a < b')).description).toMatch(/^Bad Request: can't parse entities: /);
    expect((await client(server).sendMessage(711, 'a < b')).text).toBe('a < b');
  });

  it('refuses unknown chats, empty text and an edit that changes nothing', async () => {
    const server = await serve();
    server.user(712);
    const telegram = client(server);
    expect((await refusal(telegram.sendMessage(999, 'hi'))).description).toBe('Bad Request: chat not found');
    expect((await refusal(telegram.sendMessage(712, '   '))).description).toBe('Bad Request: message text is empty');
    const keyboard = Markup.inlineKeyboard([Markup.button.callback('A', 'a')]);
    const sent = await telegram.sendMessage(712, 'Same', keyboard);
    const same = await refusal(telegram.editMessageText(712, sent.message_id, undefined, 'Same', keyboard));
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    await telegram.editMessageReplyMarkup(712, sent.message_id, undefined, Markup.inlineKeyboard([Markup.button.callback('B', 'b')]).reply_markup);
    expect(server.user(712).lastMessage()?.inlineButtons).toEqual([[{ text: 'B', data: 'b' }]]);
    await telegram.deleteMessage(712, sent.message_id);
    expect(server.user(712).messages).toEqual([]);
    expect((await refusal(telegram.deleteMessage(712, sent.message_id))).description).toBe('Bad Request: message to delete not found');
  });

  it('answers sends to a user who blocked the bot with 403', async () => {
    const server = await serve();
    const user = server.user(713);
    await user.blockBot();
    const blocked = await refusal(client(server).sendMessage(713, 'Your certificate is ready'));
    expect([blocked.code, blocked.description]).toEqual([403, 'Forbidden: bot was blocked by the user']);
    await user.unblockBot();
    await client(server).sendMessage(713, 'Your certificate is ready');
    expect(user.lastMessage()?.text).toBe('Your certificate is ready');
  });

  it('keeps commands per scope and language', async () => {
    const server = await serve();
    const telegram = client(server);
    await telegram.setMyCommands([{ command: 'start', description: 'Бастау' }], { language_code: 'kk' });
    await telegram.setMyCommands([{ command: 'start', description: 'Начать' }], { language_code: 'ru', scope: { type: 'all_private_chats' } });
    expect(await telegram.getMyCommands({ language_code: 'kk' })).toEqual([{ command: 'start', description: 'Бастау' }]);
    expect(await telegram.getMyCommands({})).toEqual([]);
    expect(server.myCommands({ type: 'all_private_chats' }, 'ru')).toEqual([{ command: 'start', description: 'Начать' }]);
    expect((await refusal(telegram.setMyCommands([{ command: 'Start', description: 'x' }]))).description).toBe('Bad Request: BOT_COMMAND_INVALID');
  });
});

describe('updates: long polling and webhooks', () => {
  it('holds a getUpdates without updates until its timeout, and answers at once when one arrives', async () => {
    const server = await serve();
    const telegram = client(server);
    let started = Date.now();
    expect(await telegram.getUpdates(2, 100, 0, undefined)).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);

    started = Date.now();
    const poll = telegram.getUpdates(30, 100, 0, undefined);
    setTimeout(() => void server.user(720).sendText('hello'), 100);
    const updates = (await poll) as { message: { text: string } }[];
    expect(updates.map((u) => u.message.text)).toEqual(['hello']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('confirms updates below the offset and never delivers them again; limit caps a batch', async () => {
    const server = await serve();
    const telegram = client(server);
    const user = server.user(721);
    const ids = [await user.sendText('one'), await user.sendText('two'), await user.sendText('three')];
    const texts = (updates: unknown[]) => (updates as { message: { text: string } }[]).map((u) => u.message.text);
    expect(texts(await telegram.getUpdates(0, 100, 0, undefined))).toEqual(['one', 'two', 'three']);
    expect(texts(await telegram.getUpdates(0, 2, 0, undefined))).toEqual(['one', 'two']);
    expect(texts(await telegram.getUpdates(0, 100, ids[1]!, undefined))).toEqual(['two', 'three']);
    expect(texts(await telegram.getUpdates(0, 100, 0, undefined))).toEqual(['two', 'three']);
    expect(await telegram.getUpdates(0, 100, ids[2]! + 1, undefined)).toEqual([]);
  });

  it('ends a waiting getUpdates with 409 Conflict when a second poller takes over', async () => {
    const server = await serve();
    const first = refusal(client(server).getUpdates(30, 100, 0, undefined));
    // The first poll is held once its parameters are read.
    while (server.callsOf('getUpdates')[0]?.params.timeout === undefined) await new Promise((tick) => setTimeout(tick, 5));
    const second = client(server).getUpdates(0, 100, 0, undefined);
    const conflict = await first;
    expect([conflict.code, conflict.description]).toEqual([409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running']);
    expect(await second).toEqual([]);
  });

  it('posts updates to a webhook with the secret token header, retries a failed delivery, and refuses getUpdates meanwhile', async () => {
    const server = await serve({ webhookRetryMs: 20 });
    const hook = await webhookReceiver((n) => (n === 1 ? { status: 500 } : { status: 200 }));
    const telegram = client(server);
    await telegram.setWebhook(hook.url, { secret_token: 'kzo_s3cret-1' });
    expect(server.webhook).toEqual({ url: hook.url, secretToken: 'kzo_s3cret-1' });
    await server.user(722).sendText('via webhook');
    await hook.until(2);
    expect(hook.received.map((r) => (r.update.message as { text: string }).text)).toEqual(['via webhook', 'via webhook']);
    expect(hook.received.every((r) => r.headers['x-telegram-bot-api-secret-token'] === 'kzo_s3cret-1')).toBe(true);
    const info = await telegram.getWebhookInfo();
    expect(info).toMatchObject({ url: hook.url, pending_update_count: 0, last_error_message: 'Wrong response from the webhook: 500 Internal Server Error' });
    expect((await refusal(telegram.getUpdates(0, 100, 0, undefined))).code).toBe(409);
    await telegram.deleteWebhook();
    expect(server.webhook).toBeNull();
  });

  it('runs a method call that a webhook gives in its answer', async () => {
    const server = await serve();
    const user = server.user(723);
    const hook = await webhookReceiver(() => ({ status: 200, body: { method: 'sendMessage', chat_id: 723, text: 'answered in the webhook reply' } }));
    await client(server).setWebhook(hook.url);
    const answered = server.waitForCall('sendMessage');
    await user.sendText('hi');
    expect(await answered).toMatchObject({ ok: true, viaWebhookReply: true, params: { chat_id: 723 } });
    expect(user.lastMessage()?.text).toBe('answered in the webhook reply');
  });
});

describe('failures the bot must survive', () => {
  it('surfaces an injected 429 as a TelegramError with retry_after, then works again', async () => {
    const server = await serve();
    server.user(730);
    const telegram = client(server);
    server.failNext('sendMessage', 2, { code: 429, retryAfter: 3 });
    for (let i = 0; i < 2; i++) {
      const error = await refusal(telegram.sendMessage(730, 'hi'));
      expect([error.code, error.parameters?.retry_after, error.description]).toEqual([429, 3, 'Too Many Requests: retry after 3']);
    }
    await telegram.sendMessage(730, 'hi');
    server.failNext('sendDocument', 1, { code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' });
    expect((await refusal(telegram.sendDocument(730, 'x'))).code).toBe(400);
    expect(server.callsOf('sendMessage').map((c) => c.errorCode)).toEqual([429, 429, undefined]);
  });

  it('applies flood control when limits are set: a second message into one chat within a second gets 429', async () => {
    const server = await serve({ limits: { perChatPerSecond: 1 } });
    server.user(731);
    server.user(732);
    const telegram = client(server);
    await telegram.sendMessage(731, 'first');
    const flood = await refusal(telegram.sendMessage(731, 'second'));
    expect(flood.code).toBe(429);
    expect(flood.parameters?.retry_after).toBeGreaterThanOrEqual(1);
    await telegram.sendMessage(732, 'another chat is not held back');
  });

  it('drops every connection while unreachable, so calls fail with a network error rather than an API error', async () => {
    const server = await serve();
    const telegram = client(server);
    server.setUnreachable(true);
    const error = await telegram.getMe().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TelegramError);
    expect(error?.name).toBe('FetchError');
    expect(server.calls.at(-1)).toMatchObject({ method: 'getMe', dropped: true });
    server.setUnreachable(false);
    expect((await telegram.getMe()).username).toBe(server.botInfo.username);
  });

  it('answers a wrong token with 401 and an unknown method with 404', async () => {
    const server = await serve();
    const stranger = await refusal(client(server, '999:WRONG').getMe());
    expect([stranger.code, stranger.description]).toEqual([401, 'Unauthorized']);
    const unknown = await refusal(client(server).callApi('sendTelepathy' as never, {} as never));
    expect([unknown.code, unknown.description]).toEqual([404, 'Not Found']);
  });

  it('tells what the chat holds when an awaited message never comes', async () => {
    const server = await serve();
    const user = server.user(733);
    await client(server).sendMessage(733, 'Өтінішіңіз қабылданды', Markup.inlineKeyboard([Markup.button.callback('Күйі', 'status')]));
    await expect(user.waitForMessage('дайын', 50)).rejects.toThrow(/#1: "Өтінішіңіз қабылданды"  \[Күйі → status\]/);
  });
});
