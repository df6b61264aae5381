import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { t } from '../../core/i18n/catalogue.js';
import { storeCopyMessages } from '../../core/i18n/messages/store-copy.js';
import { domainError, fail, type DomainError } from '../../core/result.js';
import { differingParts, type StoreCounts, type StoreDigest } from '../../store/digest.js';
import { badValue, missing } from '../args.js';
import { finish, str, type CommandSpec } from '../command.js';
import type { CliContext } from '../context.js';
import { copyToPostgres, type StoreCopy } from '../wiring.js';
import { exitCodeOf } from '../exit-codes.js';
import { errorJson, printError } from '../output.js';

/**
 * `anyqtama store copy --from DIR --to URL`: an office moving from the embedded store to
 * PostgreSQL. The source is opened with its lock (a running `serve` on it is named), the target
 * must be migrated. After copying, both sides are read back through the storage port and
 * checksummed by the same code (store/digest.ts): the office sees the two checksums side by side.
 */
export const storeCommand: CommandSpec = {
  name: 'store',
  local: true,
  usage: 'anyqtama store copy --from DATA_DIR [--to postgres://…] [--json]',
  summary: storeCopyMessages['store.copy.summary'],
  options: { from: { type: 'string' }, to: { type: 'string' } },
  async run(ctx, values, positionals) {
    const refuse = (error: DomainError) => finish(ctx, fail(error), () => undefined);
    const sub = positionals[0];
    if (sub === undefined) return refuse(missing(ctx.lang, 'copy', 'store.copy.expected.sub'));
    if (sub !== 'copy') return refuse(badValue(ctx.lang, 'store', 'store.copy.expected.sub'));
    const from = str(values.from);
    if (!from) return refuse(missing(ctx.lang, '--from', 'store.copy.expected.dir'));
    const to = str(values.to) ?? ctx.databaseUrl;
    if (!to) return refuse(missing(ctx.lang, '--to', 'store.copy.expected.url'));
    if (!/^postgres(ql)?:\/\//i.test(to)) return refuse(badValue(ctx.lang, '--to', 'store.copy.expected.url'));
    const dir = resolve(from);
    // LowdbStore.open would make an empty store in a mistyped folder, and the copy would then say "nothing new".
    if (!existsSync(join(dir, 'store.json'))) return refuse(domainError('VALIDATION', { key: 'store.copy.notAStore', params: { dir } }));
    return copy(ctx, dir, to);
  },
};

async function copy(ctx: CliContext, dir: string, url: string): Promise<number> {
  const copied = await copyToPostgres(dir, url, ctx.commandLine);
  if (!copied.ok) return finish(ctx, copied, () => undefined);
  return report(ctx, { from: dir, to: copied.value.to }, copied.value);
}

/** The rows of the table: what each side holds, and what this run wrote (null: part of another row's copy). */
const ROWS: ReadonlyArray<{ kind: keyof StoreCounts | 'sequences'; copied: keyof StoreCopy['outcome']['copied'] | null }> = [
  { kind: 'requests', copied: 'requests' },
  { kind: 'events', copied: 'events' },
  { kind: 'attachments', copied: null },
  { kind: 'signatures', copied: null },
  { kind: 'outbox', copied: 'outbox' },
  { kind: 'delivered', copied: 'delivered' },
  { kind: 'blobs', copied: 'blobs' },
  { kind: 'users', copied: 'users' },
  { kind: 'chats', copied: 'chats' },
  { kind: 'audit', copied: 'audit' },
  { kind: 'sequences', copied: 'sequences' },
];

const label = (ctx: CliContext, kind: keyof StoreCounts | 'sequences') => t(ctx.lang, `store.copy.kind.${kind}`);
/** At most 20 numbers or hashes in a line a person reads; --json lists them all. */
const some = (xs: readonly string[]) => (xs.length > 20 ? `${xs.slice(0, 20).join(', ')}, … (${xs.length})` : xs.join(', '));

function report(ctx: CliContext, where: { from: string; to: string }, { outcome, ...sides }: StoreCopy): number {
  const differs = differingParts(sides.source, sides.target);
  const match = sides.source.checksum === sides.target.checksum;
  const nothingNew = Object.values(outcome.copied).every((n) => n === 0);
  const mismatch = match ? null : domainError('CONFLICT', { key: 'store.copy.mismatch', params: { parts: differs.map((p) => label(ctx, p)).join(', ') } });
  const side = (kind: string, s: StoreDigest) => (kind === 'sequences' ? null : s.counts[kind as keyof StoreCounts]);
  if (ctx.json) {
    const counts = Object.fromEntries(ROWS.map((r) => [r.kind, {
      source: side(r.kind, sides.source), target: side(r.kind, sides.target), copied: r.copied ? outcome.copied[r.copied] : null,
    }]));
    ctx.io.out(JSON.stringify({
      ...where, counts, nothingNew,
      checksum: { source: sides.source.checksum, target: sides.target.checksum, match }, differs,
      numberClashes: outcome.numberClashes, newerInTarget: outcome.newerInTarget, damagedBlobs: outcome.damagedBlobs,
      ...(mismatch ? errorJson(ctx.lang, mismatch) as object : {}),
    }, null, 2));
    return mismatch ? exitCodeOf(mismatch.code) : 0;
  }
  const header = (['kind', 'source', 'target', 'copied'] as const).map((c) => t(ctx.lang, `store.copy.column.${c}`));
  const cells = ROWS.map((r) => [label(ctx, r.kind), side(r.kind, sides.source), side(r.kind, sides.target), r.copied ? outcome.copied[r.copied] : null].map((v) => (v === null ? '—' : String(v))));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `  ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('   ')}`;
  const lines = [t(ctx.lang, 'store.copy.header', where), line(header), ...cells.map(line)];
  if (outcome.numberClashes.length) lines.push(t(ctx.lang, 'store.copy.numberClashes', { numbers: some(outcome.numberClashes) }));
  if (outcome.newerInTarget.length) lines.push(t(ctx.lang, 'store.copy.newerInTarget', { numbers: some(outcome.newerInTarget) }));
  if (outcome.damagedBlobs.length) lines.push(t(ctx.lang, 'store.copy.damagedBlobs', { hashes: some(outcome.damagedBlobs) }));
  if (nothingNew) lines.push(t(ctx.lang, 'store.copy.nothingNew'));
  const sideWidth = Math.max(header[1]!.length, header[2]!.length);
  lines.push(t(ctx.lang, 'store.copy.checksum'), `  ${header[1]!.padEnd(sideWidth)}   ${sides.source.checksum}`, `  ${header[2]!.padEnd(sideWidth)}   ${sides.target.checksum}`);
  if (match) lines.push(t(ctx.lang, 'store.copy.match'));
  ctx.io.out(lines.join('\n'));
  if (!mismatch) return 0;
  printError(ctx, mismatch);
  return exitCodeOf(mismatch.code);
}
