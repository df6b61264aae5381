import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../src/cli/command.js';
import { keysCommand, pdfCommand, verifyCommand } from '../../src/cli/commands/documents.js';
import { demoCommand } from '../../src/cli/commands/demo.js';
import { exportCommand, listCommand } from '../../src/cli/commands/list.js';
import { exampleCommand, servicesCommand } from '../../src/cli/commands/services.js';
import { actCommand, statusCommand } from '../../src/cli/commands/status.js';
import { submitCommand } from '../../src/cli/commands/submit.js';
import { lookupCommand, reportCommand } from '../../src/cli/commands/supervision.js';
import { dueCommand, iinCommand } from '../../src/cli/commands/tools.js';
import { usersCommand } from '../../src/cli/commands/users.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { t } from '../../src/core/i18n/catalogue.js';
import { STATES } from '../../src/core/request.js';
import { exampleAnswers } from '../../src/core/services/examples.js';
import { SERVICE_IDS } from '../../src/core/services/types.js';
import { DOCUMENT_KINDS } from '../../src/documents/model.js';
import { CYRILLIC, KAZAKH_LETTERS, replay, runs, typedText } from './fuzz-inputs.js';

/**
 * Property-based fuzzing of the command line, run in-process (main.run with an Io that keeps what
 * is written) against a temp data dir holding the demo: whatever the arguments, the command
 * returns one of the documented exit codes without throwing, and bad input (exit 2) is explained
 * in the reader's language, naming the option at fault. serve, start and tui are left out: they
 * start servers or take over the terminal.
 */

const NOW = '2026-11-20T05:00:00Z';
const COMMANDS: readonly CommandSpec[] = [
  demoCommand, servicesCommand, exampleCommand, submitCommand, statusCommand, actCommand, listCommand, dueCommand,
  iinCommand, usersCommand, exportCommand, pdfCommand, verifyCommand, keysCommand, lookupCommand, reportCommand,
];
const DOCUMENTED = new Set<number>(Object.values(EXIT));
const GLOBAL_OPTIONS = ['data-dir', 'lang', 'json', 'help'];

interface Ran {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

let root: string;
let dataDir: string;
/** Files the arguments may name; every path an argument can reach lies under `root`. */
let files: { examples: string[]; notJson: string; array: string; missing: string; outCsv: string; outPdf: string; noDir: string };
let numbers: string[];
let code: string;
let cwd: string;
let home: string;

function io(env: Record<string, string>): Io & { outs: string[]; errs: string[] } {
  const outs: string[] = [];
  const errs: string[] = [];
  return {
    outs, errs,
    out: (text) => outs.push(text),
    err: (text) => errs.push(text),
    writeBinary: (bytes) => outs.push(`<${bytes.byteLength} bytes>`),
    // Never the developer's ANYQTAMA_* settings; the data dir is fixed here, never by an argument.
    env: { ANYQTAMA_NOW: NOW, ANYQTAMA_DATA_DIR: dataDir, ...env },
  };
}

async function cli(argv: readonly string[], env: Record<string, string> = {}): Promise<Ran> {
  const sink = io(env);
  const exit = await run(argv, sink);
  return { code: exit, out: sink.outs.join('\n'), err: sink.errs.join('\n') };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'aq-fuzz-cli-'));
  dataDir = join(root, 'data');
  cwd = join(root, 'cwd');
  mkdirSync(cwd);
  // A command given no -o writes beside the caller (pdf, or a relative -o): the temp cwd catches it.
  home = process.cwd();
  process.chdir(cwd);
  files = {
    examples: SERVICE_IDS.map((id) => {
      const path = join(root, `${id}.json`);
      writeFileSync(path, JSON.stringify(exampleAnswers(id)));
      return path;
    }),
    notJson: join(root, 'not.json'),
    array: join(root, 'array.json'),
    missing: join(root, 'no-such-file.json'),
    outCsv: join(root, 'out.csv'),
    outPdf: join(root, 'out.pdf'),
    noDir: join(root, 'no', 'such', 'dir', 'out.csv'),
  };
  writeFileSync(files.notJson, '{"applicant": ');
  writeFileSync(files.array, '[1, 2]');
  const demo = await cli(['demo']);
  expect(demo.code, demo.err).toBe(0);
  const listed = await cli(['list', '--json', '--limit', '100']);
  numbers = (JSON.parse(listed.out) as { number: string | null }[]).flatMap((r) => (r.number ? [r.number] : []));
  expect(numbers.length).toBeGreaterThan(5);
  const issued = (JSON.parse((await cli(['list', '--json', '--state', 'ISSUED'])).out) as { number: string }[])[0]!;
  code = (JSON.parse((await cli(['status', issued.number, '--json'])).out) as { decision: { document: { code: string } } }).decision.document.code;
});

