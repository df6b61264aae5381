import { hashPassword } from '../../app/passwords.js';
import { t } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/i18n/text.js';
import { domainError, fail, ok, type DomainError, type Result } from '../../core/result.js';
import { fingerprintOfLine, parsePublicKeys } from '../../ssh/keys.js';
import type { User, UserStore } from '../../store/port.js';
import { badValue, missing } from '../args.js';
import { finish, str, type CommandSpec } from '../command.js';
import { adminActor, type CliContext } from '../context.js';
import { readLimitedText, readSecretFile, LIMITS } from '../read-limited.js';
import { EXIT } from '../exit-codes.js';
import { printError } from '../output.js';
import { findOrganisation, type OrganisationKind } from '../../core/offices.js';
import { compactDigits, parseIin } from '../../core/identity/iin.js';
import { iinProblemKey } from '../../core/identity/checks.js';
import { safeText } from '../../core/text-safety.js';

/** Shorter passwords fall to guessing despite the throttle (NIST SP 800-63B asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 8;

const USAGE = 'anyqtama users [--json] | add LOGIN --role ROLE --name "FULL NAME" [--office ID] [--iin IIN] [--user-lang kk|ru] --as ADMIN [--password-file F] | disable LOGIN --as ADMIN | enable LOGIN --as ADMIN | password LOGIN --as ADMIN [--password-file F] | key list LOGIN | key add LOGIN FILE.pub --as ADMIN | key remove LOGIN N --as ADMIN';

/** Staff logins: what an SSH client sends as the user name, so no spaces, no case games. */
const LOGIN_PATTERN = /^[a-z][a-z0-9._-]{1,31}$/;
const STAFF_ROLES = ['clerk', 'operator', 'callcentre', 'supervisor', 'admin'] as const;
type StaffRole = (typeof STAFF_ROLES)[number];
/** Which kind of organisation each role works for; supervisors and admins belong to none. */
const ORGANISATION_OF: Partial<Record<StaffRole, OrganisationKind>> = { clerk: 'provider', operator: 'centre', callcentre: 'callcentre' };

const activeAdmins = (users: readonly User[]) => users.filter((u) => u.role === 'admin' && !u.disabled);

interface NewUser {
  readonly login: string | undefined;
  readonly role: string | undefined;
  readonly name: string | undefined;
  readonly office: string | undefined;
  readonly iin: string | undefined;
  readonly lang: string | undefined;
  readonly passwordFile: string | undefined;
}

/**
 * Adds a member of staff. An administrator does it (`--as`); the very first administrator of a new
 * office's store is the one exception: while the store has no active administrator, `users add
 * LOGIN --role admin` needs no `--as` (the operating-system account that runs it is audited).
 */
