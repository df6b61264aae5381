import { useCallback, useMemo, useState } from 'react';
import { Box, useApp } from 'ink';
import { DECIDING_ROLES } from '../app/access.js';
import type { RequestRef } from '../app/clerk-desk.js';
import { REPORT_ROLES } from '../app/statistics.js';
import { formatDate } from '../core/calendar/dates.js';
import { render as renderMessage } from '../core/i18n/catalogue.js';
import { pick, type Lang } from '../core/i18n/text.js';
import { findOrganisation } from '../core/offices.js';
import { TRANSITIONS } from '../core/lifecycle/table.js';
import type { Action, Request } from '../core/request.js';
import type { Result } from '../core/result.js';
import type { User } from '../store/port.js';
import { Line, Para } from './components/line.js';
import { useFunctionKeys } from './hooks/use-function-keys.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { writeCurrentPdf } from './pdf-out.js';
import { Decide } from './screens/decide.js';
import { Intake } from './screens/intake.js';
import { Login } from './screens/login.js';
import { Lookup } from './screens/lookup.js';
import { Queue, START_PLACE, type QueuePlace } from './screens/queue.js';
import { Report } from './screens/report.js';
import { RequestView } from './screens/request.js';
import { actorOfUser, SessionContext, translator, type Session } from './session.js';
import type { TuiServices } from './services.js';

export interface AppProps {
  readonly services: TuiServices;
  readonly user: User | undefined;
  readonly lang: Lang;
  readonly plain: boolean;
  readonly source: string;
}

type Route =
  | { readonly name: 'queue' }
  | { readonly name: 'request'; readonly ref: RequestRef }
  | { readonly name: 'decide'; readonly action: Action; readonly request: Request }
  | { readonly name: 'intake' }
  | { readonly name: 'lookup' }
  | { readonly name: 'report' }
  | { readonly name: 'none' };

function home(user: User): Route {
  if (user.role === 'callcentre') return { name: 'lookup' };
  if (user.role === 'supervisor') return { name: 'report' };
  return DECIDING_ROLES.includes(user.role) || user.role === 'admin' ? { name: 'queue' } : { name: 'none' };
}

/** Lines around every screen: the header, a status line and the key hints. */
const FRAME_LINES = 4;

/**
 * One session: log-in (unless SSH already authenticated the user), then the user's home screen.
 * Every frame stays at least one line shorter than the terminal, or Ink would clear the whole
 * screen on every key (ARCHITECTURE.md).
 */
export function App({ services, user: given, lang: initialLang, plain, source }: AppProps) {
  const app = useApp();
  const { columns, rows } = useTerminalSize();
  const [lang, setLang] = useState<Lang>(given?.lang ?? initialLang);
  const [user, setUser] = useState<User | undefined>(given);
  const [stack, setStack] = useState<Route[]>(given ? [home(given)] : []);
  const [status, setStatus] = useState('');
  const [place, setPlace] = useState<QueuePlace>(START_PLACE);
  const route = stack[stack.length - 1];

  const push = useCallback((r: Route) => { setStatus(''); setStack((s) => [...s, r]); }, []);
  const back = useCallback(() => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  const logOut = useCallback(() => {
    if (given) return app.exit();
    setUser(undefined);
    setStack([]);
    setPlace(START_PLACE);
    setStatus('');
  }, [app, given]);

  // In a form F2 saves the form (the editor's key), so the language is switched outside forms.
  const inForm = route?.name === 'intake' || route?.name === 'decide';
  useFunctionKeys((key) => {
    if (!user) return;
    if (key === 'f2' && !inForm) setLang((l) => (l === 'kk' ? 'ru' : 'kk'));
    if (key === 'f10') logOut();
  });

  const session = useMemo<Session | null>(
    () => (user ? { services, user, actor: actorOfUser(user), lang, plain, columns, rows, source, t: translator(lang) } : null),
    [services, user, lang, plain, columns, rows, source],
  );

  // Below this a screen cannot be laid out shorter than the terminal, and Ink would clear the
  // whole screen on every key: say so in one line instead.
  if (columns < 60 || rows < 16) {
    return <Line width={columns - 1}>{translator(lang)('tui.resizeSmall', { size: `${columns}×${rows}` })}</Line>;
  }

  if (!user || !session || !route) {
    return (
      <Login services={services} lang={lang} plain={plain} columns={columns} source={source} onLang={setLang}
        onLogin={(u) => { setUser(u); setLang(u.lang ?? lang); setStack([home(u)]); }} />
    );
  }

  const t = session.t;
  const width = columns - 1;
  const height = Math.max(6, rows - 1 - FRAME_LINES);
  const org = user.organisationId ? findOrganisation(services.reference.offices, user.organisationId) : undefined;
  const today = services.clerk.moment().today;
  const header = `Anyqtama · ${user.fullName} (${user.login}) · ${t(`role.${user.role}`)}${org ? ` · ${pick(org.title, lang)}` : ''} · ${formatDate(today)} · ${lang.toUpperCase()}`;
  const decided = (action: Action) => (result: Result<Request>) => {
    setStack((s) => s.slice(0, -1));
    if (!result.ok) return setStatus(`${t('tui.changedElsewhere')} ${renderMessage(lang, result.error.message)}`);
    const done = t('tui.decide.done', { action: t(`action.${action}`), state: t(`state.${result.value.state}`) });
    setStatus(done);
    // A signed decision's document is written out for printing at once, and its path shown.
    if (result.value.decision?.document && TRANSITIONS[action].signed) {
      void writeCurrentPdf(services, session.actor, result.value).then((written) => {
        setStatus(`${done} ${written.ok ? t('tui.pdf.written', { path: written.value }) : renderMessage(lang, written.error.message)}`);
      });
    }
  };
  const keys =
    route.name === 'queue' ? `${t('tui.queue.keys')}${REPORT_ROLES.includes(user.role) ? ` · ${t('tui.queue.keysReport')}` : ''}`
    : route.name === 'request' ? t('tui.request.keys')
    : route.name === 'lookup' ? t('tui.lookup.keys')
    : route.name === 'report' ? t('tui.report.keys')
    : '';

  return (
    <SessionContext.Provider value={session}>
      <Box flexDirection="column">
        <Line width={width} bold>{header}</Line>
        {route.name === 'queue' && (
          <Queue place={place} onPlace={setPlace} height={height} onStatus={setStatus} onOpen={(s) => push({ name: 'request', ref: s.number ? { number: s.number } : { id: s.id } })}
            {...(DECIDING_ROLES.includes(user.role) ? { onIntake: () => push({ name: 'intake' }) } : {})}
            {...(REPORT_ROLES.includes(user.role) ? { onReport: () => push({ name: 'report' }) } : {})} />
        )}
        {route.name === 'request' && (
          <RequestView target={route.ref} height={height} onBack={back} onStatus={setStatus} onAct={(action, request) => push({ name: 'decide', action, request })} />
        )}
        {route.name === 'decide' && (
          <Decide action={route.action} request={route.request} height={height} onCancel={back} onDone={decided(route.action)} />
        )}
        {route.name === 'intake' && <Intake height={height} onDone={(text) => { back(); setStatus(text); }} onCancel={back} />}
        {route.name === 'lookup' && <Lookup height={height} />}
        {route.name === 'report' && <Report height={height} onQueue={() => push({ name: 'queue' })} />}
        {route.name === 'none' && <Line width={width}>{t('tui.noAccess', { role: t(`role.${user.role}`) })}</Line>}
        <Para width={width} lines={2}>{status}</Para>
        <Line width={width} dim>{keys}</Line>
      </Box>
    </SessionContext.Provider>
  );
}
