import { realpathSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { sep } from 'node:path';
import type { Lang } from '../core/i18n/text.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import { badValue } from './args.js';

/** Longer paths are typing accidents or attacks: Linux's own limit is 4096 bytes, 255 per name. */
export const MAX_DATA_DIR_LENGTH = 1024;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const SYSTEM = ['/proc', '/sys', '/dev'];

const inside = (path: string, root: string) => path === root || path.startsWith(`${root}${sep}`);

/**
 * Checks the data folder as given (`--data-dir` or ANYQTAMA_DATA_DIR), before anything opens it:
 * empty (which would silently make a new empty store in the current folder), too long, with a
 * newline or another control character, a file or device, or inside /proc, /sys or /dev are all
 * bad input naming where the value came from. A folder that does not exist yet is fine: the
 * store makes it.
 */
export function checkDataDir(lang: Lang, raw: string | undefined, option: string, dir: string): Result<string, DomainError> {
  if (raw !== undefined) {
    if (raw.trim() === '') return fail(badValue(lang, option, 'securityCli.expected.dataDirNotEmpty'));
    if ([...raw].length > MAX_DATA_DIR_LENGTH) return fail(badValue(lang, option, 'securityCli.expected.dataDirLength', { max: String(MAX_DATA_DIR_LENGTH) }));
    if (CONTROL.test(raw)) return fail(badValue(lang, option, 'securityCli.expected.dataDirChars'));
  }
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    // Not there yet (or not reachable): the store's own open says why, if it cannot make it.
  }
  if (SYSTEM.some((root) => inside(dir, root) || inside(real, root))) return fail(badValue(lang, option, 'securityCli.expected.dataDirSystem'));
  try {
    if (!statSync(dir).isDirectory()) return fail(badValue(lang, option, 'securityCli.expected.dataDirFolder', { path: dir }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return fail(domainError('VALIDATION', { key: 'securityCli.dataDirUnusable', params: { dir, reason: code ?? String(error) } }));
  }
  return ok(dir);
}

/** The operating-system account running this process, as the audit log names it. */
export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

/**
 * The command line is the server operator's tool: on an embedded store it runs only as the
 * account that owns the data folder. Anyone else who can read the files (M6) still cannot act,
 * look up or change users through it. Root is refused on another account's store too: the files
 * it wrote (a new request, the day's audit file) would be root's, and the service's own account
 * could no longer write them; while `serve` runs, root's commands go through it and are served.
 * A folder not made yet is the caller's own. (PostgreSQL's boundary is the database's own
 * log-in: the URL's credentials.)
 */
export function ownerProblem(dir: string): DomainError | null {
  const uid = process.getuid?.();
  if (uid === undefined) return null;
  let owner: number;
  try {
    owner = statSync(dir).uid;
  } catch {
    return null;
  }
  if (owner === uid) return null;
  if (uid === 0) return domainError('FORBIDDEN', { key: 'securityCli.rootOnOthers', params: { dir, owner: String(owner) } });
  return domainError('FORBIDDEN', { key: 'securityCli.notOwner', params: { dir, owner: String(owner), user: osUser() } });
}
