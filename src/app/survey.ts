import { RESULT_STATES, type Request } from '../core/request.js';
import { parseSurveyAnswer } from '../core/survey.js';
import { domainError, fail, type Result } from '../core/result.js';
import { orUnavailable } from './unavailable.js';
import { announce, moment, type RequestEnv } from './request-env.js';

/**
 * Stores the citizen's answers to the quality survey (SPEC §5.11) on the request they filed, once
 * its result is out; the supervisor's report counts them. Only the chat that filed it may answer,
 * and only once: a second tap on an old button changes nothing.
 */
export function answerSurvey(env: RequestEnv, requestId: string, chatId: number, input: { q1: unknown; q2: unknown }): Promise<Result<Request>> {
  return orUnavailable(async () => {
    const answer = parseSurveyAnswer(input);
    if (!answer.ok) return answer;
    const request = await env.store.get(requestId);
    if (!request || request.contact?.telegramChatId !== chatId) {
      return fail(domainError('NOT_FOUND', { key: 'app.surveyNoRequest' }));
    }
    const number = request.number ?? request.id;
    if (request.survey) return fail(domainError('CONFLICT', { key: 'app.surveyAnswered', params: { number } }));
    if (!RESULT_STATES.includes(request.state)) return fail(domainError('GUARD_FAILED', { key: 'app.surveyTooEarly', params: { number } }));
    const { now } = moment(env);
    const next: Request = { ...request, version: request.version + 1, updatedAt: now, survey: { ...answer.value, at: now } };
    return announce(env, await env.store.save(next, request.version));
  });
}
