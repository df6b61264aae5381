import { X509Certificate } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { formatDate } from '../../core/calendar/dates.js';
import { t, type MessageKey } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { parseRequestNumber } from '../../core/identity/request-number.js';
import { DOCUMENT_VARIANTS, type DocumentVariant } from '../../core/request.js';
import { domainError, fail, ok, type DomainError, type Result } from '../../core/result.js';
import { findService } from '../../core/services/catalogue.js';
import { findRefusal } from '../../core/refusals.js';
import { normaliseCode } from '../../documents/codes.js';
import { credentialFor, givenPassphrase, registerKey, type PassphraseSources } from '../../documents/keys.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../documents/model.js';
import { describe as describeCertificate } from '../../documents/pki/certificate.js';
import { parseCrl, verifyCrl } from '../../documents/pki/crl.js';
import { renderPdf } from '../../documents/render.js';
import { sampleDocuments } from '../../documents/samples.js';
import { signatureProblem, type Verification } from '../../documents/service.js';
import { describeVerification, kindLabel } from '../../documents/verification-text.js';
import type { User, UserStore } from '../../store/port.js';
import { badValue, missing } from '../args.js';
import { finish, str, type CommandSpec } from '../command.js';
import { actorOf, adminActor, type CliContext } from '../context.js';
import { LIMITS, readLimited, readSecretFile } from '../read-limited.js';
import { EXIT } from '../exit-codes.js';
import { printError, stateLabel, writeOutput } from '../output.js';

const isVariant = (v: unknown): v is DocumentVariant => typeof v === 'string' && (DOCUMENT_VARIANTS as readonly string[]).includes(v);

/** Writes the bytes where -o says (- for standard output), else NUMBER-KIND-LANG.pdf here. */
function writeOut(ctx: CliContext, target: string | undefined, fallback: string, bytes: Uint8Array): Result<string, DomainError> {
  if (target === '-') {
    ctx.io.writeBinary(bytes);
    return ok('-');
  }
  return writeOutput(ctx.path(target || fallback), bytes);
}

export const pdfCommand: CommandSpec = {
  name: 'pdf',
  paths: { options: ['output'] },
  usage: 'anyqtama pdf NUMBER [-o FILE|-] [--lang kk|ru|both] | anyqtama pdf --sample KIND [-o FILE]',
  summary: { kk: 'Өтініштің қазіргі құжаты (анықтама, бас тарту хаты немесе қолхат), PDF', ru: 'Текущий документ заявки (справка, письмо об отказе или расписка), PDF', en: 'A request\'s current document as PDF' },
  options: { output: { type: 'string', short: 'o' }, sample: { type: 'string' } },
  langMayBeBoth: true,
  async run(ctx, values, positionals) {
    const langValue = str(values.lang);
    const variant = langValue === undefined ? undefined : isVariant(langValue) ? langValue : null;
    if (variant === null) return finish(ctx, fail(badValue(ctx.lang, '--lang', 'documents.expected.documentLang')), () => undefined);
    const output = str(values.output);
    const sample = str(values.sample);
    if (sample !== undefined) {
      // An office's template preview: the sample document of a kind, never a real request's.
      const model = sampleDocuments().find((d) => d.kind === sample);
      if (!model) return finish(ctx, fail(badValue(ctx.lang, '--sample', 'documents.expected.kind', { kinds: DOCUMENT_KINDS.join(', ') })), () => undefined);
      const lang = variant ?? 'both';
      const written = writeOut(ctx, output, `sample-${model.kind}-${lang}.pdf`, await renderPdf(model, { lang }));
      if (!written.ok) return finish(ctx, written, () => undefined);
      const path = written.value;
      if (path !== '-') ctx.io.out(t(ctx.lang, 'documents.written', { path, document: kindLabel(ctx.lang, model.kind), number: model.number, lang: t(ctx.lang, `documents.lang.${lang}`), signed: '' }));
      return EXIT.ok;
    }
    const number = positionals[0];
    if (!number) return finish(ctx, fail(missing(ctx.lang, 'NUMBER', 'cli.expected.number')), () => undefined);
    const result = await ctx.withService(async (service) => {
      const found = await service.find(number);
      if (!found.ok) return found;
      const current = await service.documents!.current(found.value, variant);
      if (!current.ok) return current;
      const { kind, variant: chosen, bytes, signed } = current.value;
      const written = writeOut(ctx, output, `${found.value.number}-${kind}-${chosen}.pdf`, bytes);
      if (!written.ok) return written;
      return ok({ path: written.value, kind, chosen, signed, number: found.value.number ?? '' });
    });
    return finish(ctx, result, ({ path, kind, chosen, signed, number: n }) => {
      if (path === '-') return;
      const line = { path, document: kindLabel(ctx.lang, kind), number: n, lang: t(ctx.lang, `documents.lang.${chosen}`), signed: signed ? t(ctx.lang, 'documents.signedMark') : '' };
      if (ctx.json) ctx.io.out(JSON.stringify({ path, kind, lang: chosen, signed, number: n }));
      else ctx.io.out(t(ctx.lang, 'documents.written', line));
    });
  },
};

