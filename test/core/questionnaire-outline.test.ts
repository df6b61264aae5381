import { describe, expect, it } from 'vitest';
import type { FormDef } from '../../src/core/forms/field.js';
import { outline, type OutlineNode } from '../../src/core/forms/questionnaire/outline.js';
import { summaryBlocks } from '../../src/core/forms/questionnaire/summary.js';
import { archiveCertificate } from '../../src/core/services/archive-certificate.js';

const archive = archiveCertificate.form;
const brief = (nodes: OutlineNode[]) => nodes.map((n) => (n.kind === 'addRow' ? `+${n.path}#${n.rows}` : `${n.kind}:${n.path}`));

describe('the order a questionnaire is filled in', () => {
  const form: FormDef = {
    fields: [
      { id: 'name', kind: 'name', required: true, label: { kk: 'Аты', ru: 'Имя' } },
      {
        id: 'agent', kind: 'group', required: false, label: { kk: 'Өкіл', ru: 'Представитель' },
        fields: [{ id: 'iin', kind: 'iin', required: true, label: { kk: 'ЖСН', ru: 'ИИН' } }],
      },
      {
        id: 'jobs', kind: 'group', required: false, repeat: { min: 0, max: 2 }, label: { kk: 'Жұмыс', ru: 'Работа' },
        fields: [{ id: 'title', kind: 'text', required: true, label: { kk: 'Атауы', ru: 'Название' } }],
      },
    ],
  };

  it('an optional section opens its fields to a step-by-step walk only once entered, to the counter always', () => {
    expect(brief(outline(form, {}, { sections: 'entered' }))).toEqual(['field:name', 'section:agent', 'section:jobs', '+jobs#0']);
    expect(brief(outline(form, { agent: {} }, { sections: 'entered' }))).toContain('field:agent.iin');
    expect(brief(outline(form, {}, { sections: 'all' }))).toContain('field:agent.iin');
  });

  it('a repeated section has a place to add a row before the first and after each row', () => {
    expect(brief(outline(form, { jobs: [{}, {}] }, { sections: 'all' })).slice(2)).toEqual([
      'field:agent.iin', 'section:jobs', '+jobs#0', 'row:jobs.0', 'field:jobs.0.title', '+jobs#1', 'row:jobs.1', 'field:jobs.1.title', '+jobs#2',
    ]);
  });

  it('leaves out what is hidden, with everything under it', () => {
    expect(brief(outline(form, { agent: {} }, { sections: 'entered', hidden: (p) => p === 'agent' || p === 'name' }))).toEqual(['section:jobs', '+jobs#0']);
  });

  it('nests fields one level under their section and two under a row', () => {
    const nodes = outline(archive, { employment: [{}] }, { sections: 'all' });
    expect(nodes.find((n) => n.path === 'applicant.iin')?.depth).toBe(1);
    expect(nodes.find((n) => n.path === 'employment.0')?.depth).toBe(1);
    expect(nodes.find((n) => n.path === 'employment.0.name')?.depth).toBe(2);
  });
});

describe('the summary of a questionnaire', () => {
  it('has one block per top-level field or section: headings, rows by number, sections left out named as such', () => {
    const blocks = summaryBlocks(archive, { applicant: { lastName: 'Нұрланова' }, employment: [{ name: 'Сыр медиа' }] });
    expect(blocks).toHaveLength(archive.fields.length);
    const employment = blocks[archive.fields.findIndex((f) => f.id === 'employment')]!;
    expect(employment.slice(0, 3).map((l) => [l.kind, l.depth, l.label.kk])).toEqual([
      ['heading', 0, archive.fields.find((f) => f.id === 'employment')!.label.kk],
      ['heading', 1, '1-жол'],
      ['value', 2, 'Атауы'],
    ]);
    expect(employment[2]).toMatchObject({ value: 'Сыр медиа', path: 'employment.0.name' });
    const organisation = blocks[archive.fields.findIndex((f) => f.id === 'organisation')];
    expect(organisation?.map((l) => l.kind)).toEqual(['notFilled']);
  });
});
