import { fill, pick, type Lang, type Text } from './text.js';
import { commonMessages } from './messages/common.js';
import { formMessages } from './messages/forms.js';
import { lifecycleMessages } from './messages/lifecycle.js';
import { identityMessages } from './messages/identity.js';
import { calendarMessages } from './messages/calendar.js';
import { storeMessages } from './messages/store.js';
import { cliMessages } from './messages/cli.js';
import { referenceMessages } from './messages/reference.js';
import { appMessages } from './messages/app.js';
import { documentMessages } from './messages/documents.js';
import { tuiMessages } from './messages/tui.js';
import { sshMessages } from './messages/ssh.js';
import { supervisionMessages } from './messages/supervision.js';
import { tuiFormMessages } from './messages/tui-form.js';
import { botMessages } from './messages/bot.js';
import { notifyMessages } from './messages/notify.js';
import { pgMessages } from './messages/pg.js';
import { botFormMessages } from './messages/bot-form.js';
import { storeCopyMessages } from './messages/store-copy.js';
import { securityPrivacyMessages } from './messages/security-privacy.js';
import { securityStoreMessages } from './messages/security-store.js';
import { securityCliMessages } from './messages/security-cli.js';
import { controlMessages } from './messages/control.js';
import { userMessages } from './messages/users.js';
import { clerkDeskMessages } from './messages/clerk-desk.js';

/**
 * The one kk/ru message catalogue. Each area keeps its messages in its own file under
 * `messages/`; this file only joins them, so a duplicate key is a type error here.
 */
export const catalogue = {
  ...commonMessages,
  ...formMessages,
  ...lifecycleMessages,
  ...identityMessages,
  ...calendarMessages,
  ...storeMessages,
  ...cliMessages,
  ...referenceMessages,
  ...appMessages,
  ...documentMessages,
  ...tuiMessages,
  ...sshMessages,
  ...supervisionMessages,
  ...tuiFormMessages,
  ...botMessages,
  ...notifyMessages,
  ...pgMessages,
  ...botFormMessages,
  ...storeCopyMessages,
  ...securityPrivacyMessages,
  ...securityStoreMessages,
  ...securityCliMessages,
  ...controlMessages,
  ...userMessages,
  ...clerkDeskMessages,
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof catalogue;
export type Params = Readonly<Record<string, string | number>>;

/** A message to show later, in whatever language the reader chose. */
export interface MessageRef {
  readonly key: MessageKey;
  readonly params?: Params;
}

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return fill(pick(catalogue[key], lang), params);
}

export function render(lang: Lang, ref: MessageRef): string {
  return t(lang, ref.key, ref.params);
}
