import type { Text } from '../text.js';

/** Messages of call-centre look-ups and the supervisor's reports (src/app/lookups.ts, src/app/statistics.ts). */
export const supervisionMessages = {
} satisfies Record<string, Text>;
