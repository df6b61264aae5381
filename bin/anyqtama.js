#!/usr/bin/env node
// Thin launcher: the command is written in TypeScript and compiled to dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Before anything can create a file: what this program writes (the store's requests, scans, users'
// keys, bot chats, PDFs and exports of personal data) is the owner's only, whatever the shell's
// umask (findings M6). The store also passes 0600/0700 explicitly and tightens an older store.
process.umask(0o077);

const main = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('anyqtama: not built yet. Run `npm install` (or `npm run build`) in the project folder.\n');
  process.exit(1);
}
// A reader that stops early (`anyqtama list | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { run } = await import(main);
process.exitCode = await run(process.argv.slice(2));
