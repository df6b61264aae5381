import { useState, type ReactNode } from 'react';
import { Box } from 'ink';
import type { NewAttachment } from '../../app/attachments.js';
import { formatDate } from '../../core/calendar/dates.js';
import { render } from '../../core/i18n/catalogue.js';
import { pick } from '../../core/i18n/text.js';
import { findOrganisation } from '../../core/offices.js';
import type { FieldProblem } from '../../core/result.js';
import { findService } from '../../core/services/catalogue.js';
import { channelOf } from '../../core/lifecycle/channels.js';
import type { ServiceId } from '../../core/services/types.js';
import type { RequestSummary } from '../../store/port.js';
import { Line, Para, Row } from '../components/line.js';
import { edit, TextField } from '../components/text-field.js';
import { FormEditor, type FormEditorApi, type FormKeyEvent } from '../form/form-editor.js';
import { useKeys } from '../hooks/use-keys.js';
import { useLoad } from '../hooks/use-load.js';
import { writeCurrentPdf } from '../pdf-out.js';
import { useSession } from '../session.js';
import { readAttachment } from './intake-files.js';
import { sizeText } from '../../core/size.js';

export interface IntakeProps {
  readonly height: number;
  readonly onDone: (text: string) => void;
  readonly onCancel: () => void;
}

type Choice = { kind: 'draft'; draft: RequestSummary } | { kind: 'service'; id: ServiceId };
type Step = 'choose' | 'form' | 'files' | 'confirm';

/**
 * Counter intake: the service (or a saved draft), the questionnaire from the service's form with
 * the person-registry look-up (F3 on the IIN), scans from files, a check, then registration and
 * the receipt printed to a PDF. A questionnaire can be put aside as a draft and resumed.
 */
