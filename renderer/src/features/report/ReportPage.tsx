/**
 * 年报草稿: the statistical parts of the annual report for a unit (or its
 * level) and a year — paragraphs and tables from one query, each copyable,
 * and the Word document to download.
 */
import { useState } from 'react';
import { unexplainedViolations } from '../../../../shared/report/model';
import { YearInput } from '../../components/YearInput';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { PrintButton } from '../../components/PrintButton';
import { useAppStatus } from '../../app/AppStatusContext';
import { useSelectedTemplate, useSelectedUnit, useSelectedYear } from '../../app/contextSelection';
import { t } from '../../i18n/catalog';
import { base64ToBytes, saveBytes } from '../../platform/files';
import { CopyButton } from './CopyButton';
import { DraftTableView } from './DraftTableView';
import './report.css';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function ReportPage() {
  const { status } = useAppStatus();
  const [unitCode, setUnitCode] = useSelectedUnit(status.unit?.code ?? '');
  const [level, setLevel] = useState(status.role === 'aggregator');
  const [templateId, setTemplateId] = useSelectedTemplate(status.settings.defaultTemplateId);
  const [download, setDownload] = useState('');

  // Unless a year was chosen: the latest year with figures (the demo's 2017, not an empty last year); the others are offered.
  const dataYears = useApiQuery('charts.years', { templateId, scope: { subtree: true } }).data;
  const [year, setYear] = useSelectedYear(dataYears && dataYears.length > 0 ? Math.max(...dataYears) : new Date().getFullYear() - 1);

  const units = useApiQuery('units.list', {}).data ?? [];
  const templates = useApiQuery('templates.list', {}).data ?? [];
  const target = { templateId, year, scope: { unitCode: unitCode || undefined, subtree: level } };
  const load = useApiQuery('report.draft', target);

  async function downloadDocx() {
    setDownload(t('report.downloading'));
    const r = await api.call('report.docx', target);
    if (!r.ok) return setDownload(r.error.message);
    const saved = await saveBytes(r.data.fileName, base64ToBytes(r.data.base64), DOCX_MIME);
    setDownload(saved.saved ? t('report.downloaded', { fileName: saved.path ?? r.data.fileName }) : '');
  }

  const draft = load.loading || load.error ? null : load.data;
  const unplaced = draft ? unexplainedViolations(draft) : [];
  const appendix = draft?.tables.filter((tb) => tb.section === 'appendix') ?? [];

  return (
    <section className="report-page">
      <div className="toolbar">
        <h1>{t('report.title')}</h1>
        <label>
          {t('report.template')}
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)} aria-label={t('report.template')}>
            {templates.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('report.unit')}
          <select value={unitCode} onChange={(e) => setUnitCode(e.target.value)} aria-label={t('report.unit')}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}（{u.code}）
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={level} onChange={(e) => setLevel(e.target.checked)} />
          {t('report.level')}
        </label>
        <YearInput
          year={year}
          years={dataYears ?? undefined}
          onChange={setYear}
        />
        <button className="primary" disabled={!draft} onClick={() => void downloadDocx()}>
          {t('report.download')}
        </button>
        <PrintButton target=".report-draft" title={draft?.title ?? ''} disabled={!draft} />
        {download && <span className="muted" role="status">{download}</span>}
      </div>

      {load.loading && !load.error && <p className="muted">{t('report.loading')}</p>}
      {load.error && (
        <p className="error" role="alert">
          {load.error}
        </p>
      )}
      {draft && (
        <article className="report-draft">
          <h2 className="report-title">{draft.title}</h2>
          {draft.violations.length > 0 && <p className="report-warning">{t('report.violationsIntro')}</p>}
          {draft.sections.map((s) => {
            const paragraphs = draft.paragraphs.filter((p) => p.section === s.id);
            const tables = draft.tables.filter((tb) => tb.section === s.id);
            return (
              <section key={s.id} className="report-section">
                <h3>{s.title}</h3>
                {draft.placeholders
                  .filter((p) => p.section === s.id)
                  .map((p) => (
                    <p key={p.text} className="report-placeholder" title={t('report.placeholder')}>
                      {p.text}
                    </p>
                  ))}
                {paragraphs.map((p) => (
                  <div key={p.id} className="report-paragraph" data-testid={`report-paragraph-${p.id}`}>
                    <div className="report-paragraph-text">
                      <p className="report-paragraph-body">{p.text}</p>
                      {p.explains.length > 0 && (
                        <p className="report-paragraph-flag" role="note">
                          {t('report.paragraphFlag', {
                            messages: draft.violations
                              .filter((v) => p.explains.includes(v.checkId))
                              .map((v) => v.message)
                              .join('；'),
                          })}
                        </p>
                      )}
                    </div>
                    <CopyButton text={p.text} label="report.copyParagraph" name={p.text.slice(0, 12)} />
                  </div>
                ))}
                {tables.map((tb) => (
                  <DraftTableView key={tb.id} table={tb} showTitle={false} />
                ))}
                {paragraphs.length === 0 && tables.length === 0 && !draft.placeholders.some((p) => p.section === s.id) && (
                  <p className="muted">{t('report.noParagraphs')}</p>
                )}
              </section>
            );
          })}
          {appendix.length > 0 && (
            <section className="report-section">
              <h3>{t('report.appendix')}</h3>
              {appendix.map((tb) => (
                <DraftTableView key={tb.id} table={tb} showTitle />
              ))}
            </section>
          )}
          {unplaced.length > 0 && (
            <ul className="report-violations" role="alert">
              {unplaced.map((v) => (
                <li key={v.checkId} className={v.severity}>
                  <strong>{v.severity === 'error' ? t('report.violationError') : t('report.violationWarning')}</strong>：{v.message}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t('report.emptyCellHint')}</p>
        </article>
      )}
    </section>
  );
}
