import { t, render } from '../../core/i18n/catalogue.js';
import { pick, type Lang } from '../../core/i18n/text.js';
import type { Request } from '../../core/request.js';
import { SURVEY } from '../../core/survey.js';
import type { Button } from '../replies.js';
import type { Turn } from '../turn.js';
import { stale } from './ask.js';

/**
 * The satisfaction survey (SPEC §5.11): question 1's buttons come with the result (notices.ts),
 * as `sv1:<requestId>:<answer>`; question 2's carry both answers, `sv2:<requestId>:<q1>:<q2>`.
 * Answered in the request's language, which may differ from the chat's.
 */
export async function survey(turn: Turn, head: string, parts: readonly string[], messageId: number | null): Promise<void> {
  const [requestId = '', ...values] = parts;
  const v = values.map(Number);
  if (!v.every((x) => x === 1 || x === 2 || x === 3) || v.length !== (head === 'sv1' ? 1 : 2)) return stale(turn);
  const request = await turn.deps.store.get(requestId);
  if (!request || request.contact?.telegramChatId !== turn.update.chatId) return stale(turn);
  const lang = request.lang === 'ru' ? 'ru' : request.lang === 'kk' ? 'kk' : turn.lang;
  const question = SURVEY.questions[head === 'sv1' ? 0 : 1];
  const chosen = question.answers[v.at(-1)! - 1]!;
  if (messageId !== null) {
    turn.replies.push({ kind: 'edit', messageId, text: t(lang, 'bot.survey.chosen', { question: `${question.number}. ${pick(question.text, lang)}`, answer: `${chosen.value}) ${pick(chosen.label, lang)}` }) });
  }
  if (head === 'sv1') return askSecond(turn, request, requestId, lang, v[0]!);
  const saved = await turn.deps.requests.answerSurvey(requestId, turn.update.chatId, { q1: v[0], q2: v[1] });
  if (!saved.ok) return turn.say(render(lang, saved.error.message));
  turn.say(t(lang, 'bot.survey.thanks'), { inline: [[turn.button('bot.button.menu', 'menu')]] });
}

function askSecond(turn: Turn, request: Request, requestId: string, lang: Lang, first: number): void {
  if (request.survey) return turn.say(t(lang, 'app.surveyAnswered', { number: request.number ?? '' }));
  const q2 = SURVEY.questions[1];
  turn.say(`${q2.number}. ${pick(q2.text, lang)}`, {
    inline: q2.answers.map((a): Button[] => [{ label: `${a.value}) ${pick(a.label, lang)}`, data: `sv2:${requestId}:${first}:${a.value}` }]),
  });
}
