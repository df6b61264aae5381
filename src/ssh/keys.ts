import { createHash } from 'node:crypto';
import ssh2 from 'ssh2';

/** A public key as OpenSSH prints it: SHA256:<base64 without padding> of the key's wire format. */
export function sshFingerprint(wire: Buffer): string {
  return `SHA256:${createHash('sha256').update(wire).digest('base64').replace(/=+$/, '')}`;
}

export interface PublicKeyLine {
  /** "ssh-ed25519 AAAA... comment", as stored in User.publicKeys. */
  readonly line: string;
  readonly type: string;
  readonly fingerprint: string;
}

/** What a .pub file (or one authorized_keys line) turned out to hold. */
export type ParsedKeyText = { readonly kind: 'public'; readonly keys: readonly PublicKeyLine[] } | { readonly kind: 'private' } | { readonly kind: 'invalid' };

/**
 * Reads OpenSSH public keys, one per line (blank lines and # comments skipped), with ssh2's parser
 * so only keys the server can verify are accepted. A private key is told apart: an admin handed
 * one by mistake must hear that it has to stay with its owner.
 */
export function parsePublicKeys(text: string): ParsedKeyText {
  const whole = ssh2.utils.parseKey(text);
  if (!(whole instanceof Error) && !Array.isArray(whole) && whole.isPrivateKey()) return { kind: 'private' };
  if (Array.isArray(whole) || /PRIVATE KEY/.test(text)) return { kind: 'private' };
  const keys: PublicKeyLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parsed = ssh2.utils.parseKey(line);
    if (parsed instanceof Error || Array.isArray(parsed) || parsed.isPrivateKey()) return { kind: 'invalid' };
    const wire = parsed.getPublicSSH();
    const comment = line.split(/\s+/).slice(2).join(' ');
    keys.push({ line: [parsed.type, wire.toString('base64'), comment].filter(Boolean).join(' '), type: parsed.type, fingerprint: sshFingerprint(wire) });
  }
  return keys.length ? { kind: 'public', keys } : { kind: 'invalid' };
}

/** The fingerprint of a stored key line, for lists; null for a line that no longer parses. */
export function fingerprintOfLine(line: string): string | null {
  const parsed = ssh2.utils.parseKey(line);
  return parsed instanceof Error || Array.isArray(parsed) ? null : sshFingerprint(parsed.getPublicSSH());
}
