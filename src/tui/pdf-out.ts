import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Actor, Request } from '../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../core/result.js';
import type { TuiServices } from './services.js';
import { DIR_MODE, FILE_MODE } from '../store/modes.js';

/**
 * Writes the request's current document (the signed certificate or refusal letter, else the
 * receipt) to DATA_DIR/out/ for printing, and returns its path. The stored signed bytes are
 * written as they are, so the printed file verifies.
 */
export async function writeCurrentPdf(services: TuiServices, actor: Actor, request: Request): Promise<Result<string, DomainError>> {
  const current = await services.clerk.currentDocument(actor, request);
  if (!current.ok) return fail(current.error);
  if (!current.value) return ok('');
  const dir = join(services.dataDir, 'out');
  const path = join(dir, `${request.number ?? request.id}-${current.value.kind}-${current.value.variant}.pdf`);
  try {
    // A certificate or refusal letter names the applicant and their IIN: the owner's only (M6).
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    await writeFile(path, current.value.bytes, { mode: FILE_MODE });
  } catch (error) {
    // A full or read-only disk: the clerk reads why, and can press `p` again later (findings B1).
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    return fail(domainError('STORE_FAILED', { key: 'cli.fileUnwritable', params: { path, reason } }));
  }
  return ok(path);
}
