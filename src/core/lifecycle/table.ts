import type { Action, Role, State } from '../request.js';

/**
 * The lifecycle as data (SPEC §3.3): which states each action leaves from, where it goes, who may
 * perform it and which named guards must hold. The guards are implemented in guards.ts; the pure
 * function in transition.ts applies a row. Front-ends ask `actionsFrom` what to offer.
 */
export type GuardName =
  | 'ownOrganisation' // clerks act on their office's requests, operators on their centre's
  | 'channelMatchesRole' // a citizen registers in the bot, a clerk at the office, an operator at a centre
  | 'decisionReasons' // a motivated refusal carries ≥1 coded reason of the service plus a justification
  | 'intakeReasons' // an intake refusal carries ≥1 intake-stage reason (R1–R5)
  | 'extensionGround' // one lawful extension, on a ground the service (and office) allows
  | 'returnWindow' // Centre documents only, within 3 working days, with the reasons written
  | 'uncollectedOnly'; // "store uncollected" is for results nobody came for

/**
 * What the person acting supplies with the action, besides who they are. Front-ends build their
 * screens and options from it; the guards named on the row check it.
 */
export interface TransitionNeeds {
  /** Coded refusal reasons: the service's decision-stage reasons (R6–R10) or intake reasons (R1–R5). */
  readonly reasons?: 'decision' | 'intake';
  /**
   * A written note: `justification` (required: a refusal's motivation), `reasons` (required: why
   * the documents go back to the centre), `optional` (a word for the file).
   */
  readonly note?: 'justification' | 'reasons' | 'optional';
  /** A lawful ground for an extension, from the service's list. */
  readonly ground?: true;
  /** The certificate's content, filled in before the decision. */
  readonly content?: true;
}

export interface TransitionSpec {
  readonly from: readonly State[];
  /** `same` keeps the state (an extension changes the due date, not the state). */
  readonly to: State | 'same';
  readonly roles: readonly Role[];
  readonly guards: readonly GuardName[];
  readonly needs: TransitionNeeds;
  /** The result is a document the clerk signs with their key (SPEC §4: a motivated refusal is signed too). */
  readonly signed: boolean;
  /** Seed clauses the row comes from. */
  readonly source: string;
}

export const TRANSITIONS: Readonly<Record<Action, TransitionSpec>> = {
  register: {
    from: ['DRAFT'],
    to: 'SUBMITTED',
    roles: ['citizen', 'clerk', 'operator'],
    guards: ['channelMatchesRole'],
    needs: {},
    signed: false,
    source: 'SPEC §3.3 T6 (S0 §7.8, §8.9; S1-U §6.7; S3 §6.8–6.9, §7.7–7.8)',
  },
  refuseIntake: {
    from: ['DRAFT'],
    to: 'INTAKE_REFUSED',
    roles: ['system', 'clerk', 'operator'],
    guards: ['intakeReasons'],
    needs: { reasons: 'intake' },
    signed: false,
    source: 'SPEC §4 R1–R5, §3.3 T1/T3/T5',
  },
  take: {
    from: ['SUBMITTED'],
    to: 'IN_WORK',
    roles: ['clerk'],
    guards: ['ownOrganisation'],
    needs: {},
    signed: false,
    source: 'SPEC §3.3 T7 (S0 A1 T3 steps 8–9; S2 A1 T3 steps 5, 8)',
  },
  issue: {
    from: ['IN_WORK'],
    to: 'COMPLETED',
    roles: ['clerk'],
    guards: ['ownOrganisation'],
    needs: { content: true },
    signed: true,
    source: 'SPEC §3.3 T11',
  },
  refuse: {
    from: ['IN_WORK'],
    to: 'REFUSED',
    roles: ['clerk'],
    guards: ['ownOrganisation', 'decisionReasons'],
    needs: { reasons: 'decision', note: 'justification' },
    signed: true,
    source: 'SPEC §3.3 T8, T10; §4 R6–R10',
  },
  extend: {
    from: ['IN_WORK'],
    to: 'same',
    roles: ['clerk'],
    guards: ['ownOrganisation', 'extensionGround'],
    needs: { ground: true, note: 'optional' },
    signed: false,
    source: 'SPEC §2.1 (S0 A1 step 5; S2 A1 T3 step 6), §6.2',
  },
  return: {
    from: ['IN_WORK'],
    to: 'RETURNED_TO_CENTRE',
    roles: ['clerk'],
    guards: ['ownOrganisation', 'returnWindow'],
    needs: { note: 'reasons' },
    signed: false,
    source: 'SPEC §3.3 T9; S3 A1 T2 steps 8–9',
  },
  deliver: {
    from: ['COMPLETED', 'REFUSED', 'STORED_UNCOLLECTED'],
    to: 'ISSUED',
    roles: ['clerk', 'operator', 'system'],
    guards: ['ownOrganisation'],
    needs: {},
    signed: false,
    source: 'SPEC §3.3 T12 (S0 §6.11, §7.10, §8.10)',
  },
  store: {
    from: ['COMPLETED', 'REFUSED'],
    to: 'STORED_UNCOLLECTED',
    roles: ['clerk', 'operator'],
    guards: ['ownOrganisation', 'uncollectedOnly'],
    needs: {},
    signed: false,
    source: 'SPEC §3.3 T13; S2 §17.4',
  },
};

/** Actions whose row starts from `state` and admits `role`; guards are checked when acting. */
export function actionsFrom(state: State, role: Role): Action[] {
  return (Object.keys(TRANSITIONS) as Action[]).filter((a) => {
    const row = TRANSITIONS[a];
    return row.from.includes(state) && row.roles.includes(role);
  });
}
