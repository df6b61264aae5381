import { useState } from 'react';
import { Box } from 'ink';
import { formatDate, formatDateTime } from '../../core/calendar/dates.js';
import { render } from '../../core/i18n/catalogue.js';
import { actionName } from '../../core/i18n/labels.js';
import { pick } from '../../core/i18n/text.js';
import { findOrganisation } from '../../core/offices.js';
import { findService } from '../../core/services/catalogue.js';
import type { MaskedStatus } from '../../app/lookups.js';
import { Line, Para } from '../components/line.js';
import { edit, TextField } from '../components/text-field.js';
import { useKeys } from '../hooks/use-keys.js';
import { useSession } from '../session.js';

export interface LookupProps {
  readonly height: number;
}

/**
 * The call-centre's screen: a request number in, the status out, with the applicant's IIN and
 * name masked. The look-up itself is logged and throttled by CallCentreLookups.
 */
export function Lookup({ height }: LookupProps) {
  const { services, actor, t, lang, columns, plain, source } = useSession();
  const [number, setNumber] = useState('');
  const [found, setFound] = useState<MaskedStatus | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const width = columns - 1;

  useKeys((input, key) => {
    if (busy) return;
    if (key.return) {
      if (!number.trim()) return;
      setBusy(true);
      void services.lookups.lookup(actor, number, source).then((result) => {
        setBusy(false);
        setFound(result.ok ? result.value : null);
        setProblem(result.ok ? '' : render(lang, result.error.message));
      });
      return;
    }
    if (key.escape) {
      setNumber('');
      setFound(null);
      return setProblem('');
    }
    setNumber((v) => edit(v, input, key, 40));
  });

  const offset = services.reference.offices.timezoneOffsetMinutes;
  const lines: string[] = [];
  if (found) {
    const service = findService(found.service);
    const office = findOrganisation(services.reference.offices, found.office);
    const flag = found.deadline === 'overdue' || found.deadline === 'dueSoon' ? ` — ${t(`cli.deadline.${found.deadline}`)}` : '';
    lines.push(
      `${t('cli.status.number')}: ${found.number}`,
      `${t('cli.status.service')}: ${service ? pick(service.title, lang) : found.service}`,
      `${t('cli.status.state')}: ${t(`state.${found.state}`)}`,
      `${t('cli.status.submitted')}: ${found.submittedAt ? formatDateTime(found.submittedAt, offset) : '—'}`,
      `${t('cli.status.due')}: ${found.dueDate ? formatDate(found.dueDate) : '—'}${flag}`,
      `${t('cli.status.office')}: ${office ? pick(office.title, lang) : found.office}`,
      `${t('tui.lookup.last')}: ${found.lastEvent ? `${formatDateTime(found.lastEvent.at, offset)} ${actionName(lang, found.lastEvent.action)} → ${t(`state.${found.lastEvent.to}`)}` : '—'}`,
      `${t('cli.status.applicant')}: ${found.applicant.name}, ${found.applicant.iin}`,
      t('tui.lookup.masked'),
    );
  }
  const body = [];
  for (let i = 0; i < Math.max(3, height - 5); i++) body.push(<Line key={i} width={width}>{lines[i] ?? ''}</Line>);
  return (
    <Box flexDirection="column">
      <Line width={width} bold>{t('tui.lookup.title')}</Line>
      <TextField label={t('tui.lookup.prompt').replace(/:\s*$/, '')} value={number} width={width} active plain={plain} />
      <Para width={width} lines={2}>{busy ? t('tui.busy') : problem}</Para>
      {body}
    </Box>
  );
}
