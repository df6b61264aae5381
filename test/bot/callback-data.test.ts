import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode, encode, MAX_CALLBACK_BYTES, type CallbackData } from '../../src/bot/callback-data.js';

const ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** One button of each kind, and what it looks like on the wire (the format already in citizens' chats). */
const WIRE: readonly [CallbackData, string][] = [
  [{ kind: 'menu' }, 'menu'],
  [{ kind: 'my' }, 'my'],
  [{ kind: 'status' }, 'st'],
  [{ kind: 'help' }, 'help'],
  [{ kind: 'cancel' }, 'cancel'],
  [{ kind: 'language' }, 'lang'],
  [{ kind: 'chooseLanguage', lang: 'ru' }, 'lang:ru'],
  [{ kind: 'service', service: 'archive-certificate' }, 'svc:archive-certificate'],
  [{ kind: 'request', number: '26-000001-9' }, 'r:26-000001-9'],
  [{ kind: 'pdf', number: '26-000001-9' }, 'pdf:26-000001-9'],
  [{ kind: 'survey1', requestId: ID, q1: 3 }, `sv1:${ID}:3`],
  [{ kind: 'survey2', requestId: ID, q1: 3, q2: 1 }, `sv2:${ID}:3:1`],
  [{ kind: 'office', office: 'kzo-archives' }, 'office:kzo-archives'],
  [{ kind: 'go' }, 'go'],
  [{ kind: 'answer', path: 'applicant.iin', value: 'yes' }, 'a:applicant.iin|yes'],
  [{ kind: 'answer', value: '~keep' }, 'a:~keep'],
  [{ kind: 'skip' }, 'skip'],
  [{ kind: 'back' }, 'back'],
  [{ kind: 'next' }, 'next'],
  [{ kind: 'drop' }, 'drop'],
  [{ kind: 'confirm' }, 'ok'],
  [{ kind: 'edit' }, 'edit'],
  [{ kind: 'toSummary' }, 'sum'],
  [{ kind: 'editItem', value: 'subject.birthYear' }, 'e:subject.birthYear'],
];

describe('callback data of the bot\'s buttons', () => {
  it('keeps the wire format of buttons already sent, so they still work after an upgrade', () => {
    for (const [data, wire] of WIRE) {
      expect(encode(data)).toBe(wire);
      expect(decode(wire)).toEqual(data);
    }
  });

  it('reads the heads older bots and the commands used for the same thing', () => {
    expect(decode('status')).toEqual({ kind: 'status' });
    expect(decode('language')).toEqual({ kind: 'language' });
  });

  it('keeps a colon inside an answer or an edit path whole', () => {
    expect(decode('a:times.0|10:30')).toEqual({ kind: 'answer', path: 'times.0', value: '10:30' });
    expect(decode(encode({ kind: 'editItem', value: 'a:b' }))).toEqual({ kind: 'editItem', value: 'a:b' });
  });

  it('drops the question from an answer that would pass Telegram\'s 64 bytes, and refuses anything else that long', () => {
    const path = `employment.0.${'organisation'.repeat(5)}`;
    expect(encode({ kind: 'answer', path, value: 'yes' })).toBe('a:yes');
    expect(() => encode({ kind: 'office', office: 'x'.repeat(MAX_CALLBACK_BYTES) })).toThrow(RangeError);
    // Cyrillic counts two bytes a letter.
    expect(() => encode({ kind: 'editItem', value: 'ж'.repeat(32) })).toThrow(RangeError);
    expect(Buffer.byteLength(encode({ kind: 'editItem', value: 'ж'.repeat(31) }))).toBe(64);
  });

  it('reads a button nobody sent, or one sent with parts missing or extra, as stale', () => {
    for (const wire of ['', ':', 'svc', 'svc:', 'r:', 'lang:en', 'lang:kk:ru', 'menu:x', 'ok:1', `sv1:${ID}`, `sv1:${ID}:4`, `sv1:${ID}:1:2`, `sv2:${ID}:1`, 'sv1::1', '__proto__', 'x'.repeat(65)]) {
      expect(decode(wire), wire).toEqual({ kind: 'stale', data: wire });
    }
  });

  it('never throws on any data at all, and what it reads it writes back the same', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...WIRE.map(([, w]) => w)).chain((w) => fc.string().map((s) => w + s))), (wire) => {
        const read = decode(wire);
        if (read.kind === 'stale') return;
        expect(decode(encode(read))).toEqual(read);
      }),
      { numRuns: 2000 },
    );
  });
});
