import { domainError, fail, type DomainError, type Result } from '../core/result.js';
import type { AuditStore, UserStore } from '../store/port.js';

/** Where a command came from, for its audit line: the front-end and the operating-system account that ran it. */
export interface CommandOrigin {
  /** `cli`, or `cli:control` for a command line a running `serve` took over its control socket. */
  readonly source: string;
  readonly osUser: string;
}

export interface AuditedCommand<T> {
  /** The command and its sub-command, e.g. `keys remove`. */
  readonly command: string;
  /** The login the command acts as (--as); may be missing, and is audited as given. */
  readonly as?: string | undefined;
  readonly subject: string | ((value: T) => string);
}

/**
 * Runs `work`, then writes what was done to the audit log (kind `cli`): the command, the acting
 * login and its role, the OS account, the subject and whether it was done or refused. A change the
 * log could not take is reported as a failure: an office must be able to tell who changed what.
 */
export async function auditCommand<T>(
  store: Pick<UserStore, 'getUser'> & Pick<AuditStore, 'appendAudit'>,
  origin: CommandOrigin & { readonly now: () => string },
  what: AuditedCommand<NoInfer<T>>,
  work: () => Promise<Result<T, DomainError>>,
): Promise<Result<T, DomainError>> {
  const result = await work();
  const subject = typeof what.subject === 'string' ? what.subject : result.ok ? what.subject(result.value) : '';
  try {
    const user = what.as ? await store.getUser(what.as) : null;
    await store.appendAudit({
      at: origin.now(), actor: what.as ?? '', role: user?.role ?? '', kind: 'cli', subject: subject.slice(0, 200),
      outcome: result.ok ? 'done' : 'refused', source: origin.source, command: what.command, osUser: origin.osUser,
    });
  } catch (error) {
    if (result.ok) return fail(domainError('STORE_FAILED', { key: 'securityCli.auditFailed', params: { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message } }));
  }
  return result;
}
