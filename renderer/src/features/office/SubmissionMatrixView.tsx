/** Units × months as a completeness heatmap: colour, icon and text in every cell. */
import { useState } from 'react';
import type { SubmissionMatrix } from '../../../../shared/api/methods/office';
import { formatDateLabel } from '../../../../shared/office/dueDate';
import { t } from '../../i18n/catalog';
import { viewMatrixRows, type MatrixShow, type MatrixSort } from './matrixView';
import { STATUS_LOOK, STATUS_ORDER } from './submissionStatus';

/** onOpenUnit: look into a unit's ledger (read only) from its row. */
export function SubmissionMatrixView({ matrix, onOpenUnit }: { matrix: SubmissionMatrix; onOpenUnit?(unit: { code: string; name: string }): void }) {
  const [show, setShow] = useState<MatrixShow>('all');
  const [sort, setSort] = useState<MatrixSort>('tree');
  /** The unit-month whose explanations are shown under the matrix. */
  const [open, setOpen] = useState<{ unit: string; code: string; month: number } | null>(null);
  const opened = open ? matrix.rows.find((r) => r.code === open.code)?.cells[open.month - 1] : undefined;
  if (matrix.rows.length === 0) return <p className="muted">{t('office.matrix.empty')}</p>;
  const rows = viewMatrixRows(matrix.rows, show, sort);
  return (
    <>
      <div className="toolbar matrix-view">
        <label className="inline">
          {t('office.matrix.show')}
          <select aria-label={t('office.matrix.show')} value={show} onChange={(e) => setShow(e.target.value as MatrixShow)}>
            <option value="all">{t('office.matrix.show.all')}</option>
            <option value="missing">{t('office.matrix.show.missing')}</option>
            <option value="overdue">{t('office.matrix.show.overdue')}</option>
          </select>
        </label>
        <label className="inline">
          {t('office.matrix.sort')}
          <select aria-label={t('office.matrix.sort')} value={sort} onChange={(e) => setSort(e.target.value as MatrixSort)}>
            <option value="tree">{t('office.matrix.sort.tree')}</option>
            <option value="name">{t('office.matrix.sort.name')}</option>
            <option value="missing">{t('office.matrix.sort.missing')}</option>
          </select>
        </label>
        <span className="muted" aria-live="polite" data-testid="matrix-shown">
          {t('office.matrix.shown', { shown: rows.length, total: matrix.rows.length })}
        </span>
      </div>
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
            {rows.length === 0 && (
              <tr>
                <td colSpan={matrix.months.length + 2} className="muted">
                  {t('office.matrix.noneShown')}
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.code} data-unit={r.code}>
                <th scope="row" style={{ paddingLeft: sort === 'tree' ? 4 + (r.depth - 1) * 16 : 4 }}>
                  {onOpenUnit ? (
                    <button type="button" className="link-button" onClick={() => onOpenUnit({ code: r.code, name: r.name })} title={t('unitLedger.openNamed', { name: r.name })} aria-label={t('unitLedger.openNamed', { name: r.name })}>
                      {r.name}
                    </button>
                  ) : (
                    r.name
                  )}
                  <span className="muted small"> {r.code}</span>
                </th>
                <td className="small">{t('directory.dueDay.own', { day: r.dueDay })}</td>
                {r.cells.map((c) => {
                  const look = STATUS_LOOK[c.status];
                  const status = t(look.label);
                  const detail = c.revision !== null && c.receivedAt ? t('office.matrix.cellRevision', { revision: c.revision, at: c.receivedAt.slice(0, 10) }) : t('office.matrix.cellDue', { date: formatDateLabel(c.dueDate) });
                  const why = c.notCounted ? `，${t(c.notCounted === 'empty' ? 'office.matrix.notCounted.empty' : 'office.matrix.notCounted.early')}` : '';
                  const seal = c.seal ? `，${t(`office.matrix.seal.${c.seal}`)}` : '';
                  const label = `${t('office.matrix.cellLabel', { unit: r.name, month: c.month, status })}，${detail}${why}${seal}`;
                  return (
                    <td key={c.month} className={`status-cell status-${c.status}`} data-status={c.status} data-not-counted={c.notCounted ?? undefined} data-seal={c.seal ?? undefined} aria-label={label} title={label}>
                      <span aria-hidden="true">{look.icon}</span> {status}
                      {c.seal && c.seal !== 'signed' ? (
                        <span className={`seal-mark seal-${c.seal}`} data-seal={c.seal}>
                          {t(`office.matrix.seal.${c.seal}`)}
                        </span>
                      ) : null}
                      {c.explanations.length > 0 && (
                        <button
                          type="button"
                          className="link explain-link"
                          aria-label={t('office.matrix.explanationsOpen', { unit: r.name, month: c.month, n: c.explanations.length })}
                          onClick={() => setOpen({ unit: r.name, code: r.code, month: c.month })}
                        >
                          {t('office.matrix.explanationsShort')}
                        </button>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {opened && open && (
        <section className="card explanations-panel" aria-label={t('office.matrix.explanationsTitle', { unit: open.unit, month: open.month })} data-testid="matrix-explanations">
          <h3>{t('office.matrix.explanationsTitle', { unit: open.unit, month: open.month })}</h3>
          <dl>
            {opened.explanations.map((e, i) => (
              <div key={i}>
                <dt className="warn">{e.message}</dt>
                <dd>{e.explanation}</dd>
              </div>
            ))}
          </dl>
          <button type="button" onClick={() => setOpen(null)}>
            {t('common.close')}
          </button>
        </section>
      )}
    </>
  );
}