async function addUser(ctx: CliContext, input: NewUser, as: string | undefined): Promise<number> {
  const reference = ctx.reference();
  if (!reference.ok) return finish(ctx, reference, () => undefined);
  const login = input.login;
  if (!login) return finish(ctx, fail(missing(ctx.lang, 'LOGIN', 'cli.expected.login')), () => undefined);
  if (!LOGIN_PATTERN.test(login)) return finish(ctx, fail(badValue(ctx.lang, 'LOGIN', 'users.expected.newLogin')), () => undefined);
  if (!input.role) return finish(ctx, fail(missing(ctx.lang, '--role', 'users.expected.role')), () => undefined);
  if (!(STAFF_ROLES as readonly string[]).includes(input.role)) return finish(ctx, fail(badValue(ctx.lang, '--role', 'users.expected.role')), () => undefined);
  const role = input.role as StaffRole;
  const fullName = safeText(input.name ?? '').trim().replace(/\s+/g, ' ');
  if (!fullName) return finish(ctx, fail(missing(ctx.lang, '--name', 'users.expected.name')), () => undefined);
  if ([...fullName].length > 150) return finish(ctx, fail(badValue(ctx.lang, '--name', 'users.expected.name')), () => undefined);
  const kind = ORGANISATION_OF[role];
  if (kind) {
    if (!input.office) return finish(ctx, fail(missing(ctx.lang, '--office', `users.expected.office.${kind}`)), () => undefined);
    if (findOrganisation(reference.value.offices, input.office)?.kind !== kind) return finish(ctx, fail(badValue(ctx.lang, '--office', `users.expected.office.${kind}`)), () => undefined);
  } else if (input.office) {
    return finish(ctx, fail(badValue(ctx.lang, '--office', 'users.expected.noOffice', { role })), () => undefined);
  }
  let iin: string | undefined;
  if (input.iin !== undefined) {
    const parsed = parseIin(input.iin);
    if (!parsed.ok) return finish(ctx, fail(badValue(ctx.lang, '--iin', iinProblemKey(parsed.error))), () => undefined);
    iin = compactDigits(input.iin);
  }
  if (input.lang !== undefined && input.lang !== 'kk' && input.lang !== 'ru') return finish(ctx, fail(badValue(ctx.lang, '--user-lang', 'cli.expected.lang')), () => undefined);
  // A password is optional (a clerk may log in with a registered key only), but if given it must do.
  const wantsPassword = input.passwordFile !== undefined || ctx.io.env.ANYQTAMA_NEW_PASSWORD !== undefined;
  const password = wantsPassword ? await newPassword(ctx, input.passwordFile) : ok(undefined);
  if (!password.ok) return finish(ctx, password, () => undefined);

  const result = await ctx.audited({ command: 'users add', as, subject: login }, async (service, store) => {
    const users = await store.listUsers();
    const bootstrap = !as && role === 'admin' && activeAdmins(users).length === 0;
    if (!bootstrap) {
      const admin = await adminActor(store, as, ctx.lang);
      if (!admin.ok) return admin;
    }
    if (users.some((u) => u.login === login)) return fail(domainError('CONFLICT', { key: 'users.add.exists', params: { login } }));
    const user: User = {
      login, role, fullName,
      ...(kind ? { organisationId: input.office! } : {}),
      ...(iin ? { iin } : {}),
      ...(input.lang === 'kk' || input.lang === 'ru' ? { lang: input.lang } : {}),
      ...(password.value ? { passwordHash: await hashPassword(password.value) } : {}),
      createdAt: service.moment().now,
    };
    await store.putUser(user);
    return ok(user);
  });
  return finish(ctx, result, (user) => {
    if (ctx.json) return ctx.io.out(JSON.stringify({ login: user.login, role: user.role, organisationId: user.organisationId ?? null, hasPassword: Boolean(user.passwordHash) }));
    ctx.io.out(t(ctx.lang, 'users.add.done', { login: user.login, role: t(ctx.lang, `role.${user.role}`) }));
    if (!user.passwordHash) ctx.io.out(t(ctx.lang, 'users.add.noPassword', { login: user.login }));
  });
}

/**
 * Disables or enables a login: a disabled member of staff can no longer log in, act or sign, and
 * keeps their history. The last active administrator cannot be disabled (nobody could undo it).
 */
async function setDisabled(ctx: CliContext, login: string | undefined, as: string | undefined, disabled: boolean): Promise<number> {
  const result = await ctx.audited({ command: disabled ? 'users disable' : 'users enable', as, subject: login ?? '' }, async (_service, store) => {
    const admin = await adminActor(store, as, ctx.lang);
    if (!admin.ok) return admin;
    const user = await userOf(store, login, ctx.lang);
    if (!user.ok) return user;
    if (disabled && user.value.role === 'admin' && !user.value.disabled && activeAdmins(await store.listUsers()).length <= 1) {
      return fail(domainError('FORBIDDEN', { key: 'users.disable.lastAdmin', params: { login: user.value.login } }));
    }
    const { disabled: _was, ...rest } = user.value;
    await store.putUser(disabled ? { ...rest, disabled: true } : rest);
    return ok(user.value.login);
  });
  // Inside `serve`, a disabled login's open sessions end now, not at their next log-in.
  if (result.ok && disabled) ctx.host?.loginDisabled?.(result.value);
  return finish(ctx, result, (who) => ctx.io.out(ctx.json ? JSON.stringify({ login: who, disabled }) : t(ctx.lang, disabled ? 'users.disable.done' : 'users.enable.done', { login: who })));
}