/** What a verification says, in the reader's language; exit 0 only for a genuine document. */
function verificationLines(lang: Lang, v: Verification): { text: string; code: number } {
  const code = v.status === 'valid' || v.status === 'receipt' ? EXIT.ok : v.status === 'unknown' ? EXIT.notFound : EXIT.refused;
  return { code, text: describeVerification(lang, v) };
}

export const verifyCommand: CommandSpec = {
  name: 'verify',
  paths: { positionals: () => [0] },
  usage: 'anyqtama verify FILE.pdf | anyqtama verify --number N --code C [--json]',
  summary: { kk: 'Құжаттың түпнұсқалығын тексеру', ru: 'Проверка подлинности документа', en: 'Check a document is genuine' },
  options: { number: { type: 'string' }, code: { type: 'string' } },
  async run(ctx, values, positionals) {
    const numberInput = str(values.number);
    const codeInput = str(values.code);
    const file = positionals[0];
    let input: { file: string } | { number: string; code: string };
    if (file !== undefined) input = { file };
    else {
      if (!numberInput) return finish(ctx, fail(missing(ctx.lang, 'FILE.pdf | --number', 'cli.expected.number')), () => undefined);
      if (!codeInput) return finish(ctx, fail(missing(ctx.lang, '--code', 'documents.expected.code')), () => undefined);
      const parsed = parseRequestNumber(numberInput);
      if (!parsed.ok) return finish(ctx, fail(badValue(ctx.lang, '--number', 'cli.expected.number')), () => undefined);
      if (!normaliseCode(codeInput)) return finish(ctx, fail(badValue(ctx.lang, '--code', 'documents.expected.code')), () => undefined);
      input = { number: parsed.value, code: codeInput };
    }
    let bytes: Uint8Array | null = null;
    if ('file' in input) {
      const read = readLimited(input.file, { option: 'FILE.pdf', maxBytes: LIMITS.pdf });
      if (!read.ok) return finish(ctx, read, () => undefined);
      bytes = read.value;
    }
    const result = await ctx.withService(async (service) =>
      ok(bytes ? await service.documents!.verifyFile(bytes) : await service.documents!.verifyCode((input as { number: string }).number, (input as { code: string }).code)));
    if (!result.ok) return finish(ctx, result, () => undefined);
    const { text, code } = verificationLines(ctx.lang, result.value);
    ctx.io.out(ctx.json ? JSON.stringify({ ...result.value, message: text }, null, 2) : text);
    return code;
  },
};

async function userOf(store: Pick<UserStore, 'getUser'>, login: string | undefined, lang: Lang): Promise<Result<User, DomainError>> {
  if (!login) return fail(missing(lang, 'LOGIN', 'cli.expected.login'));
  const user = await store.getUser(login);
  return user ? ok(user) : fail(domainError('NOT_FOUND', { key: 'app.unknownUser', params: { login } }));
}

const KEYS_USAGE = 'anyqtama keys list | add LOGIN FILE.p12 --as ADMIN [--passphrase-file F] | remove LOGIN --as ADMIN | check LOGIN [--passphrase-file F] | trust CA.pem --as ADMIN | crl FILE.crl --as ADMIN';

