/** 导出汇总表 for the level and period on screen (the office.totals figures as a workbook). */
import { useState } from 'react';
import type { Period } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { t } from '../../i18n/catalog';
import { base64ToBytes, saveBytes } from '../../platform/files';

export function MergedExportButton({ templateId, period, unitCode }: { templateId: string; period: Period; unitCode?: string }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    const r = await api.call('office.totalsXlsx', { templateId, period, unitCode });
    setBusy(false);
    if (!r.ok) return setNote(r.error.message);
    await saveBytes(r.data.fileName, base64ToBytes(r.data.base64), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    setNote(t('import.merged.done', { name: r.data.fileName, reporting: r.data.reportingUnits, units: r.data.unitCount }));
  };
  return (
    <span className="merged-export">
      <button type="button" disabled={busy} onClick={() => void run()}>
        {t('import.merged.button')}
      </button>
      {note && <span role="status">{note}</span>}
    </span>
  );
}
