/**
 * An office looks into one unit's ledger: every figure by month and for the
 * year, read only, and each value's history (who changed it, when, from what
 * — an import, an entry). Opened from 单位名录 and from 报送汇总.
 */
import { useEffect, useRef, useState } from 'react';
import { ValueHistoryList } from '../../components/ValueHistoryList';
import { figureText } from '../../../../shared/values/numberFormat';
import { useApiQuery } from '../../api/useApiQuery';
import { YearInput } from '../../components/YearInput';
import { t } from '../../i18n/catalog';
import { unitLedgerSections, type UnitLedgerRow } from './unitLedgerRows';
import './unitLedger.css';

export interface UnitLedgerTarget {
  unitCode: string;
  unitName: string;
  templateId: string;
  year: number;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];


export function UnitLedgerDialog({ target, onClose }: { target: UnitLedgerTarget; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [year, setYear] = useState(target.year);
  const [templateId, setTemplateId] = useState(target.templateId);
  const [picked, setPicked] = useState<{ row: UnitLedgerRow; month: number } | null>(null);
  const templates = useApiQuery('templates.list', {}).data ?? [];
  const template = useApiQuery('templates.get', { templateId });
  const yearsQuery = useApiQuery('charts.years', { templateId, scope: { unitCode: target.unitCode, subtree: false } });
  const years = yearsQuery.data ?? [];
  // Opened on a year the unit has no figure for, it shows the latest year it has (once; the user may pick any).
  const settled = useRef(false);
  useEffect(() => {
    if (settled.current || !yearsQuery.data) return;
    settled.current = true;
    if (yearsQuery.data.length > 0 && !yearsQuery.data.includes(target.year)) setYear(yearsQuery.data[0]);
  }, [yearsQuery.data, target.year]);
  const values = useApiQuery('values.getYear', { templateId, year, unitCode: target.unitCode });
  const history = useApiQuery(
    'values.history',
    picked ? { templateId, year, month: picked.month, indicator: picked.row.cell.indicator, col: picked.row.cell.col, unitCode: target.unitCode } : null,
  );

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => setPicked(null), [year, templateId]);

  const sections = template.data && values.data ? unitLedgerSections(template.data, values.data.values) : null;
  const entered = values.data?.values.length ?? 0;
  const title = t('unitLedger.title', { unit: target.unitName, code: target.unitCode });

  return (
    <dialog ref={ref} className="unit-ledger" aria-label={title} data-testid="unit-ledger" onClose={onClose}>
      <div className="unit-ledger-head">
        <h2>{title}</h2>
        <span className="badge read-only">{t('unitLedger.readOnly')}</span>
        <form method="dialog">
          <button type="submit">{t('common.close')}</button>
        </form>
      </div>
      <p className="muted">{t('unitLedger.hint')}</p>
      <div className="toolbar">
        <YearInput year={year} onChange={setYear} years={years} />
        {templates.length > 1 && (
          <label>
            {t('common.template')}
            <select aria-label={t('common.template')} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>
                  {tpl.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="muted" data-testid="unit-ledger-count">
          {values.loading ? t('app.loading') : t('unitLedger.count', { year, n: entered })}
        </span>
      </div>
      {values.error && (
        <p role="alert" className="error">
          {values.error}
        </p>
      )}
      <div className="unit-ledger-body">
        <div className="unit-ledger-scroll">
          {sections && (
            <table className="unit-ledger-table">
              <thead>
                <tr>
                  <th scope="col">{t('unitLedger.indicator')}</th>
                  {MONTHS.map((m) => (
                    <th key={m} scope="col">
                      {t('common.monthN', { n: m })}
                    </th>
                  ))}
                  <th scope="col">{t('common.yearTotal')}</th>
                </tr>
              </thead>
              {sections.map((s) => (
                <tbody key={s.code}>
                  <tr className="section-row">
                    <th colSpan={14} scope="rowgroup">
                      {s.title}
                    </th>
                  </tr>
                  {s.rows.map((row) => (
                    <tr key={row.cell.ref}>
                      <th scope="row">
                        {row.cell.label}
                        <span className="muted small">（{row.cell.measure}）</span>
                      </th>
                      {MONTHS.map((m) => {
                        const v = row.months[m];
                        const on = picked?.row.cell.ref === row.cell.ref && picked.month === m;
                        return (
                          <td key={m} className={on ? 'picked' : undefined}>
                            <button
                              type="button"
                              className="value"
                              aria-pressed={on}
                              aria-label={t('unitLedger.cell', { label: row.cell.label, month: m, value: v === null ? t('ledger.details.empty') : figureText(v, row.cell) })}
                              onClick={() => setPicked({ row, month: m })}
                            >
                              {figureText(v, row.cell)}
                            </button>
                          </td>
                        );
                      })}
                      <td className="year">{figureText(row.year, row.cell)}</td>
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          )}
        </div>
        <aside className="unit-ledger-side" aria-label={t('ledger.details.history')}>
          <h3>{t('ledger.details.history')}</h3>
          {!picked ? (
            <p className="muted">{t('unitLedger.pick')}</p>
          ) : (
            <>
              <p>
                <strong>{picked.row.cell.label}</strong> · {t('common.monthN', { n: picked.month })}
              </p>
              {history.loading ? <p className="muted">{t('app.loading')}</p> : <ValueHistoryList entries={history.data ?? []} precision={picked.row.cell} testId="unit-ledger-history" />}
            </>
          )}
        </aside>
      </div>
    </dialog>
  );
}
