import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotApiServer, type BotApiServer } from '../../bench/telegram/server.js';
import { cli, json, seededDir, TempDirs } from '../cli/helpers.js';
import { startServe } from '../ssh/helpers.js';

/** `anyqtama serve` as an office runs it: the compiled command, its bot pointed at the local Bot API server by the environment. */
const dirs = new TempDirs();
let seeded: string;
let telegram: BotApiServer;

beforeAll(async () => {
  seeded = await seededDir(dirs);
  telegram = await startBotApiServer();
});
afterAll(async () => {
  await telegram.close();
  dirs.removeAll();
});

const lines = (stdout: string) => stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('anyqtama serve with a bot token', () => {
  it('runs the bot beside SSH from ANYQTAMA_TELEGRAM_TOKEN and ANYQTAMA_TELEGRAM_API_ROOT, and stops cleanly', async () => {
    const dir = dirs.copy(seeded);
    const status = json(await cli(['status', '26-000001-9', '--json', '--as', 'admin', '--data-dir', dir]));
    const digits = String(status.applicant.iin).slice(-4);
    const serve = await startServe(dir, { env: { ANYQTAMA_TELEGRAM_TOKEN: telegram.token, ANYQTAMA_TELEGRAM_API_ROOT: telegram.apiRoot } });
    await expect.poll(() => lines(serve.stdout()).find((l) => 'bot' in l), { timeout: 20_000 }).toMatchObject({ bot: telegram.botInfo.username, mode: 'polling' });

    const citizen = telegram.user(7001, { languageCode: 'ru' });
    const choice = citizen.waitForMessage(/Выберите язык/);
    await citizen.sendCommand('start', 'status_26-000001-9');
    await choice;
    const ask = citizen.waitForMessage(/последние 4 цифры ИИН/);
    await citizen.pressButton('lang:ru');
    await ask;
    const card = citizen.waitForMessage(/Статус:/);
    await citizen.sendText(digits);
    expect((await card).text).toContain('26-000001-9');
    expect(telegram.myCommands(undefined, 'kk').length).toBeGreaterThan(3);

    const stopped = await serve.stop();
    expect(stopped.code).toBe(0);
    expect(lines(stopped.stdout).at(-1)).toMatchObject({ stopped: true });
  });

  it('keeps SSH running and says so when Telegram cannot be reached', async () => {
    const dir = dirs.copy(seeded);
    const serve = await startServe(dir, { env: { ANYQTAMA_TELEGRAM_TOKEN: telegram.token, ANYQTAMA_TELEGRAM_API_ROOT: 'http://127.0.0.1:9' } });
    await expect.poll(() => lines(serve.stdout()).find((l) => 'bot' in l), { timeout: 20_000 }).toMatchObject({ bot: 'unreachable' });
    expect(serve.port).toBeGreaterThan(0);
    expect((await serve.stop()).code).toBe(0);
  });

  it('keeps the bot off in webhook mode without a secret and runs the rest; a malformed --webhook is named', async () => {
    const dir = dirs.copy(seeded);
    const serve = await startServe(dir, { env: { ANYQTAMA_TELEGRAM_TOKEN: telegram.token, ANYQTAMA_LANG: 'kk' }, args: ['--webhook', 'https://bot.example.kz/tg'] });
    await expect.poll(() => lines(serve.stdout()).find((l) => 'bot' in l), { timeout: 20_000 }).toEqual({ bot: 'off', reason: 'secret' });
    expect((await serve.stop()).code).toBe(0);
    const text = await cli(['serve', '--webhook', 'not a url', '--data-dir', dir], { env: { ANYQTAMA_TELEGRAM_TOKEN: telegram.token } });
    expect(text.code).not.toBe(0);
    expect(text.stderr).toMatch(/--webhook/);
  });
});
