import { createContext, useContext } from 'react';
import { t, type MessageKey, type Params } from '../core/i18n/catalogue.js';
import type { Lang } from '../core/i18n/text.js';
import type { Actor } from '../core/request.js';
import type { User } from '../store/port.js';
import type { TuiServices } from './services.js';

/** What every screen of one session reads: who is logged in, in which language, on what terminal. */
export interface Session {
  readonly services: TuiServices;
  readonly user: User;
  readonly actor: Actor;
  readonly lang: Lang;
  readonly plain: boolean;
  readonly columns: number;
  readonly rows: number;
  /** Where this session comes from (an SSH client's address, or "local"): look-ups and logs name it. */
  readonly source: string;
  readonly t: (key: MessageKey, params?: Params) => string;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in session');
  return session;
}

export function actorOfUser(user: User): Actor {
  return {
    login: user.login,
    role: user.role,
    fullName: user.fullName,
    ...(user.organisationId ? { organisationId: user.organisationId } : {}),
    ...(user.iin ? { iin: user.iin } : {}),
  };
}

export function translator(lang: Lang): (key: MessageKey, params?: Params) => string {
  return (key, params) => t(lang, key, params);
}
