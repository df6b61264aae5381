import type { Text } from '../text.js';

/** Messages of the bot's step-by-step questionnaire (src/bot/questionnaire.ts). */
export const botFormMessages = {
} satisfies Record<string, Text>;
