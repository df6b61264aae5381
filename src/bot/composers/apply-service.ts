import { randomUUID } from 'node:crypto';
import { Composer } from 'telegraf';
import { providersOf } from '../../core/offices.js';
import { ask, stale } from '../ask.js';
import { onApplyButton, onButton, type BotContext } from '../context.js';
import { botServices, type ApplyFlow } from '../flow.js';
import type { Turn } from '../turn.js';
import { startForm } from './apply-questions.js';

/** A service of the menu: its office (asked only where several give it), then the intro. */
function chooseService(turn: Turn, id: string): void {
  const service = botServices().find((s) => s.id === id);
  if (!service) return stale(turn);
  const providers = providersOf(turn.reference.offices, service.id);
  const flow: ApplyFlow = {
    kind: 'apply', service: service.id, requestId: randomUUID(), doc: 0, files: [],
    stage: providers.length === 1 ? 'intro' : 'office',
    ...(providers.length === 1 ? { office: providers[0]!.id } : {}),
  };
  turn.flow = flow;
  ask(turn, flow);
}

function chooseOffice(turn: Turn, flow: ApplyFlow, office: string): void {
  if (!providersOf(turn.reference.offices, flow.service).some((o) => o.id === office)) return stale(turn);
  ask(turn, turn.set(flow, { office, stage: 'intro' }));
}

/** The start of an application: the service, the office, the intro's "start" (the phone is asked once per chat). */
export const applyService = new Composer<BotContext>(
  onButton('service', (turn, { service }) => chooseService(turn, service)),
  onApplyButton('office', 'office', (turn, flow, { office }) => chooseOffice(turn, flow, office)),
  onApplyButton('intro', 'go', (turn, flow) => (turn.chat.phone ? startForm(turn, flow) : ask(turn, turn.set(flow, { stage: 'contact' })))),
);
