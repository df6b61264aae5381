/** Where "now" comes from. The system clock in production; a fixed instant in tests and demos. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new Error(`not a date-time: ${String(instant)}`);
  return { now: () => new Date(at) };
}

/** ANYQTAMA_NOW pins the clock (ISO date-time), so scripted demos and tests are repeatable. */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  return env.ANYQTAMA_NOW ? fixedClock(env.ANYQTAMA_NOW) : systemClock;
}

/** The local calendar date at `instant` in a fixed UTC offset (Kazakhstan: +300 minutes). */
export function localDate(instant: Date, offsetMinutes: number): string {
  return new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}
