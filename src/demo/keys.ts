import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_KEY_PASSPHRASE, registerKey } from '../documents/keys.js';
import { makeDemoPki } from '../documents/pki/demo.js';
import { loadTrustStore } from '../documents/pki/trust.js';
import { ok, type DomainError, type Result } from '../core/result.js';
import type { UserStore } from '../store/port.js';
import { DEMO_USERS } from './users.js';

/**
 * Gives every demo member of staff who decides requests a signing key: a demo CA made on this
 * machine (its private key never leaves DATA_DIR/pki), trusted by this data directory only, with an
 * empty revocation list, and a PKCS#12 file per clerk opened with the published demo passphrase.
 */
export async function seedDemoKeys(store: UserStore, dataDir: string, now: Date): Promise<Result<number, DomainError>> {
  const signers = DEMO_USERS.filter((u) => u.role === 'clerk' && u.iin);
  const pkiDir = join(dataDir, 'pki');
  // Issued as if a year ago: the demo's decisions are dated up to a few months back, and each is
  // checked against the certificate's validity at its own moment, as a real one would be.
  const issuedAt = new Date(now.getTime() - 365 * 86_400_000);
  const made = await makeDemoPki(pkiDir, signers.map((u) => ({ login: u.login, fullName: u.fullName, iin: u.iin! })), DEMO_KEY_PASSPHRASE, issuedAt);
  const { store: trust } = await loadTrustStore([join(pkiDir, 'trusted')]);
  for (const key of made.keys) {
    const user = await store.getUser(key.login);
    if (!user) continue;
    const registered = await registerKey(store, {
      user, p12: await readFile(key.p12Path), fileName: `${key.login}.p12`, passphrase: DEMO_KEY_PASSPHRASE,
      registeredBy: 'demo', now, trust, demo: true,
    });
    if (!registered.ok) return registered;
  }
  return ok(made.keys.length);
}
