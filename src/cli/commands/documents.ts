import { basename } from 'node:path';
import { formatDate } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/i18n/text.js';
import { parseRequestNumber } from '../../core/identity/request-number.js';
import { DOCUMENT_VARIANTS, type DocumentVariant } from '../../core/request.js';
import { fail, ok, type DomainError, type Result } from '../../core/result.js';
import { normaliseCode } from '../../documents/codes.js';
import { DOCUMENT_KINDS } from '../../documents/model.js';
import type { Verification } from '../../documents/service.js';
import { describeVerification, kindLabel } from '../../documents/verification-text.js';
import { badValue, missing } from '../args.js';
import { finish, str, type CommandSpec } from '../command.js';
import type { CliContext } from '../context.js';
import { LIMITS, readLimited, readSecretFile } from '../read-limited.js';
import { EXIT } from '../exit-codes.js';
import { printError, writeOutput } from '../output.js';

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
      // pdfkit, the fonts and the QR encoder load here only: `verify` and `keys` never need them.
      const [{ sampleDocuments }, { renderPdf }] = await Promise.all([import('../../documents/samples.js'), import('../../documents/render.js')]);
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
    let given: string | undefined;
    if (passphraseFile !== undefined) {
      const read = readSecretFile(passphraseFile, '--passphrase-file');
      if (!read.ok) return finish(ctx, read, () => undefined);
      given = read.value;
    }
    // Where a passphrase comes from, in order: --passphrase-file, ANYQTAMA_KEY_PASSPHRASE (src/documents/keys.ts).
    const passphrase = { env: ctx.io.env, ...(given !== undefined ? { given } : {}) };
    const needLogin = (): DomainError => missing(ctx.lang, 'LOGIN', 'cli.expected.login');
    switch (sub) {
      case 'list':
      case undefined: {
        // Every member of staff's certificate serial is an administrator's list; anyone else sees their own key only.
        const result = await ctx.atAdminDesk((desk) => desk.signingKeys(as));
        return finish(ctx, result, ({ holders, today }) => {
          if (ctx.json) return ctx.io.out(JSON.stringify(holders, null, 2));
          if (holders.length === 0) return ctx.io.out(t(ctx.lang, 'documents.keys.none'));
          for (const r of holders) {
            const daysLeft = Math.floor((Date.parse(r.validTo) - Date.parse(today)) / 86_400_000);
            const warn = daysLeft < 0 ? t(ctx.lang, 'documents.keys.expired') : daysLeft <= 30 ? t(ctx.lang, 'documents.keys.expiresSoon', { days: daysLeft }) : '';
            ctx.io.out(`${r.login.padEnd(14)} ${r.serial.padEnd(20)} ${formatDate(r.validTo.slice(0, 10))} ${r.issuer}${r.demo ? ' (demo)' : ''}${warn ? `  ⚠ ${warn}` : ''}`);
          }
        });
      }
      case 'add': {
        if (!arg1) return finish(ctx, fail(needLogin()), () => undefined);
        if (!arg2) return finish(ctx, fail(missing(ctx.lang, 'FILE.p12', 'cli.expected.file')), () => undefined);
        const read = readLimited(arg2, { option: 'FILE.p12', maxBytes: LIMITS.key });
        if (!read.ok) return finish(ctx, read, () => undefined);
        const file = { bytes: read.value, name: basename(arg2) };
        const result = await ctx.atAdminDesk((desk) => desk.registerSigningKey(as, arg1, file, passphrase));
        return finish(ctx, result, (key) => ctx.io.out(t(ctx.lang, 'documents.keys.added', { login: arg1, serial: key.serial, issuer: key.issuer, validTo: formatDate(key.validTo.slice(0, 10)) })));
      }
      case 'remove': {
        if (!arg1) return finish(ctx, fail(needLogin()), () => undefined);
        const result = await ctx.atAdminDesk((desk) => desk.removeSigningKey(as, arg1));
        return finish(ctx, result, () => ctx.io.out(t(ctx.lang, 'documents.keys.removed', { login: arg1 })));
      }
      case 'check': {
        if (!arg1) return finish(ctx, fail(needLogin()), () => undefined);
        const result = await ctx.atAdminDesk((desk) => desk.checkSigningKey(arg1, passphrase));
        return finish(ctx, result, (cert) => ctx.io.out(t(ctx.lang, 'documents.keys.ready', { login: arg1, serial: cert.serial, issuer: cert.issuer })));
      }
      case 'trust': {
        if (!arg1) return finish(ctx, fail(missing(ctx.lang, 'FILE', 'cli.expected.file')), () => undefined);
        const read = readLimited(arg1, { option: 'CA.pem', maxBytes: LIMITS.key });
        if (!read.ok) return finish(ctx, read, () => undefined);
        const result = await ctx.atAdminDesk((desk) => desk.trustCa(as, { bytes: read.value, name: arg1 }));
        return finish(ctx, result, ({ subject, path }) => ctx.io.out(t(ctx.lang, 'documents.keys.trusted', { subject, path })));
      }
      case 'crl': {
        if (!arg1) return finish(ctx, fail(missing(ctx.lang, 'FILE', 'cli.expected.file')), () => undefined);
        const read = readLimited(arg1, { option: 'FILE.crl', maxBytes: LIMITS.crl });
        if (!read.ok) return finish(ctx, read, () => undefined);
        const result = await ctx.atAdminDesk((desk) => desk.installCrl(as, { bytes: read.value, name: arg1 }));
        const day = (d: Date) => formatDate(d.toISOString().slice(0, 10));
        return finish(ctx, result, (crl) => ctx.io.out(t(ctx.lang, 'documents.keys.crlInstalled', {
          issuer: crl.issuer, count: crl.revoked, thisUpdate: day(crl.thisUpdate), nextUpdate: crl.nextUpdate ? day(crl.nextUpdate) : '—',
        })));
      }
      default:
        printError(ctx, badValue(ctx.lang, 'keys', 'cli.expected.keysAction'));
        return EXIT.badInput;
    }
  },
};
