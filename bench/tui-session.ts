/**
 * The scripted clerk session that bench/tui-bytes measures, as data (so the keys can follow the
 * screens), and the demo data it runs on: the demo folder plus enough requests for the
 * Kyzylorda archive clerk's queue to fill more than one 20-row page.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixedClock } from '../src/app/clock.js';
import { RequestService } from '../src/app/requests.js';
import { loadReference } from '../src/config/reference.js';
import type { Person } from '../src/core/identity/registries.js';
import type { Actor } from '../src/core/request.js';
import { exampleAnswers } from '../src/core/services/examples.js';
import { LowdbStore } from '../src/store/lowdb/lowdb-store.js';
import type { Key } from './term.js';

/** A request number as the app prints it: 26-000123-4. */
export const REQUEST_NUMBER = /\b\d{2}-\d{6}-\d\b/g;

export type Action =
  | { readonly kind: 'start' }
  | { readonly kind: 'press'; readonly key: Key | string }
  /** Typed one key at a time, as a person types; the step's bytes are the sum. */
  | { readonly kind: 'type'; readonly text: string }
  | { readonly kind: 'resize'; readonly cols: number; readonly rows: number };

export type Category = 'first' | 'login' | 'queue' | 'move' | 'open' | 'back' | 'search' | 'resize';

/** What the screen looked like before the step: lets a step wait for its own effect. */
export interface Before {
  readonly screen: readonly string[];
  /** The text of the first highlighted row ('' if none). */
  readonly highlighted: string;
}

export interface Step {
  readonly label: string;
  readonly category: Category;
  readonly action: Action;
  /** The step is done once the screen satisfies this (and the output went quiet). */
  readonly until?: string | RegExp | ((screen: readonly string[], before: Before) => boolean);
}

export interface SessionOptions {
  readonly login: string;
  readonly password: string;
  /** Part of an IIN, a number or a name that matches some requests in the queue. */
  readonly search: string;
  /** 20 by default: down ×12, then up ×8 (every move changes the highlighted row). */
  readonly moves?: readonly ('up' | 'down')[];
  /** The terminal size to switch to at the end, if any. */
  readonly resizeTo?: { readonly cols: number; readonly rows: number };
}

const numbersIn = (lines: readonly string[]) => lines.join('\n').match(REQUEST_NUMBER) ?? [];

/** The session the issue asks for: log in, queue, 20 cursor moves, open, back, search, resize. */
export function clerkSession(options: SessionOptions): Step[] {
  const moves = options.moves ?? [...Array<'down'>(12).fill('down'), ...Array<'up'>(8).fill('up')];
  const steps: Step[] = [
    { label: 'log-in screen', category: 'first', action: { kind: 'start' }, until: 'Anyqtama' },
    { label: `type login (${[...options.login].length} keys)`, category: 'login', action: { kind: 'type', text: options.login } },
    { label: 'Enter: to password', category: 'login', action: { kind: 'press', key: 'enter' } },
    { label: `type password (${[...options.password].length} keys)`, category: 'login', action: { kind: 'type', text: options.password } },
    { label: 'Enter: queue', category: 'queue', action: { kind: 'press', key: 'enter' }, until: (screen) => numbersIn(screen).length > 0 },
  ];
  moves.forEach((key, i) => steps.push({ label: `move ${i + 1} (${key})`, category: 'move', action: { kind: 'press', key } }));
  steps.push(
    {
      label: 'Enter: open request',
      category: 'open',
      action: { kind: 'press', key: 'enter' },
      // The highlighted request's number in the header, and the queue gone.
      until: (screen, before) => {
        const number = before.highlighted.match(REQUEST_NUMBER)?.[0];
        return number !== undefined && screen.slice(0, 2).join('\n').includes(number) && numbersIn(screen).length < 3;
      },
    },
    { label: 'Escape: back to queue', category: 'back', action: { kind: 'press', key: 'escape' }, until: (screen) => numbersIn(screen).length >= 10 },
    { label: '/: search field', category: 'search', action: { kind: 'press', key: '/' } },
    { label: `type "${options.search}" (${[...options.search].length} keys)`, category: 'search', action: { kind: 'type', text: options.search } },
    {
      label: 'Enter: matches',
      category: 'search',
      action: { kind: 'press', key: 'enter' },
      // Some matches, no more than before (a screen that filters while typing has them already).
      until: (screen, before) => {
        const found = numbersIn(screen).length;
        return found > 0 && found <= numbersIn(before.screen).length;
      },
    },
  );
  if (options.resizeTo) {
    const { cols, rows } = options.resizeTo;
    steps.push({ label: `resize to ${cols}x${rows}`, category: 'resize', action: { kind: 'resize', cols, rows } });
  }
  return steps;
}

export interface SeededQueue {
  readonly dataDir: string;
  readonly added: number;
  /** An IIN prefix of some of the added requests' applicants. */
  readonly search: string;
}

const DAY = 86_400_000;
/** Adults of the demo person registry (archive certificates are asked for by grown-ups). */
const APPLICANTS = ['850305400010', '781115300019', '620814300212', '951201400574', '830125301127', '751003302030', '861212300955', '720404300373'];

/**
 * `anyqtama demo` into dataDir, then `count` more archive requests registered at the Kyzylorda
 * archive's counter by kzo-clerk over the last two weeks, through the compiled app's own
 * RequestService and lowdb store (the same path the CLI's `submit` takes).
 */
export async function seedClerkQueue(root: string, dataDir: string, count = 24): Promise<SeededQueue> {
  execFileSync(process.execPath, [join(root, 'bin/anyqtama.js'), 'demo', '--data-dir', dataDir], { stdio: 'ignore' });
  const reference = loadReference(dataDir);
  if (!reference.ok) throw new Error(`reference data: ${JSON.stringify(reference.error)}`);
  const store = await LowdbStore.open({ dataDir, command: 'bench/tui-bytes seed' });
  if (!store.ok) throw new Error(`store: ${JSON.stringify(store.error)}`);
  const clerk = await store.value.getUser('kzo-clerk');
  if (!clerk) throw new Error('the demo has no kzo-clerk');
  const actor: Actor = { login: clerk.login, role: clerk.role, fullName: clerk.fullName, ...(clerk.organisationId ? { organisationId: clerk.organisationId } : {}) };
  const persons = (JSON.parse(readFileSync(join(root, 'data/registry/persons.json'), 'utf8')) as { persons: Person[] }).persons;
  const now = Date.now();
  try {
    for (let i = 0; i < count; i++) {
      const person = persons.find((p) => p.iin === APPLICANTS[i % APPLICANTS.length]);
      if (!person) throw new Error(`person ${APPLICANTS[i % APPLICANTS.length]} is not in the registry`);
      const answers = exampleAnswers('archive-certificate');
      const [y, m, d] = person.birthDate.split('-');
      Object.assign(answers.applicant as object, {
        iin: person.iin, lastName: person.lastName, firstName: person.firstName, patronymic: person.patronymic ?? '', birthDate: `${d}.${m}.${y}`,
      });
      // Spread over 14 days (working hours), so due dates differ and the queue's order is mixed.
      const at = new Date(now - (i % 14) * DAY);
      at.setUTCHours(5 + (i % 6), 0, 0, 0);
      const service = new RequestService(store.value, reference.value, fixedClock(at));
      const submitted = await service.submit({ serviceId: 'archive-certificate', channel: 'office', answers, actor, lang: 'ru' });
      if (!submitted.ok) throw new Error(`submit: ${JSON.stringify(submitted.error)}`);
    }
  } finally {
    await store.value.close();
  }
  return { dataDir, added: count, search: '751003' };
}
