/**
 * The refusal codes of SPEC §4, alone: what a request's decision and a service's definition name.
 * The catalogue with texts and clauses is refusals.ts; the codes stand apart so the request's and
 * the services' types can name them without importing the catalogue (which itself names states).
 */
export const REFUSAL_CODES = [
  'R1', 'R2', 'R3', 'R4a', 'R4b', 'R5a', 'R5b', 'R5c', 'R5d', 'R6', 'R6b', 'R7', 'R8', 'R9', 'R10',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
