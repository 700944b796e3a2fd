/** One report table with its merged cells, its broken rules underneath, and a copy button (tab-separated). */
import { gridTsv } from '../../../../shared/report/grids';
import type { DraftTable } from '../../../../shared/report/model';
import { t } from '../../i18n/catalog';
import { CopyButton } from './CopyButton';

export function DraftTableView({ table, showTitle }: { table: DraftTable; showTitle: boolean }) {
  return (
    <figure className="report-table" data-testid={`report-table-${table.id}`}>
      <figcaption>
        {showTitle && <strong>{table.title}</strong>}
        <CopyButton text={gridTsv(table)} label="report.copyTable" name={table.title} />
      </figcaption>
      <table>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((c, i) => {
                const className = [`cell-${c.kind}`, c.flagged ? 'cell-flagged' : ''].filter(Boolean).join(' ');
                const content = c.text.split('\n').map((line, k) => (k === 0 ? line : [<br key={k} />, line]));
                return c.kind === 'value' ? (
                  <td key={i} className={className} colSpan={c.colSpan} rowSpan={c.rowSpan} data-ref={c.ref}>
                    {content}
                  </td>
                ) : (
                  <th key={i} className={className} colSpan={c.colSpan} rowSpan={c.rowSpan}>
                    {content}
                  </th>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {table.violations.length > 0 && (
        <ul className="report-violations" role="alert">
          {table.violations.map((v) => (
            <li key={v.checkId} className={v.severity}>
              <strong>{v.severity === 'error' ? t('report.violationError') : t('report.violationWarning')}</strong>：{v.message}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}
