import { useCallback, useEffect, useRef, useState } from 'react';
import type { Request } from '../../core/request.js';
import { useSession } from '../session.js';

/**
 * Loads data for a screen, and loads it again when any request changes in this process (another
 * clerk's decision, a citizen's new request), so open screens never show a stale state. The last
 * good value stays on screen while reloading: nothing flickers on a slow link.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[], relevant?: (changed: Request) => boolean): { value: T | undefined; reload: () => void } {
  const { services } = useSession();
  const [value, setValue] = useState<T | undefined>(undefined);
  const generation = useRef(0);
  // The caller names what `load` depends on, as with useEffect.
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    // A read the database refused (a restart) keeps the last good value; the next change reloads.
    run().then(
      (v) => {
        if (mine === generation.current) setValue(() => v);
      },
      () => undefined,
    );
  }, [run]);
  useEffect(() => {
    reload();
    const onChange = (r: Request) => {
      if (!relevant || relevant(r)) reload();
    };
    services.requests.changes.on('changed', onChange);
    services.requests.changes.on('resync', reload);
    return () => {
      generation.current++;
      services.requests.changes.off('changed', onChange);
      services.requests.changes.off('resync', reload);
    };
  }, [reload, services]);
  return { value, reload };
}
