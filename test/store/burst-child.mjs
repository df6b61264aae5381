// A write burst for the kill -9 test: eight writers create and change requests as fast as the
// store acknowledges, printing "ACK <id> <version>" only after each write was acknowledged.
// Runs the compiled store (npm test builds before testing).
import { randomUUID } from 'node:crypto';
import { LowdbStore } from '../../dist/src/store/lowdb/lowdb-store.js';

const dir = process.argv[2];
// Journal lines between index compactions; small values keep a compaction under way most of the time.
const compactAfter = Number(process.argv[3] ?? 150);
const opened = await LowdbStore.open({ dataDir: dir, command: 'burst', compactAfter });
if (!opened.ok) {
  console.error(JSON.stringify(opened.error));
  process.exit(3);
}
const store = opened.value;
const known = [];
let seq = (await store.list({ limit: 1 })).total;

function request() {
  const now = new Date().toISOString();
  seq += 1;
  return {
    id: randomUUID(), number: `26-${String(seq).padStart(6, '0')}-0`, version: 1, service: 'archive-certificate', channel: 'office',
    lang: 'kk', office: 'kzo-archives', receivedBy: 'kzo-archives', state: 'SUBMITTED',
    applicant: { iin: '850305400010', fullName: 'Нұрланова Айгүл' }, answers: { text: 'x'.repeat(1000) },
    attachments: [], paperDocuments: [], createdAt: now, updatedAt: now, submittedAt: now, submittedOn: now.slice(0, 10),
    due: null, history: [], outbox: [{ id: randomUUID(), kind: 'registered', at: now, state: 'SUBMITTED' }],
  };
}

async function writer() {
  for (;;) {
    if (known.length < 20 || Math.random() < 0.4) {
      const r = request();
      const res = await store.create(r);
      if (res.ok) {
        known.push(r);
        process.stdout.write(`ACK ${r.id} 1\n`);
      }
    } else {
      const i = Math.floor(Math.random() * known.length);
      const r = known[i];
      const next = { ...r, version: r.version + 1, state: 'IN_WORK', updatedAt: new Date().toISOString(),
        history: [...r.history, { seq: r.history.length + 1, at: new Date().toISOString(), by: 'kzo-clerk', role: 'clerk', channel: 'office', action: 'take', from: r.state, to: 'IN_WORK' }] };
      const res = await store.save(next, r.version);
      if (res.ok) {
        known[i] = next;
        process.stdout.write(`ACK ${r.id} ${next.version}\n`);
      }
    }
  }
}

process.stdout.write('READY\n');
await Promise.all(Array.from({ length: 8 }, writer));
