import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLimited, readLimitedText, readSecretFile } from '../../src/cli/read-limited.js';

/** The one reader of files named on the command line (src/cli/read-limited.ts), at its edges. */
const dir = mkdtempSync(join(tmpdir(), 'anyqtama-read-limited-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('readLimited', () => {
  it('reads a file of exactly the limit, refuses one byte more, and reads an empty file as empty', () => {
    const path = file('hundred', 'x'.repeat(100));
    const exact = readLimited(path, { option: '--data', maxBytes: 100 });
    expect(exact.ok && exact.value.length).toBe(100);
    const over = readLimited(path, { option: '--data', maxBytes: 99 });
    expect(!over.ok && over.error.message).toEqual({ key: 'securityCli.fileTooLarge', params: { option: '--data', path, max: '99 B' } });
    const empty = readLimited(file('empty', ''), { option: '--data', maxBytes: 10 });
    expect(empty.ok && empty.value.length).toBe(0);
  });

  it('a /proc file reports size 0 yet has content: read up to the limit, never past it', () => {
    const whole = readLimited('/proc/self/status', { option: 'F', maxBytes: 1 << 20 });
    expect(whole.ok && whole.value.toString()).toContain('VmHWM');
    const cut = readLimited('/proc/self/status', { option: 'F', maxBytes: 64 });
    expect(!cut.ok && cut.error.message.key).toBe('securityCli.fileTooLarge');
  });

  it('names the kind of what is not a regular file, and the reason of what cannot be opened', () => {
    expect((readLimited('/dev/zero', { option: '--attach', maxBytes: 10 }) as { error: { message: { key: string } } }).error.message.key).toBe('securityCli.notRegularFile.device');
    expect((readLimited(dir, { option: '--attach', maxBytes: 10 }) as { error: { message: { key: string } } }).error.message.key).toBe('securityCli.notRegularFile.directory');
    const missing = readLimited(join(dir, 'nope'), { option: '--attach', maxBytes: 10 });
    expect(!missing.ok && missing.error.message).toEqual({ key: 'cli.dataFileUnreadable', params: { path: join(dir, 'nope'), reason: 'ENOENT' } });
  });

  it('text drops a leading byte-order mark; a secret drops its final line break only', () => {
    const bom = readLimitedText(file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')])), { option: '--data', maxBytes: 100 });
    expect(bom.ok && bom.value).toBe('{"a":1}');
    const secret = readSecretFile(file('pass', 'two words \r\n'), '--passphrase-file');
    expect(secret.ok && secret.value).toBe('two words ');
    const long = readSecretFile(file('long', 'p'.repeat(5000)), '--password-file');
    expect(!long.ok && long.error.message.key).toBe('securityCli.fileTooLarge');
  });
});
