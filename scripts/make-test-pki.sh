#!/usr/bin/env bash
# Makes the TEST-ONLY PKI the signature tests run against: a test CA, a second CA nobody trusts,
# staff PKCS#12 key files (one per R5 refusal case), the test CA's revocation list and a README.
#
#   scripts/make-test-pki.sh [out-dir]      (default: test/fixtures/pki)
#
# Needs OpenSSL 3. Fixed validity dates need `openssl ca -startdate/-enddate`: `x509 -days`
# cannot backdate and `-not_before/-not_after` only arrived in 3.4. `openssl ca -revoke` always
# records "now" as the revocation date, so the database line is rewritten to 2026-06-01 before
# the CRL is generated; that fixed date is what the "revoked later than the signature" test needs.
set -euo pipefail

out="${1:-test/fixtures/pki}"
pass='test-only'
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# One `openssl ca` directory per CA. policy_any + -preserveDN keep the staff subjects exactly as
# requested (national certificates put CN first and serialNumber=IIN… in the middle).
make_ca_dir() {
  local dir="$work/$1"
  mkdir -p "$dir/certs"
  : >"$dir/index.txt"
  echo 1000 >"$dir/crlnumber"
  echo 01 >"$dir/serial" # required by the config, unused: serials are random (-rand_serial)
  cat >"$dir/openssl.cnf" <<EOF
[ req ]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes
prompt = no
[ req_dn ]
CN = placeholder

[ ca ]
default_ca = ca_default
[ ca_default ]
dir = $dir
database = \$dir/index.txt
new_certs_dir = \$dir/certs
serial = \$dir/serial
certificate = \$dir/ca.pem
private_key = \$dir/ca.key
crlnumber = \$dir/crlnumber
default_md = sha256
policy = policy_any
unique_subject = no
copy_extensions = none
string_mask = utf8only
utf8 = yes
[ policy_any ]
commonName = supplied

[ v3_ca ]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ staff ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid

[ crl_ext ]
authorityKeyIdentifier = keyid
EOF
}

# openssl ca talks a lot; show what it said only when it fails.
quiet() {
  local log="$work/openssl.log"
  "$@" >"$log" 2>&1 || { cat "$log" >&2; return 1; }
}

