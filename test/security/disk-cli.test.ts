import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TempDirs, cli, exampleFiles, expectExit, expectNoCrash, json, seededDir } from '../cli/helpers.js';
import { isRoot, mountTmpfs, NEEDS_ROOT, type Tmpfs } from './tmpfs.js';

/**
 * Findings 2026-12-rel m1: on a full disk every CLI command, reads too, died with a stack trace and
 * left `store.lock.<pid>.<hex>` files behind. Reads must answer; a write says the kk/ru message.
 */
const dirs = new TempDirs();
let template: string;
let archiveExample: string;
let fs: Tmpfs | null = null;

beforeAll(async () => {
  if (!isRoot) return;
  template = await seededDir(dirs);
  archiveExample = (await exampleFiles(dirs.make('examples')))['archive-certificate'];
  fs = mountTmpfs('full-cli');
  await cp(template, fs.data, { recursive: true });
  // One open first: its start-up tidying (old index generations) would free space on the full disk.
  expectExit(await cli(['list'], { dataDir: fs.data }), 0);
  // And no clean-shutdown marker: an open removes it (the run is unclean until it closes), and the
  // page that frees would hold the first request written on the "full" disk.
  await rm(join(fs.data, 'index', 'clean'), { force: true });
  await fs.fill();
});
afterAll(() => {
  fs?.unmount();
  dirs.removeAll();
});

// store.lock itself stays (the flock's file is never unlinked); the old lock's temp files must not appear.
const lockLeftovers = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('store.lock.'));

describe.skipIf(!isRoot)(`the command line on a full disk (${NEEDS_ROOT})`, () => {
  it('submit says the kk/ru full-disk message, exit ≠ 0, no stack trace; nothing registered', async () => {
    const data = fs!.data;
    const submit = (lang: string) => cli(['submit', '--service', 'archive-certificate', '--channel', 'bot', '--office', 'kzo-archives', '--data', archiveExample, '--lang', lang], { dataDir: data });
    const kk = await submit('kk');
    expect(kk.code).not.toBe(0);
    expectNoCrash(kk);
    expect(kk.stderr).toMatch(/^Серверде бос орын қалмады: .+ Әкімшіге хабарлаңыз\.$/m);
    const ru = await submit('ru');
    expect(ru.code).not.toBe(0);
    expectNoCrash(ru);
    expect(ru.stderr).toMatch(/^На сервере закончилось место: .+ Сообщите администратору\.$/m);
    console.log(`submit on a full disk: exit ${kk.code}\n  kk: ${kk.stderr.trim()}\n  ru: ${ru.stderr.trim()}`);
  });

  it('status and list never print a stack trace, whichever lock is in place', async () => {
    const data = fs!.data;
    for (const args of [['list', '--json'], ['status', '26-000001-9']]) {
      const r = await cli(args, { dataDir: data });
      expectNoCrash(r);
      if (r.code !== 0) expect(`${r.stdout}${r.stderr}`).toMatch(/Серверде бос орын қалмады|Сервер дискіге жаза алмады/);
    }
  });

  it('status and list answer normally and leave no store.lock.* files (the flock writes no temp file)', async () => {
    const data = fs!.data;
    const list = await cli(['list', '--json'], { dataDir: data });
    expectExit(list, 0);
    const items = json<Array<{ number: string }>>(list);
    expect(items.length).toBeGreaterThan(0);
    const status = await cli(['status', items[0]!.number], { dataDir: data });
    expectExit(status, 0);
    expect(status.stdout).toContain(items[0]!.number);
    const submit = await cli(['submit', '--service', 'archive-certificate', '--channel', 'bot', '--office', 'kzo-archives', '--data', archiveExample], { dataDir: data });
    expect(submit.stderr).toContain('Серверде бос орын қалмады: өтініш тіркелмеді. Әкімшіге хабарлаңыз.');
    expect((await cli(['list', '--json'], { dataDir: data })).stdout).toBe(list.stdout);
    expect(await lockLeftovers(data)).toEqual([]);
  });
});
