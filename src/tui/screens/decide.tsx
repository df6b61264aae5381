import { useState } from 'react';
import { Box } from 'ink';
import { useKeys } from '../hooks/use-keys.js';
import { render } from '../../core/i18n/catalogue.js';
import { pick } from '../../core/i18n/text.js';
import { TRANSITIONS } from '../../core/lifecycle/table.js';
import type { Action, Request } from '../../core/request.js';
import { findRefusal, type RefusalCode } from '../../core/refusals.js';
import { findService } from '../../core/services/catalogue.js';
import type { Result } from '../../core/result.js';
import { Line, Para, Row } from '../components/line.js';
import { edit, TextField } from '../components/text-field.js';
import { useSession } from '../session.js';
import { IssueForm } from './issue-form.js';

export interface DecideProps {
  readonly action: Action;
  readonly request: Request;
  readonly height: number;
  readonly onDone: (result: Result<Request>) => void;
  readonly onCancel: () => void;
}

type Item = { kind: 'reason'; code: RefusalCode } | { kind: 'ground'; } | { kind: 'note' } | { kind: 'passphrase' } | { kind: 'confirm' };

/**
 * A decision on one request: what the regulation asks for with it (coded reasons and a
 * justification for a refusal, a ground for an extension, the reasons for a return), the key's
 * passphrase where the result is signed, then one confirmation. The issue's certificate content
 * is filled in IssueForm first.
 */
export function Decide({ action, request, height, onDone, onCancel }: DecideProps) {
  const { services, user, actor, t, lang, columns, plain } = useSession();
  const service = findService(request.service)!;
  const width = columns - 1;
  const { needs, signed } = TRANSITIONS[action];
  const needsPassphrase = signed && !user.signingKey?.demo;
  const grounds = service.extensionGrounds;
  const [content, setContent] = useState<Record<string, unknown> | null>(null);
  const [reasons, setReasons] = useState<readonly RefusalCode[]>([]);
  const [ground, setGround] = useState(0);
  const [note, setNote] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [cursor, setCursor] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const items: Item[] = [
    ...(needs.reasons === 'decision' ? service.refusalReasons.map((code): Item => ({ kind: 'reason', code })) : []),
    ...(needs.ground && grounds.length > 0 ? [{ kind: 'ground' } as Item] : []),
    ...(needs.note ? [{ kind: 'note' } as Item] : []),
    ...(needsPassphrase ? [{ kind: 'passphrase' } as Item] : []),
    { kind: 'confirm' },
  ];
  const current = items[Math.min(cursor, items.length - 1)]!;

  // The desk unlocks the key (a demo key without a passphrase), takes the channel from the role and
  // fills the certificate's fields the clerk left out (app/clerk-desk.ts).
  const confirm = () => {
    setBusy(true);
    setProblem(t('tui.busy'));
    void services.clerk
      .decide(actor, request, {
        action,
        ...(reasons.length ? { reasons } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(needs.ground && grounds[ground] ? { ground: grounds[ground].code } : {}),
        ...(content ? { content } : {}),
        ...(needsPassphrase ? { passphrase } : {}),
      })
      .then((result) => {
        setBusy(false);
        if (result.ok || result.error.code === 'CONFLICT') return onDone(result);
        if (result.error.fields?.some((f) => f.path === 'passphrase')) {
          // A wrong passphrase: typed again, in its own field.
          setPassphrase('');
          setCursor(items.findIndex((i) => i.kind === 'passphrase'));
        }
        setProblem([render(lang, result.error.message), ...(result.error.detail ? [render(lang, result.error.detail)] : [])].join(' '));
      });
  };

  useKeys((input, key) => {
    if (busy || (needs.content && !content)) return;
    if (key.escape) return onCancel();
    if (key.upArrow || (key.tab && key.shift)) return setCursor((c) => Math.max(0, c - 1));
    if (key.downArrow || key.tab) return setCursor((c) => Math.min(items.length - 1, c + 1));
    if (current.kind === 'reason' && (input === ' ' || key.return)) {
      const code = current.code;
      setReasons((r) => (r.includes(code) ? r.filter((x) => x !== code) : [...r, code]));
      if (key.return) setCursor((c) => c + 1);
      return;
    }
    if (current.kind === 'ground' && (key.leftArrow || key.rightArrow || input === ' ')) {
      return setGround((g) => (g + (key.leftArrow ? -1 : 1) + grounds.length) % grounds.length);
    }
    if (key.return) return current.kind === 'confirm' ? confirm() : setCursor((c) => c + 1);
    if (current.kind === 'note') return setNote((v) => edit(v, input, key, 2000));
    if (current.kind === 'passphrase') return setPassphrase((v) => edit(v, input, key, 256));
  });

  const title = t('tui.decide.title', { number: request.number ?? '—', action: t(`action.${action}`) });
  if (needs.content && !content) {
    return <IssueForm request={request} title={title} height={height} onSubmit={(values) => setContent(values)} onCancel={onCancel} />;
  }

  // Rows that fit: the cursor's item stays visible on a short terminal.
  const room = Math.max(3, height - 4);
  const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), items.length - room));
  const shown = items.slice(first, first + room);
  return (
    <Box flexDirection="column">
      <Line width={width} bold>{title}</Line>
      <Line width={width} dim>{needs.reasons === 'decision' ? t('tui.decide.reasons') : needs.ground && grounds.length === 0 ? t('tui.decide.noGrounds') : signed && user.signingKey?.demo ? t('tui.decide.demoKey') : ''}</Line>
      {shown.map((item, i) => {
        const index = first + i;
        const active = index === cursor;
        switch (item.kind) {
          case 'reason': {
            const reason = findRefusal(item.code);
            return <Row key={item.code} width={width} selected={active} plain={plain}>{`[${reasons.includes(item.code) ? 'x' : ' '}] ${item.code} ${reason ? pick(reason.label, lang) : ''}`}</Row>;
          }
          case 'ground':
            return <Row key="ground" width={width} selected={active} plain={plain}>{`${t('tui.decide.ground')} ‹ ${pick(grounds[ground]!.label, lang)} ›`}</Row>;
          case 'note':
            return <TextField key="note" label={t(needs.note === 'justification' ? 'tui.decide.justification' : 'tui.decide.note')} value={note} width={width} active={active} plain={plain} />;
          case 'passphrase':
            return <TextField key="pass" label={t('clerk.passphraseField')} value={passphrase} width={width} active={active} plain={plain} secret />;
          case 'confirm':
            return <Row key="confirm" width={width} selected={active} plain={plain}>{`[ ${t('tui.decide.confirm')} ]`}</Row>;
        }
      })}
      <Para width={width} lines={2}>{problem}</Para>
      <Line width={width} dim>{t('tui.decide.keys')}</Line>
    </Box>
  );
}
