import { execFile, spawnSync } from 'node:child_process';
import { chownSync, cpSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519KeyPair } from '../../src/ssh/host-key.js';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import type { AuditEntry } from '../../src/store/port.js';
import { BIN, cli, expectExit, expectNoCrash, json, NOW, parseCsv, PROJECT, seededDir, TempDirs, writeExamples, type CliResult } from '../cli/helpers.js';

/**
 * The operator model (issue 13, report M7): the command line is the server operator's tool. It
 * runs on an embedded store only as the data folder's owner (or root); every change it makes, and
 * every read of personal data in full, is audited with the OS account and the --as login; full
 * IINs and names only for an --as member of staff allowed to open the request; one admin check.
 */

const dirs = new TempDirs();
let seeded: string;
let work: string;
let examples: ReturnType<typeof writeExamples>;
const FIXTURES = join(PROJECT, 'test', 'fixtures', 'pki');
/** 26-000001-9 in the demo: Kyzylorda archive's request, applicant IIN ending 0010. */
const KZO = '26-000001-9';
// Twelve digits standing alone. Base64 key material and hashes may hold such runs, and so may the
// last group of a random UUID (request and notice ids: "…-8c28-617843425783", one id in ~280):
// those are not IINs.
const IIN12 = /(?<![A-Za-z0-9+/\\]|[0-9a-f]{4}-)\d{12}(?![A-Za-z0-9+/=])/;

beforeAll(async () => {
  seeded = await seededDir(dirs);
  work = dirs.make('work');
  examples = writeExamples(work);
});
afterAll(() => dirs.removeAll());

async function withStore<T>(dir: string, work: (store: LowdbStore) => Promise<T>): Promise<T> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  try {
    return await work(opened.value);
  } finally {
    await opened.value.close();
  }
}

const cliAudit = (dir: string) => withStore(dir, async (s) => [...(await s.listAudit({ kind: 'cli' }))].reverse() as AuditEntry[]);

describe('who may run the command on an embedded store', () => {
  const asNobody = (args: string[], dir: string): Promise<CliResult> => new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args, '--data-dir', dir, '--lang', 'ru'], { uid: 65534, gid: 65534, cwd: '/', env: { PATH: process.env.PATH ?? '', ANYQTAMA_NOW: NOW } }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, pid: child.pid ?? 0 }));
  });
  const root = process.getuid?.() === 0;
  /** A copy of the demo store owned by `nobody`. */
  const nobodysStore = () => {
    const own = dirs.make('nobody');
    cpSync(seeded, own, { recursive: true });
    const chownAll = (d: string) => {
      chownSync(d, 65534, 65534);
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) chownAll(join(d, e.name));
        else chownSync(join(d, e.name), 65534, 65534);
      }
    };
    chownAll(own);
    return own;
  };
  const snapshot = (dir: string) => readdirSync(dir).map((n) => `${n}:${statSync(join(dir, n)).mtimeMs}:${statSync(join(dir, n)).uid}`).sort();
  // Running as `nobody` needs root, and a Node binary and project folder that account can read
  // (a checkout under /root is not): probed, and said when it cannot be done here.
  const nobodyRuns = root && spawnSync(process.execPath, [BIN, 'iin', '850305400010'], { uid: 65534, gid: 65534, cwd: '/' }).status === 0;

  it.skipIf(!nobodyRuns)('another OS account is refused with the owner named; the owner itself is served (needs root and a project folder nobody can read)', async () => {
    const theirs = dirs.copy(seeded);
    const before = snapshot(theirs);
    const refused = await asNobody(['list'], theirs);
    expectExit(refused, 4);
    expectNoCrash(refused);
    expect(refused.stderr).toContain(`Папка данных ${theirs} принадлежит другому пользователю (uid 0)`);
    expect(refused.stderr).toContain('вы — nobody');
    for (const args of [['status', KZO, '--as', 'admin'], ['users', 'password', 'admin', '--as', 'admin'], ['export', '--format', 'csv']]) {
      expectExit(await asNobody(args, theirs), 4);
    }
    // The folder holds no trace of the attempt: nothing was opened (not even the lock file touched).
    expect(snapshot(theirs)).toEqual(before);
    const served = await asNobody(['list', '--limit', '1'], nobodysStore());
    expectExit(served, 0);
  });

  it.skipIf(!root)('root on another account\'s store is refused: what it wrote would be root\'s, and the service could no longer write it (needs root)', async () => {
    const own = nobodysStore();
    const before = snapshot(own);
    const asRoot = await cli(['act', KZO, 'take', '--as', 'kzo-clerk', '--lang', 'ru'], { dataDir: own });
    expectExit(asRoot, 4);
    expectNoCrash(asRoot);
    expect(asRoot.stderr).toContain(`Папка данных ${own} принадлежит другому пользователю (uid 65534)`);
    expect(asRoot.stderr).toContain("sudo -u '#65534' anyqtama");
    expect(snapshot(own)).toEqual(before);
  });
});

