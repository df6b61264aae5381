import { parseArgs } from 'node:util';
import { t } from '../core/i18n/catalogue.js';
import { isLang, pick, type Lang } from '../core/i18n/text.js';
import { domainError } from '../core/result.js';
import { resolveDataDir } from '../config/paths.js';
import { badValue, checkOptionText } from './args.js';
import type { CommandSpec, Options, Values } from './command.js';
import { CliContext, type HostedRun } from './context.js';
import { resolve } from 'node:path';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { checkDataDir } from './data-dir.js';
import { processIo, type Io } from './io.js';
import { printError } from './output.js';
/**
 * Every command by name, and the module that defines it: only the command being run is loaded, so
 * `anyqtama iin` does not pay for Ink, pdfkit, ssh2 or the store (issue 18). The order is `--help`'s.
 */
const COMMANDS: readonly { readonly name: string; load(): Promise<CommandSpec> }[] = [
  { name: 'serve', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'start', load: async () => (await import('./commands/start.js')).startCommand },
  { name: 'demo', load: async () => (await import('./commands/demo.js')).demoCommand },
  { name: 'services', load: async () => (await import('./commands/services.js')).servicesCommand },
  { name: 'example', load: async () => (await import('./commands/services.js')).exampleCommand },
  { name: 'submit', load: async () => (await import('./commands/submit.js')).submitCommand },
  { name: 'status', load: async () => (await import('./commands/status.js')).statusCommand },
  { name: 'act', load: async () => (await import('./commands/status.js')).actCommand },
  { name: 'list', load: async () => (await import('./commands/list.js')).listCommand },
  { name: 'due', load: async () => (await import('./commands/tools.js')).dueCommand },
  { name: 'iin', load: async () => (await import('./commands/tools.js')).iinCommand },
  { name: 'users', load: async () => (await import('./commands/users.js')).usersCommand },
  { name: 'export', load: async () => (await import('./commands/list.js')).exportCommand },
  { name: 'pdf', load: async () => (await import('./commands/documents.js')).pdfCommand },
  { name: 'verify', load: async () => (await import('./commands/documents.js')).verifyCommand },
  { name: 'keys', load: async () => (await import('./commands/documents.js')).keysCommand },
  { name: 'tui', load: async () => (await import('./commands/tui.js')).tuiCommand },
  { name: 'lookup', load: async () => (await import('./commands/supervision.js')).lookupCommand },
  { name: 'report', load: async () => (await import('./commands/supervision.js')).reportCommand },
  { name: 'migrate', load: async () => (await import('./commands/migrate.js')).migrateCommand },
  { name: 'store', load: async () => (await import('./commands/store.js')).storeCommand },
  { name: 'retention', load: async () => (await import('./commands/retention.js')).retentionCommand },
];

const GLOBAL: Options = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

/** The one place every command is loaded: the list of them all. */
async function help(io: Io, lang: Lang): Promise<void> {
  const commands = await Promise.all(COMMANDS.map((c) => c.load()));
  io.out(t(lang, 'cli.usage'));
  for (const c of commands) io.out(`  ${c.usage}\n      ${pick(c.summary, lang)}`);
  io.out('  --data-dir DIR (ANYQTAMA_DATA_DIR) · --database-url postgres://… (ANYQTAMA_DATABASE_URL) · --lang kk|ru|en (ANYQTAMA_LANG) · --json');
}

/** Global options that take a value, so the word after them is not the command. */
const VALUED = new Set(['--data-dir', '--database-url', '--lang']);

/** The command is the first word that is neither an option nor a global option's value. */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') break;
    if (word.startsWith('-')) {
      if (VALUED.has(word)) i++;
      continue;
    }
    return { name: word, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

/** --lang read before anything can fail, so even a mistyped option is explained in that language. */
function earlyLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const i = argv.findIndex((w) => w === '--lang' || w.startsWith('--lang='));
  const value = i < 0 ? env.ANYQTAMA_LANG : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return isLang(value) ? value : isLang(env.ANYQTAMA_LANG) ? env.ANYQTAMA_LANG : 'kk';
}

