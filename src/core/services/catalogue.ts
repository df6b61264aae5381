import { archiveCertificate } from './archive-certificate.js';
import { disabledChildHomeschoolSupport } from './disabled-child-homeschool-support.js';
import { guardianshipCertificate } from './guardianship-certificate.js';
import { guardianshipMinorDepositsInheritance } from './guardianship-minor-deposits-inheritance.js';
import { guardianshipMinorPropertyTransactions } from './guardianship-minor-property-transactions.js';
import { unemployedCertificate } from './unemployed-certificate.js';
import type { ServiceDef } from './types.js';

/** Every service, in SERVICE_IDS order (types.ts): lists and menus show them in this order. */
export const SERVICES: readonly ServiceDef[] = [
  archiveCertificate,
  unemployedCertificate,
  disabledChildHomeschoolSupport,
  guardianshipMinorDepositsInheritance,
  guardianshipMinorPropertyTransactions,
  guardianshipCertificate,
];

/** The service with this id; undefined for an unknown id (input from a user or a stored request). */
export function findService(id: string): ServiceDef | undefined {
  return SERVICES.find((s) => s.id === id);
}