async function userOf(store: Pick<UserStore, 'getUser'>, login: string | undefined, lang: Lang): Promise<Result<User, DomainError>> {
  if (!login) return fail(missing(lang, 'LOGIN', 'cli.expected.login'));
  const user = await store.getUser(login);
  return user ? ok(user) : fail(domainError('NOT_FOUND', { key: 'app.unknownUser', params: { login } }));
}

/** The new password from ANYQTAMA_NEW_PASSWORD or a file (never an argument: it would show in `ps` and the shell history). */
async function newPassword(ctx: CliContext, file: string | undefined): Promise<Result<string, DomainError>> {
  let password = ctx.io.env.ANYQTAMA_NEW_PASSWORD;
  if (file !== undefined) {
    const read = readSecretFile(file, '--password-file');
    if (!read.ok) return read;
    password = read.value;
  }
  if (!password) return fail(domainError('VALIDATION', { key: 'users.password.needed' }));
  if ([...password].length < MIN_PASSWORD_LENGTH) return fail(domainError('VALIDATION', { key: 'users.password.tooShort', params: { min: MIN_PASSWORD_LENGTH } }));
  return ok(password);
}

function listUsers(ctx: CliContext): Promise<number> {
  return ctx.withService(async (_service, store) => ok(await store.listUsers())).then((result) =>
    finish(ctx, result, (users) => {
      // Never print password hashes or keys: the list is for seeing who is who.
      const view = users.map(({ passwordHash: _h, publicKeys, signingKey, ...u }) => ({
        ...u,
        hasPassword: Boolean(_h),
        publicKeys: publicKeys?.length ?? 0,
        signingKey: signingKey ? { serial: signingKey.serial, issuer: signingKey.issuer, validTo: signingKey.validTo, demo: Boolean(signingKey.demo) } : null,
      }));
      if (ctx.json) ctx.io.out(JSON.stringify(view, null, 2));
      else for (const u of view) ctx.io.out(`${u.login.padEnd(14)} ${t(ctx.lang, `role.${u.role}`).padEnd(28)} ${(u.organisationId ?? '').padEnd(18)} ${u.fullName}`);
    }));
}

async function setPassword(ctx: CliContext, login: string | undefined, as: string | undefined, file: string | undefined): Promise<number> {
  const result = await ctx.audited({ command: 'users password', as, subject: login ?? '' }, async (_service, store) => {
    const admin = await adminActor(store, as, ctx.lang);
    if (!admin.ok) return admin;
    const user = await userOf(store, login, ctx.lang);
    if (!user.ok) return user;
    const password = await newPassword(ctx, file);
    if (!password.ok) return password;
    await store.putUser({ ...user.value, passwordHash: await hashPassword(password.value) });
    return ok(user.value.login);
  });
  return finish(ctx, result, (who) => ctx.io.out(ctx.json ? JSON.stringify({ login: who, passwordChanged: true }) : t(ctx.lang, 'users.password.set', { login: who })));
}

