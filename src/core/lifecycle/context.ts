import type { WorkCalendar } from '../calendar/calendar.js';
import type { Organisation } from '../offices.js';
import type { Action, Actor } from '../request.js';
import type { Channel, ServiceDef } from '../services/types.js';

/** What a transition needs to know besides the request: time, calendar, the rules in force. */
export interface TransitionContext {
  /** ISO date-time of the change. */
  readonly now: string;
  /** Local date (Kazakhstan, UTC+5) of `now`, YYYY-MM-DD. */
  readonly today: string;
  readonly calendar: WorkCalendar;
  readonly service: ServiceDef;
  /** The provider office's configuration (extension opt-ins, storage of uncollected results). */
  readonly office: Organisation | undefined;
  readonly newId: () => string;
}

export interface Command {
  readonly action: Action;
  readonly actor: Actor;
  /** Where the actor works from; `system` for the scheduler and the notifier. */
  readonly channel: Channel | 'system';
  readonly reasons?: readonly string[];
  readonly note?: string;
  /** Extension ground code (extend). */
  readonly ground?: string;
  /** Certificate content filled by the clerk (issue). */
  readonly content?: Readonly<Record<string, unknown>>;
  /** The request number allocated by the store (register). */
  readonly number?: string;
  /** Given through the operator's command line: kept on the history event. */
  readonly via?: 'cli';
}
