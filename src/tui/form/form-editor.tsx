import { Box, Text, useInput, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Field, FormDef } from '../../core/forms/field.js';
import type { Lang } from '../../core/i18n/text.js';
import type { FieldProblem } from '../../core/result.js';
import { draft, reduce, type Action } from './editor-actions.js';
import { focusedRow, initState, listRows, refit, type EditorState, type Env } from './editor-state.js';
import { formRows, sampleAnswers } from './fields.js';
import { actionForKey } from './keymap.js';
import { frameLayout, labelColumn, scrollTop, textAreaRows, type FrameLayout } from './layout.js';
import { detailLines, helpLine, rowLines, scrollLine, type Line, type LineContext, type Style } from './lines.js';
import { useFunctionKeys, type FunctionKey } from '../hooks/use-function-keys.js';
import { safeText } from '../../core/text-safety.js';

/** A key the editor offers the screen first (`extraKeys`). */
export interface FormKeyEvent {
  /** Text typed, as Ink's useInput gives it; '' for a function key. */
  readonly input: string;
  /** Ink's key flags; undefined for a function key. */
  readonly key?: Key;
  readonly fn?: FunctionKey;
}

/** What a screen's key handler may do with the editor. */
export interface FormEditorApi {
  /** The focused field, its dotted path with row positions ('applicant.iin', 'employment.0.name'); undefined on an "add a row" line. */
  readonly focused?: { readonly path: string; readonly field: Field };
  /** The answers as they stand: a draft, blank answers left out, not validated. */
  values(): Record<string, unknown>;
  /** Fills fields by dotted path, e.g. { 'applicant.lastName': 'Нұрланова' } after a registry look-up. */
  set(patch: Readonly<Record<string, unknown>>): void;
  /** As F2: validates and calls onSubmit, or shows the problems. */
  submit(): void;
}

export interface FormEditorProps {
  readonly form: FormDef;
  readonly lang: Lang;
  /** YYYY-MM-DD: bounds dates and years as the core does. */
  readonly today: string;
  /** Prefilled answers (a resumed draft, a result's prefill), typed or normalised. Read when the form is first shown. */
  readonly initial?: Readonly<Record<string, unknown>>;
  /** Rows the editor may use; it never draws more (at least 5). */
  readonly height: number;
  readonly width: number;
  /** No colour: the focused row is marked with '›' instead of inverse video. */
  readonly plain: boolean;
  readonly title?: string;
  /** Called only with answers that validateForm accepted, as it normalised them. */
  onSubmit(values: Record<string, unknown>): void;
  /** Esc: the screen decides whether to ask. */
  onCancel(): void;
  /** The draft after each committed change: a field left, a choice made, a row removed, a `set`. */
  onChange?(values: Record<string, unknown>): void;
  /** Sees every key first (F-keys too); returns true when it handled the key. */
  extraKeys?(event: FormKeyEvent, api: FormEditorApi): boolean;
  /** Shown in the key help line, e.g. "F3 registry". */
  readonly extraHelp?: string;
  /** Problems found after submission (e.g. by the request service): shown on their fields, focus on the first. */
  readonly problems?: readonly FieldProblem[];
  /** False while the screen shows something over the editor (a question): keys are left alone. */
  readonly active?: boolean;
}

function styleProps(style: Style | undefined, plain: boolean): Record<string, boolean | string> {
  if (!style || plain) return {};
  switch (style) {
    case 'focus':
    case 'caret':
      return { inverse: true };
    case 'error':
      return { color: 'red' };
    case 'dim':
      return { dimColor: true };
    case 'heading':
      return { bold: true };
  }
}

/** Segments are cleaned for the terminal as `fit` cleans every other line (components/line.tsx). */
function LineView({ line, plain }: { line: Line; plain: boolean }) {
  return (
    <Box height={1}>
      <Text wrap="truncate-end">
        {line.map((seg, i) => (
          <Text key={i} {...styleProps(seg.style, plain)}>{safeText(seg.text)}</Text>
        ))}
      </Text>
    </Box>
  );
}

/**
 * A questionnaire editor for the counter and for a certificate's content: any FormDef of the
 * core, one line per field, checked as the core checks it. Draws only on input, never on a timer.
 */
