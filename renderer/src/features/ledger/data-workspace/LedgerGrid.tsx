/**
 * The ledger grid: a spreadsheet-like table over the template's rows, with
 * the keyboard, mouse ranges, copy and paste. TanStack Table builds the row
 * model and the (grouped) header rows; the grid's behaviour lives in the
 * pure modules of ../shared/grid.
 */
import { useTable } from '@tanstack/react-table';
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { rollupMonths } from '../../../../../shared/values/rollup';
import { formatValue } from '../../../../../shared/values/parse';
import { t } from '../../../i18n/catalog';
import { shownText, valueKey, type RuleMark } from '../shared/grid/cellStates';
import { keyAction, type EditMode } from '../shared/grid/keyboard';
import type { GridCell, GridLayout, GridRow } from '../shared/grid/layout';
import { markKey } from '../shared/grid/liveRules';
import { parseClipboard, planPaste, toClipboardText } from '../shared/grid/paste';
import {
  inRect,
  moveSelection,
  pointerSelect,
  rectPositions,
  selectionRect,
  stepSelection,
  type Pos,
  type Selection,
} from '../shared/grid/selection';
import { CellEditor } from './CellEditor';
import { CellSink } from './CellSink';
import { columnPath, gridColumns, gridFeatures, LABEL_COLUMN, MEASURE_COLUMN } from './columns';
import type { LedgerData } from './useLedgerData';

interface Props {
  layout: GridLayout;
  data: LedgerData;
  marks: ReadonlyMap<string, RuleMark>;
  ruleMessages: ReadonlyMap<string, string[]>;
  lockedMonths: ReadonlySet<number>;
  selection: Selection;
  onSelect(sel: Selection): void;
  onNotice(text: string): void;
  onToggleSection(code: string): void;
}

/** A data row, re-rendered only when its signature changes (typing must not wait for 900 cells). */
const MemoRow = memo(
  function MemoRow({ render }: { signature: string; render: () => ReactNode }) {
    return render();
  },
  (a, b) => a.signature === b.signature,
);

/** Distinguishes layouts in row signatures: the same row shows other cells in another period. */
const layoutIds = (() => {
  const ids = new WeakMap<GridLayout, number>();
  let n = 0;
  return { next: (l: GridLayout) => ids.get(l) ?? (ids.set(l, ++n), n) };
})();

interface Editing {
  mode: EditMode;
  initial: string;
}