describe('every change made from the command line is audited', () => {
  it('with the command, the --as login and its role, the OS account, and whether it was done or refused', async () => {
    const dir = dirs.copy(seeded);
    const os = userInfo().username;
    const pair = ed25519KeyPair('dinara@kzo-archive');
    const pub = join(work, 'dinara.pub');
    writeFileSync(pub, `${pair.public}\n`);
    const number = json(await cli(['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', examples['archive-certificate'], '--json'], { dataDir: dir })).number as string;
    const steps: Array<[string[], Record<string, string>?]> = [
      [['act', number, 'take', '--as', 'kzo-clerk']],
      [['users', 'password', 'kzo-clerk', '--as', 'admin'], { ANYQTAMA_NEW_PASSWORD: 'a-new-password-1' }],
      [['users', 'password', 'admin', '--as', 'kzo-clerk'], { ANYQTAMA_NEW_PASSWORD: 'attacker-pass-123' }],
      [['users', 'key', 'add', 'kzo-clerk', pub, '--as', 'admin']],
      [['users', 'key', 'remove', 'kzo-clerk', '1', '--as', 'admin']],
      [['keys', 'trust', join(FIXTURES, 'ca.pem'), '--as', 'admin']],
      [['keys', 'remove', 'ekb-clerk', '--as', 'admin']],
    ];
    for (const [args, env] of steps) await cli(args, { dataDir: dir, ...(env ? { env } : {}) });
    const audit = await cliAudit(dir);
    expect(audit.map((e) => [e.command, e.actor, e.role, e.subject, e.outcome])).toEqual([
      ['submit', 'kzo-clerk', 'clerk', number, 'done'],
      ['act take', 'kzo-clerk', 'clerk', number, 'done'],
      ['users password', 'admin', 'admin', 'kzo-clerk', 'done'],
      ['users password', 'kzo-clerk', 'clerk', 'admin', 'refused'],
      ['users key add', 'admin', 'admin', 'kzo-clerk', 'done'],
      ['users key remove', 'admin', 'admin', 'kzo-clerk', 'done'],
      ['keys trust', 'admin', 'admin', join(FIXTURES, 'ca.pem'), 'done'],
      ['keys remove', 'admin', 'admin', 'ekb-clerk', 'done'],
    ]);
    for (const e of audit) expect(e).toMatchObject({ kind: 'cli', source: 'cli', osUser: os, at: '2026-11-20T05:00:00.000Z' });
  });

  it('history events made from the command line say so (via cli), beside the channel', async () => {
    const dir = dirs.copy(seeded);
    const submitted = json(await cli(['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', examples['archive-certificate'], '--json'], { dataDir: dir }));
    const taken = json(await cli(['act', submitted.number, 'take', '--as', 'kzo-clerk', '--json'], { dataDir: dir }));
    expect(taken.history.map((e: { channel: string; via?: string }) => [e.channel, e.via])).toEqual([['office', 'cli'], ['office', 'cli']]);
    const text = await cli(['status', submitted.number, '--as', 'kzo-clerk', '--lang', 'ru'], { dataDir: dir });
    expect(text.stdout).toContain('офис услугодателя, cli)');
    // The demo's own history (seeded as the terminal would act) carries no mark.
    const demo = json(await cli(['status', KZO, '--as', 'kzo-clerk', '--json'], { dataDir: dir }));
    expect(demo.history.every((e: { via?: string }) => e.via === undefined)).toBe(true);
  });
});

