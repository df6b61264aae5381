import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import { freshSchema, type TestSchema } from '../store/pg-harness.js';
import { cli, expectExit, expectNoCrash, json, seededDir, submitted, TempDirs, writeExamples } from './helpers.js';

const dirs = new TempDirs();
let demo: string;
let examples: ReturnType<typeof writeExamples>;
const schemas: TestSchema[] = [];

beforeAll(async () => {
  demo = await seededDir(dirs);
  examples = writeExamples(dirs.make('examples'));
}, 120_000);
afterAll(async () => {
  dirs.removeAll();
  for (const s of schemas) await s.drop();
});

async function schema(migrated = true): Promise<TestSchema> {
  const made = await freshSchema({ migrated });
  schemas.push(made);
  return made;
}

/**
 * The demo office plus what the demo lacks: a request with a scanned document, and a call-centre
 * look-up in the audit log (besides the line the command line writes for the submission).
 */
async function office(): Promise<string> {
  const dir = dirs.copy(demo);
  const scan = join(dirs.make('scan'), 'scan.pdf');
  writeFileSync(scan, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  await submitted(['--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', examples['archive-certificate'], '--attach', scan], { dataDir: dir });
  expectExit(await cli(['lookup', '26-000003-5', '--as', 'callcentre'], { dataDir: dir }), 0);
  return dir;
}

const copy = (from: string, to: string, ...more: string[]) => cli(['store', 'copy', '--from', from, '--to', to, ...more]);

describe('anyqtama store copy', () => {
  it('moves an office into PostgreSQL with matching checksums, copies nothing new the second time, and brings over a later change', async () => {
    const dir = await office();
    const db = await schema();

    const first = await copy(dir, db.schemaUrl, '--json');
    expectExit(first, 0);
    const report = json(first);
    expect(report.checksum.match).toBe(true);
    expect(report.checksum.target).toBe(report.checksum.source);
    expect(report.nothingNew).toBe(false);
    expect(report.counts.requests.source).toBe(16);
    for (const kind of ['requests', 'events', 'outbox', 'blobs', 'users', 'audit']) {
      expect(report.counts[kind].target, kind).toBe(report.counts[kind].source);
      expect(report.counts[kind].copied, kind).toBe(report.counts[kind].source);
    }
    expect(report.counts.attachments.target).toBe(1);
    expect(report.counts.signatures.target).toBe(4);
    // The command line's submission and the call-centre's look-up.
    expect(report.counts.audit.copied).toBe(2);

    const second = await copy(dir, db.schemaUrl, '--lang', 'ru');
    expectExit(second, 0);
    expect(second.stdout).toContain('Ничего нового не скопировано');
    expect(second.stdout).toContain(`Во встроенном   ${report.checksum.source}`);
    expect(second.stdout).toContain(`В PostgreSQL    ${report.checksum.source}`);
    expect(second.stdout).toContain('Контрольные суммы совпадают');

    // The clerk took a request into work on the old store after the copy: the next copy brings it over.
    const queue = json(await cli(['list', '--state', 'SUBMITTED', '--office', 'kzo-archives', '--json'], { dataDir: dir }));
    const number = queue[0].number as string;
    expectExit(await cli(['act', number, 'take', '--as', 'kzo-clerk'], { dataDir: dir }), 0);
    const third = json(await copy(dir, db.schemaUrl, '--json'));
    expect(third.counts.requests.copied).toBe(1);
    expect(third.counts.events.copied).toBe(1);
    expect(third.checksum.match).toBe(true);
    expect(third.checksum.source).not.toBe(report.checksum.source);
    const status = json(await cli(['status', number, '--json', '--database-url', db.schemaUrl], { dataDir: dir }));
    expect(status.state).toBe('IN_WORK');
  }, 180_000);

  it('leaves a PostgreSQL office that continues the numbering and still verifies the signed documents', async () => {
    const dir = await office();
    const db = await schema();
    expectExit(await cli(['store', 'copy', '--from', dir], { env: { ANYQTAMA_DATABASE_URL: db.schemaUrl } }), 0);
    const onPg = { dataDir: dir, env: { ANYQTAMA_DATABASE_URL: db.schemaUrl } };

    const numbers = (json(await cli(['list', '--json', '--limit', '1000'], { dataDir: dir })) as Array<{ number: string | null }>)
      .map((s) => s.number).filter((n): n is string => n !== null);
    const highest = Math.max(...numbers.map((n) => Number(n.split('-')[1])));
    const next = await submitted(['--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', examples['archive-certificate']], onPg);
    expect(Number(next.number.split('-')[1])).toBe(highest + 1);

    const issued = json(await cli(['list', '--state', 'ISSUED', '--json'], { dataDir: dir }))[0].number as string;
    const pdf = join(dirs.make('pdf'), 'certificate.pdf');
    expectExit(await cli(['pdf', issued, '-o', pdf], onPg), 0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const verified = await cli(['verify', pdf, '--json'], onPg);
    expectExit(verified, 0);
    expect(json(verified)).toMatchObject({ status: 'valid', number: issued });
  }, 180_000);

  it('says the checksums differ, and why, when PostgreSQL changed a request after an earlier copy', async () => {
    const dir = await office();
    const db = await schema();
    expectExit(await copy(dir, db.schemaUrl), 0);
    const number = json(await cli(['list', '--state', 'SUBMITTED', '--office', 'kzo-archives', '--json'], { dataDir: dir }))[0].number as string;
    expectExit(await cli(['act', number, 'take', '--as', 'kzo-clerk', '--database-url', db.schemaUrl], { dataDir: dir }), 0);

    const again = await copy(dir, db.schemaUrl, '--lang', 'ru');
    expectExit(again, 4);
    expectNoCrash(again);
    expect(again.stdout).toContain(`Не изменены: эти заявки после прошлого переноса изменены в PostgreSQL (их версия новее): ${number}.`);
    // PostgreSQL also holds the audit line of that `act` (issue 13), which the embedded store never had.
    expect(again.stderr).toContain('Контрольные суммы не совпадают (заявки, записи аудита)');
    const asJson = json(await copy(dir, db.schemaUrl, '--json'));
    expect(asJson).toMatchObject({ newerInTarget: [number], differs: ['requests', 'audit'], checksum: { match: false }, error: { code: 'CONFLICT' } });
    // Never the reverse: the request stays as PostgreSQL has it.
    expect(json(await cli(['status', number, '--json', '--database-url', db.schemaUrl], { dataDir: dir })).state).toBe('IN_WORK');
  }, 120_000);

  it('refuses an unmigrated database, a store another process holds, and missing or wrong options, saying what to do', async () => {
    const dir = dirs.copy(demo);
    const bare = await schema(false);
    const unmigrated = await copy(dir, bare.schemaUrl);
    expectExit(unmigrated, 1);
    expect(unmigrated.stderr).toContain('anyqtama migrate');
    expectNoCrash(unmigrated);

    const db = await schema();
    const held = await LowdbStore.open({ dataDir: dir, command: 'anyqtama serve' });
    if (!held.ok) throw new Error(held.error.message.key);
    try {
      const locked = await copy(dir, db.schemaUrl, '--lang', 'ru');
      expectExit(locked, 1);
      expect(locked.stderr).toContain(`занято другим процессом: PID ${process.pid}`);
      expect(locked.stderr).toContain('«anyqtama serve»');
    } finally {
      await held.value.close();
    }

    const noFrom = await cli(['store', 'copy', '--to', db.schemaUrl, '--lang', 'ru']);
    expectExit(noFrom, 2);
    expect(noFrom.stderr).toContain('Параметр --from обязателен: папка данных встроенного хранилища');
    const noTo = await cli(['store', 'copy', '--from', dir]);
    expectExit(noTo, 2);
    expect(noTo.stderr).toContain('--to');
    const notPg = await cli(['store', 'copy', '--from', dir, '--to', '/var/lib/anyqtama', '--lang', 'en']);
    expectExit(notPg, 2);
    expect(notPg.stderr).toContain('Bad value for --to: a PostgreSQL address');
    const notStore = await copy(dirs.make('empty'), db.schemaUrl, '--lang', 'en');
    expectExit(notStore, 2);
    expect(notStore.stderr).toContain('is not an embedded store (no store.json)');
    const noSub = await cli(['store', '--from', dir, '--to', db.schemaUrl]);
    expectExit(noSub, 2);
    expect(noSub.stderr).toContain('copy');
    for (const r of [unmigrated, noFrom, noTo, notPg, notStore, noSub]) expectNoCrash(r);
  }, 120_000);
});
