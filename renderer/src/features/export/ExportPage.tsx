/**
 * 导出: pick a template and a period (a month, a range of months or the year),
 * export the submission workbook — or a blank template — and save it (save
 * dialog on the desktop, a download in the browser).
 */
import type { Output } from '../../../../shared/api/contract';
import { shortFingerprint } from '../../../../shared/text/readableCode';
import { useState } from 'react';
import type { ExportKind } from '../../../../shared/workbook/format';
import { formatPeriodLabel, lastEndedMonth, monthPeriod, type Period } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { ConfirmPanel } from '../../components/ConfirmPanel';
import { PeriodPicker } from '../../components/PeriodPicker';
import { useAppStatus } from '../../app/AppStatusContext';
import { useSelectedPeriod, useSelectedTemplate } from '../../app/contextSelection';
import { t } from '../../i18n/catalog';
import { base64ToBytes, saveBytes } from '../../platform/files';
import './export.css';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function justEnded(): Period {
  const now = new Date();
  const ended = lastEndedMonth({ year: now.getFullYear(), month: now.getMonth() + 1 });
  return monthPeriod(ended.year, ended.month);
}

type Outcome = { kind: 'ok'; text: string; notice: string | null; fingerprint: string } | { kind: 'error'; text: string };
type Exported = Output<'export.workbook'>;
/** A workbook made for a period with no figure at all, waiting for the clerk to say whether to save it. */
interface EmptyPending {
  kind: ExportKind;
  data: Exported;
}

export function ExportPage() {
  const { status } = useAppStatus();
  const [templateId, setTemplateId] = useSelectedTemplate(status.settings.defaultTemplateId);
  // Unless a period was chosen: the month just ended, not the one still being filled.
  const [period, setPeriod] = useSelectedPeriod(justEnded());
  const [running, setRunning] = useState<ExportKind | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [emptyPending, setEmptyPending] = useState<EmptyPending | null>(null);

  const templates = useApiQuery('templates.list', {}).data ?? [];
  // What the office will see of this period, said before anything is saved (docs/submission-status.md).
  const check = useApiQuery('export.check', { templateId, period }).data;


  async function run(kind: ExportKind) {
    setRunning(kind);
    setOutcome(null);
    setEmptyPending(null);
    try {
      const r = await api.call('export.workbook', { templateId, period, kind });
      if (!r.ok) return setOutcome({ kind: 'error', text: t('export.failed', { message: r.error.message }) });
      // An empty submission is usually the wrong period: say so before anything is saved.
      if (kind !== 'blank' && r.data.empty) return setEmptyPending({ kind, data: r.data });
      await save(kind, r.data);
    } catch (e) {
      setOutcome({ kind: 'error', text: t('export.failed', { message: (e as Error).message }) });
    } finally {
      setRunning(null);
    }
  }

  async function save(kind: ExportKind, data: Exported) {
    const saved = await saveBytes(data.fileName, base64ToBytes(data.base64), XLSX_MIME);
    if (!saved.saved) return setOutcome({ kind: 'error', text: t('export.cancelled') });
    const text =
      kind === 'blank'
        ? t('export.savedBlank', { fileName: saved.path ?? data.fileName })
        : t('export.saved', { fileName: saved.path ?? data.fileName, revision: data.revision });
    setOutcome({ kind: 'ok', text, notice: data.notice, fingerprint: data.fingerprint });
  }

  async function saveEmpty() {
    if (!emptyPending) return;
    const pending = emptyPending;
    setEmptyPending(null);
    try {
      await save(pending.kind, pending.data);
    } catch (e) {
      setOutcome({ kind: 'error', text: t('export.failed', { message: (e as Error).message }) });
    }
  }

  return (
    <section className="export-page">
      <h1>{t('export.title')}</h1>
      <p className="muted">{t('export.hint')}</p>
      <div className="card export-form">
        <label>
          {t('export.template')}
          <select aria-label={t('export.template')} value={templateId} onChange={(e) => {
              setTemplateId(e.target.value);
              setEmptyPending(null);
            }}>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </select>
        </label>
        <div className="export-period">
          <PeriodPicker
            period={period}
            onChange={(p) => {
              setPeriod(p);
              setEmptyPending(null);
            }}
          />
        </div>
        {check && (
          <p className={check.ok ? 'muted export-check' : 'warn export-check'} data-testid="export-check">
            {t(check.ok ? 'export.checkOk' : 'export.checkWarn', { summary: check.summary })}
          </p>
        )}
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
        {emptyPending && (
          <ConfirmPanel confirmLabel={t('export.emptySave')} cancelLabel={t('export.emptyCancel')} onConfirm={() => void saveEmpty()} onCancel={() => setEmptyPending(null)}>
            {t('export.emptyAsk', { period: formatPeriodLabel(period) })}
          </ConfirmPanel>
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
