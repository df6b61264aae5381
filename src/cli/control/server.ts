import { chmod, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Io } from '../io.js';
import { controlRequest, controlSocketPath, MAX_REQUEST_BYTES, MAX_SOCKET_PATH, type ControlFrame, type ControlRequest } from './protocol.js';

export interface ControlServerOptions {
  readonly dataDir: string;
  /** Runs one command as if typed here; resolves with its exit code. */
  readonly run: (request: ControlRequest, io: Io) => Promise<number>;
  /** One line per refused or failed connection, for the daemon's log (never the command's words: they may hold a password file's name or personal data). */
  readonly log: (line: string) => void;
  /** Commands running at once; one more is told to try again. */
  readonly maxRunning?: number;
}

export type ControlServerStart =
  | { readonly ok: true; readonly path: string; close(): Promise<void> }
  | { readonly ok: false; readonly reason: 'pathTooLong' | 'answered' | 'listenFailed'; readonly path: string; readonly detail?: string };

/** Whether something listens on the socket at `path` now. */
function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Serves the command line on DATA_DIR/control.sock while `serve` runs. The caller holds the
 * store (the embedded store's lock), so a socket file already there was left by a process that
 * died and is replaced; on a shared database a second `serve` on the same data dir leaves the
 * first one's socket alone and says so.
 */
export async function startControlServer(options: ControlServerOptions): Promise<ControlServerStart> {
  const path = controlSocketPath(options.dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return { ok: false, reason: 'pathTooLong', path };
  if (await answers(path)) return { ok: false, reason: 'answered', path };
  await unlink(path).catch(() => undefined);

  const maxRunning = options.maxRunning ?? 16;
  let running = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A client that goes away mid-command is not the daemon's failure.
    socket.on('error', () => undefined);
    let buffered = Buffer.alloc(0);
    let started = false;
    const send = (frame: ControlFrame) => {
      if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(frame)}\n`);
    };
    socket.on('data', (chunk: Buffer) => {
      if (started) return;
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf(0x0a);
      if (end < 0) {
        if (buffered.length > MAX_REQUEST_BYTES) {
          options.log('control: request line too long; connection closed');
          socket.destroy();
        }
        return;
      }
      started = true;
      let request: ControlRequest;
      try {
        const parsed = controlRequest.safeParse(JSON.parse(buffered.subarray(0, end).toString('utf8')));
        if (!parsed.success) throw new Error('malformed');
        request = parsed.data;
      } catch {
        options.log('control: malformed request; connection closed');
        send({ exit: 2 });
        socket.end();
        return;
      }
      if (running >= maxRunning) {
        send({ err: 'busy' });
        send({ exit: 75 });
        socket.end();
        return;
      }
      running += 1;
      const io: Io = {
        out: (text) => send({ out: text }),
        err: (text) => send({ err: text }),
        writeBinary: (bytes) => send({ bin: Buffer.from(bytes).toString('base64') }),
        env: request.env,
      };
      void options.run(request, io)
        .catch((error: unknown) => {
          options.log(`control: command ${request.argv[0] ?? '?'} failed: ${(error as Error)?.name ?? 'error'} ${(error as NodeJS.ErrnoException)?.code ?? ''}`.trim());
          return 1;
        })
        .then((code) => {
          running -= 1;
          send({ exit: code });
          socket.end();
        });
    });
  });

  const listened = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    server.once('error', resolve);
    server.listen(path, () => resolve(null));
  });
  if (listened) return { ok: false, reason: 'listenFailed', path, detail: listened.code ?? listened.message };
  server.on('error', (error: NodeJS.ErrnoException) => options.log(`control: ${error.code ?? error.message}`));
  // The data dir is the owner's alone (0700); the socket is too, whatever the umask was.
  await chmod(path, 0o600);

  let closing: Promise<void> | null = null;
  return {
    ok: true,
    path,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Commands still running are cut: the daemon is stopping and the store is about to close.
        for (const socket of sockets) socket.destroy();
      }).then(() => unlink(path).catch(() => undefined));
      return closing;
    },
  };
}
