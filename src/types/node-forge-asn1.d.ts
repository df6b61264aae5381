/**
 * node-forge's ASN.1 reader and writer on their own. `import forge from 'node-forge'` loads all of
 * forge (ciphers, TLS, PKCS#12: some 80 ms at start-up); the certificate and revocation-list code
 * needs only this part, which every command that checks a signer loads.
 */
declare module 'node-forge/lib/asn1.js' {
  import type forge from 'node-forge';

  const asn1: typeof forge.asn1;
  export default asn1;
}
