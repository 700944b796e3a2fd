/** The 催报 list: who to chase for which months, copied as tab-separated text or saved as .xlsx. */
import { useRef, useState } from 'react';
import type { Reminders } from '../../../../shared/api/methods/office';
import { formatDateLabel } from '../../../../shared/office/dueDate';
import { api } from '../../api/client';
import { t } from '../../i18n/catalog';
import { base64ToBytes, saveBytes } from '../../platform/files';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const months = (list: number[]) => list.map((m) => t('common.monthN', { n: m })).join('、');

interface Props {
  reminders: Reminders;
  query: { templateId: string; year: number; rootCode?: string };
}

export function ReminderList({ reminders, query }: Props) {
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(reminders.tsv);
      setNotice({ text: t('office.reminders.copied', { n: reminders.rows.length }), error: false });
    } catch {
      text.current?.select();
      setNotice({ text: t('office.reminders.copyFailed'), error: true });
    }
  }

  async function exportXlsx() {
    const r = await api.call('office.remindersXlsx', { ...query, today: reminders.today });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    const saved = await saveBytes(r.data.fileName, base64ToBytes(r.data.base64), XLSX_MIME);
    if (saved.saved) setNotice({ text: t('office.reminders.exported', { file: saved.path ?? r.data.fileName }), error: false });
  }

  if (reminders.rows.length === 0) return <p className="muted">{t('office.reminders.none')}</p>;
  return (
    <div className="reminders">
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void copy()}>
          {t('office.reminders.copy')}
        </button>
        <button type="button" onClick={() => void exportXlsx()}>
          {t('office.reminders.export')}
        </button>
      </div>
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
      <table className="simple-grid" aria-label={t('office.reminders.title')}>
        <thead>
          <tr>
            <th>{t('directory.col.name')}</th>
            <th>{t('directory.col.code')}</th>
            <th>{t('office.reminders.months')}</th>
            <th>{t('office.reminders.overdue')}</th>
            <th>{t('office.reminders.due')}</th>
          </tr>
        </thead>
        <tbody>
          {reminders.rows.map((r) => (
            <tr key={r.code}>
              <td>{r.name}</td>
              <td>{r.code}</td>
              <td>{months(r.months)}</td>
              <td className={r.overdueMonths.length > 0 ? 'error' : undefined}>{months(r.overdueMonths)}</td>
              <td>{formatDateLabel(r.dueDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="reminder-text">
        {t('office.reminders.text')}
        <textarea ref={text} readOnly value={reminders.tsv} rows={Math.min(10, reminders.rows.length + 1)} onFocus={(e) => e.target.select()} />
      </label>
    </div>
  );
}
