import pg from 'pg';
import type { Lease } from '../port.js';

/**
 * A lease held as a PostgreSQL advisory lock on a connection of its own: the server releases it
 * the moment that connection ends, so a process killed with -9 (its socket closed by the kernel)
 * frees it at once, and a process that loses the database stops acting as holder as soon as its
 * next check fails. Those without it try again every `retryMs`.
 */
export class AdvisoryLease implements Lease {
  private client: pg.Client | null = null;
  private holding = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly name: string,
    private readonly onChange: (held: boolean) => void,
    private readonly retryMs = 2_000,
  ) {
    this.schedule(0);
  }

  get held(): boolean {
    return this.holding;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.ticking = this.tick().finally(() => this.schedule(this.retryMs));
    }, ms);
    this.timer.unref();
  }

  private lost(): void {
    const client = this.client;
    this.client = null;
    void client?.end().catch(() => undefined);
    if (this.holding) {
      this.holding = false;
      this.onChange(false);
    }
  }

  private async tick(): Promise<void> {
    try {
      if (!this.client) {
        const client = new pg.Client(this.config);
        client.on('error', () => undefined);
        client.on('end', () => {
          if (this.client === client) this.lost();
        });
        await client.connect();
        this.client = client;
      }
      if (this.holding) {
        await this.client.query('SELECT 1');
        return;
      }
      const got = await this.client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext(current_schema() || ':' || $1)) AS ok", [this.name]);
      if (got.rows[0]!.ok && !this.stopped) {
        this.holding = true;
        this.onChange(true);
      }
    } catch {
      this.lost();
    }
  }

  async release(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    const client = this.client;
    this.client = null;
    this.holding = false;
    await client?.end().catch(() => undefined);
  }
}
