import { useState } from 'react';
import { Box, useApp } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import { render, t } from '../../core/i18n/catalogue.js';
import type { Lang } from '../../core/i18n/text.js';
import type { User } from '../../store/port.js';
import { Line, Para } from '../components/line.js';
import { edit, TextField } from '../components/text-field.js';
import { useFunctionKeys } from '../hooks/use-function-keys.js';
import type { TuiServices } from '../services.js';

export interface LoginProps {
  readonly services: TuiServices;
  readonly lang: Lang;
  readonly plain: boolean;
  readonly columns: number;
  readonly source: string;
  readonly onLang: (lang: Lang) => void;
  readonly onLogin: (user: User) => void;
}

/** Log-in with login and password, checked (and throttled) by the staff authenticator. */
export function Login({ services, lang, plain, columns, source, onLang, onLogin }: LoginProps) {
  const app = useApp();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [field, setField] = useState<0 | 1>(0);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const width = Math.min(columns - 1, 78);

  useFunctionKeys((key) => {
    if (key === 'f2') onLang(lang === 'kk' ? 'ru' : 'kk');
    if (key === 'f10') app.exit();
  });

  useKeys((input, key) => {
    if (busy) return;
    if (key.ctrl && input === 'c') return app.exit();
    if (key.upArrow || (key.tab && key.shift)) return setField(0);
    if (key.downArrow || key.tab) return setField(1);
    if (key.return) {
      if (field === 0 && login.trim()) return setField(1);
      if (!login.trim() || !password) return setMessage(t(lang, 'tui.login.empty'));
      setBusy(true);
      setMessage(t(lang, 'tui.login.checking'));
      void services.auth.password(login.trim(), password, source).then((result) => {
        setBusy(false);
        if (result.ok) return onLogin(result.value);
        setPassword('');
        setMessage(render(lang, result.error.message));
      });
      return;
    }
    if (field === 0) setLogin((v) => edit(v, input, key, 64));
    else setPassword((v) => edit(v, input, key, 256));
  });

  return (
    <Box flexDirection="column">
      <Line width={width} bold>{`Anyqtama — ${t(lang, 'tui.login.title')}`}</Line>
      <Line width={width}>{''}</Line>
      <TextField label={t(lang, 'tui.login.login')} value={login} width={width} active={field === 0} plain={plain} />
      <TextField label={t(lang, 'tui.login.password')} value={password} width={width} active={field === 1} plain={plain} secret />
      <Line width={width}>{''}</Line>
      <Para width={width} lines={2}>{message}</Para>
      <Line width={width} dim>{t(lang, 'tui.login.keys')}</Line>
    </Box>
  );
}
