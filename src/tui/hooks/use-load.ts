import { useCallback, useEffect, useRef, useState } from 'react';
import type { Request } from '../../core/request.js';
import { StoreUnavailable } from '../../store/port.js';
import { useSession } from '../session.js';

/** While the database is away, a screen tries its read again this often. */
const RETRY_MS = 2_000;

/**
 * Loads data for a screen, and loads it again when any request changes (in this process or, on a
 * shared database, in another), so open screens never show a stale state. The last good value
 * stays on screen while reloading: nothing flickers on a slow link. A read the database refused
 * (a restart) keeps the last value, says so in `problem` (kk/ru) and is tried again every 2 s.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], relevant?: (changed: Request) => boolean): { value: T | undefined; reload: () => void; problem: string | null } {
  const { services, t } = useSession();
  const [value, setValue] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const generation = useRef(0);
  const retry = useRef<NodeJS.Timeout | undefined>(undefined);
  // The caller names what `load` depends on, as with useEffect.
  const run = useCallback(load, deps);
  // One read in flight per screen: changes arriving meanwhile (500 a second across a region) make
  // one more read when it ends, not one each.
  const loading = useRef(false);
  const again = useRef(false);
  const reload = useCallback(() => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    const mine = ++generation.current;
    clearTimeout(retry.current);
    const settle = () => {
      // A read from before the screen's settings changed (or it closed) no longer owns the flags.
      if (mine !== generation.current) return;
      loading.current = false;
      if (again.current) {
        again.current = false;
        reload();
      }
    };
    run().then(
      (v) => {
        if (mine === generation.current) {
          setValue(() => v);
          setProblem(null);
        }
        settle();
      },
      (error: unknown) => {
        if (mine === generation.current) {
          const reason = error instanceof StoreUnavailable ? error.reason : (error as Error)?.message ?? String(error);
          setProblem(t('store.unavailable', { reason }));
          retry.current = setTimeout(() => reload(), RETRY_MS);
        }
        settle();
      },
    );
  }, [run]);
  useEffect(() => {
    reload();
    const onChange = (r: Request) => {
      if (!relevant || relevant(r)) reload();
    };
    services.clerk.changes.on('changed', onChange);
    services.clerk.changes.on('resync', reload);
    return () => {
      generation.current++;
      loading.current = false;
      again.current = false;
      clearTimeout(retry.current);
      services.clerk.changes.off('changed', onChange);
      services.clerk.changes.off('resync', reload);
    };
  }, [reload, services]);
  return { value, reload, problem };
}
