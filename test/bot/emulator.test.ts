import { afterEach, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/core/calendar/dates.js';
import type { Actor } from '../../src/core/request.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { hasButton, startEmulatorWorld, type EmulatedCitizen, type EmulatorWorld, type SeenMessage } from './emulator/world.js';

/*
 * The citizen bot against telegram-test-api, a Bot API emulator we did not write: the flows it can
 * carry (text, commands, inline buttons with editMessageText, a contact message). Documents, photos
 * and chat actions are beyond it (no sendDocument/getFile/sendChatAction); citizen.test.ts covers
 * those against our own server. Webhook mode: its getUpdates ignores `timeout`, so telegraf's
 * polling would ask thousands of times a second.
 */

const clerk: Actor = { login: 'kzo-clerk', role: 'clerk', organisationId: 'kzo-archives', fullName: 'Серікбаева Динара' };

let world: EmulatorWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** The emulator does not send X-Telegram-Bot-Api-Secret-Token, so the flows run with the webhook's secret check off. */
const withoutSecret = () => startEmulatorWorld({ secret: '' });

const buttons = (m: SeenMessage) => m.inline.flat().map((b) => b.data);
const last = (replies: readonly SeenMessage[]): SeenMessage => replies.at(-1)!;

/** /start, then Kazakh: returns the menu. */
async function chooseKazakh(citizen: EmulatedCitizen): Promise<SeenMessage> {
  const greeting = last(await citizen.command('/start', hasButton('lang:kk')));
  return last(await citizen.press(greeting, 'lang:kk', hasButton('svc:archive-certificate')));
}

describe('the citizen bot through telegram-test-api', () => {
  it('greets in both languages, asks the language, marks the choice on that message and shows the bot\'s services as buttons', async () => {
    world = await withoutSecret();
    const citizen = world.citizen(1001);

    const [greeting, ...more] = await citizen.command('/start', hasButton('lang:kk'));
    expect(more).toEqual([]);
    expect(greeting!.text).toContain('Тілді таңдаңыз.');
    expect(greeting!.text).toContain('Выберите язык.');
    expect(greeting!.inline).toEqual([[{ text: 'Қазақша', data: 'lang:kk' }, { text: 'Русский', data: 'lang:ru' }]]);

    const replies = await citizen.press(greeting!, 'lang:kk', hasButton('svc:archive-certificate'));
    const menu = last(replies);
    // editMessageText reached the emulator: the language message now says what was chosen.
    const edited = (await citizen.messages()).find((m) => m.messageId === greeting!.messageId)!;
    expect(edited.text).toBe('✓ Тіл: қазақша');
    expect(menu.text).toMatch(/^Қандай қызмет керек\?/);
    expect(menu.inline.slice(0, 6).map((row) => row.map((b) => b.text))).toEqual([
      ['Мұрағаттық анықтама'],
      ['Жұмыссыз азаматқа анықтама'],
      ['Үйде оқитын мүгедек балаға көмек'],
      ['Кәмелетке толмағанның салымы, мұрасы'],
      ['Кәмелетке толмағанның мүлкімен мәміле'],
      ['Қорғаншылық туралы анықтама'],
    ]);
    expect(buttons(menu).slice(6)).toEqual(['my', 'st', 'help', 'lang']);
    expect((await world.store.getChat(1001))!.lang).toBe('kk');
  });

  it('/help gives the offices\' phones and the 1414 call-centre', async () => {
    world = await withoutSecret();
    const citizen = world.citizen(1002);
    await chooseKazakh(citizen);

    const help = last(await citizen.command('/help', hasButton('menu')));
    expect(help.text).toContain('Анықтама телефондары:');
    expect(help.text).toContain('• «Қызылорда облысының мұрағаттар мен құжаттама басқармасы» ММ: 8 (7242) 263913');
    expect(help.text).toContain('Электрондық үкіметтің байланыс орталығы: 1414 (ҚР ішінде тегін).');
  });

  it('/status with a number asks the IIN\'s last 4 digits, refuses wrong ones and shows the card for the right ones', async () => {
    world = await withoutSecret();
    const answers = exampleAnswers('archive-certificate') as { applicant: { iin: string } };
    const submitted = await world.requests.submit({ serviceId: 'archive-certificate', channel: 'office', answers, actor: clerk, lang: 'kk' });
    if (!submitted.ok) throw new Error(submitted.error.code);
    const number = submitted.value.number!;
    const digits = answers.applicant.iin.slice(-4);
    const wrong = digits === '0000' ? '1111' : '0000';
    const citizen = world.citizen(1003);
    await chooseKazakh(citizen);

    const asked = last(await citizen.command('/status', hasButton('cancel')));
    expect(asked.text).toBe('Өтініш нөмірін жазыңыз, мысалы 26-000123-4.');
    const askDigits = last(await citizen.type(number, hasButton('cancel')));
    expect(askDigits.text).toBe(`№ ${number} өтініші бойынша: өтініш берушінің ЖСН-інің соңғы 4 цифрын жазыңыз (дербес деректерді қорғау үшін).`);

    const refused = last(await citizen.type(wrong, hasButton('cancel')));
    expect(refused.text).toBe('Нөмір мен ЖСН цифрлары сәйкес келмеді. Тексеріп, қайта жазыңыз (қалған әрекет: 4).');
    expect(refused.text).not.toContain(number);

    const card = last(await citizen.type(digits, hasButton('st')));
    expect(card.text.split('\n').slice(0, 4)).toEqual([
      `№ ${number}`,
      'Қызмет: Мұрағаттық анықтама',
      'Ұйым: «Қызылорда облысының мұрағаттар мен құжаттама басқармасы» ММ',
      'Мәртебесі: Түскендер',
    ]);
    // Registered on Friday 20.11.2026: 15 calendar days end on Saturday 05.12, so the next working day.
    expect(formatDate(submitted.value.due!.dueDate)).toBe('07.12.2026');
    expect(card.text).toContain('Нәтиже мерзімі: 07.12.2026 дейін');
    expect(buttons(card)).toEqual(['st', 'menu']);
    expect((await world.store.getChat(1003))!.flow).toBeNull();
  });

  it('starts the archive questionnaire: office, intro, the phone shared as a contact, the first question; /cancel drops it', async () => {
    world = await withoutSecret();
    const citizen = world.citizen(1004);
    const menu = await chooseKazakh(citizen);

    const offices = last(await citizen.press(menu, 'svc:archive-certificate', hasButton('office:kzo-archives')));
    expect(offices.text).toBe('«Мұрағаттық анықтамалар беру» қызметін бірнеше ұйым көрсетеді. Өтінішті қайда жібереміз?');
    expect(buttons(offices)).toContain('cancel');
    const intro = last(await citizen.press(offices, 'office:kzo-archives', hasButton('go')));
    expect(intro.text).toContain('Қайда: «Қызылорда облысының мұрағаттар мен құжаттама басқармасы» ММ');
    const contactAsk = last(await citizen.press(intro, 'go', (m) => m.asksContact));
    expect(contactAsk.text).toMatch(/^Жеке басыңызды растау үшін/);

    // Typing instead of sharing: the bot asks for the button again.
    const again = await citizen.type('87011234567', (m) => m.asksContact);
    expect(again[0]!.text).toBe('Алдымен нөміріңізді «📱 Нөмірімді жіберу» батырмасымен жіберіңіз (немесе /cancel).');

    const shared = await citizen.shareContact('+7 701 123 45 67', hasButton('cancel'));
    expect(shared[0]!.text).toBe('✓ Нөмір расталды: +77011234567');
    expect(shared[0]!.removesKeyboard).toBe(true);
    const first = last(shared);
    expect(buttons(first)).toEqual(expect.arrayContaining(['back', 'cancel']));
    const chat = (await world.store.getChat(1004))!;
    expect(chat.phone).toBe('+77011234567');
    expect(chat.flow).toMatchObject({ kind: 'apply', service: 'archive-certificate', office: 'kzo-archives', stage: 'form' });

    const cancelled = await citizen.command('/cancel', hasButton('svc:archive-certificate'));
    expect(cancelled.map((m) => m.text)).toEqual([
      'Тоқтатылды. Ештеңе жіберілген жоқ, енгізілген жауаптар өшірілді.',
      expect.stringMatching(/^Қандай қызмет керек\?/),
    ]);
    expect((await world.store.getChat(1004))!.flow).toBeNull();
    expect((await world.store.list({})).total).toBe(0);
  });

  it('with a webhook secret the bot refuses the emulator\'s deliveries, which lack Telegram\'s secret header', async () => {
    world = await startEmulatorWorld({ secret: 'a-secret-the-emulator-never-sends' });
    const citizen = world.citizen(1005);
    // server.addUserCommand is what the client's sendCommand route calls, minus the HTTP hop; it
    // awaits the webhook, so the refusal surfaces here rather than as an unhandled rejection.
    await expect(world.server.addUserCommand(citizen.client.makeCommand('/start'))).rejects.toThrow(/status code 403/);
    expect(await world.store.getChat(1005)).toBeNull();
    expect(await citizen.messages()).toEqual([]);
    expect(world.bot.stats.handled).toBe(0);
  });
});
