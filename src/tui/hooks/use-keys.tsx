import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

const CONTROL = /[\r\n\t\u007f\u0008\u0003\u0015]/;

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
} as Key;

/** One typed chunk as the keys it holds: text runs, and Enter, Tab, Backspace, Ctrl+U, Ctrl+C. */
export function splitChunk(input: string, key: Key): Array<[string, Key]> {
  if (input.length <= 1 || !CONTROL.test(input)) return [[input, key]];
  const pieces: Array<[string, Key]> = [];
  let text = '';
  const flush = () => {
    if (text) pieces.push([text, NO_KEY]);
    text = '';
  };
  for (const ch of input) {
    if (!CONTROL.test(ch)) {
      text += ch;
      continue;
    }
    flush();
    if (ch === '\r' || ch === '\n') pieces.push(['', { ...NO_KEY, return: true }]);
    else if (ch === '\t') pieces.push(['', { ...NO_KEY, tab: true }]);
    else if (ch === '\u007f' || ch === '\u0008') pieces.push(['', { ...NO_KEY, backspace: true }]);
    else if (ch === '\u0015') pieces.push(['u', { ...NO_KEY, ctrl: true }]);
    else pieces.push(['c', { ...NO_KEY, ctrl: true }]);
  }
  flush();
  return pieces;
}

type Entry = { readonly handler: { current: KeyHandler } };

/** The screens' key handlers; the one registered last (the screen on top) gets the keys. */
const KeysContext = createContext<Entry[] | null>(null);

/**
 * One queue of keys for the whole session. Over SSH on a slow link, or when keys are pasted,
 * several keys arrive in one chunk ("t\r": take, then confirm); Ink hands such a chunk over whole.
 * Here each key is given to whichever screen is on top once the previous key has been taken in,
 * so the Enter reaches the confirmation that "t" opened, however the bytes were grouped.
 */
export function KeyQueue({ children }: { readonly children: ReactNode }) {
  const entries = useRef<Entry[]>([]).current;
  const queue = useRef<Array<[string, Key]>>([]);
  const [tick, setTick] = useState(0);
  useInput((input, key) => {
    queue.current.push(...splitChunk(input, key));
    setTick((t) => t + 1);
  });
  useEffect(() => {
    const next = queue.current.shift();
    if (!next) return;
    entries.at(-1)?.handler.current(next[0], next[1]);
    if (queue.current.length > 0) setTick((t) => t + 1);
  }, [tick, entries]);
  return <KeysContext.Provider value={entries}>{children}</KeysContext.Provider>;
}

/** Keys for this screen while it is active and on top (see KeyQueue). */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const entries = useContext(KeysContext);
  if (!entries) throw new Error('useKeys outside KeyQueue');
  const latest = useRef(handler);
  latest.current = handler;
  const active = options.isActive !== false;
  // A layout effect: a screen that opens in reaction to one key is registered before the next
  // key is handed out (KeyQueue's plain effect runs after it in the same commit).
  useLayoutEffect(() => {
    if (!active) return;
    const entry: Entry = { handler: latest };
    entries.push(entry);
    return () => {
      const at = entries.indexOf(entry);
      if (at >= 0) entries.splice(at, 1);
    };
  }, [entries, active]);
}
