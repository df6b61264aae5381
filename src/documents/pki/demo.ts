import { generateKeyPair, type KeyObject } from 'node:crypto';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serialOf } from './certificate.js';
import { crlToPem, makeCrl } from './crl.js';
import { issueCertificate, NAME_OIDS, type NamePart } from './issue.js';
import { makePkcs12 } from './pkcs12.js';

/**
 * A demo PKI, made fresh for a demo installation: its own CA (clearly not the national one), a
 * PKCS#12 key file per member of staff, and the CA's empty revocation list. Nothing here is
 * trusted beyond the demo's own trust directory.
 */

export interface DemoStaff {
  readonly login: string;
  /** "Surname Name Patronymic", as in the user record. */
  readonly fullName: string;
  readonly iin: string;
}

export interface DemoPki {
  readonly caPath: string;
  readonly crlPath: string;
  readonly keys: { readonly login: string; readonly p12Path: string; readonly serial: string }[];
}

export const DEMO_CA_NAME = 'Anyqtama DEMO CA — NOT FOR PRODUCTION';
const DEMO_ORGANISATION = 'ANYQTAMA DEMO';
const CA_YEARS = 10;
const STAFF_YEARS = 3;
/**
 * Certificates and the list start a day early so that a verifier whose clock is a little behind,
 * or a demo decision stamped earlier today, is still inside their validity.
 */
const BACKDATE_MS = 24 * 60 * 60 * 1000;

const generate = promisify(generateKeyPair);
const newKey = async (): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> =>
  generate('ec', { namedCurve: 'P-256' });

/**
 * Writes `trusted/demo-ca.pem`, `trusted/demo-ca.crl` (PEM) and `keys/<login>.p12` under `dir`.
 * Keys are ECDSA P-256: generating RSA 2048 keys costs 0.1–0.3 s each, which a demo start with
 * a dozen staff should not wait for. The CA's private key is not kept: a new demo makes a new CA.
 */
export async function makeDemoPki(
  dir: string,
  staff: readonly DemoStaff[],
  passphrase: string,
  now: Date = new Date(),
): Promise<DemoPki> {
  for (const person of staff) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(person.login)) throw new Error(`login "${person.login}" cannot name a key file`);
  }
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const [caKeys, ...staffKeys] = await Promise.all([newKey(), ...staff.map(() => newKey())]);
  const ca = issueCertificate({
    subject: [
      { oid: NAME_OIDS.country, value: 'KZ' },
      { oid: NAME_OIDS.organisation, value: DEMO_ORGANISATION },
      { oid: NAME_OIDS.commonName, value: DEMO_CA_NAME },
    ],
    publicKey: caKeys!.publicKey,
    notBefore,
    notAfter: yearsAfter(now, CA_YEARS),
    ca: true,
    signingKey: caKeys!.privateKey,
  });
  const crl = makeCrl({ issuer: ca, issuerKey: caKeys!.privateKey, thisUpdate: notBefore, nextUpdate: yearsAfter(now, CA_YEARS), number: 1n });

  const trusted = join(dir, 'trusted');
  const keysDir = join(dir, 'keys');
  await mkdir(trusted, { recursive: true });
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  const caPath = join(trusted, 'demo-ca.pem');
  const crlPath = join(trusted, 'demo-ca.crl');
  await writeFile(caPath, ca.toString());
  await writeFile(crlPath, crlToPem(crl));

  const keys = await Promise.all(
    staff.map(async (person, i) => {
      const { publicKey, privateKey } = staffKeys[i]!;
      const certificate = issueCertificate({
        subject: staffSubject(person),
        publicKey,
        notBefore,
        notAfter: yearsAfter(now, STAFF_YEARS),
        ca: false,
        issuer: ca,
        signingKey: caKeys!.privateKey,
      });
      const p12Path = join(keysDir, `${person.login}.p12`);
      const p12 = makePkcs12({ privateKey, certificate, chain: [ca], passphrase, friendlyName: person.login });
      await writeFile(p12Path, p12, { mode: 0o600 });
      await chmod(p12Path, 0o600); // writeFile's mode applies only when it creates the file
      return { login: person.login, p12Path, serial: serialOf(certificate) };
    }),
  );
  return { caPath, crlPath, keys };
}

/** The national certificates' layout: CN "SURNAME NAME", SN surname, serialNumber IIN…, GN patronymic. */
function staffSubject(person: DemoStaff): NamePart[] {
  const [surname = '', name, ...patronymic] = person.fullName.toLocaleUpperCase('kk-KZ').split(/\s+/).filter(Boolean);
  return [
    { oid: NAME_OIDS.commonName, value: [surname, name].filter(Boolean).join(' ') },
    ...(surname ? [{ oid: NAME_OIDS.surname, value: surname }] : []),
    { oid: NAME_OIDS.serialNumber, value: `IIN${person.iin}` },
    { oid: NAME_OIDS.country, value: 'KZ' },
    ...(patronymic.length > 0 ? [{ oid: NAME_OIDS.givenName, value: patronymic.join(' ') }] : []),
    { oid: NAME_OIDS.organisation, value: DEMO_ORGANISATION },
  ];
}

function yearsAfter(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}
