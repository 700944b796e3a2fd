/**
 * 导出: pick a template and a period (a month, a range of months or the year),
 * export the submission workbook — or a blank template — and save it (save
 * dialog on the desktop, a download in the browser).
 */
import { shortFingerprint } from '../../../../shared/text/readableCode';
import { useState } from 'react';
import type { ExportKind } from '../../../../shared/workbook/format';
import { lastEndedMonth, monthPeriod, type Period } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useAppStatus } from '../../app/AppStatusContext';
import { t } from '../../i18n/catalog';
import { base64ToBytes, saveBytes } from '../../platform/files';
import './export.css';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Outcome = { kind: 'ok'; text: string; notice: string | null; fingerprint: string } | { kind: 'error'; text: string };

export function ExportPage() {
  const { status } = useAppStatus();
  const now = new Date();
  const [templateId, setTemplateId] = useState(status.settings.defaultTemplateId);
  // The month just ended, not the one still being filled.
  const [period, setPeriod] = useState<Period>(() => {
    const ended = lastEndedMonth({ year: now.getFullYear(), month: now.getMonth() + 1 });
    return monthPeriod(ended.year, ended.month);
  });
  const [running, setRunning] = useState<ExportKind | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const templates = useApiQuery('templates.list', {}).data ?? [];


  async function run(kind: ExportKind) {
    setRunning(kind);
    setOutcome(null);
    try {
      const r = await api.call('export.workbook', { templateId, period, kind });
      if (!r.ok) return setOutcome({ kind: 'error', text: t('export.failed', { message: r.error.message }) });
      const saved = await saveBytes(r.data.fileName, base64ToBytes(r.data.base64), XLSX_MIME);
      if (!saved.saved) return setOutcome({ kind: 'error', text: t('export.cancelled') });
      const text =
        kind === 'blank'
          ? t('export.savedBlank', { fileName: saved.path ?? r.data.fileName })
          : t('export.saved', { fileName: saved.path ?? r.data.fileName, revision: r.data.revision });
      setOutcome({ kind: 'ok', text, notice: r.data.notice, fingerprint: r.data.fingerprint });
    } catch (e) {
      setOutcome({ kind: 'error', text: t('export.failed', { message: (e as Error).message }) });
    } finally {
      setRunning(null);
    }
  }

  return (
    <section className="export-page">
      <h1>{t('export.title')}</h1>
      <p className="muted">{t('export.hint')}</p>
      <div className="card export-form">
        <label>
          {t('export.template')}
          <select aria-label={t('export.template')} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </select>
        </label>
        <div className="export-period">
          <PeriodPicker period={period} onChange={setPeriod} />
        </div>
        <div className="export-actions">
          <button className="primary" disabled={running !== null} onClick={() => void run('submission')}>
            {t('export.submission')}
          </button>
          {status.role === 'aggregator' && (
            <button disabled={running !== null} onClick={() => void run('bundle')}>
              {t('export.bundle')}
            </button>
          )}
          <button disabled={running !== null} onClick={() => void run('blank')}>
            {t('export.blank')}
          </button>
        </div>
        {running && (
          <div className="export-progress" role="status" aria-live="polite">
            <progress aria-label={t('export.running')} />
            <span>{t('export.running')}</span>
          </div>
        )}
        {outcome?.kind === 'ok' && (
          <div role="status" className="export-result">
            <p>{outcome.text}</p>
            {outcome.notice && <p className="warn">{outcome.notice}</p>}
            <p className="muted fingerprint" title={outcome.fingerprint}>
              {t('export.fingerprint', { fingerprint: shortFingerprint(outcome.fingerprint) })}
            </p>
          </div>
        )}
        {outcome?.kind === 'error' && (
          <p role="alert" className="error">
            {outcome.text}
          </p>
        )}
      </div>
    </section>
  );
}
