/** For the overview page: how many units have sent the month being collected, and who is still missing. */
import { formatDateLabel } from '../../../../shared/office/dueDate';
import { reportingYear } from '../../../../shared/values/period';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n/catalog';
import { STATUS_LOOK } from './submissionStatus';
import './office.css';

/**
 * Shown only beside the year being collected now: an overview of 2017 (the
 * demo) has no month "being collected", so a 2026 card there would mislead.
 */
export function SubmissionSummaryCard({ templateId, year }: { templateId: string; year: number }) {
  const now = new Date();
  const current = year === reportingYear({ year: now.getFullYear(), month: now.getMonth() + 1 });
  const { data: summary, error } = useApiQuery('office.summary', current ? { templateId } : null);

  if (!current) return null;
  if (error) return <section className="card error">{error}</section>;
  if (!summary) return <section className="card">{t('app.loading')}</section>;
  const title = t('office.summary.title', { year: summary.year, month: summary.month });
  return (
    <section className="card summary-card" aria-label={title}>
      <h2>{title}</h2>
      <p>
        <strong>{t('office.summary.received', { received: summary.received, expected: summary.expected })}</strong>
        <span className="muted"> {t('office.summary.due', { date: formatDateLabel(summary.dueDate) })}</span>
      </p>
      <meter min={0} max={Math.max(1, summary.expected)} value={summary.received} aria-label={t('office.summary.received', { received: summary.received, expected: summary.expected })} />
      {summary.expected === 0 ? (
        <p className="muted">{t('office.matrix.empty')}</p>
      ) : summary.missing.length === 0 ? (
        <p>{t('office.summary.allIn')}</p>
      ) : (
        <>
          <h3>{t('office.summary.missing')}</h3>
          <ul className="summary-missing">
            {summary.missing.map((u) => {
              const look = STATUS_LOOK[u.overdue ? 'overdue' : 'missing'];
              return (
                <li key={u.code}>
                  <span className={`status-chip status-${u.overdue ? 'overdue' : 'missing'}`} aria-hidden="true">
                    {look.icon}
                  </span>
                  {u.name}（{u.code}）<span className="muted">{t(look.label)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
