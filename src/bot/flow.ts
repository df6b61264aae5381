import { SERVICES } from '../core/services/catalogue.js';
import type { RequiredDocument, ServiceDef, ServiceId } from '../core/services/types.js';
import type { QuestionnaireState } from './questionnaire.js';

// The flows below are stored in the citizens' chats as they are: a change of shape breaks
// every conversation under way.

/** A file the citizen sent, already stored by its hash: the questionnaire can be resumed after a restart. */
export interface FileRef {
  readonly document: string;
  readonly name: string;
  readonly mediaType: string;
  readonly size: number;
  readonly sha256: string;
}

export type Stage = 'office' | 'intro' | 'contact' | 'form' | 'files' | 'summary' | 'edit';

/** An application in progress: everything needed to continue it is here (and in the blob store). */
export interface ApplyFlow {
  readonly kind: 'apply';
  readonly service: ServiceId;
  readonly office?: string;
  readonly stage: Stage;
  /** Chosen before submitting, so a "confirm" delivered twice files once (RequestService.submit). */
  readonly requestId: string;
  readonly form?: QuestionnaireState;
  /** The required document being asked for (index into documentsFor(service)). */
  readonly doc: number;
  readonly files: readonly FileRef[];
  /** Where the edit menu stands: a section path, or top level. */
  readonly editAt?: string;
  /** The summary was shown once: a finished edit goes straight back to it. */
  readonly reviewed?: boolean;
}

export type StatusFlow = { readonly kind: 'status'; readonly stage: 'number' } | { readonly kind: 'status'; readonly stage: 'digits'; readonly number: string };
/** Choosing the language; a deep link that arrived before the choice (`/start status_…`) is kept for after it. */
export type LanguageFlow = { readonly kind: 'language'; readonly payload?: string };
export type Flow = ApplyFlow | StatusFlow | LanguageFlow | null;

export function botServices(): readonly ServiceDef[] {
  return SERVICES.filter((s) => s.channels.includes('bot'));
}

/** The documents the bot asks for: those of the service not limited to other channels. */
export function documentsFor(service: ServiceDef): readonly RequiredDocument[] {
  return service.requiredDocuments.filter((d) => !d.channels || d.channels.includes('bot'));
}