/** node's parseArgs says what is wrong in English: the same, in the reader's language, naming the option. */
function optionError(error: Error & { code?: string }) {
  // "Unknown option '--frob'", "Option '-o, --output <value>' argument missing": the long name.
  const option = /'(?:-[^-\s,'], )?(-{1,2}[^'\s<,]+)/.exec(error.message)?.[1];
  if (option && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return domainError('VALIDATION', { key: 'cli.unknownOption', params: { option } });
  if (option && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return domainError('VALIDATION', { key: /does not take an argument/.test(error.message) ? 'cli.optionTakesNoValue' : 'cli.optionNeedsValue', params: { option } });
  }
  const detail = error.message.replace(/\. To specify a positional argument.*$/s, '');
  return domainError('VALIDATION', { key: 'cli.badOption', params: { detail } });
}

/**
 * The words to hand to a running `serve`: the command, then the user's words with every file
 * made absolute (serve's working folder is not the user's) and the store's location left out
 * (serve has its own, which is how the client found it).
 */
function forwardedArgv(command: CommandSpec, rest: readonly string[], positionals: readonly string[], cwd: string): string[] {
  const { tokens } = parseArgs({ args: [...rest], options: { ...GLOBAL, ...command.options }, allowPositionals: true, strict: true, tokens: true });
  const pathOptions = new Set(command.paths?.options ?? []);
  const pathPositionals = new Set(command.paths?.positionals?.(positionals) ?? []);
  const absolute = (value: string) => (value === '-' || value === '' ? value : resolve(cwd, value));
  const out: string[] = [command.name];
  let positional = 0;
  for (const token of tokens ?? []) {
    if (token.kind === 'option-terminator') {
      out.push('--');
      continue;
    }
    if (token.kind === 'positional') {
      out.push(pathPositionals.has(positional) ? absolute(token.value) : token.value);
      positional += 1;
      continue;
    }
    if (token.name === 'data-dir' || token.name === 'database-url') continue;
    if (token.value === undefined) out.push(`--${token.name}`);
    else out.push(`--${token.name}=${pathOptions.has(token.name) ? absolute(token.value) : token.value}`);
  }
  return out;
}

/** The `anyqtama` command. Returns the exit code: 0 ok, 2 bad input, 3 not found, 4 refused, 1 other. */
export async function run(argv: readonly string[], io: Io = processIo, hosted?: HostedRun): Promise<number> {
  const { name, rest } = splitCommand(argv);
  const command = await COMMANDS.find((c) => c.name === name)?.load();
  const fallbackLang = earlyLang(argv, io.env);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL, ...(command?.options ?? {}) }, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    const ctx = new CliContext(io, fallbackLang, argv.includes('--json'), resolveDataDir(undefined, io.env), argv.join(' '));
    printError(ctx, optionError(error as Error & { code?: string }));
    return EXIT.badInput;
  }
  const { values, positionals } = parsed;
  // earlyLang already chose the language (--lang, else ANYQTAMA_LANG, else Kazakh); only a bad value is left to report.
  const lang = fallbackLang;
  const langValue = values.lang ?? io.env.ANYQTAMA_LANG;
  const dataDir = hosted ? hosted.dataDir : resolveDataDir(typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined, io.env);
  const databaseUrl = hosted ? hosted.databaseUrl : (typeof values['database-url'] === 'string' ? values['database-url'] : io.env.ANYQTAMA_DATABASE_URL)?.trim() || undefined;
  const extras = hosted ? { host: hosted.services, cwd: hosted.cwd, osUser: hosted.osUser, dispatch: run } : { dispatch: run };
  const ctx = new CliContext(io, lang, values.json === true, dataDir, `anyqtama ${argv.join(' ')}`, databaseUrl, extras);
  // For `pdf`, --lang is the document's language (kk, ru or both on one page): the command checks it.
  const documentLang = command?.langMayBeBoth === true && values.lang !== undefined;
  if (langValue !== undefined && !isLang(langValue) && !documentLang) {
    printError(ctx, badValue(lang, '--lang', 'cli.expected.lang'));
    return EXIT.badInput;
  }
  if (name === 'help' || values.help === true || !name) {
    await help(io, lang);
    return name || values.help === true ? EXIT.ok : EXIT.badInput;
  }
  if (!command) {
    printError(ctx, domainError('VALIDATION', { key: 'cli.unknownCommand', params: { command: name } }));
    return EXIT.badInput;
  }
  const texts = checkOptionText(lang, values);
  if (!texts.ok) {
    printError(ctx, texts.error);
    return EXIT.badInput;
  }
  const dirFlag = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  const dirChecked = checkDataDir(lang, dirFlag ?? io.env.ANYQTAMA_DATA_DIR, dirFlag !== undefined ? '--data-dir' : 'ANYQTAMA_DATA_DIR', dataDir);
  if (!dirChecked.ok) {
    printError(ctx, dirChecked.error);
    return exitCodeOf(dirChecked.error.code);
  }
  if (hosted && command.local) {
    printError(ctx, domainError('VALIDATION', { key: 'control.localOnly', params: { command: command.name } }));
    return EXIT.badInput;
  }
  // While `serve` holds the embedded store, it runs the command (a database needs no go-between).
  if (!hosted && !databaseUrl && !command.local) {
    const [{ forwardToServe }, { forwardedEnv, PROTOCOL }] = await Promise.all([import('./control/client.js'), import('./control/protocol.js')]);
    const forwarded = await forwardToServe(dataDir, {
      v: PROTOCOL, argv: forwardedArgv(command, rest, positionals, ctx.cwd), cwd: ctx.cwd, env: forwardedEnv(io.env), osUser: ctx.osUser,
    }, io, lang);
    if (forwarded !== null) return forwarded;
  }
  return command.run(ctx, values, positionals);
}
