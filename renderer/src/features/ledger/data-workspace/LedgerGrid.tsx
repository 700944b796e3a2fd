/**
 * The ledger grid: a spreadsheet-like table over the template's rows, with
 * the keyboard, mouse ranges, copy and paste. TanStack Table builds the row
 * model and the (grouped) header rows; the grid's behaviour lives in the
 * pure modules of ../shared/grid and its state in the workspace store, which
 * each cell reads for itself (GridCellView). The grid renders again only for
 * another layout or a month locked or reopened.
 *
 * A layout's first render draws the rows a screen can show; the rest follow
 * just after that paint, in a transition (a year of the seed ledger is 923
 * cells, and a clerk sees the top of it first).
 */
import { useTable } from '@tanstack/react-table';
import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { t } from '../../../i18n/catalog';
import { valueKey } from '../shared/grid/cellStates';
import { keyAction } from '../shared/grid/keyboard';
import type { GridCell, GridLayout, GridRow } from '../shared/grid/layout';
import { parseClipboard, planPaste, toClipboardText } from '../shared/grid/paste';
import { jumpSelection, moveSelection, pointerSelect, rectPositions, stepSelection, type Pos } from '../shared/grid/selection';
import { columnPath, gridColumns, gridFeatures, LABEL_COLUMN, MEASURE_COLUMN } from './columns';
import { CellSink } from './CellSink';
import { GridCellView, type GridControl } from './GridCellView';
import { useWatch } from './useWorkspace';
import { topic, type WorkspaceStore } from './workspaceStore';

interface Props {
  layout: GridLayout;
  store: WorkspaceStore;
  onNotice(text: string): void;
  onToggleSection(code: string): void;
  /** F1 or "?": the page shows the 快捷键 list (its bottom bar has a button for it too). */
  onHelp(): void;
}

type DataRow = Extract<GridRow, { kind: 'data' }>;

/** Rows (of any kind) a first render draws: more than the grid shows (its height is the window's less about 230 px; rows are at least 26 px high). */
const rowsInView = () => Math.ceil(Math.max(0, window.innerHeight - 200) / 26) + 2;

const cellAt = (layout: GridLayout, p: Pos): GridCell | undefined => layout.dataRows[p.r]?.cells[p.c];

/** Why a cell cannot take a value, or null. */
function whyBlocked(store: WorkspaceStore, layout: GridLayout, p: Pos): string | null {
  const cell = cellAt(layout, p);
  if (!cell) return t('ledger.blocked.none');
  if (cell.period === 'year') return t('ledger.blocked.year');
  if (store.locked.has(cell.period)) return t('ledger.blocked.locked', { month: cell.period });
  return null;
}

/** A data row: its label, its measure and its cells; rendered again only for another layout. */
const DataRowView = memo(function DataRowView({
  row,
  store,
  ctl,
  columnLabels,
  showMeasure,
}: {
  row: DataRow;
  store: WorkspaceStore;
  ctl: GridControl;
  columnLabels: string[];
  showMeasure: boolean;
}) {
  return (
    <tr aria-rowindex={row.dataIndex + 1}>
      <th scope="row" className={`sticky-col level-${row.level}`} title={row.note}>
        {row.label}
        {row.note && (
          // The note's text is read as content, not as an aria-label: a label would make every
          // field named like a word of the note (年度, 月份) ambiguous to assistive lookups.
          <span className="field-note" role="note">
            <span aria-hidden="true">{' ⓘ'}</span>
            <span className="visually-hidden">{row.note}</span>
          </span>
        )}
      </th>
      {showMeasure && <td className="measure-col">{row.measure}</td>}
      {row.cells.map((cell, c) => (
        <GridCellView key={c} store={store} cell={cell} r={row.dataIndex} c={c} label={`${row.label} ${columnLabels[c]}`} ctl={ctl} />
      ))}
    </tr>
  );
});

