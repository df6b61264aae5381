import { useEffect } from 'react';
import { useStdin } from 'ink';

/**
 * F2 and F10 as terminals send them (xterm, VT220/PuTTY, Linux console). Ink's useInput reports
 * function keys as an empty input with no key flag, so they are read from the raw input here.
 */
const SEQUENCES: Readonly<Record<string, 'f2' | 'f10'>> = {
  '\u001bOQ': 'f2',
  '\u001b[12~': 'f2',
  '\u001b[[B': 'f2',
  '\u001b[21~': 'f10',
};

export function useFunctionKeys(handler: (key: 'f2' | 'f10') => void, isActive = true): void {
  const { internal_eventEmitter: emitter } = useStdin() as ReturnType<typeof useStdin> & { internal_eventEmitter?: NodeJS.EventEmitter };
  useEffect(() => {
    if (!isActive || !emitter) return;
    const onInput = (data: string) => {
      const key = SEQUENCES[data];
      if (key) handler(key);
    };
    emitter.on('input', onInput);
    return () => {
      emitter.removeListener('input', onInput);
    };
  }, [emitter, handler, isActive]);
}
