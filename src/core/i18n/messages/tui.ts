import type { Text } from '../text.js';

/** Messages of the clerk terminal UI (src/tui). */
export const tuiMessages = {
} satisfies Record<string, Text>;