export const LedgerGrid = memo(function LedgerGrid({ layout, store, onNotice, onToggleSection, onHelp }: Props) {
  const renderStart = useRef(0);
  const cellsDrawn = useRef(0);
  const measuredLayout = useRef<GridLayout | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);
  const sinkRef = useRef<HTMLInputElement>(null);
  const locked = useWatch(store, [topic.months], (s) => s.locked, new Set<number>());
  const columns = useMemo(() => gridColumns(layout), [layout]);
  const columnLabels = useMemo(() => layout.columns.map(columnPath), [layout]);
  const table = useTable({ features: gridFeatures, columns, data: layout.rows, getRowId: (r) => r.id });
  const bounds = { rows: layout.dataRows.length, cols: layout.columns.length };
  // The handlers below live as long as the grid; they read the layout of the moment from here.
  const latest = useRef({ layout, bounds, onNotice });
  latest.current = { layout, bounds, onNotice };

  // First render of each layout, from render start to DOM commit (read back by `npm run bench`).
  if (measuredLayout.current !== layout) {
    measuredLayout.current = layout;
    renderStart.current = performance.now();
  }
  useLayoutEffect(() => {
    performance.measure('ledger-grid-render', { start: renderStart.current, end: performance.now(), detail: { cells: cellsDrawn.current } });
    store.setLayout(layout);
  }, [layout, store]);

  // The layout whose every row is drawn; until then the rows in view only.
  const [whole, setWhole] = useState<GridLayout | null>(null);
  const firstRows = useMemo(rowsInView, []);
  useEffect(() => {
    if (whole === layout) {
      performance.measure('ledger-grid-complete', { start: renderStart.current, end: performance.now() });
      return;
    }
    // After the frame that shows the first rows has been painted: a rAF runs before that paint, a timeout after it.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setWhole(layout)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [layout, whole]);

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  /**
   * Focus goes (back) to the grid's sink. Called before the table changes, so focusing it costs no layout; a figure
   * typed right after Enter lands in the sink and starts the next edit.
   */
  const refocus = useMemo(
    () => () => {
      const sink = sinkRef.current;
      if (sink && document.activeElement !== sink) sink.focus({ preventScroll: true });
    },
    [],
  );

  const ctl = useMemo(
    (): GridControl => ({
      startEdit(p, mode, initial) {
        const why = whyBlocked(store, latest.current.layout, p);
        if (why) return latest.current.onNotice(t('ledger.cannotEdit', { why }));
        store.setEditing({ mode, initial: initial ?? store.cellText(cellAt(latest.current.layout, p)!) });
      },
      commitEdit(p, text, move) {
        // The save's request leaves first: everything below only delays it.
        const cell = cellAt(latest.current.layout, p);
        if (cell && cell.period !== 'year' && text !== store.cellText(cell)) store.commit([{ ref: cell.def.ref, month: cell.period, raw: text }], 'entry');
        // Enter or Tab keeps typing in the grid; a blur (the clerk clicked elsewhere) leaves focus where it went.
        if (move) refocus();
        store.setEditing(null);
        const b = latest.current.bounds;
        if (move) store.select(move.step ? stepSelection(store.selection, move.dr, move.dc, b) : moveSelection(store.selection, move.dr, move.dc, false, b));
      },
      cancelEdit() {
        refocus();
        store.setEditing(null);
      },
    }),
    [store, refocus],
  );
  const sinkLabel = useMemo(
    () => (p: Pos) => {
      const row = layout.dataRows[p.r];
      return row && p.c < columnLabels.length ? `${row.label} ${columnLabels[p.c]}` : '';
    },
    [layout, columnLabels],
  );
  const blocker = (p: Pos) => whyBlocked(store, layout, p);
  const at = (p: Pos) => cellAt(layout, p)!;

  /** The value cell under the pointer: rows carry their index, cells their column after the label (and measure) columns. */
  function posOf(target: EventTarget): Pos | null {
    const td = target instanceof Element ? target.closest<HTMLTableCellElement>('td.grid-cell') : null;
    const index = td?.parentElement?.getAttribute('aria-rowindex');
    if (!td || !index) return null;
    return { r: Number(index) - 1, c: td.cellIndex - (layout.showMeasure ? 2 : 1) };
  }

  async function replay(kind: 'undo' | 'redo') {
    const keys = await (kind === 'undo' ? store.undo() : store.redo());
    if (keys === null) {
      if (!(kind === 'undo' ? store.canUndo : store.canRedo)) onNotice(t(kind === 'undo' ? 'ledger.nothingToUndo' : 'ledger.nothingToRedo'));
      return;
    }
    const first = keys[0];
    for (const row of latest.current.layout.dataRows) {
      const c = row.cells.findIndex((cell) => cell.period !== 'year' && valueKey(cell.def.ref, cell.period) === first);
      if (c >= 0) return store.select({ anchor: { r: row.dataIndex, c }, focus: { r: row.dataIndex, c } });
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (store.editing || bounds.rows === 0) return;
    const selection = store.selection;
    const action = keyAction(e, null);
    switch (action.kind) {
      case 'move':
        e.preventDefault();
        return store.select(moveSelection(selection, action.dr, action.dc, action.extend, bounds));
      case 'step':
        e.preventDefault();
        return store.select(stepSelection(selection, action.dr, action.dc, bounds));
      case 'jump':
        e.preventDefault();
        return store.select(jumpSelection(selection, action.to, action.extend, bounds));
      case 'help':
        e.preventDefault();
        return onHelp();
      case 'startEdit':
        // Typed text reaches the sink input and starts the edit from there.
        if (action.text !== null) return;
        e.preventDefault();
        return ctl.startEdit(selection.focus, 'edit', null);
      case 'clear': {
        e.preventDefault();
        const targets = rectPositions(store.rect);
        const why = targets.map(blocker).find((x) => x);
        if (why) return onNotice(t('ledger.cannotEdit', { why }));
        const edits = targets.map(at).filter((c) => store.cellText(c) !== '');
        if (edits.length) store.commit(edits.map((c) => ({ ref: c.def.ref, month: c.period as number, raw: '' })), edits.length === 1 ? 'entry' : 'clear');
        return;
      }
      case 'undo':
      case 'redo':
        e.preventDefault();
        return void replay(action.kind);
      case 'selectAll':
        e.preventDefault();
        return store.select({ anchor: { r: 0, c: 0 }, focus: { r: bounds.rows - 1, c: bounds.cols - 1 } });
      default:
        return;
    }
  }

  function onCopy(e: ClipboardEvent<HTMLDivElement>) {
    const rect = store.rect;
    const rows: string[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: string[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(store.cellText(at({ r, c })));
      rows.push(row);
    }
    e.clipboardData.setData('text/plain', toClipboardText(rows));
    e.preventDefault();
  }

  function onPaste(e: ClipboardEvent<HTMLDivElement>) {
    e.preventDefault();
    if (store.editing) return;
    const plan = planPaste(parseClipboard(e.clipboardData.getData('text/plain')), store.selection.focus, store.rect, bounds, blocker);
    if (!plan.ok) return onNotice(plan.message);
    store.commit(
      plan.targets.map(({ pos, raw }) => ({ ref: at(pos).def.ref, month: at(pos).period as number, raw })),
      'paste',
    );
    store.select({ anchor: plan.targets[0].pos, focus: plan.targets[plan.targets.length - 1].pos });
  }

  function onMouseDown(e: MouseEvent<HTMLDivElement>) {
    const p = posOf(e.target);
    if (!p) return;
    const active = store.selection.focus.r === p.r && store.selection.focus.c === p.c;
    if (store.editing && active) return;
    e.preventDefault();
    // Clicking away from a cell being edited keeps what was typed, as leaving it does.
    if (store.editing && document.activeElement instanceof HTMLElement) document.activeElement.blur();
    dragging.current = true;
    store.select(pointerSelect(store.selection, p, e.shiftKey));
    refocus();
  }

  function onMouseOver(e: MouseEvent<HTMLDivElement>) {
    if (!dragging.current) return;
    const p = posOf(e.target);
    if (p) store.select(pointerSelect(store.selection, p, true));
  }

  function onDoubleClick(e: MouseEvent<HTMLDivElement>) {
    const p = posOf(e.target);
    if (p) ctl.startEdit(p, 'edit', null);
  }

  const headerGroups = table.getHeaderGroups();
  const allRows = table.getRowModel().rows;
  const rows = whole === layout ? allRows : allRows.slice(0, firstRows);
  cellsDrawn.current = rows.reduce((n, r) => n + (r.original.kind === 'data' ? r.original.cells.length : 0), 0);
  const width = 1 + (layout.showMeasure ? 1 : 0) + layout.columns.length;
  return (
    <div
      ref={containerRef}
      className="ledger-grid-scroll"
      role="grid"
      aria-label={t('ledger.gridLabel')}
      aria-rowcount={layout.dataRows.length}
      aria-colcount={width}
      aria-keyshortcuts="F1"
      tabIndex={0}
      data-testid="ledger-grid"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        // Tabbing into the grid lands on the active cell, ready for typing.
        if (e.target === e.currentTarget) refocus();
      }}
      onCopy={onCopy}
      onPaste={onPaste}
      onMouseDown={onMouseDown}
      onMouseOver={onMouseOver}
      onDoubleClick={onDoubleClick}
    >
      <CellSink store={store} label={sinkLabel} sinkRef={sinkRef} grid={containerRef} onText={(text) => ctl.startEdit(store.selection.focus, 'replace', text)} />
      <table className="ledger-grid">
        <thead>
          {headerGroups.map((group) => (
            <tr key={group.id}>
              {group.headers.map((h) => {
                if (h.rowSpan === 0) return null;
                const id = h.column.id;
                const month = /^v:m(\d+)$/.exec(id);
                const done = month !== null && locked.has(Number(month[1]));
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
                  <th colSpan={width} scope="rowgroup">
                    {/* The label, not the full-width cell, sticks: it stays in view when the grid scrolls right. */}
                    <span className="sticky-label">
                      <button type="button" aria-expanded={!row.collapsed} onClick={() => onToggleSection(row.sectionCode)}>
                        {row.collapsed ? '▸' : '▾'} {row.label}
                      </button>
                    </span>
                  </th>
                </tr>
              );
            }
            if (row.kind === 'group' || row.kind === 'label') {
              return (
                <tr key={r.id} className={`${row.kind}-row`}>
                  <th colSpan={width} scope="rowgroup" className={`level-${row.kind === 'label' ? row.level : 0}`}>
                    <span className="sticky-label">{row.label}</span>
                  </th>
                </tr>
              );
            }
            return <DataRowView key={r.id} row={row} store={store} ctl={ctl} columnLabels={columnLabels} showMeasure={layout.showMeasure} />;
          })}
        </tbody>
      </table>
    </div>
  );
});
