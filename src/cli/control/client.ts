import { createConnection } from 'node:net';
import { t } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/i18n/text.js';
import type { Io } from '../io.js';
import { controlSocketPath, MAX_SOCKET_PATH, type ControlFrame, type ControlRequest } from './protocol.js';

/**
 * Hands one command to the `serve` that answers on DATA_DIR/control.sock and relays what it
 * prints. Resolves with the command's exit code, or null when no `serve` answers there (no
 * socket, or one left by a process that died): the caller then runs the command itself.
 */
export function forwardToServe(dataDir: string, request: ControlRequest, io: Io, lang: Lang): Promise<number | null> {
  const path = controlSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return Promise.resolve(null);
  return new Promise((resolve) => {
    const socket = createConnection(path);
    let connected = false;
    let exit: number | null = null;
    let pending = '';
    socket.setEncoding('utf8');
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => {
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 1);
        let frame: ControlFrame;
        try {
          frame = JSON.parse(line) as ControlFrame;
        } catch {
          continue;
        }
        if ('out' in frame) io.out(frame.out);
        else if ('err' in frame) io.err(frame.err === 'busy' ? t(lang, 'control.busy') : frame.err);
        else if ('bin' in frame) io.writeBinary(Buffer.from(frame.bin, 'base64'));
        else if ('exit' in frame) exit = frame.exit;
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Nobody listens: no daemon runs on this store, or it died and left its socket behind.
      if (!connected) resolve(null);
      else if (exit === null) io.err(t(lang, 'control.lost', { reason: error.code ?? error.message }));
    });
    socket.on('close', () => {
      if (!connected) return resolve(null);
      if (exit === null) io.err(t(lang, 'control.lost', { reason: 'EOF' }));
      resolve(exit ?? 1);
    });
  });
}
