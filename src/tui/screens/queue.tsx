import { useState } from 'react';
import { Box } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import { canOpen } from '../../app/access.js';
import { formatDate } from '../../core/calendar/dates.js';
import { pick } from '../../core/i18n/text.js';
import { deadlineStatusOf } from '../../core/lifecycle/deadline.js';
import { findService } from '../../core/services/catalogue.js';
import type { RequestSummary } from '../../store/port.js';
import { fit, Line, Row } from '../components/line.js';
import { edit } from '../components/text-field.js';
import { useLoad } from '../hooks/use-load.js';
import { useSession } from '../session.js';
import { tabFilter, tabLabel, tabsFor, type Tab } from './queue-tabs.js';

/** Where the clerk was in the queue: kept by the session, so coming back from a request lands there. */
export interface QueuePlace {
  readonly tab: Tab | null;
  readonly cursor: number;
  readonly offset: number;
  readonly search: string | null;
}

export const START_PLACE: QueuePlace = { tab: null, cursor: 0, offset: 0, search: null };

export interface QueueProps {
  readonly place: QueuePlace;
  readonly onPlace: (place: QueuePlace) => void;
  /** Rows the queue may use; the caller keeps the whole frame shorter than the terminal. */
  readonly height: number;
  readonly onOpen: (summary: RequestSummary) => void;
  readonly onStatus: (text: string) => void;
  /** n: counter intake (clerks, operators). */
  readonly onIntake?: () => void;
  /** r: the supervisor's reports. */
  readonly onReport?: () => void;
}

/** Fixed chrome of the queue: tabs, column titles, page line. */
const CHROME = 3;

/**
 * The work queue: requests of the user's scope by tab, soonest due first, one page at a time so
 * the frame never reaches the terminal's height. A cursor move rewrites two rows only.
 */
