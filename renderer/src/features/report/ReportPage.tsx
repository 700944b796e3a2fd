/**
 * 年报草稿: the statistical parts of the annual report for a unit (or its
 * level) and a year — paragraphs and tables from one query, each copyable,
 * and the Word document to download.
 */
import { useEffect, useRef, useState } from 'react';
import type { TemplateSummary } from '../../../../shared/api/methods/core';
import type { Unit } from '../../../../shared/domain';
import { REPORT_SECTIONS, type ReportDraft } from '../../../../shared/report/model';
import { api } from '../../api/client';
import { PrintButton } from '../../components/PrintButton';
import { useAppStatus } from '../../app/AppStatusContext';
import { t } from '../../i18n/catalog';
import { base64ToBytes, saveBytes } from '../../platform/files';
import { CopyButton } from './CopyButton';
import { DraftTableView } from './DraftTableView';
import './report.css';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Load = { kind: 'loading' } | { kind: 'ready'; draft: ReportDraft } | { kind: 'refused'; message: string };

export function ReportPage() {
  const { status } = useAppStatus();
  const [units, setUnits] = useState<Unit[]>([]);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [unitCode, setUnitCode] = useState(status.unit?.code ?? '');
  const [level, setLevel] = useState(status.role === 'aggregator');
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [templateId, setTemplateId] = useState(status.settings.defaultTemplateId);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [download, setDownload] = useState('');
  const [dataYears, setDataYears] = useState<number[]>([]);
  const yearChosen = useRef(false);

  // Open on the latest year with figures (the demo's 2017, not an empty last year), and offer the others.
  useEffect(() => {
    void api.call('charts.years', { templateId }).then((r) => {
      if (!r.ok) return;
      setDataYears(r.data);
      if (!yearChosen.current && r.data.length > 0) setYear(Math.max(...r.data));
    });
  }, [templateId]);

  useEffect(() => {
    void api.request('units.list', {}).then(setUnits);
    void api.request('templates.list', {}).then(setTemplates);
  }, []);

  useEffect(() => {
    let current = true;
    setLoad({ kind: 'loading' });
    void api.call('report.draft', { templateId, year, unitCode: unitCode || undefined, level }).then((r) => {
      if (!current) return;
      setLoad(r.ok ? { kind: 'ready', draft: r.data } : { kind: 'refused', message: r.error.message });
    });
    return () => {
      current = false;
    };
  }, [templateId, year, unitCode, level]);

  async function downloadDocx() {
    setDownload(t('report.downloading'));
    const r = await api.call('report.docx', { templateId, year, unitCode: unitCode || undefined, level });
    if (!r.ok) return setDownload(r.error.message);
    const saved = await saveBytes(r.data.fileName, base64ToBytes(r.data.base64), DOCX_MIME);
    setDownload(saved.saved ? t('report.downloaded', { fileName: saved.path ?? r.data.fileName }) : '');
  }

  const draft = load.kind === 'ready' ? load.draft : null;
  const unplaced = draft ? draft.violations.filter((v) => !draft.tables.some((tb) => tb.violations.some((x) => x.checkId === v.checkId))) : [];
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
        <label>
          {t('report.year')}
          <input
            type="number"
            value={year}
            min={2000}
            max={2100}
            list="report-data-years"
            onChange={(e) => {
              yearChosen.current = true;
              setYear(Number(e.target.value));
            }}
            aria-label={t('report.year')}
          />
          <datalist id="report-data-years">
            {dataYears.map((y) => (
              <option key={y} value={y} />
            ))}
          </datalist>
        </label>
        <button className="primary" disabled={!draft} onClick={() => void downloadDocx()}>
          {t('report.download')}
        </button>
        <PrintButton target=".report-draft" title={draft?.title ?? ''} disabled={!draft} />
        {download && <span className="muted" role="status">{download}</span>}
      </div>

      {load.kind === 'loading' && <p className="muted">{t('report.loading')}</p>}
      {load.kind === 'refused' && (
        <p className="error" role="alert">
          {load.message}
        </p>
      )}
      {draft && (
        <article className="report-draft">
          <h2 className="report-title">{draft.title}</h2>
          {draft.violations.length > 0 && <p className="report-warning">{t('report.violationsIntro')}</p>}
          {REPORT_SECTIONS.map((s) => {
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
                      {p.violations.length > 0 && (
                        <p className="report-paragraph-flag" role="note">
                          {t('report.paragraphFlag', {
                            messages: draft.violations
                              .filter((v) => p.violations.includes(v.checkId))
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
