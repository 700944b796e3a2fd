/**
 * 标记本月完成 / 本月无数据 / 撤销完成 for the month in focus. The backend
 * checks the rules; what stands in the way opens a dialog in the middle of
 * the window (not a line under the grid, which a clerk on a small screen
 * never sees): the errors to fix, and each warning with its 说明 field —
 * filled with what was written before when a reopened month is completed
 * again.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { explanationKey, type CompletionRefusal, type CompletionViolation, type MonthStatus } from '../../../../../shared/api/methods/months';
import { localDateTime } from '../../../../../shared/office/dueDate';
import { api } from '../../../api/client';
import { t } from '../../../i18n/catalog';

interface Props {
  templateId: string;
  year: number;
  month: number | null;
  status: MonthStatus | undefined;
  onStatus(s: MonthStatus): void;
  onNotice(text: string): void;
}

/** What the dialog shows: why the last attempt was refused, the errors to fix, the warnings to explain. */
interface Refusal {
  message: string;
  errors: CompletionViolation[];
  warnings: CompletionViolation[];
  /** Refused again with the dialog open: the explanations given were not enough. */
  again: boolean;
}

const keyOf = (w: CompletionViolation) => w.key || explanationKey(w.scope, w.checkId);

export function MonthCompletion({ templateId, year, month, status, onStatus, onNotice }: Props) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const [reopenRefusal, setReopenRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (month === null) return <span className="muted">{t('ledger.month.none')}</span>;

  /** What the clerk wrote before (kept across a reopen), under what is being typed now. */
  const offered = () => ({ ...(status?.explanations ?? {}), ...explanations });

  async function complete(withExplanations: Record<string, string>) {
    if (month === null) return;
    setBusy(true);
    const r = await api.call('months.complete', { templateId, year, month, explanations: withExplanations }).finally(() => setBusy(false));
    if (r.ok) {
      setRefusal(null);
      setExplanations({});
      onStatus(r.data);
      return onNotice(t('ledger.completeDone', { month }));
    }
    const details = r.error.code === 'rule_errors' ? (r.error.details as CompletionRefusal | undefined) : undefined;
    setExplanations(withExplanations);
    setRefusal({ message: r.error.message, errors: details?.errors ?? [], warnings: details?.unexplained ?? [], again: refusal !== null });
  }

  async function declareNoData() {
    if (month === null) return;
    const r = await api.call('months.declareNoData', { templateId, year, month });
    if (!r.ok) return setRefusal({ message: r.error.message, errors: [], warnings: [], again: false });
    onStatus(r.data);
    onNotice(t('ledger.noDataDone', { month }));
  }

  async function reopen() {
    if (month === null) return;
    const r = await api.call('months.reopen', { templateId, year, month, reason });
    if (!r.ok) return setReopenRefusal(r.error.message);
    setReopenRefusal(null);
    setReopening(false);
    setReason('');
    onStatus(r.data);
    onNotice(t('ledger.reopenDone', { month }));
  }

  const done = status?.completed === true;
  return (
    <div className="month-completion" data-testid="month-completion">
      <span data-testid="month-state" data-completed={String(done)} data-no-data={String(status?.noData === true)}>
        {done
          ? t(status.noData ? 'ledger.month.noData' : 'ledger.month.done', {
              month,
              by: status.completedBy ?? '',
              at: localDateTime(new Date(status.completedAt ?? '')),
            })
          : t('ledger.month.open', { month })}
      </span>
      {done ? (
        <button type="button" onClick={() => setReopening(true)}>
          {t('ledger.reopen')}
        </button>
      ) : (
        <>
          <button type="button" className="primary" disabled={busy} onClick={() => void complete(offered())}>
            {t('ledger.complete')}
          </button>
          <button type="button" title={t('ledger.noDataHint')} onClick={() => void declareNoData()}>
            {t('ledger.noData')}
          </button>
        </>
      )}
      {refusal && !done && (
        <CompletionDialog
          month={month}
          refusal={refusal}
          explanations={explanations}
          busy={busy}
          onExplain={(k, text) => setExplanations({ ...explanations, [k]: text })}
          onSubmit={() => void complete(explanations)}
          onClose={() => setRefusal(null)}
        />
      )}
      {reopening && done && (
        <ModalDialog title={t('ledger.reopenTitle', { month })} onClose={() => setReopening(false)} testId="reopen-dialog">
          {reopenRefusal && (
            <p role="alert" className="error">
              {reopenRefusal}
            </p>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void reopen();
            }}
          >
            <label>
              {t('ledger.reopenReason')}
              <textarea value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} autoFocus />
            </label>
            <div className="dialog-actions">
              <button type="submit" className="primary">
                {t('ledger.reopenSubmit')}
              </button>
              <button type="button" onClick={() => setReopening(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        </ModalDialog>
      )}
    </div>
  );
}

function CompletionDialog(o: {
  month: number;
  refusal: Refusal;
  explanations: Record<string, string>;
  busy: boolean;
  onExplain(key: string, text: string): void;
  onSubmit(): void;
  onClose(): void;
}) {
  const { refusal } = o;
  const id = useId();
  const onlyWarnings = refusal.errors.length === 0 && refusal.warnings.length > 0;
  return (
    <ModalDialog title={t('ledger.completeTitle', { month: o.month })} onClose={o.onClose} testId="completion-dialog">
      <p role="alert" className={onlyWarnings ? 'warn' : 'error'} data-testid="completion-refusal">
        {onlyWarnings ? t(refusal.again ? 'ledger.explainAgain' : 'ledger.explainTitle') : refusal.message}
      </p>
      {refusal.errors.length > 0 && (
        <>
          <p>{t('ledger.completeErrors')}</p>
          <ul className="completion-errors">
            {refusal.errors.map((e) => (
              <li key={keyOf(e)} className="error">
                {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {refusal.warnings.length > 0 && (
        <form
          className="completion-explain"
          onSubmit={(e) => {
            e.preventDefault();
            o.onSubmit();
          }}
        >
          {refusal.warnings.map((w, i) => {
            const k = keyOf(w);
            const field = `${id}-${i}`;
            return (
              <div key={k} className="explain-item">
                <p className="warn">{w.message}</p>
                <label htmlFor={field}>{t('ledger.explainField')}</label>
                <textarea
                  id={field}
                  aria-label={t('ledger.explainLabel', { message: w.message })}
                  value={o.explanations[k] ?? ''}
                  maxLength={500}
                  rows={2}
                  autoFocus={i === 0}
                  placeholder={t('ledger.explainPlaceholder')}
                  onChange={(e) => o.onExplain(k, e.target.value)}
                />
              </div>
            );
          })}
          <div className="dialog-actions">
            <button type="submit" className="primary" disabled={o.busy || refusal.errors.length > 0}>
              {t('ledger.explainSubmit')}
            </button>
            <button type="button" onClick={o.onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {refusal.warnings.length === 0 && (
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={o.onClose} autoFocus>
            {t('ledger.completeClose')}
          </button>
        </div>
      )}
    </ModalDialog>
  );
}

/** A modal <dialog>: in the middle of the window whatever is scrolled, Esc closes it, focus stays inside. */
function ModalDialog({ title, onClose, testId, children }: { title: string; onClose(): void; testId: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="completion-dialog" aria-labelledby={titleId} data-testid={testId} onClose={onClose}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