export function Queue({ place, onPlace, height, onOpen, onStatus, onIntake, onReport }: QueueProps) {
  const session = useSession();
  const { services, actor, t, columns, plain, lang } = session;
  const tabs = tabsFor(actor.role);
  const [tab, setTab] = useState<Tab>(place.tab && tabs.includes(place.tab) ? place.tab : tabs[0]!);
  const [cursor, setCursor] = useState(place.cursor);
  const [offset, setOffset] = useState(place.offset);
  const [search, setSearch] = useState<string | null>(place.search);
  const [typing, setTyping] = useState(false);
  // What is being typed into the search line; the list is filtered only on Enter, so typing costs
  // one short line per key on a slow link instead of a new page.
  const [draft, setDraft] = useState('');
  const pageSize = Math.max(3, height - CHROME);
  const width = columns - 1;

  const { value: page, problem } = useLoad(async () => {
    const { today } = services.clerk.moment();
    const base = search ? { text: search } : tabFilter(tab, services.reference.calendar, today);
    const list = await services.clerk.queue(actor, { ...base, order: 'due', limit: pageSize, offset });
    return { ...list, today };
  }, [tab, search, offset, pageSize, actor.login],
  // Only changes within this queue's scope (the office's or centre's requests) reload it.
  (r) => canOpen(actor, r));

  const items = page?.items ?? [];
  const total = page?.total ?? 0;
  const selected = Math.min(cursor, Math.max(0, items.length - 1));

  const go = (next: Tab) => {
    setTab(next);
    setCursor(0);
    setOffset(0);
  };
  const turn = (delta: number) => {
    const next = offset + delta * pageSize;
    if (next < 0 || next >= total) return;
    setOffset(next);
    setCursor(0);
  };

  useKeys((input, key) => {
    if (typing) {
      if (key.escape) return setTyping(false);
      if (key.return) {
        setTyping(false);
        setOffset(0);
        setCursor(0);
        return setSearch(draft.trim() ? draft.trim() : null);
      }
      return setDraft((s) => edit(s, input, key, 60));
    }
    if (key.upArrow) {
      if (selected > 0) setCursor(selected - 1);
      else if (offset > 0) {
        setOffset(Math.max(0, offset - pageSize));
        setCursor(pageSize - 1);
      }
      return;
    }
    if (key.downArrow) {
      if (selected < items.length - 1) setCursor(selected + 1);
      else if (offset + pageSize < total) {
        setOffset(offset + pageSize);
        setCursor(0);
      }
      return;
    }
    if (key.pageDown) return turn(1);
    if (key.pageUp) return turn(-1);
    if (key.home) return setCursor(0);
    if (key.end) return setCursor(items.length - 1);
    if (key.leftArrow || key.rightArrow || key.tab) {
      const i = tabs.indexOf(tab);
      const step = key.leftArrow || (key.tab && key.shift) ? -1 : 1;
      return go(tabs[(i + step + tabs.length) % tabs.length]!);
    }
    if (key.escape && search !== null) {
      setSearch(null);
      setOffset(0);
      return setCursor(0);
    }
    if (input === '/') {
      setDraft(search ?? '');
      onStatus('');
      return setTyping(true);
    }
    if (input === 'n' && onIntake) return onIntake();
    if (input === 'r' && onReport) return onReport();
    if (key.return && items[selected]) {
      onPlace({ tab, cursor: selected, offset, search });
      return onOpen(items[selected]);
    }
  });

  const numberW = 12;
  const dueW = 11;
  const flagW = 14;
  const serviceW = Math.max(10, Math.floor((width - numberW - dueW - flagW - 1) * 0.35));
  const nameW = Math.max(8, width - 1 - numberW - serviceW - dueW - flagW);
  const cells = (number: string, service: string, name: string, due: string, flag: string) =>
    [fit(number, numberW - 1), fit(service, serviceW - 1), fit(name, nameW - 1), fit(due, dueW - 1), fit(flag, flagW)].join(' ');
  const today = page?.today ?? services.clerk.moment().today;
  const flagOf = (s: RequestSummary): string => {
    const status = deadlineStatusOf(s.state, s.dueDate, today, services.reference.calendar);
    if (status === 'overdue' || status === 'dueSoon') return t(status === 'overdue' ? 'tui.mark.overdue' : 'tui.mark.dueSoon');
    return t(`state.${s.state}`);
  };

  const tabsLine = typing
    ? `${t('tui.queue.search')}${draft}█`
    : search !== null
      ? t('tui.queue.filtered', { text: search })
    : tabStrip(tabs.map((x) => t(tabLabel(x))), tabs.indexOf(tab), width);
  const rows = [];
  for (let i = 0; i < pageSize; i++) {
    const s = items[i];
    if (!s) {
      rows.push(<Line key={i} width={width}>{i === 0 && page && items.length === 0 ? ` ${t('tui.queue.empty')}` : ''}</Line>);
      continue;
    }
    const service = findService(s.service);
    rows.push(
      <Row key={i} width={width} selected={i === selected} plain={plain}>
        {cells(s.number ?? '—', service ? pick(service.shortTitle, lang) : s.service, s.applicantName, s.dueDate ? formatDate(s.dueDate) : '—', flagOf(s))}
      </Row>,
    );
  }
  const from = total === 0 ? 0 : offset + 1;
  return (
    <Box flexDirection="column">
      <Line width={width} bold={!typing}>{tabsLine}</Line>
      <Line width={width} dim>{` ${cells(t('tui.col.number'), t('tui.col.service'), t('tui.col.applicant'), t('tui.col.due'), t('tui.col.state'))}`}</Line>
      {rows}
      <Line width={width} dim={!problem}>{problem ?? t('tui.queue.page', { from, to: offset + items.length, total })}</Line>
    </Box>
  );
}

/** The tab names on one line; when they do not fit, a window around the current one, cut with '…'. */
export function tabStrip(labels: readonly string[], current: number, width: number): string {
  const cells = labels.map((l, i) => (i === current ? `[${l}]` : ` ${l} `));
  let from = current;
  let to = current + 1;
  const size = (a: number, b: number) => cells.slice(a, b).join(' ').length + (a > 0 ? 2 : 0) + (b < cells.length ? 2 : 0);
  for (;;) {
    if (to < cells.length && size(from, to + 1) <= width) to++;
    else if (from > 0 && size(from - 1, to) <= width) from--;
    else break;
  }
  return `${from > 0 ? '… ' : ''}${cells.slice(from, to).join(' ')}${to < cells.length ? ' …' : ''}`;
}
