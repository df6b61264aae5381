import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { LowdbStore } from '../../src/store/lowdb/lowdb-store.js';
import type { AuditEntry } from '../../src/store/port.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aq-audit-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function openAt(): Promise<LowdbStore> {
  const opened = await LowdbStore.open({ dataDir: dir, command: 'test' });
  if (!opened.ok) throw new Error(opened.error.message.key);
  return opened.value;
}

const entry = (at: string, subject: string): AuditEntry => ({ at, actor: 'callcentre', role: 'callcentre', kind: 'lookup', subject, outcome: 'found' });

it('a look-up logged after a crash tore the last audit line is kept whole, and the torn line is dropped', async () => {
  let store = await openAt();
  await store.appendAudit(entry('2026-03-20T05:00:00.000Z', 'first'));
  await store.close();
  // The process died in the middle of writing the next line.
  await appendFile(join(dir, 'audit', '2026-03-20.jsonl'), '{"at":"2026-03-20T05:01:00.000Z","actor":"callc');
  store = await openAt();
  await store.appendAudit(entry('2026-03-20T05:02:00.000Z', 'after'));
  await store.close();
  store = await openAt();
  expect((await store.listAudit({})).map((e) => e.subject)).toEqual(['after', 'first']);
  await store.close();
  const lines = (await readFile(join(dir, 'audit', '2026-03-20.jsonl'), 'utf8')).trim().split('\n');
  expect(lines.map((l) => (JSON.parse(l) as AuditEntry).subject)).toEqual(['first', 'after']);
});
