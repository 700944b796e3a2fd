/**
 * Undo/redo over saved edits. A step is everything one user action changed
 * (one typed cell, or a whole paste), so a paste is undone at once. The
 * caller applies a step's values through the API and only then moves the
 * stack on, so a refused undo (e.g. the month got locked) loses nothing.
 */
export interface CellChange {
  key: string;
  before: number | null;
  after: number | null;
}

export interface UndoStack {
  past: CellChange[][];
  future: CellChange[][];
}

export const MAX_STEPS = 500;
export const emptyStack: UndoStack = { past: [], future: [] };

export function pushStep(s: UndoStack, step: CellChange[]): UndoStack {
  const real = step.filter((c) => c.before !== c.after);
  if (real.length === 0) return s;
  return { past: [...s.past, real].slice(-MAX_STEPS), future: [] };
}

export interface Replay {
  /** Values to write, by cell key. */
  writes: { key: string; value: number | null }[];
  /** The stack once the writes are acknowledged. */
  next: UndoStack;
}

export function planUndo(s: UndoStack): Replay | null {
  const step = s.past[s.past.length - 1];
  if (!step) return null;
  return {
    writes: step.map((c) => ({ key: c.key, value: c.before })),
    next: { past: s.past.slice(0, -1), future: [...s.future, step] },
  };
}

export function planRedo(s: UndoStack): Replay | null {
  const step = s.future[s.future.length - 1];
  if (!step) return null;
  return {
    writes: step.map((c) => ({ key: c.key, value: c.after })),
    next: { past: [...s.past, step], future: s.future.slice(0, -1) },
  };
}
