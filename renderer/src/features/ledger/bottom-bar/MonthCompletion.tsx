/**
 * 标记本月完成 / 撤销完成 for the month in focus. The backend checks the
 * rules; when only warnings stand in the way it answers with them, and the
 * clerk explains each before trying again.
 */
import { useState } from 'react';
import { explanationKey, type CompletionRefusal, type MonthStatus } from '../../../../../shared/api/methods/months';
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

export function MonthCompletion({ templateId, year, month, status, onStatus, onNotice }: Props) {
  const [warnings, setWarnings] = useState<CompletionRefusal['unexplained'] | null>(null);
  const [explanations, setExplanations] = useState<Record<string, string>>({});
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');

  if (month === null) return <span className="muted">{t('ledger.month.none')}</span>;

  async function complete(withExplanations: Record<string, string>) {
    if (month === null) return;
    const r = await api.call('months.complete', { templateId, year, month, explanations: withExplanations });
    if (r.ok) {
      setWarnings(null);
      onStatus(r.data);
      return onNotice(t('ledger.completeDone', { month }));
    }
    const details = r.error.details as CompletionRefusal | undefined;
    if (r.error.code === 'rule_errors' && details && details.errors.length === 0 && details.unexplained.length > 0) {
      setWarnings(details.unexplained);
    }
    onNotice(r.error.message);
  }

  async function reopen() {
    if (month === null) return;
    const r = await api.call('months.reopen', { templateId, year, month, reason });
    if (!r.ok) return onNotice(r.error.message);
    setReopening(false);
    setReason('');
    onStatus(r.data);
    onNotice(t('ledger.reopenDone', { month }));
  }

  const done = status?.completed === true;
  return (
    <div className="month-completion" data-testid="month-completion">
      <span data-testid="month-state" data-completed={String(done)}>
        {done
          ? t('ledger.month.done', { month, by: status.completedBy ?? '', at: new Date(status.completedAt ?? '').toLocaleString('zh-CN') })
          : t('ledger.month.open', { month })}
      </span>
      {done ? (
        <button type="button" onClick={() => setReopening(true)}>
          {t('ledger.reopen')}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void complete({})}>
          {t('ledger.complete')}
        </button>
      )}
      {warnings && !done && (
        <form
          className="inline-dialog"
          role="dialog"
          aria-label={t('ledger.explainTitle')}
          onSubmit={(e) => {
            e.preventDefault();
            void complete(explanations);
          }}
        >
          <p>{t('ledger.explainTitle')}</p>
          {warnings.map((w) => {
            const k = w.key || explanationKey(w.scope, w.checkId);
            return (
              <label key={k}>
                {w.message}
                <input
                  aria-label={t('ledger.explainLabel', { message: w.message })}
                  value={explanations[k] ?? ''}
                  maxLength={500}
                  onChange={(e) => setExplanations({ ...explanations, [k]: e.target.value })}
                />
              </label>
            );
          })}
          <button type="submit" className="primary">
            {t('ledger.explainSubmit')}
          </button>
          <button type="button" onClick={() => setWarnings(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {reopening && done && (
        <form
          className="inline-dialog"
          role="dialog"
          aria-label={t('ledger.reopen')}
          onSubmit={(e) => {
            e.preventDefault();
            void reopen();
          }}
        >
          <label>
            {t('ledger.reopenReason')}
            <input aria-label={t('ledger.reopenReason')} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} autoFocus />
          </label>
          <button type="submit" className="primary">
            {t('ledger.reopenSubmit')}
          </button>
          <button type="button" onClick={() => setReopening(false)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