export const keysCommand: CommandSpec = {
  name: 'keys',
  // keys add LOGIN FILE.p12, keys trust CA.pem, keys crl FILE.crl
  paths: { options: ['passphrase-file'], positionals: ([sub]) => (sub === 'add' ? [2] : sub === 'trust' || sub === 'crl' ? [1] : []) },
  usage: KEYS_USAGE,
  summary: { kk: 'Қызметкерлердің ЭЦҚ кілттері, сенімді куәландыру орталықтары және қайтарып алынған куәліктер тізімі', ru: 'Ключи ЭЦП сотрудников, доверенные удостоверяющие центры и списки отозванных сертификатов', en: 'Staff signing keys, trusted CAs and revocation lists' },
  options: { as: { type: 'string' }, 'passphrase-file': { type: 'string' } },
  async run(ctx, values, positionals) {
    const [sub, arg1, arg2] = positionals;
    const as = str(values.as);
    const passphraseFile = str(values['passphrase-file']);
    let sources: PassphraseSources = { env: ctx.io.env };
    if (passphraseFile !== undefined) {
      const given = readSecretFile(passphraseFile, '--passphrase-file');
      if (!given.ok) return finish(ctx, given, () => undefined);
      sources = { ...sources, given: given.value };
    }
    switch (sub) {
      case 'list':
      case undefined: {
        // Every member of staff's certificate serial is an administrator's list; anyone else sees their own key only.
        const result = await ctx.withService(async (service, store) => {
          if (!as) return fail(missing(ctx.lang, '--as', 'cli.expected.login'));
          const admin = await adminActor(store, as, ctx.lang);
          const self = admin.ok ? null : await actorOf(store, as);
          if (self && !self.ok) return self;
          const users = admin.ok ? await store.listUsers() : (await store.listUsers()).filter((u) => u.login === as);
          return ok({ users, today: service.moment().today });
        });
        return finish(ctx, result, ({ users, today }) => {
          const rows = users.filter((u) => u.signingKey).map((u) => ({ login: u.login, fullName: u.fullName, ...u.signingKey!, p12: undefined }));
          if (ctx.json) return ctx.io.out(JSON.stringify(rows, null, 2));
          if (rows.length === 0) return ctx.io.out(t(ctx.lang, 'documents.keys.none'));
          for (const r of rows) {
            const daysLeft = Math.floor((Date.parse(r.validTo) - Date.parse(today)) / 86_400_000);
            const warn = daysLeft < 0 ? t(ctx.lang, 'documents.keys.expired') : daysLeft <= 30 ? t(ctx.lang, 'documents.keys.expiresSoon', { days: daysLeft }) : '';
            ctx.io.out(`${r.login.padEnd(14)} ${r.serial.padEnd(20)} ${formatDate(r.validTo.slice(0, 10))} ${r.issuer}${r.demo ? ' (demo)' : ''}${warn ? `  ⚠ ${warn}` : ''}`);
          }
        });
      }
      case 'add': {
        if (!arg2) return finish(ctx, fail(missing(ctx.lang, 'FILE.p12', 'cli.expected.file')), () => undefined);
        const read = readLimited(arg2, { option: 'FILE.p12', maxBytes: LIMITS.key });
        if (!read.ok) return finish(ctx, read, () => undefined);
        const p12 = read.value;
        const result = await ctx.audited({ command: 'keys add', as, subject: arg1 ?? '' }, async (service, store) => {
          const admin = await adminActor(store, as, ctx.lang);
          if (!admin.ok) return admin;
          const user = await userOf(store, arg1, ctx.lang);
          if (!user.ok) return user;
          // Registering needs the holder's own passphrase, typed by them: never the demo one.
          const passphrase = (await givenPassphrase(sources)) ?? fail(domainError('VALIDATION', { key: 'documents.passphraseNeeded', params: { login: user.value.login } }));
          if (!passphrase.ok) return passphrase;
          return registerKey(store, {
            user: user.value, p12, fileName: basename(arg2), passphrase: passphrase.value, registeredBy: admin.value.login,
            now: new Date(service.moment().now), trust: await ctx.trust(),
          });
        });
        return finish(ctx, result, (key) => ctx.io.out(t(ctx.lang, 'documents.keys.added', { login: arg1!, serial: key.serial, issuer: key.issuer, validTo: formatDate(key.validTo.slice(0, 10)) })));
      }
      case 'remove': {
        const result = await ctx.audited({ command: 'keys remove', as, subject: arg1 ?? '' }, async (_service, store) => {
          const admin = await adminActor(store, as, ctx.lang);
          if (!admin.ok) return admin;
          const user = await userOf(store, arg1, ctx.lang);
          if (!user.ok) return user;
          const { signingKey: _removed, ...rest } = user.value;
          await store.putUser(rest);
          return ok(undefined);
        });
        return finish(ctx, result, () => ctx.io.out(t(ctx.lang, 'documents.keys.removed', { login: arg1! })));
      }
      case 'check': {
        const result = await ctx.withService(async (service, store) => {
          const user = await userOf(store, arg1, ctx.lang);
          if (!user.ok) return user;
          const actor = { login: user.value.login, role: user.value.role, ...(user.value.iin ? { iin: user.value.iin } : {}) };
          const credential = await credentialFor(store, actor, sources);
          if (!credential.ok) return credential;
          if (!user.value.iin) return fail(domainError('VALIDATION', { key: 'documents.staffIinMissing', params: { login: user.value.login } }));
          const problem = signatureProblem(credential.value.certificate, user.value.iin, new Date(service.moment().now), await ctx.trust(), credential.value.chain);
          return problem ? fail(problem) : ok(describeCertificate(credential.value.certificate));
        });
        return finish(ctx, result, (cert) => ctx.io.out(t(ctx.lang, 'documents.keys.ready', { login: arg1!, serial: cert.serial, issuer: cert.issuer })));
      }
      case 'trust':
      case 'crl': {
        if (!arg1) return finish(ctx, fail(missing(ctx.lang, 'FILE', 'cli.expected.file')), () => undefined);
        const result = await ctx.audited({ command: `keys ${sub}`, as, subject: arg1 }, async (_service, store) => {
          const admin = await adminActor(store, as, ctx.lang);
          if (!admin.ok) return admin;
          return sub === 'trust' ? installAnchor(ctx, arg1) : installCrl(ctx, arg1);
        });
        return finish(ctx, result, (message) => ctx.io.out(message));
      }
      default:
        printError(ctx, badValue(ctx.lang, 'keys', 'cli.expected.keysAction'));
        return EXIT.badInput;
    }
  },
};

