import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, expectExit, expectNoCrash, json, PROJECT, seededDir, TempDirs, writeExamples } from '../cli/helpers.js';
import type { ServiceId } from '../../src/core/services/types.js';
import { measured } from './helpers.js';

/**
 * Bad input on the command line (issue 13, report sections 5 and 7: m2, m3, m4, m8): each refused
 * with a kk/ru message naming the argument, exit 2, no stack trace, and memory bounded whatever
 * the file named is. Runs the compiled command (`npm run build` first).
 */

const dirs = new TempDirs();
let seeded: string;
let work: string;
let examples: Record<ServiceId, string>;
/** Memory a command may peak at on any of these inputs: Node itself takes 60–100 MB. */
const RSS_CEILING_KB = 250 * 1024;

beforeAll(async () => {
  seeded = await seededDir(dirs);
  work = dirs.make('work');
  examples = writeExamples(work);
});
afterAll(() => dirs.removeAll());

const archive = () => ['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', examples['archive-certificate']];

describe('the data folder', () => {
  it('an empty --data-dir or ANYQTAMA_DATA_DIR is refused, and no store appears in the current folder', async () => {
    const here = dirs.make('cwd');
    const flag = await cli(['list', '--data-dir', ''], { cwd: here });
    expectExit(flag, 2);
    expect(flag.stderr).toContain('--data-dir');
    expect(flag.stderr).toContain('бос емес');
    const env = await cli(['list', '--lang', 'ru'], { cwd: here, env: { ANYQTAMA_DATA_DIR: '' } });
    expectExit(env, 2);
    expect(env.stderr).toContain('ANYQTAMA_DATA_DIR');
    expect(env.stderr).toContain('непустой путь');
    expect(readdirSync(here)).toEqual([]);
  });

  it('a file, /dev/null, /proc/self, a 5000-character path and a path with a newline are each a message and exit 2, never a stack trace', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'not a folder');
    const cases: Array<[string, string]> = [
      [file, 'қалта емес'],
      ['/dev/null', '/dev'],
      ['/proc/self', '/proc'],
      [join(work, 'x'.repeat(5000)), '1024'],
      [join(work, 'one\ntwo'), 'басқару таңбалары'],
      [join(file, 'inside'), 'ENOTDIR'],
      [join(work, 'y'.repeat(300)), 'ENAMETOOLONG'],
    ];
    for (const [dir, says] of cases) {
      const r = await cli(['list'], { dataDir: dir });
      expectExit(r, 2);
      expectNoCrash(r);
      expect(r.stderr, JSON.stringify(dir.slice(0, 80))).toContain(says);
    }
  });
});

