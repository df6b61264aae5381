import { useEffect, useRef, useState } from 'react';
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

/**
 * useInput, one key at a time. Over SSH on a slow link, or when keys are pasted, several keys
 * arrive in one chunk ("kzo-clerk\r"); Ink hands such a chunk over whole. Here each key is
 * handled after the screen has taken the previous one in, so "type, then Enter" works however
 * the bytes were grouped.
 */
export function useKeys(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const queue = useRef<Array<[string, Key]>>([]);
  const latest = useRef(handler);
  latest.current = handler;
  const [tick, setTick] = useState(0);
  useInput((input, key) => {
    queue.current.push(...splitChunk(input, key));
    setTick((t) => t + 1);
  }, options);
  useEffect(() => {
    const next = queue.current.shift();
    if (!next) return;
    latest.current(next[0], next[1]);
    if (queue.current.length > 0) setTick((t) => t + 1);
  }, [tick]);
}
