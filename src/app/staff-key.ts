import { catalogue } from '../core/i18n/catalogue.js';
import { TRANSITIONS } from '../core/lifecycle/table.js';
import type { Action, Actor } from '../core/request.js';
import { domainError, fail, ok, type Result } from '../core/result.js';
import { credentialFor } from '../documents/keys.js';
import type { Credential } from '../documents/pki/pkcs12.js';
import type { UserStore } from '../store/port.js';

/** Where the passphrase of a clerk's key comes from when they decide. */
export interface PassphraseInput {
  /** Typed by the clerk (the terminal) or read from --passphrase-file (the command line). */
  readonly passphrase?: string;
  /** A command line's environment: ANYQTAMA_KEY_PASSPHRASE. A terminal session never passes it. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The field a wrong passphrase is reported on, as the decision screen labels it. */
const PASSPHRASE_FIELD = { path: 'passphrase', label: catalogue['clerk.passphraseField'], expected: catalogue['clerk.passphraseExpected'] };

/**
 * The acting clerk's key, opened for an action whose result is a signed document (the transition
 * row's `signed`), or none for any other action. The key is read from their staff record now, not
 * from what a session remembered at log-in; a demo key opens with the published demo passphrase
 * when none is given (documents/keys.ts). A wrong passphrase is FORBIDDEN naming the field.
 */
export async function signingKey(store: Pick<UserStore, 'getUser'>, actor: Actor, action: Action, input: PassphraseInput): Promise<Result<Credential | null>> {
  if (!TRANSITIONS[action].signed) return ok(null);
  const opened = await credentialFor(store, actor, { ...(input.passphrase !== undefined ? { given: input.passphrase } : {}), ...(input.env ? { env: input.env } : {}) });
  if (opened.ok || opened.error.message.key !== 'documents.p12.wrong-passphrase') return opened;
  return fail(domainError('FORBIDDEN', { key: 'clerk.wrongPassphrase', params: { login: actor.login } }, { fields: [PASSPHRASE_FIELD] }));
}
