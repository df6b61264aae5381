import { Composer } from 'telegraf';
import { render, t } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import { SURVEY, type SurveyAnswerValue } from '../../core/survey.js';
import { stale } from '../ask.js';
import { encode, type CallbackOf } from '../callback-data.js';
import { onButton, type BotContext } from '../context.js';
import type { Button } from '../replies.js';
import type { Turn } from '../turn.js';

/**
 * The satisfaction survey (SPEC §5.11): question 1's buttons come with the result (notices.ts);
 * question 2's carry both answers. Answered in the request's language, which may differ from the chat's.
 */
async function answer(turn: Turn, data: CallbackOf<'survey1' | 'survey2'>): Promise<void> {
  const target = await turn.desk.surveyTarget(turn.citizen, data.requestId);
  if (!target.ok) return target.error.code === 'NOT_FOUND' ? stale(turn) : turn.say(turn.problem(target.error));
  const lang = target.value.lang ?? turn.lang;
  const question = SURVEY.questions[data.kind === 'survey1' ? 0 : 1];
  const chosen = question.answers[(data.kind === 'survey1' ? data.q1 : data.q2) - 1]!;
  const { incoming } = turn.update;
  if (incoming.kind === 'button' && incoming.messageId !== null) {
    const text = t(lang, 'bot.survey.chosen', { question: `${question.number}. ${pick(question.text, lang)}`, answer: `${chosen.value}) ${pick(chosen.label, lang)}` });
    turn.replies.push({ kind: 'edit', messageId: incoming.messageId, text });
  }
  if (data.kind === 'survey1') {
    if (target.value.answered) return turn.say(t(lang, 'app.surveyAnswered', { number: target.value.number }));
    return askSecond(turn, data.requestId, lang, data.q1);
  }
  const saved = await turn.desk.answerSurvey(turn.citizen, data.requestId, { q1: data.q1, q2: data.q2 });
  if (!saved.ok) return turn.say(render(lang, saved.error.message));
  turn.say(t(lang, 'bot.survey.thanks'), { inline: [[turn.button('bot.button.menu', { kind: 'menu' })]] });
}

function askSecond(turn: Turn, requestId: string, lang: Lang, q1: SurveyAnswerValue): void {
  const q2 = SURVEY.questions[1];
  turn.say(`${q2.number}. ${pick(q2.text, lang)}`, {
    inline: q2.answers.map((a): Button[] => [{ label: `${a.value}) ${pick(a.label, lang)}`, data: encode({ kind: 'survey2', requestId, q1, q2: a.value }) }]),
  });
}

export const survey = new Composer<BotContext>(onButton(['survey1', 'survey2'], answer));
