import { createRequire } from 'node:module';
import type Forge from 'node-forge';

/**
 * node-forge, loaded when a certificate, revocation list or key file is first read or written,
 * not by every process that imports this folder on its way to something else: every command that
 * opens the store reaches it through the document service. A synchronous require keeps the
 * callers synchronous. `asn1()` is forge's DER reader and writer alone (some 15 ms to load);
 * `forge()` is all of it, with PKCS#12, its ciphers and digests (some 80 ms).
 */
const require = createRequire(import.meta.url);
let asn1Loaded: typeof Forge.asn1 | undefined;
let forgeLoaded: typeof Forge | undefined;

export const asn1 = (): typeof Forge.asn1 => (asn1Loaded ??= require('node-forge/lib/asn1.js') as typeof Forge.asn1);
export const forge = (): typeof Forge => (forgeLoaded ??= require('node-forge') as typeof Forge);

/** X.690's tag classes and the universal types we use: the values of forge's asn1.Class and asn1.Type. */
export const Class = { UNIVERSAL: 0x00, CONTEXT_SPECIFIC: 0x80 } as const;
export const Type = {
  BOOLEAN: 1, INTEGER: 2, BITSTRING: 3, OCTETSTRING: 4, NULL: 5, OID: 6, UTF8: 12, SEQUENCE: 16, SET: 17,
  PRINTABLESTRING: 19, UTCTIME: 23, GENERALIZEDTIME: 24, BMPSTRING: 30,
} as const;
