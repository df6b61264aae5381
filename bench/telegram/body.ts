/**
 * A call's parameters from its HTTP request: the query string plus a JSON, urlencoded or multipart
 * body. Multipart goes through the platform's own parser (undici's `Request.formData()`), so there
 * is no hand-written MIME parsing here.
 */
import type { IncomingMessage } from 'node:http';
import { mimeFromName } from './files.js';
import { badRequest, failure, isRecord, type Failure, type Params } from './wire.js';

/** The Bot API accepts uploads up to 50 MB; a little headroom for the multipart framing. */
export const MAX_BODY_BYTES = 52 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer | Failure> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return failure(413, 'Request Entity Too Large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function parseParams(contentType: string | undefined, body: Uint8Array, query: URLSearchParams): Promise<Params | Failure> {
  const params: Params = Object.fromEntries(query);
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (body.length === 0) return params;
  if (type === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body).toString('utf8'));
    } catch {
      return badRequest("can't parse JSON object");
    }
    return isRecord(parsed) ? { ...params, ...parsed } : badRequest('JSON object expected');
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { ...params, ...Object.fromEntries(new URLSearchParams(Buffer.from(body).toString('utf8'))) };
  }
  if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await new Request('http://127.0.0.1/', { method: 'POST', headers: { 'content-type': contentType! }, body, duplex: 'half' } as RequestInit).formData();
    } catch {
      return badRequest("can't parse multipart/form-data");
    }
    return { ...params, ...(await formParams(form)) };
  }
  return params;
}

/** Form fields as parameters; file parts become `{filename, mimeType, size, bytes}`. */
export async function formParams(form: FormData): Promise<Params> {
  const params: Params = {};
  for (const [key, value] of form) {
    if (typeof value === 'string') {
      params[key] = value;
      continue;
    }
    const bytes = new Uint8Array(await value.arrayBuffer());
    params[key] = { filename: value.name, mimeType: mimeFromName(value.name), size: bytes.length, bytes };
  }
  return params;
}
