import { formatDate } from '../core/calendar/dates.js';
import { fieldAt } from '../core/forms/field.js';
import type { Actor } from '../core/request.js';
import { domainError, fail, ok, type Result } from '../core/result.js';
import { findService } from '../core/services/catalogue.js';
import type { Reference } from '../config/reference.js';
import { DECIDING_ROLES } from './access.js';

/** Registry fields the look-up may fill into the applicant group, by the form's field ids. */
const FROM_REGISTRY = ['lastName', 'firstName', 'patronymic', 'birthDate', 'phone'] as const;

/** What the person registry gives the counter for one IIN: the applicant's fields as typed into the form. */
export interface RegistryPrefill {
  readonly fullName: string;
  /** By dotted form path (`applicant.lastName`), dates as the form takes them (DD.MM.YYYY). */
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Looks an applicant up in the person registry (ГБД ФЛ) by the IIN the clerk typed, for the
 * fields the service's questionnaire has; null when the registry has no such person. Only staff
 * who take requests in may read the registry.
 */
export async function registryPrefill(reference: Reference, actor: Actor, serviceId: string, iinInput: string): Promise<Result<RegistryPrefill | null>> {
  if (!DECIDING_ROLES.includes(actor.role)) return fail(domainError('FORBIDDEN', { key: 'clerk.registryForbidden', params: { role: actor.role } }));
  const service = findService(serviceId);
  if (!service) return fail(domainError('NOT_FOUND', { key: 'app.unknownService', params: { service: serviceId } }));
  const person = await reference.persons.findPerson(iinInput.replace(/\D/g, ''));
  if (!person) return ok(null);
  const values: Record<string, string> = {};
  for (const id of FROM_REGISTRY) {
    const value = person[id];
    if (value && fieldAt(service.form, ['applicant', id])) values[`applicant.${id}`] = id === 'birthDate' ? formatDate(value) : value;
  }
  return ok({ fullName: [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' '), values });
}
