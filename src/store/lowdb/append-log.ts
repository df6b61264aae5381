import { open, type FileHandle } from 'node:fs/promises';
import { FILE_MODE } from './permissions.js';

/**
 * An append-only file of JSON lines with group commit: lines appended while a flush is running
 * wait for the next flush, which writes them all with one write and one fdatasync. Each append
 * resolves once its line is on disk, so a caller may acknowledge its change then.
 */
export class AppendLog {
  private queue: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private lines = 0;
  private size = 0;

  private constructor(
    private readonly file: FileHandle | null,
    readonly path: string,
    existingLines: number,
    size: number,
    /** Set when the file could not be opened for appending: every append is refused with it. */
    private readonly refusal: unknown = null,
  ) {
    this.lines = existingLines;
    this.size = size;
  }

  static async open(path: string, existingLines = 0): Promise<AppendLog> {
    const file = await open(path, 'a', FILE_MODE);
    const { size } = await file.stat();
    return new AppendLog(file, path, existingLines, size);
  }

  /**
   * A log that refuses every append with `error`: a disk that cannot be written (read-only) still
   * lets the store open for reading, and each write is told why it was refused.
   */
  static refusing(path: string, existingLines: number, error: unknown): AppendLog {
    return new AppendLog(null, path, existingLines, 0, error);
  }

  /** Whether appends are refused (see `refusing`). */
  get refused(): boolean {
    return this.file === null;
  }

  get lineCount(): number {
    return this.lines;
  }

  append(record: unknown): Promise<void> {
    if (!this.file) return Promise.reject(this.refusal);
    const line = `${JSON.stringify(record)}\n`;
    return new Promise((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.flushing) this.flushing = this.flush();
    });
  }

  private async flush(): Promise<void> {
    const file = this.file!;
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const chunk = Buffer.from(batch.map((b) => b.line).join(''));
      try {
        await file.write(chunk);
        await file.datasync();
        this.lines += batch.length;
        this.size += chunk.length;
        for (const b of batch) b.resolve();
      } catch (error) {
        // A full disk may have taken half a batch: cut it off so the next line starts clean.
        await file.truncate(this.size).catch(() => undefined);
        for (const b of batch) b.reject(error);
      }
    }
    this.flushing = null;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.file?.close();
  }
}
