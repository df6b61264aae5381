import { Writable } from 'node:stream';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/**
 * The output side of a terminal as Ink needs it (isTTY, columns, rows, 'resize'), over any byte
 * sink: the local terminal or an SSH channel. Ink writes a frame in several pieces (synchronized
 * output markers, erase, lines); they are gathered and handed to the sink as one write, so a
 * frame costs one packet on a slow link (ARCHITECTURE.md: bandwidth).
 */
export class TerminalOutput extends Writable {
  readonly isTTY = true;
  columns: number;
  rows: number;
  /** Bytes handed to the sink so far: what the link carried. */
  bytesWritten = 0;
  private pending: Buffer[] = [];
  private flushScheduled = false;

  constructor(
    private readonly sink: (chunk: Buffer) => void,
    size: TerminalSize,
  ) {
    super({ decodeStrings: true });
    this.columns = size.columns;
    this.rows = size.rows;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
    done();
  }

  /** Hands everything written since the last flush to the sink as one chunk. */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const frame = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.bytesWritten += frame.byteLength;
    this.sink(frame);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.flush();
    done();
  }

  /** The terminal changed size: Ink redraws on 'resize'. */
  resize(size: TerminalSize): void {
    if (size.columns === this.columns && size.rows === this.rows) return;
    this.columns = size.columns;
    this.rows = size.rows;
    this.emit('resize');
  }

  /** Ink and chalk ask these of a TTY stream. */
  getColorDepth(): number {
    return 8;
  }

  hasColors(count = 16): boolean {
    return count <= 256;
  }
}
