/**
 * What a key press means in the grid, spreadsheet-style. Two editing modes,
 * as in Excel: "replace" (typing over a cell: arrows commit and move) and
 * "edit" (F2 / double-click: arrows move the caret inside the text).
 */
export type EditMode = 'replace' | 'edit';

export type GridAction =
  | { kind: 'move'; dr: number; dc: number; extend: boolean }
  | { kind: 'step'; dr: number; dc: number }
  | { kind: 'commitMove'; dr: number; dc: number; step: boolean }
  | { kind: 'startEdit'; text: string | null }
  | { kind: 'cancel' }
  | { kind: 'clear' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'selectAll' }
  | { kind: 'jump'; to: JumpTarget; extend: boolean }
  | { kind: 'help' }
  | { kind: 'none' };

/** Home/End: the row's first or last cell; Ctrl+Home/Ctrl+End: the grid's first or last cell (as in Excel). */
export type JumpTarget = 'rowStart' | 'rowEnd' | 'first' | 'last';

export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** editing: null when the cell cursor is not editing. */
export function keyAction(e: KeyInput, editing: EditMode | null): GridAction {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Tab') return editing ? { kind: 'commitMove', dr: 0, dc: e.shiftKey ? -1 : 1, step: true } : { kind: 'step', dr: 0, dc: e.shiftKey ? -1 : 1 };
  if (e.key === 'Enter') return editing ? { kind: 'commitMove', dr: e.shiftKey ? -1 : 1, dc: 0, step: true } : { kind: 'step', dr: e.shiftKey ? -1 : 1, dc: 0 };
  if (e.key === 'Escape') return editing ? { kind: 'cancel' } : { kind: 'none' };
  const arrow = ARROWS[e.key];
  if (arrow) {
    if (editing === 'edit') return { kind: 'none' };
    if (editing === 'replace') return { kind: 'commitMove', dr: arrow[0], dc: arrow[1], step: false };
    return { kind: 'move', dr: arrow[0], dc: arrow[1], extend: e.shiftKey };
  }
  if (editing) return { kind: 'none' };
  if ((e.key === 'Home' || e.key === 'End') && !e.altKey) {
    const start = e.key === 'Home';
    return { kind: 'jump', to: mod ? (start ? 'first' : 'last') : start ? 'rowStart' : 'rowEnd', extend: e.shiftKey };
  }
  // The cells take figures only, so "?" can open the help without taking a character from anyone.
  if (e.key === 'F1' || (e.key === '?' && !mod && !e.altKey)) return { kind: 'help' };
  if (mod && !e.altKey) {
    const k = e.key.toLowerCase();
    if (k === 'z') return e.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
    if (k === 'y') return { kind: 'redo' };
    if (k === 'a') return { kind: 'selectAll' };
    return { kind: 'none' };
  }
  if (e.key === 'F2') return { kind: 'startEdit', text: null };
  if (e.key === 'Delete' || e.key === 'Backspace') return { kind: 'clear' };
  if (e.key.length === 1 && !e.altKey) return { kind: 'startEdit', text: e.key };
  return { kind: 'none' };
}
