import { useState } from 'react';
import { Box } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import type { RequestRef } from '../../app/clerk-desk.js';
import { formatDate } from '../../core/calendar/dates.js';
import { render, type MessageKey } from '../../core/i18n/catalogue.js';
import { pick } from '../../core/i18n/text.js';
import { actionsFrom } from '../../core/lifecycle/table.js';
import type { Action, Request } from '../../core/request.js';
import { findService } from '../../core/services/catalogue.js';
import { Line, Para } from '../components/line.js';
import { useLoad } from '../hooks/use-load.js';
import { writeCurrentPdf } from '../pdf-out.js';
import { useSession } from '../session.js';
import { answerLines, attachmentLines, dueLines, historyLines, resultLines } from './request-lines.js';

const SECTIONS = ['questionnaire', 'attachments', 'history', 'due', 'documents'] as const;
type Section = (typeof SECTIONS)[number];

/** The key that starts each action on the request screen. */
export const ACTION_KEYS: Readonly<Partial<Record<Action, string>>> = { take: 't', issue: 'i', refuse: 'r', extend: 'e', return: 'b', deliver: 'd', store: 's' };

export interface RequestViewProps {
  /** The request as the queue named it: by number, or by id when it has none (a draft). */
  readonly target: RequestRef;
  readonly height: number;
  readonly onBack: () => void;
  readonly onAct: (action: Action, request: Request) => void;
  readonly onStatus: (text: string) => void;
}

/** One request: its questionnaire, files, history, due date and result, and what may be done now. */
export function RequestView({ target, height, onBack, onAct, onStatus }: RequestViewProps) {
  const { services, actor, t, lang, columns } = useSession();
  const [section, setSection] = useState<Section>('questionnaire');
  const [scroll, setScroll] = useState(0);
  const key = 'id' in target ? target.id : target.number;
  // The desk checks that this actor may open the request before it reads it (app/clerk-desk.ts).
  const { value: opened, problem } = useLoad(() => services.clerk.open(actor, target), [key, actor.login], (r) => ('id' in target ? r.id : r.number) === key);
  const request = opened?.ok ? opened.value : undefined;
  const width = columns - 1;
  const bodyHeight = Math.max(3, height - 5);
  const actions = request ? actionsFrom(request.state, actor.role).filter((a) => ACTION_KEYS[a]) : [];

  useKeys((input, key) => {
    if (key.escape) return onBack();
    if (!request) return;
    if (key.tab || key.rightArrow || key.leftArrow) {
      const step = key.leftArrow || (key.tab && key.shift) ? -1 : 1;
      setSection(SECTIONS[(SECTIONS.indexOf(section) + step + SECTIONS.length) % SECTIONS.length]!);
      return setScroll(0);
    }
    if (key.pageDown || key.downArrow) return setScroll((s) => s + (key.pageDown ? bodyHeight : 1));
    if (key.pageUp || key.upArrow) return setScroll((s) => Math.max(0, s - (key.pageUp ? bodyHeight : 1)));
    if (input === 'p') {
      void writeCurrentPdf(services, actor, request).then((written) =>
        onStatus(written.ok ? t('tui.pdf.written', { path: written.value }) : render(lang, written.error.message)),
      );
      return;
    }
    const action = actions.find((a) => ACTION_KEYS[a] === input);
    if (action) onAct(action, request);
  });

  if (opened && !opened.ok) return <Para width={width} lines={3}>{render(lang, opened.error.message)}</Para>;
  if (!request) return <Para width={width} lines={3}>{problem ?? t('tui.busy')}</Para>;

  const service = findService(request.service)!;
  const offset = services.reference.offices.timezoneOffsetMinutes;
  const lines =
    section === 'questionnaire' ? answerLines(service.form, request.answers, lang)
    : section === 'attachments' ? attachmentLines(request, lang)
    : section === 'history' ? historyLines(request, lang, offset)
    : section === 'due' ? dueLines(request, lang)
    : resultLines(request, lang, offset);
  const top = Math.min(scroll, Math.max(0, lines.length - bodyHeight));
  const body = [];
  for (let i = 0; i < bodyHeight; i++) body.push(<Line key={i} width={width}>{lines[top + i] ?? ''}</Line>);
  const sectionKey = (s: Section): MessageKey => `tui.request.${s}`;
  const more = lines.length > top + bodyHeight ? t('tui.more.below', { count: lines.length - top - bodyHeight }) : '';
  const actionList = actions.map((a) => `${ACTION_KEYS[a]} ${t(`action.${a}`)}`).join(' · ');

  return (
    <Box flexDirection="column">
      <Line width={width} bold>{`№ ${request.number ?? '—'} · ${pick(service.shortTitle, lang)} · ${t(`state.${request.state}`)} · ${t('cli.status.due')} ${request.due ? formatDate(request.due.dueDate) : '—'}`}</Line>
      <Line width={width}>{SECTIONS.map((s) => (s === section ? `[${t(sectionKey(s))}]` : ` ${t(sectionKey(s))} `)).join(' ')}</Line>
      {body}
      <Line width={width} dim>{more || (top > 0 ? t('tui.more.above', { count: top }) : '')}</Line>
      <Para width={width} lines={2}>{actionList ? t('tui.request.actions', { list: actionList }) : ''}</Para>
    </Box>
  );
}
