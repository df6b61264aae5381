import type { Role } from '../request.js';
import type { Channel } from '../services/types.js';

/**
 * Which channels each role takes requests in through: a citizen in the bot, a clerk at the
 * provider's office, an operator at a public service centre or a mobile one (S3 §1). The guard
 * `channelMatchesRole` checks a registration against it.
 */
export const ROLE_CHANNELS: Readonly<Partial<Record<Role, readonly Channel[]>>> = {
  citizen: ['bot'],
  clerk: ['office'],
  operator: ['centre', 'mobile'],
};

/**
 * The channel a person acts through at their own desk: the first of their role's channels; staff
 * with none of their own (supervisors, admins, the call-centre) act as the office does.
 */
export function channelOf(role: Role): Channel {
  return ROLE_CHANNELS[role]?.[0] ?? 'office';
}
