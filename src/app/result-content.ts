import type { Request } from '../core/request.js';
import { findService } from '../core/services/catalogue.js';

/** Result fields the clerk did not give, taken from the questionnaire (e.g. the archive's period). */
export function prefilled(request: Request, content: Record<string, unknown>): Record<string, unknown> {
  const service = findService(request.service);
  const out = { ...content };
  for (const [field, path] of Object.entries(service?.resultPrefill ?? {})) {
    if (out[field] !== undefined) continue;
    const value = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), request.answers);
    if (value !== undefined && value !== '') out[field] = value;
  }
  return out;
}