afterAll(() => {
  process.chdir(home);
  rmSync(root, { recursive: true, force: true });
});

/** Typed garbage that cannot name a path outside the temp folders (no separators). */
const garbage = typedText.map((s) => s.replace(/[/\\]/g, '_'));

/** Values an option or a positional may take: real ones from the store, near misses, garbage. */
function value(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...numbers, '26-000001-0', '26000001', '№ 26-000001-1', '00-000000-0', '99-999999-9'),
    fc.constantFrom(...SERVICE_IDS, 'nope', 'ARCHIVE-CERTIFICATE'),
    fc.constantFrom('admin', 'kzo-clerk', 'kzo-operator', 'callcentre', 'supervisor', 'nobody', 'ADMIN'),
    fc.constantFrom('take', 'issue', 'refuse', 'extend', 'return', 'deliver', 'store', 'register', 'refuseIntake', 'list', 'add', 'remove', 'key', 'password', 'check', 'trust', 'crl'),
    fc.constantFrom(...STATES, 'submitted', 'DONE'),
    fc.constantFrom('2026-03-02', '02.03.2026', '2026-02-30', '2026-13-01', '31.02.2026', '2026-1-1', '0000-00-00', '99999-01-01'),
    fc.constantFrom('0', '1', '10', '3650', '3651', '-1', '1.5', '1e3', 'NaN', 'Infinity', '０', '１０', '9'.repeat(30)),
    fc.constantFrom('office', 'centre', 'mobile', 'bot', 'post', 'json', 'csv', 'xml', 'kk', 'ru', 'both', 'en', ...DOCUMENT_KINDS),
    fc.constantFrom('850305400010', '850305400011', '12345', 'a=b', '=b', 'content=x', code, 'ABCDE-12345', '-'),
    fc.constantFrom(...files.examples, files.notJson, files.array, files.missing, files.outCsv, files.outPdf, files.noDir),
    garbage,
  );
}

/** One word of a command line after the command's name. */
function token(command: CommandSpec | undefined): fc.Arbitrary<string[]> {
  const own = Object.keys(command?.options ?? {});
  const others = [...new Set(COMMANDS.flatMap((c) => Object.keys(c.options)))].filter((o) => !own.includes(o) && o !== 'lang' && o !== 'data-dir');
  const name = fc.oneof(
    { arbitrary: own.length ? fc.constantFrom(...own) : fc.constant('json'), weight: 5 },
    { arbitrary: fc.constantFrom('json', 'help', ...others), weight: 2 },
    { arbitrary: fc.stringMatching(/^[a-z][a-z-]{0,12}$/).filter((w) => !w.startsWith('data-dir') && !w.startsWith('lang')), weight: 1 },
  );
  return fc.oneof(
    { arbitrary: fc.tuple(name, value()).map(([n, v]) => [`--${n}`, v]), weight: 5 },
    { arbitrary: name.map((n) => [`--${n}`]), weight: 2 },
    { arbitrary: fc.tuple(name, value()).map(([n, v]) => [`--${n}=${v}`]), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('-o', '-h', '-x', '-'), value()).map(([s, v]) => [s, v]), weight: 1 },
    { arbitrary: value().map((v) => [v]), weight: 4 },
  );
}

type LangChoice = { readonly lang: 'kk' | 'ru'; readonly how: 'flag' | 'equals' | 'env' | 'default' };
const langChoice: fc.Arbitrary<LangChoice> = fc.oneof(
  fc.record({ lang: fc.constantFrom<'kk' | 'ru'>('kk', 'ru'), how: fc.constantFrom<'flag' | 'equals' | 'env'>('flag', 'equals', 'env') }),
  fc.constant<LangChoice>({ lang: 'kk', how: 'default' }),
);

