import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';

export type FunctionKey = 'f1' | 'f2' | 'f3' | 'f4' | 'f5' | 'f6' | 'f7' | 'f8' | 'f9' | 'f10' | 'f11' | 'f12';

// The sequences of xterm, rxvt, the Linux console and PuTTY (the terminals clerks connect with).
const SEQUENCES: Readonly<Record<string, FunctionKey>> = {
  '\u001bOP': 'f1', '\u001bOQ': 'f2', '\u001bOR': 'f3', '\u001bOS': 'f4',
  '\u001b[11~': 'f1', '\u001b[12~': 'f2', '\u001b[13~': 'f3', '\u001b[14~': 'f4',
  '\u001b[[A': 'f1', '\u001b[[B': 'f2', '\u001b[[C': 'f3', '\u001b[[D': 'f4', '\u001b[[E': 'f5',
  '\u001b[15~': 'f5', '\u001b[17~': 'f6', '\u001b[18~': 'f7', '\u001b[19~': 'f8',
  '\u001b[20~': 'f9', '\u001b[21~': 'f10', '\u001b[23~': 'f11', '\u001b[24~': 'f12',
};

export function functionKeyOf(sequence: string): FunctionKey | undefined {
  return SEQUENCES[sequence];
}

/**
 * Calls `handler` for F1–F12. Ink's useInput recognises these keys but reports them as an empty
 * input with no flag set, so they are read from the same key events Ink parses for useInput.
 */
export function useFunctionKeys(handler: (key: FunctionKey) => void, options: { isActive?: boolean } = {}): void {
  const { internal_eventEmitter: events } = useStdin();
  const latest = useRef(handler);
  latest.current = handler;
  const active = options.isActive !== false;
  useEffect(() => {
    if (!active) return;
    const onInput = (data: string) => {
      const key = functionKeyOf(data);
      if (key) latest.current(key);
    };
    events.on('input', onInput);
    return () => {
      events.removeListener('input', onInput);
    };
  }, [events, active]);
}
