/** The import log: every file brought in, by whom, when, and what came of it. */
import { useEffect } from 'react';
import { localDateTime } from '../../../../shared/office/dueDate';
import { useApiQuery } from '../../api/useApiQuery';
import { t } from '../../i18n/catalog';

export function ImportLogView({ version }: { version: number }) {
  const log = useApiQuery('import.log', { limit: 200 });
  const { reload } = log;
  useEffect(() => void reload(), [version, reload]);
  const rows = log.data?.entries ?? [];
  return (
    <>
      <h2>{t('import.log.title')}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t('import.log.empty')}</p>
      ) : (
        <table className="import-log" aria-label={t('import.log.title')}>
          <thead>
            <tr>
              <th>{t('import.log.time')}</th>
              <th>{t('import.col.file')}</th>
              <th>{t('import.col.unit')}</th>
              <th>{t('import.col.period')}</th>
              <th>{t('import.log.outcome')}</th>
              <th>{t('import.log.seal')}</th>
              <th>{t('import.log.operator')}</th>
              <th>{t('import.log.message')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{localDateTime(new Date(r.importedAt))}</td>
                <td title={r.sha256}>{r.fileName}</td>
                <td title={r.unitCode ?? undefined}>{r.unitName ?? r.unitCode ?? ''}</td>
                <td>{r.periodLabel ?? ''}</td>
                <td>{t(`import.outcome.${r.outcome}`)}</td>
                <td>{r.seal ? t(`import.seal.${r.seal}`) : ''}</td>
                <td>{r.operator}</td>
                <td>{r.message || (r.changedValues !== null ? t('common.count', { n: r.changedValues }) : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