export function Intake({ height, onDone, onCancel }: IntakeProps) {
  const { services, actor, t, lang, columns, plain } = useSession();
  const width = columns - 1;
  const org = actor.organisationId ? findOrganisation(services.reference.offices, actor.organisationId) : undefined;
  const channel = channelOf(actor.role);
  const [step, setStep] = useState<Step>('choose');
  const [cursor, setCursor] = useState(0);
  const [serviceId, setServiceId] = useState<ServiceId | null>(null);
  const [draftId, setDraftId] = useState<string | undefined>(undefined);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [files, setFiles] = useState<NewAttachment[]>([]);
  const [path, setPath] = useState('');
  const [message, setMessage] = useState('');
  const [problems, setProblems] = useState<readonly FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);

  const { value: drafts } = useLoad(
    () => services.clerk.drafts(actor),
    [actor.organisationId],
    (changed) => changed.receivedBy === actor.organisationId,
  );
  const choices: Choice[] = [
    ...(drafts ?? []).map((draft): Choice => ({ kind: 'draft', draft })),
    ...(org?.services ?? []).map((id): Choice => ({ kind: 'service', id })),
  ];
  const service = serviceId ? findService(serviceId) : undefined;

  const begin = async (choice: Choice) => {
    if (choice.kind === 'service') {
      setServiceId(choice.id);
      setDraftId(undefined);
      setAnswers({});
      return setStep('form');
    }
    const found = await services.clerk.draft(actor, choice.draft.id);
    if (!found.ok) return setMessage(render(lang, found.error.message));
    const draft = found.value;
    setServiceId(draft.service);
    setDraftId(draft.id);
    setAnswers(draft.answers);
    setStep('form');
  };

  const submission = () => ({ serviceId: serviceId!, answers, lang: lang === 'en' ? ('ru' as const) : lang, attachments: files, ...(draftId ? { draftId } : {}) });

  const register = () => {
    setBusy(true);
    setMessage(t('tui.busy'));
    void services.clerk.register(actor, submission()).then(async (result) => {
      setBusy(false);
      if (!result.ok) {
        setMessage([render(lang, result.error.message), ...(result.error.reasons ?? [])].join(' '));
        if (result.error.fields?.length) {
          setProblems(result.error.fields);
          setStep('form');
        }
        return;
      }
      const receipt = await writeCurrentPdf(services, actor, result.value);
      onDone(t('tui.intake.registered', { number: result.value.number ?? '', due: result.value.due ? formatDate(result.value.due.dueDate) : '—', path: receipt.ok ? receipt.value : '—' }));
    });
  };

  const saveDraft = () => {
    setBusy(true);
    void services.clerk.saveDraft(actor, submission()).then((result) => {
      setBusy(false);
      if (result.ok) onDone(t('tui.intake.draftSaved'));
      else setMessage(render(lang, result.error.message));
    });
  };

  const lookUp = (event: FormKeyEvent, api: FormEditorApi): boolean => {
    if (event.fn !== 'f3' || !api.focused || !api.focused.path.endsWith('iin') || !service) return false;
    const iin = String((api.values() as Record<string, Record<string, unknown>>).applicant?.iin ?? '');
    void services.clerk.prefill(actor, service.id, iin).then((found) => {
      if (!found.ok) return setMessage(render(lang, found.error.message));
      if (!found.value) return setMessage(t('tui.intake.registry', { result: t('tui.intake.registryMissing') }));
      api.set(found.value.values);
      setMessage(t('tui.intake.registry', { result: t('tui.intake.registryFound', { name: found.value.fullName }) }));
    });
    return true;
  };

  useKeys((input, key) => {
    if (busy) return;
    if (step === 'choose') {
      if (key.escape) return onCancel();
      if (key.upArrow) return setCursor((c) => Math.max(0, c - 1));
      if (key.downArrow) return setCursor((c) => Math.min(choices.length - 1, c + 1));
      if (key.return && choices[cursor]) void begin(choices[cursor]);
      return;
    }
    if (step === 'files') {
      if (key.escape) return setStep('form');
      if (key.return) {
        if (!path.trim()) return setStep('confirm');
        const typed = path.trim();
        void readAttachment(typed).then((file) => {
          if (file === 'unreadable') return setMessage(t('tui.intake.fileProblem', { path: typed }));
          if (file === 'type') return setMessage(t('tui.intake.fileType', { path: typed }));
          if (file === 'size') return setMessage(t('tui.intake.fileSize', { path: typed }));
          setFiles((f) => [...f, file]);
          setPath('');
          setMessage(t('tui.intake.fileAdded', { name: file.name, size: sizeText(file.content.byteLength) }));
        });
        return;
      }
      return setPath((p) => edit(p, input, key, 500));
    }
    if (step === 'confirm') {
      if (key.escape) return setStep('files');
      if (key.return) return register();
      if (input === 'd') return saveDraft();
    }
  }, { isActive: step !== 'form' });

  const title = `${t('tui.intake.title')}${service ? ` · ${pick(service.shortTitle, lang)}` : ''}`;
  if (step === 'form' && service) {
    return (
      <Box flexDirection="column">
        <FormEditor form={service.form} lang={lang} today={services.clerk.moment().today} initial={answers} height={height - 2} width={width} plain={plain}
          title={title} problems={problems} extraKeys={lookUp} extraHelp={`F3 ${t('tui.intake.registryKey')}`}
          onChange={setAnswers}
          onSubmit={(values) => { setAnswers(values); setProblems([]); setMessage(''); setStep('files'); }}
          onCancel={() => setStep('choose')} />
        <Para width={width} lines={2}>{message}</Para>
      </Box>
    );
  }

  const lines: ReactNode[] = [];
  const room = Math.max(3, height - 5);
  if (step === 'choose') {
    const first = Math.max(0, Math.min(cursor - Math.floor(room / 2), choices.length - room));
    choices.slice(first, first + room).forEach((c, i) => {
      const label = c.kind === 'draft'
        ? `${t('tui.tab.drafts')}: ${c.draft.applicantName || '—'} · ${pick(findService(c.draft.service)?.shortTitle ?? { kk: c.draft.service, ru: c.draft.service }, lang)}`
        : pick(findService(c.id)?.title ?? { kk: c.id, ru: c.id }, lang);
      lines.push(<Row key={i} width={width} selected={first + i === cursor} plain={plain}>{label}</Row>);
    });
  } else if (step === 'files' && service) {
    lines.push(<TextField key="path" label={t('tui.intake.file')} value={path} width={width} active plain={plain} />);
    for (const d of service.requiredDocuments.filter((d) => !d.channels || d.channels.includes(channel)).slice(0, room - 2)) {
      lines.push(<Line key={d.id} width={width} dim>{`${d.required ? '*' : ' '} ${pick(d.title, lang)}`}</Line>);
    }
    files.slice(-(room - lines.length)).forEach((f, i) => lines.push(<Line key={`f${i}`} width={width}>{`+ ${f.name} (${sizeText(f.content.byteLength)})`}</Line>));
  } else if (step === 'confirm' && service) {
    const applicant = (answers.applicant ?? {}) as Record<string, string>;
    lines.push(<Para key="sum" width={width} lines={3}>{t('tui.intake.summary', { service: pick(service.title, lang), applicant: [applicant.lastName, applicant.firstName, applicant.iin].filter(Boolean).join(' '), files: files.length })}</Para>);
  }
  const hint = step === 'choose' ? t('tui.intake.service') : step === 'files' ? t('tui.intake.files') : t('tui.intake.confirm');
  return (
    <Box flexDirection="column">
      <Line width={width} bold>{title}</Line>
      <Para width={width} lines={2}>{hint}</Para>
      {lines}
      <Para width={width} lines={2}>{message}</Para>
    </Box>
  );
}
