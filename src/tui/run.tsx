import { render } from 'ink';
import type { Lang } from '../core/i18n/text.js';
import type { User } from '../store/port.js';
import { App } from './app.js';
import { KeyQueue } from './hooks/use-keys.js';
import type { TuiServices } from './services.js';
import type { TerminalOutput } from './terminal.js';

export interface TuiSessionOptions {
  /** Raw key bytes (a local TTY in raw mode, or an SSH channel). */
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: TerminalOutput;
  readonly services: TuiServices;
  /** Already authenticated (SSH log-in): the session opens without the log-in screen. */
  readonly user?: User;
  readonly lang?: Lang;
  /** No colour: the selected row is marked with a sign instead of inverse video. */
  readonly plain?: boolean;
  /** Where the session comes from (SSH client address, or 'local'): log-in throttling and logs. */
  readonly source?: string;
  /** Ink's default full redraw instead of changed lines only: for comparison in bench/tui-bytes. */
  readonly fullRedraw?: boolean;
}

export interface TuiSession {
  /** Ends the session now (connection dropped, idle timeout, server stopping). Safe to call twice. */
  unmount(): void;
  /** Resolves when the user logged out or the session was unmounted. */
  waitUntilExit(): Promise<void>;
}

/** One clerk's session: its own Ink instance over the given streams, on the shared services. */
export function startTui(options: TuiSessionOptions): TuiSession {
  const instance = render(
    <KeyQueue>
      <App services={options.services} user={options.user} lang={options.lang ?? 'kk'} plain={options.plain ?? false} source={options.source ?? 'local'} />
    </KeyQueue>,
    {
      stdin: options.stdin as NodeJS.ReadStream,
      stdout: options.stdout as unknown as NodeJS.WriteStream,
      stderr: options.stdout as unknown as NodeJS.WriteStream,
      // Only changed lines are written (ink patched by patches/ink+6.8.0.patch); never patch the
      // daemon's console, and never exit the process on Ctrl+C: it ends this session only.
      incrementalRendering: !options.fullRedraw,
      patchConsole: false,
      exitOnCtrlC: false,
    },
  );
  let done = false;
  return {
    unmount() {
      if (done) return;
      done = true;
      instance.unmount();
    },
    waitUntilExit: () => instance.waitUntilExit().then(() => undefined),
  };
}