rsa_key() { openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1"; }

# make_ca <name> <subject> <out-pem>
make_ca() {
  local dir="$work/$1"
  make_ca_dir "$1"
  rsa_key "$dir/ca.key"
  openssl req -new -config "$dir/openssl.cnf" -utf8 -key "$dir/ca.key" -subj "$2" -out "$dir/ca.csr"
  quiet openssl ca -batch -config "$dir/openssl.cnf" -selfsign \
    -in "$dir/ca.csr" -out "$dir/ca.pem" -notext -rand_serial -preserveDN -extensions v3_ca \
    -startdate 20190101000000Z -enddate 20491231235959Z
  cp "$dir/ca.pem" "$3"
}

# make_staff <ca-name> <file-stem> <key-algorithm> <subject> <not-before> <not-after>
make_staff() {
  local dir="$work/$1" stem="$work/$2"
  if [[ "$3" == ec ]]; then
    openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$stem.key"
  else
    rsa_key "$stem.key"
  fi
  openssl req -new -config "$dir/openssl.cnf" -utf8 -key "$stem.key" -subj "$4" -out "$stem.csr"
  quiet openssl ca -batch -config "$dir/openssl.cnf" \
    -in "$stem.csr" -out "$stem.pem" -notext -rand_serial -preserveDN -extensions staff \
    -startdate "$5" -enddate "$6"
  # OpenSSL 3 defaults: PBES2 (PBKDF2 hmacWithSHA256, AES-256-CBC) for key and certificates,
  # SHA-256 MAC. node-forge 1.4 reads all of it, so no legacy options are needed.
  openssl pkcs12 -export -inkey "$stem.key" -in "$stem.pem" -certfile "$dir/ca.pem" \
    -name "$2" -passout "pass:$pass" -out "$out/$2.p12"
}

clerk='/CN=СЕРІКБАЕВА ДИНАРА/SN=СЕРІКБАЕВА/serialNumber=IIN870214400019/C=KZ/GN=АСҚАРҚЫЗЫ/O=ANYQTAMA TEST'
other='/CN=ИВАНОВА ОЛЬГА/SN=ИВАНОВА/serialNumber=IIN820630400012/C=KZ/GN=ПЕТРОВНА/O=ANYQTAMA TEST'

make_ca test '/C=KZ/O=Anyqtama TEST/CN=Anyqtama TEST CA — NOT FOR PRODUCTION' "$out/ca.pem"
make_ca untrusted '/C=KZ/O=Nobody TEST/CN=Untrusted TEST CA — NOT FOR PRODUCTION' "$out/untrusted-ca.pem"

make_staff test valid rsa "$clerk" 20250101000000Z 20351231235959Z
make_staff test valid-ec ec "$clerk" 20250101000000Z 20351231235959Z
make_staff test expired rsa "$clerk" 20200101000000Z 20241231235959Z
make_staff test revoked rsa "$clerk" 20250101000000Z 20351231235959Z
make_staff test wrong-iin rsa "$other" 20250101000000Z 20351231235959Z
make_staff untrusted untrusted rsa "$clerk" 20250101000000Z 20351231235959Z

quiet openssl ca -config "$work/test/openssl.cnf" -revoke "$work/revoked.pem" \
  -crl_reason cessationOfOperation
awk -F'\t' -v OFS='\t' '$1 == "R" { sub(/^[0-9]+Z/, "260601000000Z", $3) } 1' \
  "$work/test/index.txt" >"$work/test/index.new"
mv "$work/test/index.new" "$work/test/index.txt"
quiet openssl ca -config "$work/test/openssl.cnf" -gencrl -crlexts crl_ext -out "$out/crl.pem" \
  -crl_lastupdate 20260601000000Z -crl_nextupdate 20491231235959Z

cat >"$out/README.md" <<EOF
# TEST-ONLY PKI: never trust these keys

Made by \`scripts/make-test-pki.sh\` (OpenSSL 3); run it again to replace every file here. The
private keys are public by being committed: nothing signed with them proves anything.

Passphrase of every \`.p12\` file: \`$pass\`

| File | What it is |
|---|---|
| \`ca.pem\` | "Anyqtama TEST CA — NOT FOR PRODUCTION", RSA 2048, valid 2019-01-01..2049-12-31 |
| \`untrusted-ca.pem\` | "Untrusted TEST CA — NOT FOR PRODUCTION": a CA no trust store lists |
| \`crl.pem\` | the test CA's revocation list: \`revoked.p12\` revoked on 2026-06-01, next update 2049-12-31 |
| \`valid.p12\` | IIN 870214400019 (demo clerk kzo-clerk, Серікбаева Динара Асқарқызы), RSA, valid 2025-01-01..2035-12-31 |
| \`valid-ec.p12\` | the same holder with an ECDSA P-256 key |
| \`expired.p12\` | the same holder, valid 2020-01-01..2024-12-31 (R5b) |
| \`revoked.p12\` | the same holder, valid 2025..2035, revoked on 2026-06-01 (R5c) |
| \`wrong-iin.p12\` | IIN 820630400012 (demo clerk ast-clerk, Иванова Ольга Петровна): R5a when used as kzo-clerk |
| \`untrusted.p12\` | IIN 870214400019, issued by the untrusted CA (R5d) |

Staff subjects follow the national (NCA RK) certificates: \`CN=SURNAME NAME, SN=SURNAME,
serialNumber=IIN<12 digits>, C=KZ, GN=PATRONYMIC, O=…\`; key usage digitalSignature +
nonRepudiation. Serial numbers are random, so they change with every run. Each \`.p12\` holds the
key, the staff certificate and the issuing CA certificate, encrypted with OpenSSL 3's defaults
(PBES2: PBKDF2 hmacWithSHA256 + AES-256-CBC; SHA-256 MAC).
EOF

echo "test PKI written to $out"
