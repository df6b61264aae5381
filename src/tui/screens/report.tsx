import { useState } from 'react';
import { Box } from 'ink';
import { mkdir, writeFile } from 'node:fs/promises';
import { DIR_MODE, FILE_MODE } from '../../store/modes.js';
import { join } from 'node:path';
import { reportCsv, reportTables, type ReportTable } from '../../app/report-tables.js';
import { render } from '../../core/i18n/catalogue.js';
import { fit, Line } from '../components/line.js';
import { useKeys } from '../hooks/use-keys.js';
import { useLoad } from '../hooks/use-load.js';
import { useSession } from '../session.js';

export interface ReportProps {
  readonly height: number;
  readonly onQueue: () => void;
}

/** Column widths that fit `width`: each as wide as its widest cell, the widest cut first. */
function widths(table: ReportTable, width: number): number[] {
  const w = table.headers.map((h, i) => Math.max(h.length, ...table.rows.map((r) => String(r[i] ?? '').length)) + 1);
  while (w.reduce((a, b) => a + b, 0) > width) {
    const widest = w.indexOf(Math.max(...w));
    if (w[widest]! <= 4) break;
    w[widest]!--;
  }
  return w;
}

/** Drops numeric columns that are zero in every row (a state nobody is in), keeping the first and last. */
function withoutZeroColumns(table: ReportTable): ReportTable {
  const keep = table.headers.map((_, i) => i === 0 || i === table.headers.length - 1 || table.rows.some((r) => r[i] !== 0 && r[i] !== '0'));
  return { ...table, headers: table.headers.filter((_, i) => keep[i]), rows: table.rows.map((r) => r.filter((_, i) => keep[i])) };
}

/**
 * The supervisor's report: counts by state and service, overdue and due-soon lists, work per
 * member of staff, refusal reasons and survey answers, one table at a time; c writes it all as CSV.
 * It reads every request, so it is computed when opened, not on every change.
 */
export function Report({ height, onQueue }: ReportProps) {
  const { services, t, lang, columns, actor } = useSession();
  const [section, setSection] = useState(0);
  const [scroll, setScroll] = useState(0);
  const [saved, setSaved] = useState('');
  const width = columns - 1;
  const { value: loaded, problem: unavailable } = useLoad(() => services.clerk.report(actor), [actor.login], () => false);
  const report = loaded?.ok ? loaded.value : undefined;
  const problem = loaded && !loaded.ok ? render(lang, loaded.error.message) : unavailable;
  const tables = report ? reportTables(report, lang) : [];
  const chosen = tables[Math.min(section, Math.max(0, tables.length - 1))];
  const table = chosen?.compactZeroColumns ? withoutZeroColumns(chosen) : chosen;
  const bodyHeight = Math.max(3, height - 4);

  useKeys((input, key) => {
    if (input === 'q') return onQueue();
    if (!report) return;
    if (key.tab || key.rightArrow || key.leftArrow) {
      const step = key.leftArrow || (key.tab && key.shift) ? -1 : 1;
      setSection((s) => (s + step + tables.length) % tables.length);
      return setScroll(0);
    }
    if (key.pageDown || key.downArrow) return setScroll((s) => Math.min(s + (key.pageDown ? bodyHeight : 1), Math.max(0, (table?.rows.length ?? 0) - bodyHeight)));
    if (key.pageUp || key.upArrow) return setScroll((s) => Math.max(0, s - (key.pageUp ? bodyHeight : 1)));
    if (input === 'c') {
      const dir = join(services.dataDir, 'out');
      const path = join(dir, `report-${report.today}-${lang}.csv`);
      void mkdir(dir, { recursive: true, mode: DIR_MODE })
        .then(() => writeFile(path, reportCsv(report, lang), { mode: FILE_MODE }))
        .then(
          () => setSaved(t('tui.report.csv', { path })),
          (error: NodeJS.ErrnoException) => setSaved(t('cli.fileUnwritable', { path, reason: error.code ?? 'error' })),
        );
    }
  });

  if (!report || !table) return <Line width={width}>{problem ?? t('tui.busy')}</Line>;
  const w = widths(table, width);
  const row = (cells: readonly unknown[]) => cells.map((c, i) => fit(String(c ?? ''), w[i]! - 1)).join(' ');
  const body = [];
  for (let i = 0; i < bodyHeight; i++) {
    const r = table.rows[scroll + i];
    body.push(<Line key={i} width={width}>{r ? row(r) : ''}</Line>);
  }
  return (
    <Box flexDirection="column">
      <Line width={width} bold>{`${t('tui.report.title')} · ${table.title} (${section + 1}/${tables.length})`}</Line>
      <Line width={width} dim>{row(table.headers)}</Line>
      {body}
      <Line width={width} dim>{table.rows.length > scroll + bodyHeight ? t('tui.more.below', { count: table.rows.length - scroll - bodyHeight }) : ''}</Line>
      <Line width={width}>{saved}</Line>
    </Box>
  );
}
