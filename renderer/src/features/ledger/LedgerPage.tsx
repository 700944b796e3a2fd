/**
 * 台账录入: the monthly ledger of the template in use. Context selection on
 * top, the grid in the middle, rules and the active cell's details at the
 * side, and the status/completion bar below.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TemplateSummary } from '../../../../shared/api/methods/core';
import { findCell } from '../../../../shared/template/cells';
import { ledgerYear } from '../../../../shared/values/period';
import type { Template } from '../../../../shared/template/schema';
import { api } from '../../api/client';
import { PrintButton } from '../../components/PrintButton';
import { useAppStatus } from '../../app/AppStatusContext';
import { t } from '../../i18n/catalog';
import { BottomBar } from './bottom-bar/BottomBar';
import { MonthCompletion } from './bottom-bar/MonthCompletion';
import { ALL_LISTS, ContextBar } from './context-selection/ContextBar';
import { columnPath } from './data-workspace/columns';
import { LedgerGrid } from './data-workspace/LedgerGrid';
import { useLedgerData } from './data-workspace/useLedgerData';
import { DetailsPanel } from './details-panel/DetailsPanel';
import { RulesPanel } from './rules-panel/RulesPanel';
import { countEntries, valueKey } from './shared/grid/cellStates';
import { buildLayout, locate, type Period, type ViewSpec } from './shared/grid/layout';
import { liveViolations, markKey, ruleMarks, type PeriodViolation } from './shared/grid/liveRules';
import { at, clampPos, type Selection } from './shared/grid/selection';
import { useLeaveGuard } from './shared/useLeaveGuard';
import './ledger.css';

export function LedgerPage() {
  const { status, refresh } = useAppStatus();
  const templateId = status.settings.defaultTemplateId;
  const [template, setTemplate] = useState<Template | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [initialYear, setInitialYear] = useState<number | null>(null);

  useEffect(() => {
    void api.request('templates.get', { templateId }).then(setTemplate);
    void api.call('charts.years', { templateId }).then((r) => {
      const now = new Date();
      setInitialYear(ledgerYear({ year: now.getFullYear(), month: now.getMonth() + 1 }, r.ok ? r.data : []));
    });
  }, [templateId]);
  useEffect(() => {
    void api.request('templates.list', {}).then(setTemplates);
  }, []);

  const pickTemplate = useCallback(
    async (id: string) => {
      const r = await api.call('settings.update', { defaultTemplateId: id });
      if (r.ok) await refresh();
    },
    [refresh],
  );

  if (!template || initialYear === null) return <p>{t('app.loading')}</p>;
  return <LedgerWorkspace key={`${template.id}:${initialYear}`} template={template} templates={templates} initialYear={initialYear} onTemplate={(id) => void pickTemplate(id)} />;
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
  const [year, setYear] = useState(initialYear);
  const [section, setSection] = useState(() => (template.sections.some((s) => s.kind === 'list') ? ALL_LISTS : template.sections[0].code));
  const [period, setPeriod] = useState<Period>(1);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selection, setSelection] = useState<Selection>(at({ r: 0, c: 0 }));
  const [notice, setNotice] = useState<string | null>(null);
  const [goTo, setGoTo] = useState<PeriodViolation | null>(null);
  const data = useLedgerData(template, year, setNotice);

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
  const bounds = { rows: layout.dataRows.length, cols: layout.columns.length };
  const sel: Selection =
    bounds.rows === 0 ? selection : { anchor: clampPos(selection.anchor, bounds), focus: clampPos(selection.focus, bounds) };

  const { current, previous } = data;
  const violations = useMemo(() => liveViolations(template, current, previous), [template, current, previous]);
  const marks = useMemo(() => ruleMarks(violations), [violations]);
  const ruleMessages = useMemo(() => {
    const m = new Map<string, string[]>();
    for (const v of violations) for (const ref of v.refs) m.set(markKey(ref, v.period), [...(m.get(markKey(ref, v.period)) ?? []), v.message]);
    return m;
  }, [violations]);
  const lockedMonths = useMemo(() => new Set(data.months.filter((m) => m.completed).map((m) => m.month)), [data.months]);
  const counts = countEntries(data.entries);
  useLeaveGuard(counts.unsaved > 0, t('ledger.leaveConfirm'));

  // Going to a rule's cells may need another section or period first.
  useEffect(() => {
    if (!goTo) return;
    const found = goTo.refs.map((ref) => locate(layout, ref, goTo.period)).filter((p) => p !== null);
    if (found.length > 0) {
      setGoTo(null);
      const rows = found.map((p) => p.r);
      const cols = found.map((p) => p.c);
      setSelection({ anchor: { r: Math.max(...rows), c: Math.max(...cols) }, focus: { r: Math.min(...rows), c: Math.min(...cols) } });
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
  }, [goTo, layout, template, section]);

  const onToggleSection = useCallback((code: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  }, []);

  const activeRow = layout.dataRows[sel.focus.r];
  const activeCell = activeRow?.cells[sel.focus.c] ?? null;
  const activeLabel = activeRow && activeCell ? `${activeRow.label} ${columnPath(layout.columns[sel.focus.c])}` : '';
  const focusMonth = view.kind === 'table' ? (typeof period === 'number' ? period : null) : activeCell && activeCell.period !== 'year' ? activeCell.period : null;
  const errors = violations.filter((v) => v.severity === 'error').length;
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
          setSelection(at({ r: 0, c: 0 }));
        }}
        onPeriod={setPeriod}
        actions={
          <PrintButton target=".ledger-grid-scroll" orientation="landscape" title={t('print.title.ledger', { unit: status.unit?.name ?? '', year, view: viewName })} disabled={!data.ready} />
        }
      />
      {view.kind === 'table' && (
        <p className="muted table-caption" data-testid="table-period">
          {period === 'year' ? t('ledger.yearReadOnly') : lockedMonths.has(period) ? `${t('common.monthN', { n: period })} · ${t('ledger.monthLocked')}` : t('common.monthN', { n: period })}
        </p>
      )}
      <div className="ledger-body">
        <div className="ledger-main">
          {data.ready ? (
            <LedgerGrid
              layout={layout}
              data={data}
              marks={marks}
              ruleMessages={ruleMessages}
              lockedMonths={lockedMonths}
              selection={sel}
              onSelect={setSelection}
              onNotice={setNotice}
              onToggleSection={onToggleSection}
            />
          ) : (
            <p>{t('app.loading')}</p>
          )}
          <BottomBar
            counts={counts}
            errors={errors}
            warnings={violations.length - errors}
            notice={notice}
            canUndo={data.canUndo}
            canRedo={data.canRedo}
            onUndo={() => void data.undo()}
            onRedo={() => void data.redo()}
          >
            <MonthCompletion
              templateId={template.id}
              year={year}
              month={focusMonth}
              status={focusMonth === null ? undefined : data.months[focusMonth - 1]}
              onStatus={(s) => data.setMonths((old) => old.map((m) => (m.month === s.month ? s : m)))}
              onNotice={setNotice}
            />
          </BottomBar>
        </div>
        <aside className="ledger-side">
          <RulesPanel violations={violations} onGo={setGoTo} />
          <DetailsPanel
            templateId={template.id}
            year={year}
            cell={activeCell}
            label={activeLabel}
            entry={activeCell && activeCell.period !== 'year' ? data.entries.get(valueKey(activeCell.def.ref, activeCell.period)) : undefined}
            ruleMessages={activeCell ? (ruleMessages.get(markKey(activeCell.def.ref, activeCell.period)) ?? []) : []}
            data={data}
            onNotice={setNotice}
          />
        </aside>
      </div>
    </section>
  );
}