describe('files named on the command line are read with fstat first and a hard limit', () => {
  it('/dev/zero is refused at once as a device for every option that reads a file, in bounded memory', async () => {
    const dir = dirs.copy(seeded);
    const number = '26-000002-7';
    const cases: Array<[string[], string]> = [
      [['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', '/dev/zero'], '--data'],
      [[...archive(), '--attach', '/dev/zero'], '--attach'],
      [['act', number, 'issue', '--as', 'kzo-clerk', '--content', '/dev/zero'], '--content'],
      [['act', number, 'issue', '--as', 'kzo-clerk', '--passphrase-file', '/dev/zero'], '--passphrase-file'],
      [['verify', '/dev/zero'], 'FILE.pdf'],
      [['keys', 'add', 'kzo-clerk', '/dev/zero', '--as', 'admin'], 'FILE.p12'],
      [['keys', 'trust', '/dev/zero', '--as', 'admin'], 'CA.pem'],
      [['keys', 'crl', '/dev/zero', '--as', 'admin'], 'FILE.crl'],
      [['users', 'key', 'add', 'kzo-clerk', '/dev/zero', '--as', 'admin'], 'FILE.pub'],
      [['users', 'password', 'kzo-clerk', '--as', 'admin', '--password-file', '/dev/zero'], '--password-file'],
    ];
    for (const [args, option] of cases) {
      const r = await measured([...args, '--lang', 'ru'], { dataDir: dir, timeoutMs: 60_000 });
      expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(2);
      expectNoCrash(r);
      expect(r.stderr).toContain(`${option}: /dev/zero — не обычный файл (устройство)`);
      expect(r.stderr).not.toContain('RangeError');
      if (r.maxRssKb !== null) expect(r.maxRssKb, args.join(' ')).toBeLessThan(RSS_CEILING_KB);
    }
  }, 120_000);

  it('a 1.9 GB and a 2 GB attachment are refused by their size before a byte is read: no ERR_FS_FILE_TOO_LARGE, memory bounded', async () => {
    const dir = dirs.copy(seeded);
    const before = json(await cli(['list', '--json', '--limit', '1000'], { dataDir: dir })).length;
    for (const [name, bytes] of [['scan-1.9g.pdf', 1900 * 1024 * 1024], ['scan-2g.pdf', 2 * 1024 * 1024 * 1024]] as const) {
      const path = join(work, name);
      writeFileSync(path, '');
      truncateSync(path, bytes); // sparse: takes no disk
      const r = await measured([...archive(), '--attach', path], { dataDir: dir, timeoutMs: 60_000 });
      expectExit(r, 2);
      expectNoCrash(r);
      expect(r.stderr).toContain(`--attach: ${path} файлы тым үлкен, ең көбі 20.0 MB`);
      expect(r.stderr).not.toContain('ERR_FS_FILE_TOO_LARGE');
      if (r.maxRssKb !== null) expect(r.maxRssKb).toBeLessThan(RSS_CEILING_KB);
    }
    // Nothing was registered.
    expect(json(await cli(['list', '--json', '--limit', '1000'], { dataDir: dir }))).toHaveLength(before);
  });

  it('a FIFO is refused without hanging, a folder is refused, a missing file is named', async () => {
    const dir = dirs.copy(seeded);
    const fifo = join(work, 'scan.fifo');
    execFileSync('mkfifo', [fifo]);
    const piped = await measured([...archive(), '--attach', fifo], { dataDir: dir, timeoutMs: 60_000 });
    expectExit(piped, 2);
    expect(piped.stderr).toContain('(FIFO арнасы)');
    const folder = await cli([...archive(), '--attach', work], { dataDir: dir });
    expectExit(folder, 2);
    expect(folder.stderr).toContain('(қалта)');
    const missing = await cli([...archive(), '--attach', join(work, 'nope.pdf')], { dataDir: dir });
    expectExit(missing, 2);
    expect(missing.stderr).toContain('ENOENT');
  });

  it('a symbolic link is followed only to a regular file: a link to a scan is attached under the name typed, a link to /dev/zero is refused', async () => {
    const dir = dirs.copy(seeded);
    const scan = join(work, 'real-scan.pdf');
    writeFileSync(scan, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const link = join(work, 'linked-scan.pdf');
    symlinkSync(scan, link);
    const accepted = await cli([...archive(), '--attach', link, '--json'], { dataDir: dir });
    expectExit(accepted, 0);
    expect(json(accepted).attachments).toEqual([expect.objectContaining({ name: 'linked-scan.pdf', size: readFileSync(scan).byteLength })]);
    const zero = join(work, 'zero.pdf');
    symlinkSync('/dev/zero', zero);
    const refused = await measured([...archive(), '--attach', zero], { dataDir: dir, timeoutMs: 60_000 });
    expectExit(refused, 2);
    expect(refused.stderr).toContain('(құрылғы)');
  });

  it('a --data file over 2 MB is refused by size, naming --data', async () => {
    const big = join(work, 'big.json');
    writeFileSync(big, JSON.stringify({ filler: 'x'.repeat(3 * 1024 * 1024) }));
    const r = await cli(['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', big, '--lang', 'ru'], { dataDir: dirs.copy(seeded) });
    expectExit(r, 2);
    expect(r.stderr).toContain('--data: файл');
    expect(r.stderr).toContain('слишком велик, допускается не больше 2.0 MB');
  });

  it('a questionnaire saved with a UTF-8 byte-order mark (Windows Notepad) is accepted', async () => {
    const bom = join(work, 'bom.json');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(examples['archive-certificate'])]));
    const r = await cli(['submit', '--service', 'archive-certificate', '--channel', 'office', '--as', 'kzo-clerk', '--data', bom, '--json'], { dataDir: dirs.copy(seeded) });
    expectExit(r, 0);
    expect(json(r).state).toBe('SUBMITTED');
  });
});

