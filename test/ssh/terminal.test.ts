import { describe, expect, it } from 'vitest';
import { channelOutput } from '../../src/ssh/terminal.js';

/** Writes each piece as Ink would (one frame each) and returns what the SSH channel carried. */
function carried(pieces: readonly string[]): string[] {
  const sent: string[] = [];
  const output = channelOutput((bytes) => sent.push(bytes.toString('utf8')), { columns: 80, rows: 24 });
  for (const piece of pieces) {
    output.write(piece);
    output.flush();
  }
  return sent;
}

describe('frames sent over SSH', () => {
  it('end lines with CR LF, as a terminal without a server-side pty needs', () => {
    expect(carried(['Кезек\nӨтініш\n'])).toEqual(['Кезек\r\nӨтініш\r\n']);
  });

  it('do not double a CR LF, even one split between two frames', () => {
    expect(carried(['a\r\nb\r', '\nc'])).toEqual(['a\r\nb\r', '\nc']);
  });

  it('send one frame as one write', () => {
    const sent: Buffer[] = [];
    const output = channelOutput((bytes) => sent.push(bytes), { columns: 80, rows: 24 });
    output.write('\x1b[?2026h');
    output.write('line\n');
    output.write('\x1b[?2026l');
    output.flush();
    expect(sent.map(String)).toEqual(['\x1b[?2026hline\r\n\x1b[?2026l']);
  });
});
