import type { Text } from '../text.js';

/** Messages of the TUI's form editor (src/tui/form). */
export const tuiFormMessages = {
} satisfies Record<string, Text>;
