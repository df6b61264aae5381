/**
 * Settings the whole suite runs with, in the test processes (vitest.config.ts) and in every
 * command they start (the helpers add them after dropping the caller's own ANYQTAMA_* settings).
 *
 * ANYQTAMA_SCRYPT_N: seeding the demo hashes eleven passwords and every log-in checks one; at
 * the production cost (2^15) that was some 40 s of the run. 2^10 is the lowest the password
 * module accepts; test/app/passwords.test.ts checks the production default separately.
 */
export const SUITE_ENV: Readonly<Record<string, string>> = {
  ANYQTAMA_SCRYPT_N: String(2 ** 10),
};
