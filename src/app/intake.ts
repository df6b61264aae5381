import { checkApplicant, checkPowerOfAttorney, phoneMatches } from '../core/identity/checks.js';
import type { DomainError, Result } from '../core/result.js';
import { domainError, fail, ok } from '../core/result.js';
import type { Channel, ServiceDef } from '../core/services/types.js';
import type { Reference } from '../config/reference.js';

type Answers = Readonly<Record<string, unknown>>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const group = (answers: Answers, id: string) => (answers[id] ?? {}) as Record<string, unknown>;

/**
 * The pre-registration checks of the regulations (SPEC §3.4), run against the registry ports:
 * the applicant in ГБД ФЛ on the channels whose regulation looks them up (R3), the citizen's
 * Telegram-verified phone against the registry record of whoever files (the applicant, or the
 * representative: the bot's stand-in for portal authentication, R1), and a representative's power
 * of attorney in ЕНИС where only a notarised one is accepted (S3; and always in the bot) (R4a/R4b). A failure is an INTAKE_REFUSED error carrying its refusal codes.
 */
export async function intakeChecks(
  reference: Reference,
  service: ServiceDef,
  channel: Channel,
  answers: Answers,
  today: string,
  verifiedPhone: string | undefined,
): Promise<Result<void, DomainError>> {
  const applicant = group(answers, 'applicant');
  const iin = str(applicant.iin);
  const representative = answers.representative as Record<string, unknown> | undefined;
  if (service.personCheckChannels.includes(channel) || verifiedPhone !== undefined) {
    const person = await checkApplicant(reference.persons, iin, { lastName: str(applicant.lastName), firstName: str(applicant.firstName) });
    if (!person.ok) return person;
    // Whoever holds the phone files the request: the applicant, or the representative acting for them.
    if (verifiedPhone !== undefined) {
      const filer = representative
        ? await checkApplicant(reference.persons, str(representative.iin), { lastName: str(representative.lastName), firstName: str(representative.firstName) })
        : person;
      if (!filer.ok) return filer;
      if (!phoneMatches(filer.value, verifiedPhone)) {
        return fail(domainError('INTAKE_REFUSED', { key: 'app.phoneMismatch', params: { iin: filer.value.iin } }, { reasons: ['R1'] }));
      }
    }
  }
  // At a counter an archive accepts any authority document the clerk sees (S0 §6.1); remotely
  // nobody sees one, so a representative files through the bot under a notarised PoA only.
  if (representative && (service.representation === 'notarised-poa' || channel === 'bot')) {
    const poa = await checkPowerOfAttorney(reference.notary, {
      number: str(representative.poaNumber),
      principalIin: iin,
      attorneyIin: str(representative.iin),
      serviceId: service.id,
      today,
    });
    if (!poa.ok) return poa;
  }
  return ok(undefined);
}
