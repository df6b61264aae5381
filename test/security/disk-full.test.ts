import { cp, readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../src/core/i18n/catalogue.js';
import type { Request } from '../../src/core/request.js';
import { CliContext } from '../../src/cli/context.js';
import type { Io } from '../../src/cli/io.js';
import { unlockKey, DEMO_KEY_PASSPHRASE } from '../../src/documents/keys.js';
import type { Store } from '../../src/store/port.js';
import type { RequestService } from '../../src/app/requests.js';
import { NOW, TempDirs, seededDir } from '../cli/helpers.js';
import { isRoot, mountTmpfs, NEEDS_ROOT, type Tmpfs } from './tmpfs.js';

/**
 * Findings 2026-12-rel B1: a clerk's signed decision on a full disk. Here the application services
 * run in this process on a real full tmpfs; disk-full-serve.test.ts drives the real `serve` over SSH.
 */
const dirs = new TempDirs();
let template: string;
let fs: Tmpfs | null = null;

beforeAll(async () => {
  if (!isRoot) return;
  template = await seededDir(dirs);
  fs = mountTmpfs('full-app');
});
afterAll(() => {
  fs?.unmount();
  dirs.removeAll();
});

function io(): Io & { errors: string[] } {
  const errors: string[] = [];
  return { out: () => undefined, err: (text) => errors.push(text), writeBinary: () => undefined, env: { ANYQTAMA_NOW: NOW }, errors };
}

/** Every decision's PDFs are on disk: no request points at a file that is not there. */
async function everyDocumentStored(store: Store): Promise<number> {
  let checked = 0;
  for await (const request of store.scanRequests()) {
    for (const hash of Object.values(request.decision?.document?.files ?? {})) {
      expect(await store.getBlob(hash), `${request.number}: ${hash}`).not.toBeNull();
      checked += 1;
    }
  }
  return checked;
}

async function inWork(service: RequestService): Promise<Request> {
  const page = await service.list({ states: ['IN_WORK'], office: 'kzo-archives', limit: 1 });
  const found = await service.find(page.items[0]!.number!);
  if (!found.ok) throw new Error('no request in work');
  return found.value;
}

describe.skipIf(!isRoot)(`a signed decision on a full disk, in process (${NEEDS_ROOT})`, () => {
  it('is refused with the kk/ru message, the request unchanged and no request pointing at a missing PDF; after freeing space it is made', async () => {
    const disk = fs!;
    await cp(template, disk.data, { recursive: true });
    const ctx = new CliContext(io(), 'kk', false, disk.data, 'test');
    const opened = await ctx.open();
    if (!opened.ok) throw new Error(render('en', opened.error.message));
    const { service, store } = opened.value;
    try {
      const user = (await store.getUser('kzo-clerk'))!;
      const credential = unlockKey(user, DEMO_KEY_PASSPHRASE);
      if (!credential.ok) throw new Error('demo key');
      const actor = { login: user.login, role: user.role, fullName: user.fullName, organisationId: user.organisationId!, iin: user.iin! };
      const before = await inWork(service);
      const blobs = async () => { let n = 0; for await (const _ of store.scanBlobs()) n++; return n; };
      const blobsBefore = await blobs();

      await disk.fill();
      const refusal = { action: 'refuse' as const, actor, channel: 'office' as const, reasons: ['R9'], note: 'Сұратылған кезеңнің құжаттары мұрағатқа түспеген', credential: credential.value };
      const refused = await service.actOn(before, refusal);
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.error.code).toBe('STORE_FAILED');
      expect(render('kk', refused.error.message)).toBe('Серверде бос орын қалмады: шешім сақталмады. Әкімшіге хабарлаңыз.');
      expect(render('ru', refused.error.message)).toBe('На сервере закончилось место: решение не сохранено. Сообщите администратору.');
      // The request as it was, in memory and on disk; no PDF half-written, none pointed at.
      expect((await service.find(before.number!)).ok && (await store.get(before.id))).toEqual(before);
      expect(await blobs()).toBe(blobsBefore);
      expect(await everyDocumentStored(store)).toBeGreaterThan(0);
      // Reads go on.
      expect((await service.lookup(before.number!)).ok).toBe(true);
      expect((await service.list({ office: 'kzo-archives', limit: 100 })).total).toBeGreaterThan(0);

      // A take (no signature) on another request is "the change was not saved"; a registration "not registered".
      const other = (await service.list({ states: ['SUBMITTED'], office: 'kzo-archives', limit: 1 })).items[0]!;
      const taken = await service.act(other.number!, { action: 'take', actor, channel: 'office' });
      expect(!taken.ok && render('kk', taken.error.message)).toBe('Серверде бос орын қалмады: өзгеріс сақталмады. Әкімшіге хабарлаңыз.');
      expect((await store.get(other.id))!.version).toBe(other.version);

      await disk.free();
      const made = await service.actOn(before, refusal);
      expect(made.ok).toBe(true);
      expect((await store.get(before.id))!.state).toBe('REFUSED');
      expect(await everyDocumentStored(store)).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    // What the disk kept is what was acknowledged: reopened, the refusal is there and nothing else changed.
    const again = await new CliContext(io(), 'kk', false, disk.data, 'test').open();
    if (!again.ok) throw new Error(render('en', again.error.message));
    try {
      const page = await again.value.service.list({ states: ['REFUSED'], office: 'kzo-archives', limit: 100 });
      expect(page.total).toBeGreaterThan(0);
      expect(await everyDocumentStored(again.value.store)).toBeGreaterThan(0);
    } finally {
      await again.value.store.close();
    }
    // store.lock itself stays (a flock's file is never unlinked); no temp file beside it.
    expect((await readdir(disk.data)).filter((n) => n.startsWith('store.lock.'))).toEqual([]);
  });
});
