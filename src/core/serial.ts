/**
 * Runs work one at a time per key, in the order it arrived, and different keys side by side: one
 * writer per request in the store, one update per chat in the bot. A failed piece of work does not
 * stop the ones queued after it. Keys with nothing queued are forgotten.
 */
export class KeyedSerial<K = string> {
  private readonly tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return run;
  }

  /** Resolves once everything queued so far has finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.tails.values()]);
  }

  get busyKeys(): number {
    return this.tails.size;
  }
}
