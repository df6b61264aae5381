import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { domainError, fail, ok, type Result } from '../core/result.js';
import { sshFingerprint } from './keys.js';

export interface HostKey {
  readonly path: string;
  /** The private key in OpenSSH format, as ssh2's Server takes it. */
  readonly privateKey: string;
  /** SHA256:... as OpenSSH shows it when a clerk first connects. */
  readonly fingerprint: string;
  /** Made just now: the server's identity is new, clerks will be asked to accept it. */
  readonly created: boolean;
}

/** DATA_DIR/ssh/host_ed25519: the server's identity, kept across restarts so clients can trust it. */
export const hostKeyPath = (dataDir: string) => join(dataDir, 'ssh', 'host_ed25519');

/** Reads the host key, making it on first start (readable by the owner only). */
export async function loadHostKey(dataDir: string): Promise<Result<HostKey>> {
  const path = hostKeyPath(dataDir);
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return fail(unreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
  const created = text === null;
  if (text === null) {
    const pair = ed25519KeyPair('anyqtama host key');
    await mkdir(join(dataDir, 'ssh'), { recursive: true, mode: 0o700 });
    // 'wx': two servers started at once on one folder must not overwrite each other's fresh key.
    try {
      await writeFile(path, pair.private, { mode: 0o600, flag: 'wx' });
      await writeFile(`${path}.pub`, `${pair.public}\n`, { mode: 0o644 });
      text = pair.private;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return fail(unreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)));
      text = await readFile(path, 'utf8');
    }
    await chmod(path, 0o600);
  }
  const parsed = ssh2.utils.parseKey(text);
  if (parsed instanceof Error || Array.isArray(parsed) || !parsed.isPrivateKey()) return fail(unreadable(path, parsed instanceof Error ? parsed.message : 'not a private key'));
  return ok({ path, privateKey: text, fingerprint: sshFingerprint(parsed.getPublicSSH()), created });
}

/**
 * An ed25519 key pair in OpenSSH format that ssh2 reads back. ssh2's generator drops a leading zero
 * byte of the public key, so about one key in 256 is malformed (mscdex/ssh2#1390, #1513): a server
 * would then refuse to start on its own fresh host key. Such a pair is thrown away and made again.
 */
export function ed25519KeyPair(comment: string): { private: string; public: string } {
  for (let attempt = 0; ; attempt++) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519', { comment });
    const readable = [pair.private, pair.public].every((text) => {
      const parsed = ssh2.utils.parseKey(text);
      return !(parsed instanceof Error) && !Array.isArray(parsed);
    });
    if (readable) return pair;
    if (attempt >= 50) throw new Error('ssh2 made no readable ed25519 key in 50 attempts');
  }
}

const unreadable = (path: string, reason: string) => domainError('STORE_FAILED', { key: 'ssh.serve.hostKeyUnreadable', params: { path, reason } });