async function keyCommand(ctx: CliContext, action: string | undefined, login: string | undefined, arg: string | undefined, as: string | undefined): Promise<number> {
  if (action === 'list') {
    const result = await ctx.withService(async (_service, store) => userOf(store, login, ctx.lang));
    return finish(ctx, result, (user) => {
      const rows = (user.publicKeys ?? []).map((line, i) => ({ n: i + 1, type: line.split(/\s+/)[0] ?? '', fingerprint: fingerprintOfLine(line) ?? '?', comment: line.split(/\s+/).slice(2).join(' ') }));
      if (ctx.json) return ctx.io.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.io.out(t(ctx.lang, 'users.key.none', { login: user.login }));
      for (const r of rows) ctx.io.out(`${String(r.n).padStart(2)}  ${r.type.padEnd(20)} ${r.fingerprint}  ${r.comment}`);
    });
  }
  if (action === 'add') {
    if (!arg) return finish(ctx, fail(missing(ctx.lang, 'FILE.pub', 'users.expected.keyFile')), () => undefined);
    const text = readLimitedText(arg, { option: 'FILE.pub', maxBytes: LIMITS.key });
    if (!text.ok) return finish(ctx, text, () => undefined);
    const parsed = parsePublicKeys(text.value);
    if (parsed.kind !== 'public') return finish(ctx, fail(domainError('VALIDATION', { key: parsed.kind === 'private' ? 'users.key.private' : 'users.key.invalid', params: { file: arg } })), () => undefined);
    const result = await ctx.audited({ command: 'users key add', as, subject: login ?? '' }, async (_service, store) => {
      const admin = await adminActor(store, as, ctx.lang);
      if (!admin.ok) return admin;
      const user = await userOf(store, login, ctx.lang);
      if (!user.ok) return user;
      const have = new Set((user.value.publicKeys ?? []).map(fingerprintOfLine));
      const added = parsed.keys.filter((k) => !have.has(k.fingerprint));
      await store.putUser({ ...user.value, publicKeys: [...(user.value.publicKeys ?? []), ...added.map((k) => k.line)] });
      return ok({ login: user.value.login, keys: parsed.keys.map((k) => ({ fingerprint: k.fingerprint, added: added.includes(k) })) });
    });
    return finish(ctx, result, ({ login: who, keys }) => {
      if (ctx.json) return ctx.io.out(JSON.stringify({ login: who, keys }, null, 2));
      for (const k of keys) ctx.io.out(t(ctx.lang, k.added ? 'users.key.added' : 'users.key.exists', { login: who, fingerprint: k.fingerprint }));
    });
  }
  if (action === 'remove') {
    const result = await ctx.audited({ command: 'users key remove', as, subject: login ?? '' }, async (_service, store) => {
      const admin = await adminActor(store, as, ctx.lang);
      if (!admin.ok) return admin;
      const user = await userOf(store, login, ctx.lang);
      if (!user.ok) return user;
      const keys = user.value.publicKeys ?? [];
      if (keys.length === 0) return fail(domainError('NOT_FOUND', { key: 'users.key.none', params: { login: user.value.login } }));
      const n = Number(arg);
      if (!arg || !/^\d+$/.test(arg) || n < 1 || n > keys.length) return fail(badValue(ctx.lang, 'N', 'users.expected.keyNumber', { count: String(keys.length) }));
      await store.putUser({ ...user.value, publicKeys: keys.filter((_, i) => i !== n - 1) });
      return ok({ login: user.value.login, fingerprint: fingerprintOfLine(keys[n - 1]!) ?? '?' });
    });
    return finish(ctx, result, (removed) => ctx.io.out(ctx.json ? JSON.stringify({ ...removed, removed: true }) : t(ctx.lang, 'users.key.removed', removed)));
  }
  printError(ctx, badValue(ctx.lang, 'users key', 'users.expected.action'));
  return EXIT.badInput;
}

export const usersCommand: CommandSpec = {
  name: 'users',
  // users key add LOGIN FILE.pub
  paths: { options: ['password-file'], positionals: ([sub, action]) => (sub === 'key' && action === 'add' ? [3] : []) },
  usage: USAGE,
  summary: { kk: 'Пайдаланушылар, олардың құпиясөздері мен SSH кілттері', ru: 'Пользователи, их пароли и ключи SSH', en: 'Users, their passwords and SSH keys' },
  options: {
    as: { type: 'string' }, 'password-file': { type: 'string' },
    role: { type: 'string' }, name: { type: 'string' }, office: { type: 'string' }, iin: { type: 'string' }, 'user-lang': { type: 'string' },
  },
  async run(ctx, values, positionals) {
    const [sub, a, b, c] = positionals;
    const as = str(values.as);
    switch (sub) {
      case undefined:
      case 'list':
        return listUsers(ctx);
      case 'add':
        return addUser(ctx, { login: a, role: str(values.role), name: str(values.name), office: str(values.office), iin: str(values.iin), lang: str(values['user-lang']), passwordFile: str(values['password-file']) }, as);
      case 'disable':
      case 'enable':
        return setDisabled(ctx, a, as, sub === 'disable');
      case 'password':
        return setPassword(ctx, a, as, str(values['password-file']));
      case 'key':
        return keyCommand(ctx, a, b, c, as);
      default:
        printError(ctx, badValue(ctx.lang, 'users', 'users.expected.action'));
        return EXIT.badInput;
    }
  },
};
