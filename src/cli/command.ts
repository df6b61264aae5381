import type { ParseArgsConfig } from 'node:util';
import type { Text } from '../core/i18n/text.js';
import type { DomainError, Result } from '../core/result.js';
import type { CliContext } from './context.js';
import { exitCodeOf } from './exit-codes.js';
import { printError } from './output.js';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly summary: Text;
  readonly options: Options;
  /** --lang names the language of a document the command writes, so "both" is a value too. */
  readonly langMayBeBoth?: boolean;
  /**
   * Runs in this process even while `serve` holds the store: the command needs no store, owns
   * it for a long time (serve, tui, demo) or opens another one. Every other command is handed to
   * a running `serve` through its control socket (src/cli/control).
   */
  readonly local?: boolean;
  /**
   * Which options and positionals name files: the client makes them absolute before handing the
   * command to `serve`, whose working folder is not the user's.
   */
  readonly paths?: {
    readonly options?: readonly string[];
    readonly positionals?: (positionals: readonly string[]) => readonly number[];
  };
  run(ctx: CliContext, values: Values, positionals: readonly string[]): Promise<number>;
}

/** Prints a failed result and returns its exit code; returns 0 for success after `onOk`. */
export function finish<T>(ctx: CliContext, result: Result<T, DomainError>, onOk: (value: T) => void): number {
  if (!result.ok) {
    printError(ctx, result.error);
    return exitCodeOf(result.error.code);
  }
  onOk(result.value);
  return 0;
}

export const str = (v: Values[string]): string | undefined => (typeof v === 'string' ? v : undefined);
export const strs = (v: Values[string]): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
