import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { makeDir, readJson, writeFileDurably } from '../durable-file.js';

/** A lowdb adapter over one JSON document, written durably. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly path: string) {}

  read(): Promise<T | null> {
    return readJson<T>(this.path);
  }

  async write(data: T): Promise<void> {
    await makeDir(dirname(this.path));
    await writeFileDurably(this.path, JSON.stringify(data));
  }
}
