/** Units × months as a completeness heatmap: colour, icon and text in every cell. */
import type { SubmissionMatrix } from '../../../../shared/api/methods/office';
import { formatDateLabel } from '../../../../shared/office/dueDate';
import { t } from '../../i18n/catalog';
import { STATUS_LOOK, STATUS_ORDER } from './submissionStatus';

export function SubmissionMatrixView({ matrix }: { matrix: SubmissionMatrix }) {
  if (matrix.rows.length === 0) return <p className="muted">{t('office.matrix.empty')}</p>;
  return (
    <>
      <ul className="status-legend" aria-label={t('office.matrix.legend')}>
        {STATUS_ORDER.map((s) => (
          <li key={s}>
            <span className={`status-chip status-${s}`} aria-hidden="true">
              {STATUS_LOOK[s].icon}
            </span>
            {t(STATUS_LOOK[s].label)}
          </li>
        ))}
      </ul>
      <div className="matrix-scroll">
        <table className="submission-matrix" aria-label={t('office.matrix.title')}>
          <caption>{t('office.matrix.caption', { root: matrix.root.name, year: matrix.year, today: formatDateLabel(matrix.today) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office.matrix.unit')}</th>
              <th scope="col">{t('office.matrix.dueDay')}</th>
              {matrix.months.map((m) => (
                <th key={m.month} scope="col">
                  {t('common.monthN', { n: m.month })}
                  <div className="muted small">{t('office.matrix.received', { received: m.received, expected: m.expected })}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((r) => (
              <tr key={r.code} data-unit={r.code}>
                <th scope="row" style={{ paddingLeft: 4 + (r.depth - 1) * 16 }}>
                  {r.name}
                  <span className="muted small"> {r.code}</span>
                </th>
                <td className="small">{t('directory.dueDay.own', { day: r.dueDay })}</td>
                {r.cells.map((c) => {
                  const look = STATUS_LOOK[c.status];
                  const status = t(look.label);
                  const detail = c.revision !== null && c.receivedAt ? t('office.matrix.cellRevision', { revision: c.revision, at: c.receivedAt.slice(0, 10) }) : t('office.matrix.cellDue', { date: formatDateLabel(c.dueDate) });
                  const label = `${t('office.matrix.cellLabel', { unit: r.name, month: c.month, status })}，${detail}`;
                  return (
                    <td key={c.month} className={`status-cell status-${c.status}`} data-status={c.status} aria-label={label} title={label}>
                      <span aria-hidden="true">{look.icon}</span> {status}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
