import type { AdminDesk } from '../../app/admin-desk.js';
import { checkNewStaff, checkPassword, type NewStaffInput, type StaffField } from '../../app/staff.js';
import { t } from '../../core/i18n/catalogue.js';
import { domainError, fail, ok, type DomainError, type Result } from '../../core/result.js';
import { badValue, missing } from '../args.js';
import { finish, str, type CommandSpec } from '../command.js';
import type { CliContext } from '../context.js';
import { readLimitedText, readSecretFile, LIMITS } from '../read-limited.js';
import { EXIT } from '../exit-codes.js';
import { printError } from '../output.js';

const USAGE = 'anyqtama users [--json] | add LOGIN --role ROLE --name "FULL NAME" [--office ID] [--iin IIN] [--user-lang kk|ru] --as ADMIN [--password-file F] | disable LOGIN --as ADMIN | enable LOGIN --as ADMIN | password LOGIN --as ADMIN [--password-file F] | key list LOGIN | key add LOGIN FILE.pub --as ADMIN | key remove LOGIN N --as ADMIN';

/** The option each part of a new account is typed in. */
const OPTION_OF: Record<StaffField, string> = { login: 'LOGIN', role: '--role', name: '--name', office: '--office', iin: '--iin', lang: '--user-lang' };

/** Runs an administrator's change on one login at the admin desk, which checks the admin and audits it. */
function onLogin<T>(ctx: CliContext, login: string | undefined, work: (desk: AdminDesk, login: string) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>> {
  if (!login) return Promise.resolve(fail(missing(ctx.lang, 'LOGIN', 'cli.expected.login')));
  return ctx.atAdminDesk((desk) => work(desk, login));
}

/**
 * Adds a member of staff. An administrator does it (`--as`); the very first administrator of a new
 * office's store is the one exception (src/app/admin-desk.ts).
 */
async function addUser(ctx: CliContext, input: NewStaffInput, passwordFile: string | undefined, as: string | undefined): Promise<number> {
  const reference = ctx.reference();
  if (!reference.ok) return finish(ctx, reference, () => undefined);
  const staff = checkNewStaff(input, reference.value.offices);
  if (!staff.ok) {
    const { field, missing: absent, expected, params } = staff.error;
    return finish(ctx, fail((absent ? missing : badValue)(ctx.lang, OPTION_OF[field], expected, params)), () => undefined);
  }
  // A password is optional (a clerk may log in with a registered key only), but if given it must do.
  const wantsPassword = passwordFile !== undefined || ctx.io.env.ANYQTAMA_NEW_PASSWORD !== undefined;
  const password = wantsPassword ? newPassword(ctx, passwordFile) : ok(undefined);
  if (!password.ok) return finish(ctx, password, () => undefined);
  const result = await ctx.atAdminDesk((desk) => desk.addStaff(as, staff.value, password.value));
  return finish(ctx, result, (user) => {
    if (ctx.json) return ctx.io.out(JSON.stringify({ login: user.login, role: user.role, organisationId: user.organisationId ?? null, hasPassword: user.hasPassword }));
    ctx.io.out(t(ctx.lang, 'users.add.done', { login: user.login, role: t(ctx.lang, `role.${user.role}`) }));
    if (!user.hasPassword) ctx.io.out(t(ctx.lang, 'users.add.noPassword', { login: user.login }));
  });
}

async function setDisabled(ctx: CliContext, login: string | undefined, as: string | undefined, disabled: boolean): Promise<number> {
  const result = await onLogin(ctx, login, (desk, who) => desk.setDisabled(as, who, disabled));
  // Inside `serve`, a disabled login's open sessions end now, not at their next log-in.
  if (result.ok && disabled) ctx.host?.loginDisabled?.(result.value);
  return finish(ctx, result, (who) => ctx.io.out(ctx.json ? JSON.stringify({ login: who, disabled }) : t(ctx.lang, disabled ? 'users.disable.done' : 'users.enable.done', { login: who })));
}

/**
 * The new password from ANYQTAMA_NEW_PASSWORD or a file (never an argument: it would show in `ps`
 * and the shell history), checked by the desk's rule. Undefined: none was given.
 */
function givenPassword(ctx: CliContext, file: string | undefined): Result<string | undefined, DomainError> {
  if (file === undefined) return ok(ctx.io.env.ANYQTAMA_NEW_PASSWORD);
  return readSecretFile(file, '--password-file');
}

function newPassword(ctx: CliContext, file: string | undefined): Result<string, DomainError> {
  const given = givenPassword(ctx, file);
  return given.ok ? checkPassword(given.value) : given;
}

function listUsers(ctx: CliContext): Promise<number> {
  return ctx.atAdminDesk(async (desk) => ok(await desk.staff())).then((result) =>
    finish(ctx, result, (users) => {
      if (ctx.json) ctx.io.out(JSON.stringify(users, null, 2));
      else for (const u of users) ctx.io.out(`${u.login.padEnd(14)} ${t(ctx.lang, `role.${u.role}`).padEnd(28)} ${(u.organisationId ?? '').padEnd(18)} ${u.fullName}`);
    }));
}

async function setPassword(ctx: CliContext, login: string | undefined, as: string | undefined, file: string | undefined): Promise<number> {
  const password = givenPassword(ctx, file);
  if (!password.ok) return finish(ctx, password, () => undefined);
  const result = await onLogin(ctx, login, (desk, who) => desk.setPassword(as, who, password.value));
  return finish(ctx, result, (who) => ctx.io.out(ctx.json ? JSON.stringify({ login: who, passwordChanged: true }) : t(ctx.lang, 'users.password.set', { login: who })));
}

async function keyCommand(ctx: CliContext, action: string | undefined, login: string | undefined, arg: string | undefined, as: string | undefined): Promise<number> {
  // ssh2's key parser loads for the key subcommands only, not for every `users` command.
  const { fingerprintOfLine, parsePublicKeys } = await import('../../ssh/keys.js');
  if (action === 'list') {
    const result = await onLogin(ctx, login, (desk, who) => desk.sshKeys(who).then((keys) => (keys.ok ? ok({ login: who, keys: keys.value }) : keys)));
    return finish(ctx, result, ({ login: who, keys }) => {
      const rows = keys.map((line, i) => ({ n: i + 1, type: line.split(/\s+/)[0] ?? '', fingerprint: fingerprintOfLine(line) ?? '?', comment: line.split(/\s+/).slice(2).join(' ') }));
      if (ctx.json) return ctx.io.out(JSON.stringify(rows, null, 2));
      if (rows.length === 0) return ctx.io.out(t(ctx.lang, 'users.key.none', { login: who }));
      for (const r of rows) ctx.io.out(`${String(r.n).padStart(2)}  ${r.type.padEnd(20)} ${r.fingerprint}  ${r.comment}`);
    });
  }
  if (action === 'add') {
    if (!arg) return finish(ctx, fail(missing(ctx.lang, 'FILE.pub', 'users.expected.keyFile')), () => undefined);
    const text = readLimitedText(arg, { option: 'FILE.pub', maxBytes: LIMITS.key });
    if (!text.ok) return finish(ctx, text, () => undefined);
    const parsed = parsePublicKeys(text.value);
    if (parsed.kind !== 'public') return finish(ctx, fail(domainError('VALIDATION', { key: parsed.kind === 'private' ? 'users.key.private' : 'users.key.invalid', params: { file: arg } })), () => undefined);
    const result = await onLogin(ctx, login, (desk, who) => desk.addSshKeys(as, who, parsed.keys));
    return finish(ctx, result, ({ login: who, keys }) => {
      if (ctx.json) return ctx.io.out(JSON.stringify({ login: who, keys }, null, 2));
      for (const k of keys) ctx.io.out(t(ctx.lang, k.added ? 'users.key.added' : 'users.key.exists', { login: who, fingerprint: k.fingerprint }));
    });
  }
  if (action === 'remove') {
    const n = arg && /^\d+$/.test(arg) ? Number(arg) : Number.NaN;
    const result = await onLogin(ctx, login, (desk, who) => desk.removeSshKey(as, who, n));
    return finish(ctx, result, ({ login: who, line }) => {
      const removed = { login: who, fingerprint: fingerprintOfLine(line) ?? '?' };
      ctx.io.out(ctx.json ? JSON.stringify({ ...removed, removed: true }) : t(ctx.lang, 'users.key.removed', removed));
    });
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
        return addUser(ctx, { login: a, role: str(values.role), name: str(values.name), office: str(values.office), iin: str(values.iin), lang: str(values['user-lang']) }, str(values['password-file']), as);
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
