import { explainDue, type DueExplanation } from '../../core/calendar/due.js';
import { formatDate, formatDateTime } from '../../core/calendar/dates.js';
import { t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import type { Field, FormDef } from '../../core/forms/field.js';
import type { Request } from '../../core/request.js';
import { findRefusal } from '../../core/refusals.js';
import { sizeText } from '../../core/size.js';

function valueText(field: Field, value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.kind === 'choice') return pick(field.choices.find((c) => c.value === value)?.label ?? { kk: String(value), ru: String(value) }, lang);
  if (field.kind === 'date' && typeof value === 'string') return formatDate(value);
  if (field.kind === 'boolean') return t(lang, value ? 'common.yes' : 'common.no');
  return String(value);
}

function fieldLines(fields: readonly Field[], values: Record<string, unknown>, lang: Lang, indent: string, out: string[]): void {
  for (const field of fields) {
    const value = values[field.id];
    if (field.kind !== 'group') {
      if (value === undefined && !field.required) continue;
      out.push(`${indent}${pick(field.label, lang)}: ${valueText(field, value, lang)}`);
      continue;
    }
    if (value === undefined) continue;
    out.push(`${indent}${pick(field.label, lang)}:`);
    const rows = Array.isArray(value) ? value : [value];
    rows.forEach((row, i) => {
      if (Array.isArray(value)) out.push(`${indent}  ${i + 1}.`);
      fieldLines(field.fields, (row ?? {}) as Record<string, unknown>, lang, `${indent}${Array.isArray(value) ? '    ' : '  '}`, out);
    });
  }
}

/** The questionnaire as the clerk reads it: the form's labels, in the form's order. */
export function answerLines(form: FormDef, answers: Record<string, unknown>, lang: Lang): string[] {
  const out: string[] = [];
  fieldLines(form.fields, answers, lang, '', out);
  return out;
}

export function attachmentLines(request: Request, lang: Lang): string[] {
  const out = request.attachments.map((a, i) => `${i + 1}. ${a.name} · ${a.mediaType} · ${sizeText(a.size)} · sha256 ${a.sha256.slice(0, 16)}…`);
  if (out.length === 0) out.push(t(lang, 'tui.request.noAttachments'));
  if (request.paperDocuments.length) out.push(t(lang, 'tui.request.paper', { list: request.paperDocuments.join(', ') }));
  return out;
}

export function historyLines(request: Request, lang: Lang, offset: number): string[] {
  return request.history.flatMap((e) => {
    const head = `${formatDateTime(e.at, offset)} ${t(lang, `action.${e.action}`)}: ${e.from ? t(lang, `state.${e.from}`) : '—'} → ${t(lang, `state.${e.to}`)} · ${e.by}`;
    const extra = [e.reasons?.join(', '), e.dueDate ? `${t(lang, 'cli.status.due')} ${formatDate(e.dueDate)}` : '', e.note].filter(Boolean).join('; ');
    return extra ? [head, `    ${extra}`] : [head];
  });
}

export function dueLines(request: Request, lang: Lang): string[] {
  const out: string[] = [];
  if (request.due) {
    out.push(`${t(lang, 'cli.status.due')}: ${formatDate(request.due.dueDate)}`);
    out.push(...explainDue(request.due.explanation as DueExplanation, lang).map((l) => `  ${l}`));
  } else out.push('—');
  if (request.returnBy && request.state === 'IN_WORK') out.push(`${t(lang, 'cli.status.returnBy')}: ${formatDate(request.returnBy)}`);
  return out;
}

export function resultLines(request: Request, lang: Lang, offset: number): string[] {
  const d = request.decision;
  if (!d) return [t(lang, 'tui.request.noDocument')];
  const out = [`${t(lang, 'cli.status.decision')}: ${t(lang, `outcome.${d.outcome}`)} · ${formatDateTime(d.at, offset)} · ${d.byName ?? d.by}`];
  for (const code of d.reasons) {
    const reason = findRefusal(code);
    out.push(`  ${code}: ${reason ? pick(reason.label, lang) : ''}`);
  }
  if (d.note) out.push(`  ${d.note}`);
  for (const [k, v] of Object.entries(d.content ?? {})) out.push(`  ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  if (d.document) out.push(t(lang, 'tui.request.signed', { name: d.document.signer.fullName, date: formatDateTime(d.document.signedAt, offset), code: d.document.code }));
  return out;
}