describe('personal data in full only for a member of staff allowed to open the request', () => {
  it('status: masked without --as and for the call-centre or another office; full for the office\'s clerk and a supervisor, and that read is audited', async () => {
    const dir = dirs.copy(seeded);
    const masked = await cli(['status', KZO, '--json'], { dataDir: dir });
    expectExit(masked, 0);
    const m = json(masked);
    expect(m.masked).toBe(true);
    expect(m.applicant.iin).toBe('••••••••0010');
    expect(m.applicant.fullName).toMatch(/^(\p{Lu}\.\s?)+$/u);
    expect(m.answers).toBeNull();
    expect(masked.stdout).not.toMatch(IIN12);
    expect(masked.stderr).toContain('--as LOGIN');
    for (const login of ['callcentre', 'ast-clerk']) {
      const r = await cli(['status', KZO, '--as', login], { dataDir: dir });
      expectExit(r, 0);
      expect(r.stdout, login).not.toMatch(IIN12);
      expect(r.stdout).toContain('••••••••0010');
    }
    for (const login of ['kzo-clerk', 'supervisor']) {
      const r = json(await cli(['status', KZO, '--as', login, '--json'], { dataDir: dir }));
      expect(r.masked, login).toBeUndefined();
      expect(r.applicant.iin).toMatch(/^\d{12}$/);
    }
    expect((await cliAudit(dir)).map((e) => [e.command, e.actor, e.subject])).toEqual([
      ['status', 'callcentre', KZO], ['status', 'ast-clerk', KZO], ['status', 'kzo-clerk', KZO], ['status', 'supervisor', KZO],
    ]);
    const unknown = await cli(['status', KZO, '--as', 'nobody-here'], { dataDir: dir });
    expectExit(unknown, 3);
  });

  it('export csv and json, and list: masked without --as; a supervisor gets every row in full; a clerk only their office\'s', async () => {
    const dir = dirs.copy(seeded);
    const csv = (r: CliResult) => {
      const [header, ...rows] = parseCsv(r.stdout.replace(/^\uFEFF/, ''));
      const col = header!.indexOf('applicantIin');
      return rows.map((row) => ({ iin: row[col]!, office: row[header!.indexOf('office')]! }));
    };
    const none = await cli(['export', '--format', 'csv'], { dataDir: dir });
    expectExit(none, 0);
    expect(none.stdout).not.toMatch(IIN12);
    expect(csv(none).every((r) => r.iin.startsWith('••••'))).toBe(true);
    expect(none.stderr).toContain('--as LOGIN');
    const all = csv(await cli(['export', '--format', 'csv', '--as', 'supervisor'], { dataDir: dir }));
    expect(all.every((r) => /^\d{12}$/.test(r.iin))).toBe(true);
    const clerk = csv(await cli(['export', '--format', 'csv', '--as', 'kzo-clerk'], { dataDir: dir }));
    for (const r of clerk) expect(/^\d{12}$/.test(r.iin), r.office).toBe(r.office === 'kzo-archives');
    const asJson = await cli(['export', '--format', 'json'], { dataDir: dir });
    expect(asJson.stdout).not.toMatch(IIN12);
    expect(json(asJson).every((d: { masked?: boolean; answers: unknown }) => d.masked === true && d.answers === null)).toBe(true);
    const list = await cli(['list', '--limit', '1000', '--json'], { dataDir: dir });
    expect(list.stdout).not.toMatch(IIN12);
    expect((await cliAudit(dir)).map((e) => [e.command, e.actor])).toEqual([['export csv', 'supervisor'], ['export csv', 'kzo-clerk']]);
  });
});

