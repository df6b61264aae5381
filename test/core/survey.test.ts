import { describe, expect, it } from 'vitest';
import { fill, pick, type Lang } from '../../src/core/i18n/text.js';
import { referenceMessages } from '../../src/core/i18n/messages/reference.js';
import type { MessageRef } from '../../src/core/i18n/catalogue.js';
import { SURVEY, parseSurveyAnswer, summariseSurvey } from '../../src/core/survey.js';

/** Renders from the module's own messages, so the test does not depend on the catalogue wiring. */
const say = (lang: Lang, ref: MessageRef): string =>
  fill(pick(referenceMessages[ref.key as keyof typeof referenceMessages], lang), ref.params);

function refused(input: { q1: unknown; q2: unknown }) {
  const result = parseSurveyAnswer(input);
  if (result.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
  return result.error;
}

describe('quality-and-accessibility survey', () => {
  it('asks the two questions in the canonical Kazakh wording of the model regulation', () => {
    expect(SURVEY.title.kk).toBe(
      'Электрондық мемлекеттік қызметтерінің «сапа» және «қолжетімділік» көрсеткіштерін анықтау үшін сауалнаманың нысаны',
    );
    expect(SURVEY.questions.map((q) => q.text.kk)).toEqual([
      'Электрондық мемлекеттік қызметті көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?',
      'Электрондық мемлекеттік қызметті көрсету тәртібі туралы ақпараттың сапасына қанағаттанасыз ба?',
    ]);
  });

  it('offers three answers to each question, with the S4 typo corrected', () => {
    for (const q of SURVEY.questions) {
      expect(q.answers.map((a) => a.label.kk)).toEqual(['қанағаттанған жоқпын', 'ішінара қанағаттанамын', 'қанағаттанамын']);
      expect(q.answers.map((a) => [a.value, a.code])).toEqual([
        [1, 'NOT_SATISFIED'],
        [2, 'PARTIALLY_SATISFIED'],
        [3, 'SATISFIED'],
      ]);
      for (const a of q.answers) expect(a.label.ru.trim()).not.toBe('');
    }
    expect(JSON.stringify(SURVEY)).not.toContain('канағаттанамын');
  });

  it.each([
    [{ q1: 1, q2: 3 }, { q1: 1, q2: 3 }],
    [{ q1: '2', q2: ' 3 ' }, { q1: 2, q2: 3 }],
    [{ q1: 'NOT_SATISFIED', q2: 'partially_satisfied' }, { q1: 1, q2: 2 }],
    [{ q1: 'SATISFIED', q2: 1 }, { q1: 3, q2: 1 }],
  ])('accepts the answer %j as %j', (input, expected) => {
    expect(parseSurveyAnswer(input)).toEqual({ ok: true, value: expected });
  });

  it.each([0, 4, 'x', '', null, undefined, 2.5, '1.0'])('refuses %j for question 1 and names that question in kk and ru', (bad) => {
    const error = refused({ q1: bad, q2: 3 });
    expect(error.code).toBe('VALIDATION');
    expect(error.fields?.map((f) => f.path)).toEqual(['q1']);
    expect(say('kk', error.message)).toContain('1-сұрақ');
    expect(say('ru', error.message)).toContain('вопрос 1');
    expect(error.fields?.[0]?.label.kk).toBe(SURVEY.questions[0].text.kk);
  });

  it('names question 2 when only the second answer is wrong', () => {
    const error = refused({ q1: 1, q2: 4 });
    expect(error.fields?.map((f) => f.path)).toEqual(['q2']);
    expect(say('kk', error.message)).toContain('2-сұрақ');
    expect(say('ru', error.message)).toContain('вопрос 2');
  });

  it('says both answers are wrong when they are', () => {
    const error = refused({ q1: 'x', q2: 0 });
    expect(error.fields?.map((f) => f.path)).toEqual(['q1', 'q2']);
    expect(say('kk', error.message)).toContain('Екі сұрақтың');
    expect(say('ru', error.message)).toContain('оба вопроса');
  });

  it('a supervisor sees how many citizens chose each answer to each question', () => {
    const summary = summariseSurvey([
      { q1: 3, q2: 3 },
      { q1: 3, q2: 2 },
      { q1: 1, q2: 2 },
    ]);
    expect(summary).toEqual({ total: 3, q1: { 1: 1, 2: 0, 3: 2 }, q2: { 1: 0, 2: 2, 3: 1 } });
    expect(summariseSurvey([])).toEqual({ total: 0, q1: { 1: 0, 2: 0, 3: 0 }, q2: { 1: 0, 2: 0, 3: 0 } });
  });
});
