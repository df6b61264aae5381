import type { Command } from '../core/lifecycle/context.js';
import { TRANSITIONS } from '../core/lifecycle/table.js';
import { transition } from '../core/lifecycle/transition.js';
import type { Request } from '../core/request.js';
import { domainError, fail, type Result } from '../core/result.js';
import { findService } from '../core/services/catalogue.js';
import type { Credential } from '../documents/pki/pkcs12.js';
import { orUnavailable } from './unavailable.js';
import { find } from './reading.js';
import { announce, transitionContext, type RequestEnv } from './request-env.js';

/** Acting on a request: the pure lifecycle, the signature where the result is a signed document, the save. */

export type ActInput = Omit<Command, 'number'> & {
  /** The signer's unlocked key: needed to issue or refuse, whose result is a signed document. */
  readonly credential?: Credential;
};

/** Actions a refused write reports as "the decision was not saved". */
const DECISIONS: readonly Command['action'][] = ['issue', 'refuse', 'extend', 'return'];

export function act(env: RequestEnv, numberInput: string, input: ActInput): Promise<Result<Request>> {
  return orUnavailable(async () => {
    const found = await find(env.store, numberInput);
    if (!found.ok) return found;
    return actOn(env, found.value, input);
  });
}

/** Acts on the request as it was read: if it changed since, the save is refused as CONFLICT. */
export function actOn(env: RequestEnv, request: Request, input: ActInput): Promise<Result<Request>> {
  return orUnavailable(async () => {
    const service = findService(request.service)!;
    const { credential, ...command } = input;
    const next = transition(request, command, transitionContext(env, service, request.office));
    if (!next.ok) return next;
    let changed = next.value.request;
    if (TRANSITIONS[input.action].signed) {
      // The decision exists only once signed: no key, a refused certificate or a failed render
      // leaves the request as it was.
      if (!credential || !env.documents) return fail(domainError('GUARD_FAILED', { key: 'documents.keyMissing', params: { login: input.actor.login } }));
      const signed = await env.documents.signDecision(changed, { actor: input.actor, credential });
      if (!signed.ok) return signed;
      changed = signed.value;
    }
    return announce(env, await env.store.save(changed, request.version));
  }, DECISIONS.includes(input.action) ? 'decision' : 'change');
}
