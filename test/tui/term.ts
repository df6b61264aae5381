/**
 * The pseudo-terminal harness for end-to-end TUI tests: a real pty (node-pty) whose output is
 * read by a real terminal emulator (@xterm/headless). One implementation, shared with the
 * bandwidth bench (bench/term.ts, compiled with the app).
 */
export { KEYS, startTerm, type Key, type SettleOptions, type StartTermOptions, type Term } from '../../bench/term.js';
