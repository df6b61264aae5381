import ssh2, { type AuthContext, type AuthenticationType, type Connection, type KeyboardAuthContext, type PublicKeyAuthContext } from 'ssh2';
import type { StaffAuthenticator } from '../app/auth.js';
import { render, type MessageRef } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import type { DomainError } from '../core/result.js';
import type { User } from '../store/port.js';

/** What the server needs of staff log-in (src/app/auth.ts). */
export type Authenticator = Pick<StaffAuthenticator, 'password' | 'publicKey' | 'locked'>;

export interface LoginOptions {
  readonly auth: Authenticator;
  /** The client's address: failures are counted per address too. */
  readonly source: string;
  /** The server's language; before log-in the other of kk/ru is shown beside it. */
  readonly lang: Lang;
  /** Rejected attempts on one connection before it is closed (OpenSSH's MaxAuthTries is 6). */
  readonly maxAttempts: number;
  readonly onUser: (user: User) => void;
}

const METHODS: AuthenticationType[] = ['publickey', 'keyboard-interactive', 'password'];

/**
 * Before log-in nobody knows the clerk's language: texts go in the server's language and the
 * other of Kazakh and Russian.
 */
export function bothLanguages(lang: Lang, ref: MessageRef): string {
  if (lang === 'en') return render('en', ref);
  const other: Lang = lang === 'kk' ? 'ru' : 'kk';
  return `${render(lang, ref)} / ${render(other, ref)}`;
}

/**
 * Answers one connection's log-in attempts: password, public key (the signature checked here,
 * the key's owner by the authenticator) and keyboard-interactive. Keyboard-interactive is what
 * OpenSSH prefers, and the only method whose answer can carry text: there the clerk reads why
 * a log-in failed and, when throttled, when to try again. The other methods can only say no.
 */
export function handleLogin(client: Connection, options: LoginOptions): void {
  let attempts = 0;
  const text = (ref: MessageRef) => bothLanguages(options.lang, ref);

  const reject = (ctx: AuthContext, counted = true) => {
    if (counted) attempts += 1;
    ctx.reject(METHODS);
    if (attempts >= options.maxAttempts) client.end();
  };
  const accept = (ctx: AuthContext, user: User) => {
    options.onUser(user);
    ctx.accept();
  };
  // OpenSSH prints a prompt as it is, but escapes any non-ASCII byte of the instruction text
  // (\320\233...), so what a clerk must read goes into the prompt itself.
  const passwordPrompt = `${text({ key: 'ssh.prompt.password' })}: `;
  /** Shows why the log-in cannot go on, waits for Enter, and closes the connection. */
  const tellAndClose = (ctx: KeyboardAuthContext, error: DomainError) => {
    ctx.prompt([{ prompt: `${text(error.message)}\r\n[Enter] `, echo: true }], () => {
      reject(ctx, false);
      client.end();
    });
  };

  const keyboard = (ctx: KeyboardAuthContext, why?: DomainError) => {
    const lock = options.auth.locked(ctx.username, options.source);
    if (lock) return tellAndClose(ctx, lock);
    const prompt = { prompt: why ? `${text(why.message)}\r\n${passwordPrompt}` : passwordPrompt, echo: false };
    ctx.prompt([prompt], (answers) => {
      // An aborted exchange calls back with an Error: the client moved on to another method.
      if (!Array.isArray(answers)) return;
      void options.auth.password(ctx.username, answers[0] ?? '', options.source).then((result) => {
        if (result.ok) return accept(ctx, result.value);
        attempts += 1;
        if (result.error.message.key === 'auth.failed' && attempts < options.maxAttempts) return keyboard(ctx, result.error);
        tellAndClose(ctx, result.error);
      }, () => reject(ctx));
    });
  };

  const publicKey = (ctx: PublicKeyAuthContext) => {
    void options.auth.publicKey(ctx.username, ctx.key, options.source).then((result) => {
      // A key the clerk does not have is not a guess: clients offer every key they hold.
      if (!result.ok) return reject(ctx, result.error.code === 'THROTTLED');
      // No signature yet: the client asks whether this key would do, and signs next.
      if (!ctx.signature || !ctx.blob) return ctx.accept();
      const key = ssh2.utils.parseKey(ctx.key.data);
      const valid = !(key instanceof Error) && !Array.isArray(key) && key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true;
      return valid ? accept(ctx, result.value) : reject(ctx);
    }, () => reject(ctx));
  };

  client.on('authentication', (ctx) => {
    switch (ctx.method) {
      case 'password':
        void options.auth.password(ctx.username, ctx.password, options.source).then(
          (result) => (result.ok ? accept(ctx, result.value) : reject(ctx)),
          () => reject(ctx),
        );
        return;
      case 'publickey':
        return publicKey(ctx);
      case 'keyboard-interactive':
        return keyboard(ctx);
      default:
        // 'none' asks which methods there are; hostbased is not offered.
        return reject(ctx, ctx.method !== 'none');
    }
  });
}