/** The command line in the language asked for; `front` puts --lang before the command, as scripts may. */
function withLang(argv: readonly string[], choice: LangChoice, front: boolean): { argv: string[]; env: Record<string, string> } {
  if (choice.how === 'env') return { argv: [...argv], env: { ANYQTAMA_LANG: choice.lang } };
  if (choice.how === 'default') return { argv: [...argv], env: {} };
  const flag = choice.how === 'flag' ? ['--lang', choice.lang] : [`--lang=${choice.lang}`];
  return { argv: front ? [...flag, ...argv] : [...argv, ...flag], env: {} };
}

const other = (lang: 'kk' | 'ru'): 'kk' | 'ru' => (lang === 'kk' ? 'ru' : 'kk');

/** A refusal in `lang`: Cyrillic, Kazakh letters in a Kazakh one, and different from the same refusal in the other language. */
async function expectInLanguage(argv: readonly string[], choice: LangChoice, front: boolean, ran: Ran): Promise<string> {
  const said = `${ran.err}\n${ran.out}`;
  expect(said, 'a refusal must say something').toMatch(CYRILLIC);
  if (choice.lang === 'kk') expect(said, 'a Kazakh refusal').toMatch(KAZAKH_LETTERS);
  // A line that already holds a (bad) --lang is switched by ANYQTAMA_LANG, which then decides.
  const how = choice.how !== 'default' ? choice.how : argv.some((a) => a.startsWith('--lang')) ? 'env' : 'flag';
  const flip = withLang(argv, { lang: other(choice.lang), how }, front);
  const again = await cli(flip.argv, flip.env);
  expect(again.code).toBe(ran.code);
  expect(`${again.err}\n${again.out}`, 'the same refusal in the other language').not.toBe(said);
  return said;
}

/**
 * Why the command failed: stderr; with --json the error object on stdout; for verify, its
 * verdict on stdout (an unknown or altered document is the answer, not an error).
 */
function explanation(ran: Ran): string {
  return ran.err.trim() !== '' ? ran.err : ran.out;
}

const stats = { runs: 0, codes: new Map<number, number>() };
afterAll(() => {
  console.info(`cli fuzz: ${stats.runs} command lines; exit codes ${[...stats.codes].sort().map(([c, n]) => `${c}×${n}`).join(', ')}`);
});

