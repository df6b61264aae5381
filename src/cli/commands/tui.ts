import { t } from '../../core/i18n/catalogue.js';
import { ok } from '../../core/result.js';
import { finish, str, type CommandSpec } from '../command.js';
import { badValue } from '../args.js';
import { fail } from '../../core/result.js';
import { openTuiServices } from '../tui-services.js';
import type { CliContext } from '../context.js';

export interface LocalTuiOptions {
  readonly plain: boolean;
  readonly fullRedraw: boolean;
}

/**
 * Runs one TUI session on this terminal. Ink is loaded only here, after clearing `CI`: ink decides
 * at import time that a CI run gets no interactive output (ARCHITECTURE.md), and a clerk's
 * terminal must not depend on what the environment happens to say.
 */
export async function runLocalTui(ctx: CliContext, options: LocalTuiOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    ctx.io.err(t(ctx.lang, 'cli.tui.needsTerminal'));
    return 2;
  }
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  const plain = options.plain || 'NO_COLOR' in process.env || process.env.TERM === 'dumb';
  const opened = await openTuiServices(ctx);
  if (!opened.ok) return finish(ctx, opened, () => undefined);
  const services = opened.value;
  const [{ startTui }, { TerminalOutput }] = await Promise.all([import('../../tui/run.js'), import('../../tui/terminal.js')]);
  const output = new TerminalOutput((chunk) => process.stdout.write(chunk), { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 });
  const onResize = () => output.resize({ columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 });
  process.stdout.on('resize', onResize);
  const session = startTui({
    stdin: process.stdin,
    stdout: output,
    services,
    lang: ctx.lang === 'en' ? 'ru' : ctx.lang,
    plain,
    source: 'local',
    fullRedraw: options.fullRedraw,
  });
  const stop = () => session.unmount();
  process.once('SIGTERM', stop);
  process.once('SIGHUP', stop);
  try {
    await session.waitUntilExit();
  } finally {
    process.stdout.off('resize', onResize);
    output.flush();
    await services.store.close();
  }
  return 0;
}

export const tuiCommand: CommandSpec = {
  name: 'tui',
  local: true,
  usage: 'anyqtama tui [--plain] [--render incremental|full]',
  summary: { kk: 'Қызметкердің терминалы (осы терминалда)', ru: 'Терминал сотрудника (в этом терминале)', en: 'The clerk terminal UI, here' },
  options: { plain: { type: 'boolean' }, render: { type: 'string' } },
  async run(ctx, values) {
    const renderMode = str(values.render) ?? 'incremental';
    if (renderMode !== 'incremental' && renderMode !== 'full') return finish(ctx, fail(badValue(ctx.lang, '--render', 'cli.expected.renderMode')), () => undefined);
    const code = await runLocalTui(ctx, { plain: values.plain === true, fullRedraw: renderMode === 'full' });
    return code === 0 ? finish(ctx, ok(null), () => undefined) : code;
  },
};
