import { z } from 'zod';
import type { Text } from './i18n/text.js';
import type { MessageKey } from './i18n/catalogue.js';
import { referenceMessages } from './i18n/messages/reference.js';
import { domainError, fail, ok, type FieldProblem, type Result, type DomainError } from './result.js';

/**
 * The quality-and-accessibility survey every regulation annexes (SPEC §5.11). The Kazakh text is the
 * canonical S4 A4 wording, identical in S2 A6; the only change is S4's typo "канағаттанамын" in
 * question 2, which S2 already spells correctly. The list punctuation (";", ".") after each answer
 * belongs to the printed enumeration, so the labels are kept without it. Russian is our translation.
 */
export const SURVEY_ANSWER_VALUES = [1, 2, 3] as const;
export type SurveyAnswerValue = (typeof SURVEY_ANSWER_VALUES)[number];

/** SPEC's suggested codes, in answer order: 1 = NOT_SATISFIED … 3 = SATISFIED. */
export const SURVEY_ANSWER_CODES = ['NOT_SATISFIED', 'PARTIALLY_SATISFIED', 'SATISFIED'] as const;
export type SurveyAnswerCode = (typeof SURVEY_ANSWER_CODES)[number];

export interface SurveyOption {
  readonly value: SurveyAnswerValue;
  readonly code: SurveyAnswerCode;
  readonly label: Text;
}

export type SurveyQuestionId = 'q1' | 'q2';

export interface SurveyQuestion {
  readonly id: SurveyQuestionId;
  readonly number: 1 | 2;
  readonly text: Text;
  readonly answers: readonly SurveyOption[];
}

const ANSWERS: readonly SurveyOption[] = [
  { value: 1, code: 'NOT_SATISFIED', label: { kk: 'қанағаттанған жоқпын', ru: 'не удовлетворён(-а)', en: 'not satisfied' } },
  { value: 2, code: 'PARTIALLY_SATISFIED', label: { kk: 'ішінара қанағаттанамын', ru: 'частично удовлетворён(-а)', en: 'partially satisfied' } },
  { value: 3, code: 'SATISFIED', label: { kk: 'қанағаттанамын', ru: 'удовлетворён(-а)', en: 'satisfied' } },
];

export const SURVEY = {
  title: {
    kk: 'Электрондық мемлекеттік қызметтерінің «сапа» және «қолжетімділік» көрсеткіштерін анықтау үшін сауалнаманың нысаны',
    ru: 'Форма анкеты для определения показателей «качества» и «доступности» электронных государственных услуг',
    en: 'Survey form for determining the "quality" and "accessibility" indicators of e-government services',
  },
  /** The caption under the blank line where the service's name is written. */
  serviceCaption: { kk: '(қызметтің атауы)', ru: '(наименование услуги)', en: '(name of the service)' },
  questions: [
    {
      id: 'q1',
      number: 1,
      text: {
        kk: 'Электрондық мемлекеттік қызметті көрсету үдерісінің сапасына және нәтижесіне қанағаттанасыз ба?',
        ru: 'Удовлетворены ли Вы качеством процесса и результатом оказания электронной государственной услуги?',
        en: 'Are you satisfied with the quality of the process and with the result of the e-government service?',
      },
      answers: ANSWERS,
    },
    {
      id: 'q2',
      number: 2,
      text: {
        kk: 'Электрондық мемлекеттік қызметті көрсету тәртібі туралы ақпараттың сапасына қанағаттанасыз ба?',
        ru: 'Удовлетворены ли Вы качеством информации о порядке оказания электронной государственной услуги?',
        en: 'Are you satisfied with the quality of the information on the procedure of the e-government service?',
      },
      answers: ANSWERS,
    },
  ],
  source: 'S4 A4; S2 A6 (SPEC §5.11)',
} as const satisfies {
  title: Text;
  serviceCaption: Text;
  questions: readonly SurveyQuestion[];
  source: string;
};

export interface SurveyAnswer {
  readonly q1: SurveyAnswerValue;
  readonly q2: SurveyAnswerValue;
}

/** Buttons send "2", forms send 2, data files may hold "PARTIALLY_SATISFIED": all mean the same answer. */
function normalise(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  const s = input.trim();
  const byCode = (SURVEY_ANSWER_CODES as readonly string[]).indexOf(s.toUpperCase());
  if (byCode >= 0) return byCode + 1;
  return /^[123]$/.test(s) ? Number(s) : input;
}

const answerSchema = z.preprocess(normalise, z.union([z.literal(1), z.literal(2), z.literal(3)]));
const surveySchema = z.object({ q1: answerSchema, q2: answerSchema });

const INVALID_KEY: Readonly<Record<SurveyQuestionId, MessageKey>> = {
  q1: 'reference.survey.invalidQ1',
  q2: 'reference.survey.invalidQ2',
};

export function parseSurveyAnswer(input: { q1: unknown; q2: unknown }): Result<SurveyAnswer, DomainError> {
  const parsed = surveySchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const named = SURVEY.questions.filter((q) => parsed.error.issues.some((issue) => issue.path[0] === q.id));
  // Input that is not an object at all answers neither question.
  const bad = named.length > 0 ? named : SURVEY.questions;
  const fields: FieldProblem[] = bad.map((q) => ({
    path: q.id,
    label: q.text,
    expected: referenceMessages['reference.survey.expected'],
  }));
  const first = bad[0];
  const key: MessageKey = bad.length === 1 && first ? INVALID_KEY[first.id] : 'reference.survey.invalidBoth';
  return fail(domainError('VALIDATION', { key }, { fields }));
}

export type SurveyCounts = Readonly<Record<SurveyAnswerValue, number>>;

export interface SurveySummary {
  /** How many surveys were answered. */
  readonly total: number;
  readonly q1: SurveyCounts;
  readonly q2: SurveyCounts;
}

/** Counts per question and answer, for the supervisor's quality view (S0 §16: results are measured by them). */
export function summariseSurvey(answers: readonly SurveyAnswer[]): SurveySummary {
  const q1 = { 1: 0, 2: 0, 3: 0 };
  const q2 = { 1: 0, 2: 0, 3: 0 };
  for (const a of answers) {
    q1[a.q1] += 1;
    q2[a.q2] += 1;
  }
  return { total: answers.length, q1, q2 };
}