async function installAnchor(ctx: CliContext, file: string): Promise<Result<string, DomainError>> {
  const read = readLimited(file, { option: 'CA.pem', maxBytes: LIMITS.key });
  if (!read.ok) return read;
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(read.value);
  } catch {
    return fail(domainError('VALIDATION', { key: 'documents.keys.notCa', params: { file } }));
  }
  if (!cert.ca) return fail(domainError('VALIDATION', { key: 'documents.keys.notCa', params: { file } }));
  const dir = ctx.trustDirs()[0]!;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${cert.fingerprint256.replace(/:/g, '').slice(0, 16).toLowerCase()}.pem`);
  await writeFile(path, cert.toString());
  ctx.reloadTrust();
  return ok(t(ctx.lang, 'documents.keys.trusted', { subject: describeCertificate(cert).subject, path }));
}

async function installCrl(ctx: CliContext, file: string): Promise<Result<string, DomainError>> {
  const read = readLimited(file, { option: 'FILE.crl', maxBytes: LIMITS.crl });
  if (!read.ok) return read;
  const raw = read.value;
  const parsed = parseCrl(raw);
  if (!parsed.ok) return fail(domainError('VALIDATION', { key: 'documents.keys.crlInvalid', params: { file, reason: parsed.error } }));
  const crl = parsed.value;
  const trust = await ctx.trust();
  const issuer = trust.anchors.find((a) => a.subject === crl.issuer && verifyCrl(crl, a));
  if (!issuer) return fail(domainError('VALIDATION', { key: 'documents.keys.crlInvalid', params: { file, reason: crl.issuer.replace(/\n/g, ', ') } }));
  const dir = ctx.trustDirs()[0]!;
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${issuer.fingerprint256.replace(/:/g, '').slice(0, 16).toLowerCase()}.crl`);
  // The bytes checked above, not the file again: it may have changed since.
  await writeFile(path, raw);
  ctx.reloadTrust();
  const cn = describeCertificate(issuer).subject;
  return ok(t(ctx.lang, 'documents.keys.crlInstalled', {
    issuer: cn, count: crl.revoked.size, thisUpdate: formatDate(crl.thisUpdate.toISOString().slice(0, 10)), nextUpdate: crl.nextUpdate ? formatDate(crl.nextUpdate.toISOString().slice(0, 10)) : '—',
  }));
}
