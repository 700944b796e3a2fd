/**
 * The panels around the grid, each subscribed to the part of the workspace
 * it shows: the status line (entry counts, rule counts, undo), the rules,
 * and the active cell's details and month. None re-renders the grid.
 */
import { useLeaveGuard } from '../shared/useLeaveGuard';
import type { ReactNode } from 'react';
import { t } from '../../../i18n/catalog';
import { BottomBar } from '../bottom-bar/BottomBar';
import { MonthCompletion } from '../bottom-bar/MonthCompletion';
import { DetailsPanel } from '../details-panel/DetailsPanel';
import { RulesPanel } from '../rules-panel/RulesPanel';
import { valueKey, type EntryCounts } from '../shared/grid/cellStates';
import type { GridLayout, Period } from '../shared/grid/layout';
import type { PeriodViolation } from '../shared/grid/liveRules';
import type { Pos } from '../shared/grid/selection';
import { columnPath } from './columns';
import { useTopic, useWatch } from './useWorkspace';
import { topic, type WorkspaceStore } from './workspaceStore';

const NO_COUNTS: EntryCounts = { invalid: 0, unsaved: 0 };
const NO_VIOLATIONS: PeriodViolation[] = [];
const ORIGIN: Pos = { r: 0, c: 0 };

const useViolations = (store: WorkspaceStore | null) => useWatch(store, [topic.rules], (s) => s.violations, NO_VIOLATIONS);
const useFocus = (store: WorkspaceStore | null) => useWatch(store, [topic.selection], (s) => s.selection.focus, ORIGIN);

export function WorkspaceStatus({
  store,
  notice,
  onHelp,
  children,
}: {
  store: WorkspaceStore | null;
  notice: string | null;
  onHelp(): void;
  children?: ReactNode;
}) {
  const counts = useWatch(store, [topic.entries], (s) => s.entryCounts(), NO_COUNTS);
  const violations = useViolations(store);
  const canUndo = useWatch(store, [topic.undo], (s) => s.canUndo, false);
  const canRedo = useWatch(store, [topic.undo], (s) => s.canRedo, false);
  useLeaveGuard(counts.unsaved > 0, t('ledger.leaveConfirm'));
  const errors = violations.filter((v) => v.severity === 'error').length;
  return (
    <BottomBar
      counts={counts}
      errors={errors}
      warnings={violations.length - errors}
      notice={notice}
      canUndo={canUndo}
      canRedo={canRedo}
      onUndo={() => void store?.undo()}
      onRedo={() => void store?.redo()}
      onHelp={onHelp}
    >
      {children}
    </BottomBar>
  );
}

export function WorkspaceRules({ store, onGo }: { store: WorkspaceStore | null; onGo(v: PeriodViolation): void }) {
  return <RulesPanel violations={useViolations(store)} onGo={onGo} />;
}

/** 标记本月完成 for the month in view: a table's period, or the active cell's month. */
export function WorkspaceMonth({
  store,
  layout,
  tablePeriod,
  templateId,
  year,
  onNotice,
}: {
  store: WorkspaceStore | null;
  layout: GridLayout;
  /** Null for the list view, where the active cell's column is the month. */
  tablePeriod: Period | null;
  templateId: string;
  year: number;
  onNotice(text: string): void;
}) {
  const focus = useFocus(store);
  const months = useWatch(store, [topic.months], (s) => s.months, null);
  const cell = layout.dataRows[focus.r]?.cells[focus.c];
  const month = tablePeriod !== null ? (typeof tablePeriod === 'number' ? tablePeriod : null) : cell && cell.period !== 'year' ? cell.period : null;
  return (
    <MonthCompletion
      templateId={templateId}
      year={year}
      month={month}
      status={month === null ? undefined : months?.[month - 1]}
      onStatus={(s) => store?.setMonth(s)}
      onNotice={onNotice}
    />
  );
}

export function WorkspaceDetails({
  store,
  layout,
  templateId,
  year,
  onNotice,
}: {
  store: WorkspaceStore;
  layout: GridLayout;
  templateId: string;
  year: number;
  onNotice(text: string): void;
}) {
  const focus = useFocus(store);
  const row = layout.dataRows[focus.r];
  const cell = row?.cells[focus.c] ?? null;
  const month = cell && cell.period !== 'year' ? cell.period : null;
  const ref = cell?.def.ref ?? '';
  // The details follow the active cell's figure, entry state, comment and rule messages.
  useTopic(store, cell?.key ?? topic.selection);
  return (
    <DetailsPanel
      templateId={templateId}
      year={year}
      cell={cell}
      label={row && cell ? `${row.label} ${columnPath(layout.columns[focus.c])}` : ''}
      entry={month === null ? undefined : store.entries.get(valueKey(ref, month))}
      ruleMessages={cell ? (store.ruleMessages.get(cell.key) ?? []) : []}
      data={store}
      onNotice={onNotice}
    />
  );
}
