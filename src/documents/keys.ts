import type { Actor } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { SigningKey, User, UserStore } from '../store/port.js';
import { describe as describeCertificate } from './pki/certificate.js';
import { loadPkcs12, type Credential } from './pki/pkcs12.js';
import type { TrustStore } from './pki/trust.js';
import { signatureProblem } from './service.js';

/**
 * Staff signing keys. Each member of staff's PKCS#12 file is kept with their user record exactly
 * as issued, still encrypted: the passphrase is typed (or given by the environment) when they
 * sign, and never stored. Demo keys are opened with the published demo passphrase.
 */

/** The passphrase of every key `anyqtama demo` makes; like the demo password, it is published. */
export const DEMO_KEY_PASSPHRASE = 'anyqtama-demo-key';

function p12Problem(problem: string, file: string): DomainError {
  const key = `documents.p12.${problem}` as const;
  return domainError(problem === 'wrong-passphrase' ? 'FORBIDDEN' : 'VALIDATION', { key: key as 'documents.p12.not-pkcs12', params: { file } });
}

export interface RegisterKey {
  readonly user: User;
  readonly p12: Uint8Array;
  /** Named in messages: the file the admin gave. */
  readonly fileName: string;
  readonly passphrase: string;
  readonly registeredBy: string;
  readonly now: Date;
  readonly trust: TrustStore;
  readonly demo?: boolean;
}

/**
 * Registers a staff certificate for a user after the same checks signing runs (R5): the key opens
 * with the passphrase and matches its certificate, the certificate carries the user's IIN, is
 * valid today, not revoked, and chains to a CA the office trusts.
 */
export async function registerKey(store: UserStore, input: RegisterKey): Promise<Result<SigningKey>> {
  const { user } = input;
  const loaded = loadPkcs12(input.p12, input.passphrase);
  if (!loaded.ok) return fail(p12Problem(loaded.error, input.fileName));
  if (!user.iin) return fail(domainError('VALIDATION', { key: 'documents.staffIinMissing', params: { login: user.login } }));
  const refused = signatureProblem(loaded.value.certificate, user.iin, input.now, input.trust, loaded.value.chain);
  if (refused) return fail(refused);
  const cert = describeCertificate(loaded.value.certificate);
  const signingKey: SigningKey = {
    p12: Buffer.from(input.p12).toString('base64'),
    serial: cert.serial,
    issuer: cert.issuer,
    validTo: cert.validTo,
    fingerprint256: cert.fingerprint256,
    registeredAt: input.now.toISOString(),
    registeredBy: input.registeredBy,
    ...(input.demo ? { demo: true } : {}),
  };
  await store.putUser({ ...user, signingKey });
  return ok(signingKey);
}

/**
 * Where a passphrase may come from, in order: given (the command line reads --passphrase-file with
 * its bounded reader, src/cli/read-limited.ts), the environment, the demo key's published one.
 */
export interface PassphraseSources {
  readonly given?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A passphrase given explicitly (file, then environment), or null when none was. */
export async function givenPassphrase(sources: PassphraseSources): Promise<Result<string> | null> {
  if (sources.given !== undefined) return ok(sources.given);
  const fromEnv = sources.env?.ANYQTAMA_KEY_PASSPHRASE;
  return fromEnv ? ok(fromEnv) : null;
}

export async function passphraseFor(user: User, sources: PassphraseSources): Promise<Result<string>> {
  const given = await givenPassphrase(sources);
  if (given) return given;
  if (user.signingKey?.demo) return ok(DEMO_KEY_PASSPHRASE);
  return fail(domainError('VALIDATION', { key: 'documents.passphraseNeeded', params: { login: user.login } }));
}

/** Opens a user's registered key with a passphrase: the credential a decision is signed with. */
export function unlockKey(user: User, passphrase: string): Result<Credential> {
  if (!user.signingKey) return fail(domainError('GUARD_FAILED', { key: 'documents.keyMissing', params: { login: user.login } }));
  const loaded = loadPkcs12(Buffer.from(user.signingKey.p12, 'base64'), passphrase);
  return loaded.ok ? loaded : fail(p12Problem(loaded.error, `${user.login}.p12`));
}

/** The credential of the member of staff acting, when the action needs a signature. */
export async function credentialFor(store: Pick<UserStore, 'getUser'>, actor: Actor, sources: PassphraseSources): Promise<Result<Credential>> {
  const user = await store.getUser(actor.login);
  if (!user?.signingKey) return fail(domainError('GUARD_FAILED', { key: 'documents.keyMissing', params: { login: actor.login } }));
  const passphrase = await passphraseFor(user, sources);
  if (!passphrase.ok) return passphrase;
  return unlockKey(user, passphrase.value);
}
