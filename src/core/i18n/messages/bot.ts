import type { Text } from '../text.js';

/** Messages of the citizen Telegram bot (src/bot). */
export const botMessages = {
} satisfies Record<string, Text>;
