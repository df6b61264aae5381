import type { Text } from '../text.js';

/** Messages of notifications pushed to citizens from the outbox (src/bot/notifier.ts). */
export const notifyMessages = {
} satisfies Record<string, Text>;