describe('free text and ids given as options', () => {
  it('--note: 2000 characters (the terminal\'s own limit) are kept, 2001 or 100 KB are refused naming --note', async () => {
    const dir = dirs.copy(seeded);
    const number = json(await cli([...archive(), '--json'], { dataDir: dir })).number as string;
    for (const note of ['ж'.repeat(2001), 'x'.repeat(100 * 1024)]) {
      const r = await cli(['act', number, 'take', '--as', 'kzo-clerk', '--note', note, '--lang', 'ru'], { dataDir: dir });
      expectExit(r, 2);
      expect(r.stderr).toContain('Неверное значение --note: текст не длиннее 2000 символов');
      expect(r.stderr.length).toBeLessThan(500);
    }
    const escaped = await cli(['act', number, 'take', '--as', 'kzo-clerk', '--note', 'қабылданды\u001b]0;PWNED\u0007'], { dataDir: dir });
    expectExit(escaped, 2);
    const kept = await cli(['act', number, 'take', '--as', 'kzo-clerk', '--note', `${'ж'.repeat(1990)}\nекі жол`, '--json'], { dataDir: dir });
    expectExit(kept, 0);
    expect(json(kept).history.at(-1).note).toHaveLength(1998);
  });

  it('--paper takes a document code of at most 64 characters of a-z, 0-9, "-", "_", "."', async () => {
    const dir = dirs.copy(seeded);
    const before = json(await cli(['list', '--json', '--limit', '1000'], { dataDir: dir })).length;
    for (const paper of ['p'.repeat(100 * 1024), 'x'.repeat(65), '../../etc/passwd', 'бір құжат', 'id\u202Eevil', '']) {
      const r = await cli([...archive(), '--paper', paper], { dataDir: dir });
      expectExit(r, 2);
      expectNoCrash(r);
      expect(r.stderr).toContain('--paper мәні қате: құжат коды');
    }
    const ok = await cli([...archive(), '--paper', 'identity', '--json'], { dataDir: dir });
    expectExit(ok, 0);
    expect(json(ok).paperDocuments).toEqual(['identity']);
    expect(json(await cli(['list', '--json', '--limit', '1000'], { dataDir: dir }))).toHaveLength(before + 1);
  });

  it('--as, --reason, --office and --search are bounded too, and named', async () => {
    const dir = dirs.copy(seeded);
    const asLong = await cli(['status', '26-000001-9', '--as', 'a'.repeat(65)], { dataDir: dir });
    expectExit(asLong, 2);
    expect(asLong.stderr).toContain('--as');
    const reason = await cli(['act', '26-000001-9', 'refuse', '--as', 'kzo-clerk', '--reason', 'R'.repeat(100)], { dataDir: dir });
    expectExit(reason, 2);
    expect(reason.stderr).toContain('--reason');
    const office = await cli(['list', '--office', 'kzo archives'], { dataDir: dir });
    expectExit(office, 2);
    expect(office.stderr).toContain('--office');
    const search = await cli(['list', '--search', 'Ә'.repeat(201)], { dataDir: dir });
    expectExit(search, 2);
    expect(search.stderr).toContain('--search');
  });
});

describe('the helper itself', () => {
  it('is the only way the command line reads a file it was given', () => {
    // Every readFile/readFileSync under src/cli goes through read-limited.ts.
    const root = join(PROJECT, 'src', 'cli');
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d, { withFileTypes: true })) {
        const path = join(d, name.name);
        if (name.isDirectory()) walk(path);
        else if (name.name.endsWith('.ts') && name.name !== 'read-limited.ts' && /\breadFile(Sync)?\s*\(/.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
    expect(existsSync(join(root, 'read-limited.ts'))).toBe(true);
  });
});

// Escape sequences and bidi overrides entered through `submit --data` are covered end to end in
// privacy-terminal-escapes.test.ts (stored clean, drawn inert over SSH, printed inert by `status`).
