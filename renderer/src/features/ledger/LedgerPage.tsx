/**
 * 台账录入: the monthly ledger of the template in use. Context selection on
 * top, the grid in the middle, rules and the active cell's details at the
 * side, and the status/completion bar below.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TemplateSummary } from '../../../../shared/api/methods/templates';
import { findCell } from '../../../../shared/template/cells';
import { ledgerYear } from '../../../../shared/values/period';
import type { Template } from '../../../../shared/template/schema';
import { api } from '../../api/client';
import { useApiQuery } from '../../api/useApiQuery';
import { PrintButton } from '../../components/PrintButton';
import { useAppStatus } from '../../app/AppStatusContext';
import { useSelectedTemplate, useSelectedYear } from '../../app/contextSelection';
import { t } from '../../i18n/catalog';
import { ALL_LISTS, ContextBar } from './context-selection/ContextBar';
import { LedgerGrid } from './data-workspace/LedgerGrid';
import { ShortcutHelp } from './data-workspace/ShortcutHelp';
import { useWatch, useWorkspace } from './data-workspace/useWorkspace';
import { WorkspaceDetails, WorkspaceMonth, WorkspaceRules, WorkspaceStatus } from './data-workspace/WorkspacePanels';
import { topic } from './data-workspace/workspaceStore';
import { DetailsPanel } from './details-panel/DetailsPanel';
import { buildLayout, locate, type Period, type ViewSpec } from './shared/grid/layout';
import type { PeriodViolation } from './shared/grid/liveRules';
import { at } from './shared/grid/selection';
import './ledger.css';

export function LedgerPage() {
  const { status, refresh } = useAppStatus();
  const [templateId, chooseTemplate] = useSelectedTemplate(status.settings.defaultTemplateId);
  const template = useApiQuery('templates.get', { templateId });
  const templates = useApiQuery('templates.list', {}).data ?? [];
  const years = useApiQuery('charts.years', { templateId, scope: { subtree: true } });
  const now = new Date();
  const initialYear = years.loading ? null : ledgerYear({ year: now.getFullYear(), month: now.getMonth() + 1 }, years.data ?? []);

  const pickTemplate = useCallback(
    async (id: string) => {
      chooseTemplate(id);
      // The template picked here is also the file's default (设置), as it always was.
      const r = await api.call('settings.update', { defaultTemplateId: id });
      if (r.ok) await refresh();
    },
    [refresh, chooseTemplate],
  );

  if (!template.data || template.loading || initialYear === null) return <p>{t('app.loading')}</p>;
  return <LedgerWorkspace key={`${template.data.id}:${initialYear}`} template={template.data} templates={templates} initialYear={initialYear} onTemplate={(id) => void pickTemplate(id)} />;
}

function LedgerWorkspace({
  template,
  templates,
  initialYear,
  onTemplate,
}: {
  template: Template;
  templates: TemplateSummary[];
  initialYear: number;
  onTemplate(id: string): void;
}) {
  // The year chosen on any page (the context selection), else the one this page opens on.
  const [year, setYear] = useSelectedYear(initialYear);
  const [section, setSection] = useState(() => (template.sections.some((s) => s.kind === 'list') ? ALL_LISTS : template.sections[0].code));
  const [period, setPeriod] = useState<Period>(1);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [goTo, setGoTo] = useState<PeriodViolation | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  // Figures, entry states, rule marks, locks, comments and the selection: read per cell, not through this page.
  const store = useWorkspace(template, year, setNotice);
  const locked = useWatch(store, [topic.months], (s) => s.locked, NO_MONTHS);

  const view: ViewSpec = useMemo(
    () =>
      section === ALL_LISTS
        ? { kind: 'list', sections: template.sections.filter((s) => s.kind === 'list').map((s) => s.code) }
        : template.sections.find((s) => s.code === section)?.kind === 'list'
          ? { kind: 'list', sections: [section] }
          : { kind: 'table', section, period },
    [template, section, period],
  );
  const layout = useMemo(() => buildLayout(template, view, collapsed), [template, view, collapsed]);

  // Going to a rule's cells may need another section or period first.
  useEffect(() => {
    if (!goTo || !store) return;
    const found = goTo.refs.map((ref) => locate(layout, ref, goTo.period)).filter((p) => p !== null);
    if (found.length > 0) {
      setGoTo(null);
      const rows = found.map((p) => p.r);
      const cols = found.map((p) => p.c);
      store.select({ anchor: { r: Math.max(...rows), c: Math.max(...cols) }, focus: { r: Math.min(...rows), c: Math.min(...cols) } });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="ledger-grid"] .cell-sink')?.focus());
      return;
    }
    const def = findCell(template, goTo.refs[0]);
    const target = template.sections.find((s) => s.code === def?.sectionCode);
    if (!target) return setGoTo(null);
    if (target.kind === 'list') {
      setCollapsed((c) => new Set([...c].filter((x) => x !== target.code)));
      if (section !== ALL_LISTS && section !== target.code) setSection(ALL_LISTS);
    } else {
      setSection(target.code);
      setPeriod(goTo.period);
    }
  }, [goTo, layout, template, section, store]);

  const onToggleSection = useCallback((code: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }, []);

  const { status } = useAppStatus();
  const viewName =
    section === ALL_LISTS
      ? t('ledger.allLists')
      : `${template.sections.find((s) => s.code === section)?.title ?? ''}${view.kind === 'table' ? `（${period === 'year' ? t('common.yearTotal') : t('common.monthN', { n: period })}）` : ''}`;

  return (
    <section className="ledger-page">
      <ContextBar
        template={template}
        templates={templates}
        onTemplate={onTemplate}
        year={year}
        section={section}
        period={period}
        onYear={setYear}
        onSection={(s) => {
          setSection(s);
          store?.select(at({ r: 0, c: 0 }));
        }}
        onPeriod={setPeriod}
        actions={
          <PrintButton target=".ledger-grid-scroll" orientation="landscape" title={t('print.title.ledger', { unit: status.unit?.name ?? '', year, view: viewName })} disabled={!store} />
        }
      />
      {view.kind === 'table' && (
        <p className="muted table-caption" data-testid="table-period">
          {period === 'year' ? t('ledger.yearReadOnly') : locked.has(period) ? `${t('common.monthN', { n: period })} · ${t('ledger.monthLocked')}` : t('common.monthN', { n: period })}
        </p>
      )}
      <div className="ledger-body">
        <div className="ledger-main">
          {store ? <LedgerGrid layout={layout} store={store} onNotice={setNotice} onToggleSection={onToggleSection} onHelp={openHelp} /> : <p>{t('app.loading')}</p>}
          <WorkspaceStatus store={store} notice={notice} onHelp={openHelp}>
            <WorkspaceMonth
              store={store}
              layout={layout}
              tablePeriod={view.kind === 'table' ? period : null}
              templateId={template.id}
              year={year}
              onNotice={setNotice}
            />
          </WorkspaceStatus>
        </div>
        <aside className="ledger-side">
          <WorkspaceRules store={store} onGo={setGoTo} />
          {store ? (
            <WorkspaceDetails store={store} layout={layout} templateId={template.id} year={year} onNotice={setNotice} />
          ) : (
            <DetailsPanel templateId={template.id} year={year} cell={null} label="" entry={undefined} ruleMessages={[]} data={NO_DATA} onNotice={setNotice} />
          )}
        </aside>
      </div>
      {helpOpen && (
        <ShortcutHelp
          onClose={() => {
            setHelpOpen(false);
            document.querySelector<HTMLElement>('[data-testid="ledger-grid"] .cell-sink')?.focus({ preventScroll: true });
          }}
        />
      )}
    </section>
  );
}

const NO_MONTHS: ReadonlySet<number> = new Set();
/** What the details panel reads while the year loads: nothing. */
const NO_DATA = { values: new Map<string, number>(), comments: new Map(), setComment: () => undefined };