export function FormEditor(props: FormEditorProps) {
  const { form, lang, height, width, plain, title } = props;
  const latest = useRef(props);
  latest.current = props;
  const sample = useMemo(() => formRows(form, sampleAnswers(form.fields)), [form]);
  const hasTextArea = sample.some((r) => r.kind === 'field' && r.field.kind === 'multiline');
  const layoutFor = (rowCount: number): FrameLayout =>
    frameLayout(latest.current.height, latest.current.title !== undefined, rowCount, hasTextArea);
  const envFor = (s: EditorState): Env => ({ form: latest.current.form, today: latest.current.today, listHeight: layoutFor(s.rows.length).list });
  const state = useRef<EditorState | undefined>(undefined);
  const stateForm = useRef<FormDef | undefined>(undefined);
  if (stateForm.current !== form) {
    // Another form (the screen switched service) starts afresh, from this `initial`.
    stateForm.current = form;
    state.current = initState(form, props.initial, { form, today: props.today, listHeight: layoutFor(formRows(form, {}).length).list });
  }
  const [, setVersion] = useState(0);

  const dispatch = (action: Action): void => {
    const before = state.current!;
    const outcome = reduce(before, action, envFor(before));
    const next = refit(outcome.state, envFor(outcome.state));
    if (next !== before) {
      state.current = next;
      setVersion((v) => v + 1);
    }
    if (outcome.changed) latest.current.onChange?.(outcome.changed);
    if (outcome.submit) latest.current.onSubmit(outcome.submit);
    if (outcome.cancel) latest.current.onCancel();
  };

  const api = (): FormEditorApi => {
    const row = focusedRow(state.current!);
    return {
      ...(row?.kind === 'field' ? { focused: { path: row.path, field: row.field } } : {}),
      values: () => draft(state.current!, envFor(state.current!)),
      set: (patch) => dispatch({ type: 'set', patch }),
      submit: () => dispatch({ type: 'submit' }),
    };
  };

  const active = props.active !== false;
  useInput(
    (input, key) => {
      if (latest.current.extraKeys?.({ input, key }, api())) return;
      const action = actionForKey(input, key, focusedRow(state.current!));
      if (action) dispatch(action);
    },
    { isActive: active },
  );
  useFunctionKeys(
    (fn) => {
      if (latest.current.extraKeys?.({ input: '', fn }, api())) return;
      if (fn === 'f2') dispatch({ type: 'submit' });
    },
    { isActive: active },
  );

  useEffect(() => {
    if (props.problems?.length) dispatch({ type: 'problems', problems: props.problems });
    // Only a new list of problems is news; the dispatch closure changes every render.
  }, [props.problems]);

  const labelWidth = useMemo(() => labelColumn(sample, width), [sample, width]);
  const s = state.current!;
  const layout = layoutFor(s.rows.length);
  const focusIndex = s.rows.findIndex((r) => r.key === s.focus);
  // A resize may leave the stored window off the focus; this is the window for this size.
  const fit = listRows(s, layout.list);
  const top = scrollTop(s.rows, focusIndex, s.top, fit);
  const visible = s.rows.slice(top, top + fit);
  const ctx: LineContext = { form, lang, plain, width, labelWidth };
  const row = focusedRow(s);

  return (
    <Box flexDirection="column" width={width}>
      {layout.title ? <LineView line={[{ text: title ?? '', style: 'heading' }]} plain={plain} /> : null}
      {layout.scrollLines ? <LineView line={scrollLine('above', top, ctx)} plain={plain} /> : null}
      {visible.flatMap((r) =>
        rowLines(r, s, ctx, textAreaRows(layout.list)).map((line, i) => (
          <LineView key={i === 0 ? r.key : `${r.key}~${i}`} line={line} plain={plain} />
        )),
      )}
      {layout.scrollLines ? <LineView line={scrollLine('below', s.rows.length - top - visible.length, ctx)} plain={plain} /> : null}
      {detailLines(s, row, ctx, layout.detail).map((line, i) => (
        <LineView key={`detail-${i}`} line={line} plain={plain} />
      ))}
      <LineView line={helpLine(s, row, ctx, props.extraHelp)} plain={plain} />
    </Box>
  );
}
