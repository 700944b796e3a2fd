/** The dry run (and, once applied, the outcome) of each file of a batch. */
import type { FilePlan } from '../../../../shared/api/methods/import';
import { t } from '../../i18n/catalog';

const shown = (v: number | null) => (v === null ? t('import.empty') : String(v));

function statusText(p: FilePlan): string {
  if (p.status === 'updated') return t('import.status.updated', { count: p.changedValues });
  return t(`import.status.${p.status}`);
}

export function PlanTable({ plans }: { plans: FilePlan[] }) {
  return (
    <table className="plan-table" aria-label={t('import.title')}>
      <thead>
        <tr>
          <th>{t('import.col.file')}</th>
          <th>{t('import.col.unit')}</th>
          <th>{t('import.col.period')}</th>
          <th>{t('import.col.template')}</th>
          <th>{t('import.col.revision')}</th>
          <th>{t('import.col.status')}</th>
          <th>{t('import.col.problems')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.index} className={`status-${p.status}`} data-file={p.name}>
            <td>{p.name}</td>
            <td>{p.unitName ? `${p.unitName}（${p.unitCode}）${p.units.length > 1 ? ` +${p.units.length - 1}` : ''}` : ''}</td>
            <td>{p.periodLabel ?? ''}</td>
            <td>{p.templateName ?? ''}</td>
            <td>{p.revision ?? ''}</td>
            <td className="status">
              {statusText(p)}
              {p.importId ? ' ✓' : ''}
            </td>
            <td>
              <ul className="problems">
                {p.problems.map((x, i) => (
                  <li key={`p${i}`} className="problem" data-code={x.code}>
                    {x.message}
                  </li>
                ))}
                {p.warnings.map((x, i) => (
                  <li key={`w${i}`} className="warning" data-code={x.code}>
                    {x.message}
                  </li>
                ))}
                {p.differences.length > 0 && (
                  <li>
                    {t('import.differences')}
                    <ul>
                      {p.differences.slice(0, 20).map((d) => (
                        <li key={`${d.sheet}!${d.cell}`}>
                          {t('import.diff', { where: `${d.sheet}!${d.cell}`, label: d.label, data: shown(d.data), visible: shown(d.visible) })}
                        </li>
                      ))}
                    </ul>
                  </li>
                )}
                {p.violations.slice(0, 10).map((v, i) => (
                  <li key={`v${i}`} className={`violation ${v.severity}`}>
                    {t('import.violation', { severity: t(`import.severity.${v.severity}`), unit: v.unitName, message: v.message })}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