describe('administrators\' commands', () => {
  /** Every admin command, with the files it needs; each would change something if allowed. */
  function adminCommands(): string[][] {
    const pair = ed25519KeyPair('admin-test');
    const pub = join(work, 'admin-test.pub');
    writeFileSync(pub, `${pair.public}\n`);
    return [
      ['users', 'add', 'new-clerk', '--role', 'clerk', '--name', 'Жаңа Қызметкер', '--office', 'kzo-archives'],
      ['users', 'disable', 'kzo-clerk'],
      ['users', 'password', 'kzo-clerk'],
      ['users', 'key', 'add', 'kzo-clerk', pub],
      ['users', 'key', 'remove', 'kzo-clerk', '1'],
      ['keys', 'add', 'kzo-clerk', join(FIXTURES, 'valid.p12')],
      ['keys', 'remove', 'kzo-clerk'],
      ['keys', 'trust', join(FIXTURES, 'ca.pem')],
      ['keys', 'crl', join(FIXTURES, 'crl.pem')],
    ];
  }

  it('a disabled admin is refused for every one of them, and nothing changes', async () => {
    const dir = dirs.copy(seeded);
    await withStore(dir, async (s) => s.putUser({ ...(await s.getUser('admin'))!, disabled: true }));
    const before = await withStore(dir, async (s) => JSON.stringify(await s.listUsers()));
    const trusted = readdirSync(join(dir, 'pki', 'trusted')).sort();
    for (const args of [...adminCommands(), ['keys', 'list']]) {
      const r = await cli([...args, '--as', 'admin', '--lang', 'ru'], { dataDir: dir, env: { ANYQTAMA_NEW_PASSWORD: 'a-new-password-1', ANYQTAMA_KEY_PASSPHRASE: 'x' } });
      expect(r.code, `${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(4);
      expect(r.stderr).toContain('Пользователь «admin» заблокирован');
    }
    expect(await withStore(dir, async (s) => JSON.stringify(await s.listUsers()))).toBe(before);
    expect(readdirSync(join(dir, 'pki', 'trusted')).sort()).toEqual(trusted);
  });

  it('a clerk is refused for every one of them with one message, and missing --as is named', async () => {
    const dir = dirs.copy(seeded);
    for (const args of adminCommands()) {
      const r = await cli([...args, '--as', 'kzo-clerk'], { dataDir: dir, env: { ANYQTAMA_NEW_PASSWORD: 'a-new-password-1' } });
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.stderr).toContain('Бұл әрекетті тек әкімші (admin) орындайды; kzo-clerk рөлі — clerk.');
      const bare = await cli(args, { dataDir: dir, env: { ANYQTAMA_NEW_PASSWORD: 'a-new-password-1' } });
      expect(bare.code, args.join(' ')).toBe(2);
      expect(bare.stderr).toContain('--as');
    }
  });

  it('keys list: every serial for an admin, only one\'s own for anyone else, and --as is required', async () => {
    const dir = dirs.copy(seeded);
    const logins = (r: CliResult) => json(r).map((row: { login: string }) => row.login);
    const admin = logins(await cli(['keys', 'list', '--as', 'admin', '--json'], { dataDir: dir }));
    expect(admin.length).toBeGreaterThan(1);
    expect(logins(await cli(['keys', 'list', '--as', 'kzo-clerk', '--json'], { dataDir: dir }))).toEqual(['kzo-clerk']);
    const bare = await cli(['keys', 'list'], { dataDir: dir });
    expectExit(bare, 2);
    expect(bare.stderr).toContain('--as');
  });
});
