import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCallback(password, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );

/** scrypt with N=2^15, r=8, p=1 (OWASP's minimum for scrypt); stored as scrypt$N$r$p$salt$hash. */
export const DEFAULT_N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/**
 * The N new hashes get. ANYQTAMA_SCRYPT_N exists for the test suite, which seeds and logs in
 * hundreds of times: it may only lower N to another power of two from 2^10 to 2^15, and any
 * other value leaves the default, so a typo can never weaken or break an office's hashes.
 * Hashes record their N, so verification works whatever the setting was when they were made.
 */
export function scryptCost(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ANYQTAMA_SCRYPT_N;
  if (raw === undefined || !/^\d{1,5}$/.test(raw)) return DEFAULT_N;
  const n = Number(raw);
  return n >= 2 ** 10 && n <= DEFAULT_N && (n & (n - 1)) === 0 ? n : DEFAULT_N;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const n = scryptCost();
  const key = await scrypt(password, salt, KEY_LENGTH, { N: n, r: R, p: P, maxmem: MAX_MEMORY });
  return ['scrypt', n, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: MAX_MEMORY });
  return timingSafeEqual(key, expected);
}
