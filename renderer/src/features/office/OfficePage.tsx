/** 报送汇总: who has reported (matrix and 催报 list), merged totals by level, and unit-to-parent comparison. */
import { useCallback, useEffect, useState } from 'react';
import type { TemplateSummary } from '../../../../shared/api/methods/core';
import type { DirectoryUnit } from '../../../../shared/api/methods/directory';
import type { Reminders, SubmissionMatrix } from '../../../../shared/api/methods/office';
import type { Template } from '../../../../shared/template/schema';
import { reportingYear } from '../../../../shared/values/period';
import { api } from '../../api/client';
import { useAppStatus } from '../../app/AppStatusContext';
import { t, type MessageKey } from '../../i18n/catalog';
import { CompareView } from './CompareView';
import { ReminderList } from './ReminderList';
import { SubmissionMatrixView } from './SubmissionMatrixView';
import { TotalsView } from './TotalsView';
import { UnitSelect } from './UnitSelect';
import './office.css';
import { MergedExportButton } from '../import/MergedExportButton';
import { PrintButton } from '../../components/PrintButton';
import { formatDateLabel } from '../../../../shared/office/dueDate';

type Tab = 'matrix' | 'totals' | 'compare';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'matrix', label: 'office.matrix.title' },
  { id: 'totals', label: 'office.totals.title' },
  { id: 'compare', label: 'office.compare.title' },
];

export function OfficePage() {
  const { status } = useAppStatus();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [templateId, setTemplateId] = useState(status.settings.defaultTemplateId);
  const [template, setTemplate] = useState<Template | null>(null);
  // The month just ended is the one being collected: in January, last year's December.
  const [year, setYear] = useState(() => reportingYear({ year: new Date().getFullYear(), month: new Date().getMonth() + 1 }));
  const [units, setUnits] = useState<DirectoryUnit[]>([]);
  const [rootCode, setRootCode] = useState(status.unit?.code ?? '');
  const [matrix, setMatrix] = useState<SubmissionMatrix | null>(null);
  const [reminders, setReminders] = useState<Reminders | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('matrix');

  useEffect(() => {
    void api.request('templates.list', {}).then(setTemplates);
    void api.request('units.tree', { includeInactive: true }).then(setUnits);
  }, []);

  useEffect(() => {
    void api.request('templates.get', { templateId }).then(setTemplate);
  }, [templateId]);

  const loadMatrix = useCallback(async () => {
    const query = { templateId, year, rootCode: rootCode || undefined };
    const [m, r] = await Promise.all([api.call('office.matrix', query), api.call('office.reminders', query)]);
    if (!m.ok) return setError(m.error.message);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setMatrix(m.data);
    setReminders(r.data);
  }, [templateId, year, rootCode]);

  useEffect(() => {
    void loadMatrix();
  }, [loadMatrix]);

  // Levels are units with something below them.
  const levels = units.filter((u) => u.childCount > 0 || u.isSelf);
  return (
    <section className="office-page">
      <div className="toolbar">
        <h1>{t('office.title')}</h1>
        <label>
          {t('office.template')}
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            {templates.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('office.year')}
          <input type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
        </label>
      </div>
      <div role="tablist" className="tabs" aria-label={t('office.title')}>
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`office-tab-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`office-panel-${x.id}`}
            className={tab === x.id ? 'active' : ''}
            onClick={() => setTab(x.id)}
            onKeyDown={(e) => {
              const i = TABS.findIndex((y) => y.id === tab);
              const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
              if (next < 0) return;
              setTab(TABS[next].id);
              document.getElementById(`office-tab-${TABS[next].id}`)?.focus();
            }}
            tabIndex={tab === x.id ? 0 : -1}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div role="tabpanel" id={`office-panel-${tab}`} aria-labelledby={`office-tab-${tab}`} className="tab-panel">
        {tab === 'matrix' && (
          <>
            <div className="toolbar">
              <UnitSelect label={t('office.level')} units={levels} value={rootCode} onChange={setRootCode} />
              <MergedExportButton templateId={templateId} year={year} rootCode={rootCode || undefined} />
              {matrix && (
                <PrintButton
                  target=".status-legend, .submission-matrix"
                  orientation="landscape"
                  label="print.matrix"
                  title={t('print.title.matrix', { root: matrix.root.name, year: matrix.year, today: formatDateLabel(matrix.today) })}
                />
              )}
            </div>
            {matrix && <SubmissionMatrixView matrix={matrix} />}
            <h2>{t('office.reminders.title')}</h2>
            {reminders && <ReminderList reminders={reminders} query={{ templateId, year, rootCode: rootCode || undefined }} />}
          </>
        )}
        {tab === 'totals' && template && <TotalsView template={template} year={year} units={units} defaultUnitCode={rootCode} />}
        {tab === 'compare' && template && <CompareView template={template} year={year} units={units} />}
      </div>
    </section>
  );
}
