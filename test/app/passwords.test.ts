import { describe, expect, it } from 'vitest';
import { DEFAULT_N, hashPassword, scryptCost, verifyPassword } from '../../src/app/passwords.js';

const costOf = (hash: string) => Number(hash.split('$')[1]);

/** Runs `body` with ANYQTAMA_SCRYPT_N set to `value` (or unset), restoring the suite's own setting. */
async function withCost<T>(value: string | undefined, body: () => Promise<T>): Promise<T> {
  const before = process.env.ANYQTAMA_SCRYPT_N;
  if (value === undefined) delete process.env.ANYQTAMA_SCRYPT_N;
  else process.env.ANYQTAMA_SCRYPT_N = value;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.ANYQTAMA_SCRYPT_N;
    else process.env.ANYQTAMA_SCRYPT_N = before;
  }
}

describe('password hashes', () => {
  it('an office that sets nothing gets scrypt with N=2^15, and the hash says so', async () => {
    expect(DEFAULT_N).toBe(32768);
    expect(scryptCost({})).toBe(32768);
    const hash = await withCost(undefined, () => hashPassword('correct horse'));
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('the test-only setting lowers N only to a power of two from 2^10 to 2^15', () => {
    expect(scryptCost({ ANYQTAMA_SCRYPT_N: '1024' })).toBe(1024);
    expect(scryptCost({ ANYQTAMA_SCRYPT_N: '16384' })).toBe(16384);
    expect(scryptCost({ ANYQTAMA_SCRYPT_N: '32768' })).toBe(32768);
    for (const wrong of ['512', '2', '1', '0', '-1024', '1000', '3000', '65536', '1048576', '1e4', '0x400', ' 1024', '1024 ', '', 'low']) {
      expect(scryptCost({ ANYQTAMA_SCRYPT_N: wrong }), wrong).toBe(32768);
    }
  });

  it('a password hashed under one setting is still checked correctly under another', async () => {
    const cheap = await withCost('1024', () => hashPassword('correct horse'));
    const strong = await withCost(undefined, () => hashPassword('correct horse'));
    expect(costOf(cheap)).toBe(1024);
    expect(costOf(strong)).toBe(32768);
    for (const setting of [undefined, '1024', '16384']) {
      await withCost(setting, async () => {
        expect(await verifyPassword('correct horse', cheap)).toBe(true);
        expect(await verifyPassword('correct horse', strong)).toBe(true);
        expect(await verifyPassword('wrong horse', cheap)).toBe(false);
        expect(await verifyPassword('wrong horse', strong)).toBe(false);
      });
    }
  });
});