async function check(argv: readonly string[], choice: LangChoice, front: boolean): Promise<Ran> {
  const { argv: line, env } = withLang(argv, choice, front);
  const ran = await cli(line, env);
  stats.runs += 1;
  stats.codes.set(ran.code, (stats.codes.get(ran.code) ?? 0) + 1);
  expect(DOCUMENTED.has(ran.code), `exit ${ran.code} is not a documented exit code`).toBe(true);
  expect(`${ran.out}\n${ran.err}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  if (ran.code !== EXIT.ok) {
    // No command at all prints the usage (on stdout) with exit 2; anything else explains itself.
    const noCommand = (['kk', 'ru'] as const).some((lang) => ran.out.startsWith(t(lang, 'cli.usage')));
    if (!noCommand) expect(explanation(ran).trim().length, `exit ${ran.code} without a word on why`).toBeGreaterThan(0);
  }
  if (ran.code === EXIT.badInput) await expectInLanguage(argv, choice, front, ran);
  return ran;
}

/** Only the command's own options, each with a value when it takes one, and positionals: lines that get past parsing. */
function plausibleToken(command: CommandSpec): fc.Arbitrary<string[]> {
  const own = Object.entries(command.options);
  const positional = value().map((v) => [v]);
  if (own.length === 0) return fc.oneof(positional, fc.constant<string[]>(['--json']));
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...own), value()).map(([[n, o], v]) => (o.type === 'boolean' ? [`--${n}`] : [`--${n}`, v])), weight: 3 },
    { arbitrary: positional, weight: 2 },
    { arbitrary: fc.constant<string[]>(['--json']), weight: 1 },
  );
}

describe('the command line, whatever the arguments', () => {
  const commandName = fc.oneof(
    { arbitrary: fc.constantFrom(...COMMANDS.map((c) => c.name)), weight: 8 },
    { arbitrary: fc.constantFrom('help', 'serv', 'LIST', 'stat', 'тізім', ''), weight: 1 },
  );
  const line = commandName.chain((name) => {
    const command = COMMANDS.find((c) => c.name === name);
    const words = command ? fc.oneof(token(command), { arbitrary: plausibleToken(command), weight: 2 }) : token(command);
    return fc.record({
      name: fc.constant(name),
      rest: fc.array(words, { maxLength: 6 }).map((ts) => ts.flat()),
      choice: langChoice,
      front: fc.boolean(),
    });
  });

  it('returns a documented exit code, never throws, and explains bad input in the reader\'s language', async () => {
    await fc.assert(
      fc.asyncProperty(line, async ({ name, rest, choice, front }) => {
        await check(name === '' ? rest : [name, ...rest], choice, front);
      }),
      { numRuns: runs(100, 300), ...replay },
    );
  }, runs(120_000, 600_000));
});

interface Corruption {
  readonly argv: string[];
  /** The option the message must name. */
  readonly names: string;
}

/** Command lines that would work, each with one thing wrong about one option. */
function corrupted(): fc.Arbitrary<Corruption> {
  const n = () => numbers[0]!;
  const bases: Record<string, () => string[]> = {
    due: () => ['due', '--from', '2026-03-02', '--days', '10', '--working'],
    list: () => ['list', '--state', 'SUBMITTED', '--service', 'archive-certificate', '--limit', '5'],
    export: () => ['export', '--format', 'csv', '-o', files.outCsv],
    report: () => ['report', '--as', 'supervisor', '--from', '2026-01-01', '--to', '2026-12-31'],
    submit: () => ['submit', '--service', 'archive-certificate', '--channel', 'office', '--data', files.examples[0]!, '--as', 'kzo-clerk'],
    verify: () => ['verify', '--number', n(), '--code', code],
    pdf: () => ['pdf', '--sample', 'receipt', '-o', files.outPdf],
    act: () => ['act', n(), 'take', '--as', 'kzo-clerk'],
    lookup: () => ['lookup', n(), '--as', 'callcentre'],
    status: () => ['status', n()],
    services: () => ['services'],
    iin: () => ['iin', '850305400010'],
  };
  /** [command, option, bad value]: values the command itself must refuse. */
  const badValues: [string, string, string[]][] = [
    ['due', '--from', ['yesterday', '2026-02-30', '2026-13-01', '31.02.2026', '']],
    ['due', '--days', ['0', 'ten', '1.5', '3651', '-1', '']],
    ['list', '--state', ['DONE', 'SUBMITED']],
    ['list', '--service', ['nope', 'ARCHIVE-CERTIFICATE']],
    ['submit', '--channel', ['post', 'OFFICE']],
    ['export', '--format', ['xml', 'CSV']],
    ['report', '--from', ['01.01.2026', '2026-1-1', 'x']],
    ['report', '--to', ['2026-02-30', '31.12.2026']],
    ['pdf', '--lang', ['de', 'kz', 'KK']],
    ['pdf', '--sample', ['nope', 'RECEIPT']],
    ['verify', '--number', ['abc', '26-000001-0', '123']],
    ['verify', '--code', ['!!', 'ABC', 'UUUUU-UUUUU']],
    ['act', '--field', ['noequals', '=x']],
    ['services', '--lang', ['de', 'kz', 'RU']],
  ];
  const replace = (argv: string[], option: string, v: string): string[] => {
    const i = argv.indexOf(option);
    return i < 0 ? [...argv, `${option}=${v}`] : [...argv.slice(0, i), `${option}=${v}`, ...argv.slice(i + 2)];
  };
  const names = Object.keys(bases);
  // Right after the command or at the end: never between an option and its value.
  const unknown = fc.tuple(fc.constantFrom(...names), fc.stringMatching(/^[a-z][a-z0-9-]{1,15}$/), fc.boolean()).map(([c, word, first]): Corruption => {
    const spec = COMMANDS.find((x) => x.name === c)!;
    const option = `--${[...Object.keys(spec.options), ...GLOBAL_OPTIONS].some((o) => word.startsWith(o)) ? `x-${word}` : word}`;
    const argv = bases[c]!();
    return { argv: first ? [argv[0]!, option, ...argv.slice(1)] : [...argv, option], names: option };
  });
  const stringOptions = names.flatMap((c) => {
    const spec = COMMANDS.find((x) => x.name === c)!;
    return Object.entries(spec.options).filter(([, o]) => o.type === 'string').map(([o]) => [c, o] as const);
  });
  const noValue = fc.constantFrom(...stringOptions).map(([c, o]): Corruption => ({ argv: [...bases[c]!(), `--${o}`], names: `--${o}` }));
  const ambiguous = fc.constantFrom(...stringOptions).map(([c, o]): Corruption => {
    const argv = bases[c]!().filter((_, i, all) => all[i] !== `--${o}` && all[i - 1] !== `--${o}`);
    return { argv: [...argv, `--${o}`, '--json'], names: `--${o}` };
  });
  const booleanWithValue = fc.tuple(fc.constantFrom(...names), fc.constantFrom('yes', '1', 'true')).map(([c, v]): Corruption => {
    const spec = COMMANDS.find((x) => x.name === c)!;
    const flag = Object.entries(spec.options).find(([, o]) => o.type === 'boolean')?.[0] ?? 'json';
    return { argv: [...bases[c]!(), `--${flag}=${v}`], names: `--${flag}` };
  });
  const badValue = fc.constantFrom(...badValues).chain(([c, option, vs]) =>
    fc.constantFrom(...vs).map((v): Corruption => ({ argv: replace(bases[c]!(), option, v), names: option })));
  return fc.oneof(unknown, noValue, ambiguous, booleanWithValue, { arbitrary: badValue, weight: 3 });
}

describe('a mistake about one option', () => {
  it('exits 2 with a message in the reader\'s language that names the option', async () => {
    await fc.assert(
      fc.asyncProperty(corrupted(), langChoice, async ({ argv, names }, choice) => {
        // The bad --lang cases choose the language themselves: Kazakh, the default.
        const lang: LangChoice = argv.some((a) => a.startsWith('--lang')) ? { lang: 'kk', how: 'default' } : choice;
        const ran = await check(argv, lang, false);
        expect(ran.code, `${argv.join(' ')}\n${ran.out}\n${ran.err}`).toBe(EXIT.badInput);
        expect(explanation(ran), `${argv.join(' ')}: the message must name ${names}`).toContain(names);
      }),
      { numRuns: runs(60, 150), ...replay },
    );
  }, runs(120_000, 600_000));
});

/** Problems the fuzzing found (now fixed), each as its smallest command line. */
describe('found by fuzzing', () => {
  it('pdf with an output file that cannot be written says so instead of crashing', async () => {
    const ran = await cli(['pdf', '--sample', 'receipt', '-o', files.noDir]);
    expect(ran.code).toBe(EXIT.badInput);
    expect(ran.err).toContain(files.noDir);
  });

  it('export with an output file that cannot be written says so instead of crashing', async () => {
    const ran = await cli(['export', '--format', 'csv', '-o', files.noDir]);
    expect(ran.code).toBe(EXIT.badInput);
    expect(ran.err).toContain(files.noDir);
  });

  it('list --limit that is not a number is bad input naming --limit, not an empty queue', async () => {
    const ran = await cli(['list', '--limit', 'abc']);
    expect(ran.code).toBe(EXIT.badInput);
    expect(ran.err).toContain('--limit');
  });

  it('list --state with an empty value is bad input naming --state, not an empty queue', async () => {
    const ran = await cli(['list', '--state=']);
    expect(ran.code).toBe(EXIT.badInput);
    expect(ran.err).toContain('--state');
  });

  it('a mistyped option is explained in Russian only, without node\'s English sentence', async () => {
    const ran = await cli(['list', '--frob', '--lang', 'ru']);
    expect(ran.code).toBe(EXIT.badInput);
    expect(ran.err).toContain('--frob');
    expect(ran.err).not.toMatch(/Unknown option|argument missing|does not take an argument|ambiguous/);
  });
});
