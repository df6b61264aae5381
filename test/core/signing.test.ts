import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateForm } from '../../src/core/forms/validate.js';
import { transition } from '../../src/core/lifecycle/transition.js';
import type { Request } from '../../src/core/request.js';
import { SERVICES } from '../../src/core/services/catalogue.js';
import { exampleResult } from '../../src/core/services/examples.js';
import { canonicalJson, signedPayload, templateFor, type UnsignedDocument } from '../../src/core/signing.js';
import { clerkOf, ctxFor, registeredOn } from './lifecycle-fixtures.js';

const atOffice = { channel: 'office', office: 'kzo-archives' } as const;
const inWork: Request = { ...registeredOn('2026-03-10', 'archive-certificate', atOffice), state: 'IN_WORK' };
const issue = (content: Record<string, unknown>) =>
  transition(inWork, { action: 'issue', actor: clerkOf('kzo-archives'), channel: 'office', content }, ctxFor(inWork, '2026-03-20'));

describe('the content a clerk fills in when issuing', () => {
  it.each(SERVICES.map((s) => [s.id, s] as const))('%s: the example result is valid and every field is labelled in kk and ru', (_id, service) => {
    expect(validateForm(service.resultForm, exampleResult(service.id), '2026-04-01').ok).toBe(true);
    for (const field of service.resultForm.fields) {
      expect(field.label.kk.trim(), field.id).not.toBe('');
      expect(field.label.ru.trim(), field.id).not.toBe('');
    }
  });

  it('an archival certificate without its content and basis is not issued, and both fields are named', () => {
    const result = issue({ certificateType: 'Еңбек өтілі туралы', period: '1985–1992' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    // Said of the document, not of the citizen's questionnaire.
    expect(result.error.message).toEqual({ key: 'lifecycle.resultInvalid', params: { count: 2 } });
    expect(result.error.fields?.map((f) => f.path).sort()).toEqual(['basis', 'content']);
    expect(result.error.fields?.find((f) => f.path === 'basis')?.label).toMatchObject({ kk: 'Негіздеме', ru: 'Основание' });
  });

  it('the decision keeps the content as checked (dates normalised), not as typed', () => {
    const tmr = { ...registeredOn('2026-03-10', 'unemployed-certificate', { channel: 'office', office: 'ekb-employment' }), state: 'IN_WORK' } as Request;
    const result = transition(tmr, { action: 'issue', actor: clerkOf('ekb-employment'), channel: 'office', content: { registeredOn: '02.03.2026' } }, ctxFor(tmr, '2026-03-12'));
    expect(result.ok && result.value.request.decision?.content).toEqual({ registeredOn: '2026-03-02' });
  });
});

describe('which document a decision produces', () => {
  const archive = SERVICES.find((s) => s.id === 'archive-certificate')!;
  it('an archive that found nothing (R9 alone) writes the "no information" letter; other refusals the refusal letter', () => {
    expect(templateFor(archive, { outcome: 'issued', reasons: [] })).toBe('archive-certificate');
    expect(templateFor(archive, { outcome: 'refused', reasons: ['R9'] })).toBe('archive-no-information');
    expect(templateFor(archive, { outcome: 'refused', reasons: ['R7'] })).toBe('refusal-letter');
    expect(templateFor(archive, { outcome: 'refused', reasons: ['R9', 'R7'] })).toBe('refusal-letter');
  });
  it.each(SERVICES.map((s) => [s.id, s] as const))('%s: issued gives its own certificate template', (_id, service) => {
    expect(templateFor(service, { outcome: 'issued', reasons: [] })).toBe(service.output.positive);
  });
});

describe('canonical JSON', () => {
  it('does not depend on the order keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
        expect(JSON.parse(canonicalJson(object))).toEqual(JSON.parse(JSON.stringify(object)));
      }),
    );
  });

  it('changes when any signed field of the decision changes', () => {
    const issued = issue(exampleResult('archive-certificate'));
    if (!issued.ok) throw new Error('issue refused');
    const request = issued.value.request;
    const decision = request.decision!;
    const document: UnsignedDocument = {
      template: 'archive-certificate',
      code: 'ABCDE-23456',
      files: { kk: 'a'.repeat(64), ru: 'b'.repeat(64), both: 'c'.repeat(64) },
      signer: { login: 'kzo-clerk', fullName: 'Серікбаева Динара Асқарқызы', iin: '870214400019', certificate: 'PEM', serial: '01', issuer: 'CA' },
      signedAt: decision.at,
    };
    const base = Buffer.from(signedPayload(request, decision, document)).toString();
    const variants = [
      signedPayload(request, { ...decision, note: 'x' }, document),
      signedPayload(request, { ...decision, content: { ...decision.content, basis: 'Қор № 413' } }, document),
      signedPayload(request, { ...decision, by: 'other' }, document),
      signedPayload({ ...request, number: '26-000002-9' }, decision, document),
      signedPayload(request, decision, { ...document, files: { ...document.files, kk: 'd'.repeat(64) } }),
      signedPayload(request, decision, { ...document, code: 'ZZZZZ-23456' }),
    ];
    for (const v of variants) expect(Buffer.from(v).toString()).not.toBe(base);
    // History and outbox are not covered: delivering the document must not break its signature.
    expect(Buffer.from(signedPayload({ ...request, history: [], outbox: [] }, decision, document)).toString()).toBe(base);
  });
});
