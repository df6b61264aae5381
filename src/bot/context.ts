import type { Context, MiddlewareFn } from 'telegraf';
import type { CallbackData, CallbackKind, CallbackOf, Stale } from './callback-data.js';
import type { ApplyFlow, Flow, Stage } from './flow.js';
import type { Incoming } from './incoming.js';
import type { Turn } from './turn.js';

/** The citizen bot's telegraf context: the update's turn rides along as `ctx.turn` (set by keep-chat.ts). */
export interface BotContext extends Context {
  turn: Turn;
}

/** What a citizen may send instead of a command or a button press. */
export type Input = Exclude<Incoming, { kind: 'command' } | { kind: 'button' }>;

type Done = void | Promise<void>;
type Many<T> = T | readonly T[];

const listed = <T>(many: Many<T>, one: T): boolean => (Array.isArray(many) ? many.includes(one) : many === one);

// The filters the composers are built from, after grammY's: each handles what it names and passes
// everything else on, and hands its handler what it checked (the command's payload, the decoded
// button, the flow at its stage) already narrowed. The update was read once, defensively
// (incoming.ts), and a button's data decoded once (callback-data.ts): nothing here parses.

/** A command (`/status`), by any of its names. */
export function onCommand(names: Many<string>, handle: (turn: Turn, payload: string) => Done): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const incoming = ctx.turn.update.incoming;
    return incoming.kind === 'command' && listed(names, incoming.command) ? handle(ctx.turn, incoming.payload) : next();
  };
}

const isKind = <K extends CallbackKind>(data: CallbackData | Stale | null, kinds: Many<K>): data is CallbackOf<K> =>
  data !== null && data.kind !== 'stale' && listed<CallbackKind>(kinds, data.kind);

const applyingAt = (flow: Flow, stages: Many<Stage>): flow is ApplyFlow => flow?.kind === 'apply' && listed(stages, flow.stage);

/** A button of these kinds, wherever the citizen stands. */
export function onButton<K extends CallbackKind>(kinds: Many<K>, handle: (turn: Turn, data: CallbackOf<K>) => Done): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const data = ctx.turn.pressed;
    return isKind(data, kinds) ? handle(ctx.turn, data) : next();
  };
}

/** A button of the application under way, taken only at the stages that offer it. */
export function onApplyButton<K extends CallbackKind>(stages: Many<Stage>, kinds: Many<K>, handle: (turn: Turn, flow: ApplyFlow, data: CallbackOf<K>) => Done): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const { turn } = ctx;
    const data = turn.pressed;
    return isKind(data, kinds) && applyingAt(turn.flow, stages) ? handle(turn, turn.flow, data) : next();
  };
}

/** Text, a contact, a file (or anything else) sent while the application stands at one of these stages. */
export function onApplyInput(stages: Many<Stage>, handle: (turn: Turn, flow: ApplyFlow, input: Input) => Done): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const { turn } = ctx;
    const input = inputOf(turn);
    return input && applyingAt(turn.flow, stages) ? handle(turn, turn.flow, input) : next();
  };
}

/** What is sent while one of the other flows is under way (the status check, the language question). */
export function onInput<F extends OtherFlow>(kind: F, handle: (turn: Turn, flow: Extract<Flow, { kind: F }>, input: Input) => Done): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const { turn } = ctx;
    const input = inputOf(turn);
    const flow = turn.flow;
    return input && isFlow(flow, kind) ? handle(turn, flow, input) : next();
  };
}

type OtherFlow = Exclude<NonNullable<Flow>['kind'], 'apply'>;
const isFlow = <F extends OtherFlow>(flow: Flow, kind: F): flow is Extract<Flow, { kind: F }> => flow?.kind === kind;

function inputOf(turn: Turn): Input | null {
  const incoming = turn.update.incoming;
  return incoming.kind === 'command' || incoming.kind === 'button' ? null : incoming;
}
