import { formatDate } from '../core/calendar/dates.js';
import { t } from '../core/i18n/catalogue.js';
import { pick, type Lang } from '../core/i18n/text.js';
import { findRefusal } from '../core/refusals.js';
import { findService } from '../core/services/catalogue.js';
import type { DocumentKind } from './model.js';
import type { Verification } from './service.js';

export const kindLabel = (lang: Lang, kind: DocumentKind): string => t(lang, `documents.kind.${kind}`);

const serviceTitle = (lang: Lang, id: string): string => pick(findService(id)?.title ?? { kk: id, ru: id }, lang);

/** What a verification found, in the reader's language: `anyqtama verify` prints it, the bot answers a QR code's link with it. */
export function describeVerification(lang: Lang, v: Verification): string {
  switch (v.status) {
    case 'valid':
      return t(lang, 'documents.verify.valid', {
        number: v.number, service: serviceTitle(lang, v.service), document: kindLabel(lang, v.template), signer: v.signer.fullName,
        date: formatDate(v.signedAt.slice(0, 10)), serial: v.signer.serial, issuer: v.signer.issuer,
      });
    case 'receipt':
      return t(lang, 'documents.verify.receipt', {
        number: v.number, service: serviceTitle(lang, v.service), date: formatDate(v.registeredAt.slice(0, 10)), state: t(lang, `state.${v.state}`),
      });
    case 'unknown':
      return t(lang, 'documents.verify.unknown');
    case 'altered':
      return t(lang, 'documents.verify.altered', { number: v.number });
    case 'record-altered':
      return t(lang, 'documents.verify.recordAltered', { number: v.number });
    case 'certificate':
      return t(lang, 'documents.verify.certificate', { number: v.number, date: formatDate(v.signedAt.slice(0, 10)), reason: pick(findRefusal(v.reason)!.label, lang).toLowerCase() });
  }
}
