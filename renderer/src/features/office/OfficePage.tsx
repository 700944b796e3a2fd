/** 报送汇总: who has reported (matrix and 催报 list), merged totals by level, and unit-to-parent comparison. */
import { useState } from 'react';
import { reportingYear, yearPeriod } from '../../../../shared/values/period';
import { useApiQuery } from '../../api/useApiQuery';
import { useAppStatus } from '../../app/AppStatusContext';
import { useSelectedTemplate, useSelectedYear } from '../../app/contextSelection';
import { t, type MessageKey } from '../../i18n/catalog';
import { CompareView } from './CompareView';
import { ReminderList } from './ReminderList';
import { SubmissionMatrixView } from './SubmissionMatrixView';
import { TotalsView } from './TotalsView';
import { UnitSelect } from './UnitSelect';
import './office.css';
import { YearInput } from '../../components/YearInput';
import { MergedExportButton } from './MergedExportButton';
import { PrintButton } from '../../components/PrintButton';
import { formatDateLabel } from '../../../../shared/office/dueDate';
import { UnitLedgerDialog, type UnitLedgerTarget } from '../unit-ledger/UnitLedgerDialog';

type Tab = 'matrix' | 'totals' | 'compare';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'matrix', label: 'office.matrix.title' },
  { id: 'totals', label: 'office.totals.title' },
  { id: 'compare', label: 'office.compare.title' },
];

export function OfficePage() {
  const { status } = useAppStatus();
  const [templateId, setTemplateId] = useSelectedTemplate(status.settings.defaultTemplateId);
  // Unless a year was chosen: the month just ended is the one being collected (in January, last year's December).
  const [year, setYear] = useSelectedYear(reportingYear({ year: new Date().getFullYear(), month: new Date().getMonth() + 1 }));
  const [rootCode, setRootCode] = useState(status.unit?.code ?? '');
  const [tab, setTab] = useState<Tab>('matrix');
  const [looking, setLooking] = useState<UnitLedgerTarget | null>(null);
  const templates = useApiQuery('templates.list', {}).data ?? [];
  const units = useApiQuery('units.tree', { includeInactive: true }).data ?? [];
  const template = useApiQuery('templates.get', { templateId }).data;
  const query = { templateId, year, unitCode: rootCode || undefined };
  const matrix = useApiQuery('office.matrix', query);
  const reminders = useApiQuery('office.reminders', query);
  const error = matrix.error ?? reminders.error;

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
        <YearInput year={year} onChange={setYear} />
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
              <MergedExportButton templateId={templateId} period={yearPeriod(year)} unitCode={rootCode || undefined} />
              {matrix.data && (
                <PrintButton
                  target=".status-legend, .submission-matrix"
                  orientation="landscape"
                  label="print.matrix"
                  title={t('print.title.matrix', { root: matrix.data.root.name, year: matrix.data.year, today: formatDateLabel(matrix.data.today) })}
                />
              )}
            </div>
            {matrix.data && <SubmissionMatrixView matrix={matrix.data} onOpenUnit={(u) => setLooking({ unitCode: u.code, unitName: u.name, templateId, year })} />}
            <h2>{t('office.reminders.title')}</h2>
            {reminders.data && <ReminderList reminders={reminders.data} query={query} />}
          </>
        )}
        {tab === 'totals' && template && <TotalsView template={template} year={year} units={units} defaultUnitCode={rootCode} onOpenUnit={(u) => setLooking({ unitCode: u.code, unitName: u.name, templateId, year })} />}
        {tab === 'compare' && template && <CompareView template={template} year={year} units={units} />}
      </div>
      {looking && <UnitLedgerDialog target={looking} onClose={() => setLooking(null)} />}
    </section>
  );
}
