/**
 * The Bot API's wire shapes: a reply is `{ok:true,result}` or `{ok:false,error_code,description}`,
 * and a call's parameters arrive as JSON, as a query string, urlencoded or as multipart form data.
 * With the last three every value is a string, so the accessors here read both spellings.
 */

export type Params = Record<string, unknown>;

export interface Failure {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}
export type Reply<T = unknown> = { ok: true; result: T; description?: string } | Failure;

/** A file part of a multipart upload, as recorded in `calls`. */
export interface UploadedFile {
  filename: string;
  mimeType: string;
  size: number;
  bytes: Uint8Array;
}

export const ok = <T>(result: T): { ok: true; result: T } => ({ ok: true, result });
export const failure = (code: number, description: string, parameters?: Failure['parameters']): Failure =>
  parameters ? { ok: false, error_code: code, description, parameters } : { ok: false, error_code: code, description };
export const badRequest = (what: string): Failure => failure(400, `Bad Request: ${what}`);
export const forbidden = (what: string): Failure => failure(403, `Forbidden: ${what}`);
export const tooManyRequests = (retryAfter: number): Failure =>
  failure(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
export const isFailure = (value: unknown): value is Failure =>
  typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false;

/** The description Telegram gives for a bare error code (used by `failNext` without a description). */
export function defaultDescription(code: number): string {
  switch (code) {
    case 400:
      return 'Bad Request';
    case 401:
      return 'Unauthorized';
    case 403:
      return 'Forbidden: bot was blocked by the user';
    case 404:
      return 'Not Found';
    case 409:
      return 'Conflict';
    case 500:
      return 'Internal Server Error';
    case 502:
      return 'Bad Gateway';
    default:
      return `Error ${code}`;
  }
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && (value as UploadedFile).bytes instanceof Uint8Array;
}

export function str(params: Params, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function int(params: Params, key: string): number | undefined {
  const value = params[key];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function bool(params: Params, key: string): boolean {
  const value = params[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** An object parameter: multipart and urlencoded calls send it as a JSON string. */
export function json(params: Params, key: string): { ok: true; value: unknown } | { ok: false } {
  const value = params[key];
  if (typeof value !== 'string') return { ok: true, value };
  try {
    return { ok: true, value: JSON.parse(value) as unknown };
  } catch {
    return { ok: false };
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with sorted keys, so that two equal markups compare equal however their keys were ordered. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
