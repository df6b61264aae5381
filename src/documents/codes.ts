import { createHash, randomBytes } from 'node:crypto';

/**
 * Verification codes, printed under the QR code and typed back by citizens with the request
 * number. Crockford's base32: no I, L, O or U, so a code read aloud over the phone or copied by
 * hand survives; what people confuse (O/0, I/L/1) is mapped back when the code is typed.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10; // 50 bits: with the number, not guessable by trying

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < LENGTH) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return `${out.slice(0, 5)}-${out.slice(5, LENGTH)}`;
}

/** A fresh code for a signed document. */
export function newDocumentCode(): string {
  return encode(randomBytes(8));
}

/** The receipt's code: derived from the request's internal id, which is never shown, so it is stable and unguessable. */
export function receiptCode(requestId: string): string {
  return encode(createHash('sha256').update(`receipt:${requestId}`).digest());
}

/** A typed code in canonical form (XXXXX-XXXXX), or null when it cannot be one. */
export function normaliseCode(input: string): string | null {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== LENGTH || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return `${cleaned.slice(0, 5)}-${cleaned.slice(5)}`;
}
