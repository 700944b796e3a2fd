/**
 * The 催报 list: who to chase for which months, copied as tab-separated text
 * or saved as .xlsx, and the notice (通知) to send them with the date asked for.
 */
import { useRef, useState } from 'react';
import type { Reminders } from '../../../../shared/api/methods/office';
import { formatDateLabel, formatMonthRuns } from '../../../../shared/office/dueDate';
import { api } from '../../api/client';
import { PrintButton } from '../../components/PrintButton';
import { t } from '../../i18n/catalog';
import { base64ToBytes, saveBytes } from '../../platform/files';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Props {
  reminders: Reminders;
  query: { templateId: string; year: number; unitCode?: string };
}

export function ReminderList({ reminders: loaded, query }: Props) {
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  // The list again with another reply-by date, for as long as the page shows the same list.
  const [redated, setRedated] = useState<{ from: Reminders; to: Reminders } | null>(null);
  const reminders = redated?.from === loaded ? redated.to : loaded;
  const text = useRef<HTMLTextAreaElement>(null);

  async function copy(value: string, done: string) {
    try {
      await navigator.clipboard.writeText(value);
      setNotice({ text: done, error: false });
    } catch {
      text.current?.select();
      setNotice({ text: t('office.reminders.copyFailed'), error: true });
    }
  }

  async function changeReplyBy(replyBy: string) {
    if (!replyBy) return;
    const r = await api.call('office.reminders', { ...query, today: loaded.today, replyBy });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    setRedated({ from: loaded, to: r.data });
  }

  async function exportXlsx() {
    const r = await api.call('office.remindersXlsx', { ...query, today: reminders.today, replyBy: reminders.replyBy });
    if (!r.ok) return setNotice({ text: r.error.message, error: true });
    const saved = await saveBytes(r.data.fileName, base64ToBytes(r.data.base64), XLSX_MIME);
    if (saved.saved) setNotice({ text: t('office.reminders.exported', { file: saved.path ?? r.data.fileName }), error: false });
  }

  if (reminders.rows.length === 0) return <p className="muted">{t('office.reminders.none')}</p>;
  return (
    <div className="reminders">
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => void copy(reminders.tsv, t('office.reminders.copied', { n: reminders.rows.length }))}>
          {t('office.reminders.copy')}
        </button>
        <button type="button" onClick={() => void copy(reminders.notice, t('office.reminders.noticeCopied', { n: reminders.rows.length }))}>
          {t('office.reminders.copyNotice')}
        </button>
        <button type="button" onClick={() => void exportXlsx()}>
          {t('office.reminders.export')}
        </button>
        <PrintButton target=".reminders table" label="print.reminders" title={t('print.title.reminders', { root: reminders.office.name, year: reminders.year, today: formatDateLabel(reminders.today) })} />
        <label>
          {t('office.reminders.replyBy')}
          <input type="date" value={reminders.replyBy} min={reminders.today} onChange={(e) => void changeReplyBy(e.target.value)} />
        </label>
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
              <td>{formatMonthRuns(r.months)}</td>
              <td className={r.overdueMonths.length > 0 ? 'error' : undefined}>{formatMonthRuns(r.overdueMonths)}</td>
              <td>{formatDateLabel(r.dueDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="reminder-text">
        {t('office.reminders.text')}
        <textarea ref={text} readOnly value={reminders.notice} rows={Math.min(16, reminders.rows.length + 9)} onFocus={(e) => e.target.select()} />
      </label>
    </div>
  );
}
