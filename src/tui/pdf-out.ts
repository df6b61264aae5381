import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request } from '../core/request.js';
import { fail, ok, type DomainError, type Result } from '../core/result.js';
import type { TuiServices } from './services.js';

/**
 * Writes the request's current document (the signed certificate or refusal letter, else the
 * receipt) to DATA_DIR/out/ for printing, and returns its path. The stored signed bytes are
 * written as they are, so the printed file verifies.
 */
export async function writeCurrentPdf(services: TuiServices, request: Request): Promise<Result<string, DomainError>> {
  const documents = services.requests.documents;
  if (!documents) return ok('');
  const current = await documents.current(request);
  if (!current.ok) return fail(current.error);
  const dir = join(services.dataDir, 'out');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${request.number ?? request.id}-${current.value.kind}-${current.value.variant}.pdf`);
  await writeFile(path, current.value.bytes);
  return ok(path);
}