export function LedgerGrid({ layout, data, marks, ruleMessages, lockedMonths, selection, onSelect, onNotice, onToggleSection }: Props) {
  const renderStart = useRef(0);
  const measuredLayout = useRef<GridLayout | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const claimFocus = useRef(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  // Rows re-render only when what they show changes, so their handlers read the selection from here.
  const latestSelection = useRef(selection);
  latestSelection.current = selection;
  const columns = useMemo(() => gridColumns(layout), [layout]);
  const layoutId = useMemo(() => layoutIds.next(layout), [layout]);
  const table = useTable({ features: gridFeatures, columns, data: layout.rows, getRowId: (r) => r.id });
  const bounds = { rows: layout.dataRows.length, cols: layout.columns.length };
  const rect = selectionRect(selection);
  const focus = selection.focus;

  // First render of each layout, from render start to DOM commit (read back by `npm run bench`).
  if (measuredLayout.current !== layout) {
    measuredLayout.current = layout;
    renderStart.current = performance.now();
  }
  useLayoutEffect(() => {
    performance.measure('ledger-grid-render', { start: renderStart.current, end: performance.now() });
  }, [layout]);

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  useEffect(() => {
    containerRef.current?.querySelector('[aria-selected="true"][data-active="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [focus.r, focus.c]);

  const cellAt = (p: Pos): GridCell | undefined => layout.dataRows[p.r]?.cells[p.c];

  function storedText(cell: GridCell): string {
    if (cell.period === 'year') return formatValue(rollupMonths(data.current.get(cell.def.ref) ?? [], cell.def.rollup, cell.def), cell.def);
    return formatValue(data.values.get(valueKey(cell.def.ref, cell.period)), cell.def);
  }

  function cellText(cell: GridCell): string {
    if (cell.period === 'year') return storedText(cell);
    return shownText(data.entries.get(valueKey(cell.def.ref, cell.period)), storedText(cell));
  }

  /** Why a cell cannot take a value, or null. */
  function blocker(p: Pos): string | null {
    const cell = cellAt(p);
    if (!cell) return t('ledger.blocked.none');
    if (cell.period === 'year') return t('ledger.blocked.year');
    if (lockedMonths.has(cell.period)) return t('ledger.blocked.locked', { month: cell.period });
    return null;
  }

  /** Focus returns to the active cell's sink once it is rendered. */
  const refocus = () => {
    claimFocus.current = true;
    containerRef.current?.querySelector<HTMLInputElement>('.cell-sink')?.focus({ preventScroll: true });
  };

  function startEdit(p: Pos, mode: EditMode, initial: string | null) {
    const why = blocker(p);
    if (why) return onNotice(t('ledger.cannotEdit', { why }));
    setEditing({ mode, initial: initial ?? cellText(cellAt(p)!) });
  }

  function commitText(p: Pos, text: string) {
    const cell = cellAt(p);
    if (!cell || cell.period === 'year') return;
    if (text === cellText(cell)) return;
    data.commit([{ ref: cell.def.ref, month: cell.period, raw: text }], 'entry');
  }

  async function replay(kind: 'undo' | 'redo') {
    const keys = await (kind === 'undo' ? data.undo() : data.redo());
    if (keys === null) {
      if (!(kind === 'undo' ? data.canUndo : data.canRedo)) onNotice(t(kind === 'undo' ? 'ledger.nothingToUndo' : 'ledger.nothingToRedo'));
      return;
    }
    const first = keys[0];
    for (const row of layout.dataRows) {
      const c = row.cells.findIndex((cell) => cell.period !== 'year' && valueKey(cell.def.ref, cell.period) === first);
      if (c >= 0) return onSelect({ anchor: { r: row.dataIndex, c }, focus: { r: row.dataIndex, c } });
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (editing || bounds.rows === 0) return;
    const action = keyAction(e, null);
    switch (action.kind) {
      case 'move':
        e.preventDefault();
        return onSelect(moveSelection(selection, action.dr, action.dc, action.extend, bounds));
      case 'step':
        e.preventDefault();
        return onSelect(stepSelection(selection, action.dr, action.dc, bounds));
      case 'startEdit':
        // Typed text reaches the sink input and starts the edit from there.
        if (action.text !== null) return;
        e.preventDefault();
        return startEdit(focus, 'edit', null);
      case 'clear': {
        e.preventDefault();
        const targets = rectPositions(rect);
        const why = targets.map(blocker).find((x) => x);
        if (why) return onNotice(t('ledger.cannotEdit', { why }));
        const edits = targets.map((p) => cellAt(p)!).filter((c) => cellText(c) !== '');
        if (edits.length) data.commit(edits.map((c) => ({ ref: c.def.ref, month: c.period as number, raw: '' })), edits.length === 1 ? 'entry' : 'clear');
        return;
      }
      case 'undo':
      case 'redo':
        e.preventDefault();
        return void replay(action.kind);
      case 'selectAll':
        e.preventDefault();
        return onSelect({ anchor: { r: 0, c: 0 }, focus: { r: bounds.rows - 1, c: bounds.cols - 1 } });
      default:
        return;
    }
  }

  function onCopy(e: ClipboardEvent<HTMLDivElement>) {
    const rows: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(cellText(cellAt({ r, c })!));
      rows.push(row);
    }
    e.clipboardData.setData('text/plain', toClipboardText(rows));
    e.preventDefault();
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    e.preventDefault();
    if (editing) return;
    const plan = planPaste(parseClipboard(e.clipboardData.getData('text/plain')), focus, rect, bounds, blocker);
    if (!plan.ok) return onNotice(plan.message);
    data.commit(
      plan.targets.map(({ pos, raw }) => ({ ref: cellAt(pos)!.def.ref, month: cellAt(pos)!.period as number, raw })),
      'paste',
    );
    const last = plan.targets[plan.targets.length - 1].pos;
    onSelect({ anchor: plan.targets[0].pos, focus: last });
  }

  /** Everything a row shows; a row whose signature is unchanged is not re-rendered. */
  function rowSignature(row: Extract<GridRow, { kind: 'data' }>): string {
    let sig = `${layoutId}:${editing && focus.r === row.dataIndex ? `e${focus.c}` : ''}`;
    for (let c = 0; c < row.cells.length; c++) {
      const cell = row.cells[c];
      const month = cell.period === 'year' ? null : cell.period;
      const key = month === null ? '' : valueKey(cell.def.ref, month);
      const mk = markKey(cell.def.ref, cell.period);
      const entry = month === null ? undefined : data.entries.get(key);
      sig += `|${cellText(cell)}~${entry?.kind ?? ''}~${entry?.kind === 'invalid' ? entry.message : ''}~${marks.get(mk) ?? ''}~${(ruleMessages.get(mk) ?? []).join('/')}`;
      sig += `~${month !== null && lockedMonths.has(month) ? 'L' : ''}${month !== null && data.comments.has(key) ? 'C' : ''}${inRect(rect, { r: row.dataIndex, c }) ? 'S' : ''}${focus.r === row.dataIndex && focus.c === c ? 'A' : ''}`;
    }
    return sig;
  }

  function renderCell(row: Extract<GridRow, { kind: 'data' }>, c: number) {
    const cell = row.cells[c];
    const p = { r: row.dataIndex, c };
    const month = cell.period === 'year' ? null : cell.period;
    const key = month === null ? '' : valueKey(cell.def.ref, month);
    const entry = month === null ? undefined : data.entries.get(key);
    const mark = marks.get(markKey(cell.def.ref, cell.period));
    const locked = month !== null && lockedMonths.has(month);
    const comment = month !== null && data.comments.has(key);
    const active = p.r === focus.r && p.c === focus.c;
    const label = `${row.label} ${columnPath(layout.columns[c])}`;
    const title = [entry?.kind === 'invalid' ? t('ledger.invalid', { message: entry.message }) : '', ...(ruleMessages.get(markKey(cell.def.ref, cell.period)) ?? [])]
      .filter(Boolean)
      .join('\n');
    return (
      <td
        key={c}
        role="gridcell"
        aria-label={label}
        aria-selected={inRect(rect, p)}
        aria-readonly={month === null || locked}
        aria-invalid={entry?.kind === 'invalid' || undefined}
        data-testid={`cell-${cell.def.ref}-${cell.period}`}
        data-active={active || undefined}
        data-entry={entry?.kind}
        data-rule={mark}
        data-locked={locked || undefined}
        data-comment={comment || undefined}
        data-rollup={month === null || undefined}
        title={title || undefined}
        className="grid-cell"
        onMouseDown={(e) => {
          if (editing && active) return;
          e.preventDefault();
          dragging.current = true;
          onSelect(pointerSelect(latestSelection.current, p, e.shiftKey));
          refocus();
        }}
        onMouseEnter={() => dragging.current && onSelect(pointerSelect(latestSelection.current, p, true))}
        onDoubleClick={() => startEdit(p, 'edit', null)}
      >
        {active && editing ? (
          <CellEditor
            initial={editing.initial}
            mode={editing.mode}
            label={t('ledger.editorLabel', { cell: label })}
            onCommit={(text, move) => {
              setEditing(null);
              commitText(p, text);
              if (move) onSelect(move.step ? stepSelection(selection, move.dr, move.dc, bounds) : moveSelection(selection, move.dr, move.dc, false, bounds));
              refocus();
            }}
            onCancel={() => {
              setEditing(null);
              refocus();
            }}
          />
        ) : (
          <>
            {cellText(cell)}
            {active && <CellSink label={label} claimFocus={claimFocus} grid={containerRef} onText={(text) => startEdit(p, 'replace', text)} />}
          </>
        )}
      </td>
    );
  }

  const columnIndex = new Map(layout.columns.map((c, i) => [`v:${c.id}`, i]));
  const headerGroups = table.getHeaderGroups();
  const rows = table.getRowModel().rows;
  const width = 1 + (layout.showMeasure ? 1 : 0) + layout.columns.length;
  return (
    <div
      ref={containerRef}
      className="ledger-grid-scroll"
      role="grid"
      aria-label={t('ledger.gridLabel')}
      aria-rowcount={layout.dataRows.length}
      aria-colcount={width}
      tabIndex={0}
      data-testid="ledger-grid"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Tabbing into the grid lands on the active cell, ready for typing.
        if (e.target === e.currentTarget) refocus();
      }}
      onCopy={onCopy}
      onPaste={onPaste}
    >
      <table className="ledger-grid">
        <thead>
          {headerGroups.map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => {
                if (h.rowSpan === 0) return null;
                const id = h.column.id;
                const month = /^v:m(\d+)$/.exec(id);
                const done = month !== null && lockedMonths.has(Number(month[1]));
                return (
                  <th
                    key={h.id}
                    colSpan={h.colSpan}
                    rowSpan={h.rowSpan}
                    className={id === LABEL_COLUMN ? 'sticky-col corner' : id === MEASURE_COLUMN ? 'measure-col' : undefined}
                    data-testid={month ? `month-header-${month[1]}` : undefined}
                    data-completed={month ? String(done) : undefined}
                    title={done ? t('ledger.monthLocked') : undefined}
                  >
                    {String(h.column.columnDef.header ?? '')}
                    {done && <span className="month-done">{t('ledger.completedMark')}</span>}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows.map((r) => {
            const row = r.original;
            if (row.kind === 'section') {
              return (
                <tr key={r.id} className="section-row">
                  <th colSpan={width} scope="rowgroup" className="sticky-col">
                    <button type="button" aria-expanded={!row.collapsed} onClick={() => onToggleSection(row.sectionCode)}>
                      {row.collapsed ? '▸' : '▾'} {row.label}
                    </button>
                  </th>
                </tr>
              );
            }
            if (row.kind === 'group' || row.kind === 'label') {
              return (
                <tr key={r.id} className={`${row.kind}-row`}>
                  <th colSpan={width} scope="rowgroup" className={`sticky-col level-${row.kind === 'label' ? row.level : 0}`}>
                    {row.label}
                  </th>
                </tr>
              );
            }
            return (
              <MemoRow
                key={r.id}
                signature={rowSignature(row)}
                render={() => (
                  <tr aria-rowindex={row.dataIndex + 1}>
                    {r.getAllCells().map((cell) => {
                      if (cell.column.id === LABEL_COLUMN) {
                        return (
                          <th key={cell.id} scope="row" className={`sticky-col level-${row.level}`}>
                            {row.label}
                          </th>
                        );
                      }
                      if (cell.column.id === MEASURE_COLUMN) {
                        return (
                          <td key={cell.id} className="measure-col">
                            {row.measure}
                          </td>
                        );
                      }
                      return renderCell(row, columnIndex.get(cell.column.id)!);
                    })}
                  </tr>
                )}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
