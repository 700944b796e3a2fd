/**
 * One value cell of the grid. It subscribes to its own topic, which the
 * store emits when what it shows changes — its figure and entry state (or,
 * for 全年, its row's months), its comment, its rule mark, its month's lock,
 * whether it is selected, active or edited — so an edit re-renders the
 * cells it concerns only.
 */
import { memo } from 'react';
import { t } from '../../../i18n/catalog';
import type { EditMode } from '../shared/grid/keyboard';
import type { GridCell } from '../shared/grid/layout';
import { inRect, type Pos } from '../shared/grid/selection';
import { CellEditor } from './CellEditor';
import { useTopic } from './useWorkspace';
import type { WorkspaceStore } from './workspaceStore';

/** What a cell asks of the grid around it. */
export interface GridControl {
  startEdit(p: Pos, mode: EditMode, initial: string | null): void;
  commitEdit(p: Pos, text: string, move: { dr: number; dc: number; step: boolean } | null): void;
  cancelEdit(): void;
}

interface Props {
  store: WorkspaceStore;
  cell: GridCell;
  r: number;
  c: number;
  label: string;
  ctl: GridControl;
}

export const GridCellView = memo(function GridCellView({ store, cell, r, c, label, ctl }: Props) {
  const ref = cell.def.ref;
  const month = cell.period === 'year' ? null : cell.period;
  // One topic per cell: its key is both its value key (a month) and its rule-mark key.
  const key = cell.key;
  useTopic(store, key);

  const entry = month === null ? undefined : store.entries.get(key);
  const mark = store.marks.get(key);
  const messages = store.ruleMessages.get(key);
  const locked = month !== null && store.locked.has(month);
  const active = store.selection.focus.r === r && store.selection.focus.c === c;
  const editing = active ? store.editing : null;
  const invalid = entry?.kind === 'invalid';
  const title = invalid ? [t('ledger.invalid', { message: entry.message }), ...(messages ?? [])].join('\n') : messages?.join('\n');
  return (
    <td
      role="gridcell"
      aria-label={label}
      aria-selected={inRect(store.rect, { r, c })}
      aria-readonly={month === null || locked || undefined}
      aria-invalid={invalid || undefined}
      data-testid={`cell-${ref}-${cell.period}`}
      data-active={active || undefined}
      data-editing={editing ? true : undefined}
      data-entry={entry?.kind}
      data-rule={mark}
      data-locked={locked || undefined}
      data-comment={(month !== null && store.comments.has(key)) || undefined}
      data-rollup={month === null || undefined}
      title={title || undefined}
      className="grid-cell"
    >
      {editing ? (
        <CellEditor
          initial={editing.initial}
          mode={editing.mode}
          label={t('ledger.editorLabel', { cell: label })}
          onCommit={(text, move) => ctl.commitEdit({ r, c }, text, move)}
          onCancel={ctl.cancelEdit}
        />
      ) : (
        store.cellText(cell)
      )}
    </td>
  );
});
