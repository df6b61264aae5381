import type { Decision, Request } from '../core/request.js';

/**
 * Masking of an applicant's personal data for the call-centre (issue 5): the operator on the
 * phone must be able to check they have the right request ("the IIN ending 1234?", "С. Д. А.?")
 * without the screen showing what would identify the person to anyone looking over a shoulder.
 */
export const MASK = '•';

/** All but the last 4 digits hidden: `••••••••1234`. Anything that is not 12 digits is hidden whole, keeping at most its last 4 characters. */
export function maskIin(iin: string): string {
  const s = iin.trim();
  if (s.length <= 4) return MASK.repeat(s.length);
  return MASK.repeat(s.length - 4) + s.slice(-4);
}

/** Initials only, in the order the name is written: `Сейітова Дана Асқарқызы` → `С. Д. А.`. */
export function maskName(fullName: string): string {
  return fullName
    .trim()
    .split(/[\s]+/u)
    .filter(Boolean)
    // A double-barrelled part (Ахмет-Оглы) is one name: one initial.
    .map((part) => `${[...part][0]!.toLocaleUpperCase('kk')}.`)
    .join(' ');
}

/** Every digit but the last 2 hidden, spacing and signs kept: `+7 701 234 56 78` → `+• ••• ••• •• 78`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.trim().replace(/\d/g, (d) => (++seen > digits - 2 ? d : MASK));
}

/**
 * A request as shown to someone who may not see its personal data (the command line without a
 * member of staff allowed to open it, issue 13): the applicant masked as the call-centre sees
 * them, the questionnaire and the certificate's content withheld. State, dates, history and the
 * signed document's code stay: they are what the operator checks.
 */
export function maskRequest(request: Request): Request {
  const { applicant } = request;
  const { contact: _contact, ...rest } = request;
  return {
    ...rest,
    applicant: { iin: maskIin(applicant.iin), fullName: maskName(applicant.fullName), ...(applicant.phone ? { phone: maskPhone(applicant.phone) } : {}) },
    answers: {},
    // A citizen acting through the bot is logged in as `citizen:IIN`.
    history: request.history.map((e) => (e.by.startsWith(CITIZEN) ? { ...e, by: CITIZEN + maskIin(e.by.slice(CITIZEN.length)) } : e)),
    ...(request.decision ? { decision: maskDecision(request.decision) } : {}),
  };
}

const CITIZEN = 'citizen:';

/** The certificate's content withheld; the signer's IIN masked (their name and certificate are on the document itself). */
function maskDecision(decision: Decision): Decision {
  const { content: _content, ...rest } = decision;
  const document = rest.document;
  if (!document?.signer.iin) return rest;
  return { ...rest, document: { ...document, signer: { ...document.signer, iin: maskIin(document.signer.iin) } } };
}
