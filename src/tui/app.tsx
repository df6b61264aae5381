import { Box, Text, useApp, useInput } from 'ink';
import type { Lang } from '../core/i18n/text.js';
import type { User } from '../store/port.js';
import type { TuiServices } from './services.js';

export interface AppProps {
  readonly services: TuiServices;
  readonly user: User | undefined;
  readonly lang: Lang;
  readonly plain: boolean;
}

/** Placeholder while the screens are being built: shows who is logged in; q leaves. */
export function App({ user }: AppProps) {
  const app = useApp();
  useInput((input) => {
    if (input === 'q') app.exit();
  });
  return (
    <Box flexDirection="column">
      <Text>Anyqtama {user ? user.login : ''}</Text>
    </Box>
  );
}
