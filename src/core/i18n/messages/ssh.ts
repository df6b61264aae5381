import type { Text } from '../text.js';

/** Messages of the SSH server and staff log-in (src/ssh, src/app/auth.ts). */
export const sshMessages = {
} satisfies Record<string, Text>;
