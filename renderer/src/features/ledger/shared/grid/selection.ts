/**
 * Selection in the grid's value area: an anchor (where a range started) and
 * a focus (the active cell). Positions count navigable data rows and value
 * columns only, so label rows and the label column never take the cursor.
 */
export interface Pos {
  r: number;
  c: number;
}

export interface Selection {
  anchor: Pos;
  focus: Pos;
}

export interface Bounds {
  rows: number;
  cols: number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const at = (p: Pos): Selection => ({ anchor: p, focus: p });

export function clampPos(p: Pos, b: Bounds): Pos {
  return { r: Math.max(0, Math.min(b.rows - 1, p.r)), c: Math.max(0, Math.min(b.cols - 1, p.c)) };
}

/** Arrow keys: move the active cell, or with extend (Shift) grow the range from the anchor. */
export function moveSelection(sel: Selection, dr: number, dc: number, extend: boolean, b: Bounds): Selection {
  const focus = clampPos({ r: sel.focus.r + dr, c: sel.focus.c + dc }, b);
  return extend ? { anchor: sel.anchor, focus } : at(focus);
}

/**
 * Tab / Enter: move one step and wrap at the row's (or column's) end, as in
 * a spreadsheet, so a clerk can type a whole month without the mouse.
 */
export function stepSelection(sel: Selection, dr: number, dc: number, b: Bounds): Selection {
  let { r, c } = sel.focus;
  if (dc !== 0) {
    c += dc;
    if (c >= b.cols) {
      c = 0;
      r = Math.min(b.rows - 1, r + 1);
    } else if (c < 0) {
      c = b.cols - 1;
      r = Math.max(0, r - 1);
    }
  }
  if (dr !== 0) r = Math.max(0, Math.min(b.rows - 1, r + dr));
  return at({ r, c });
}

/** Home/End and Ctrl+Home/Ctrl+End; with extend (Shift) the range grows from the anchor. */
export function jumpSelection(sel: Selection, to: 'rowStart' | 'rowEnd' | 'first' | 'last', extend: boolean, b: Bounds): Selection {
  const focus = {
    rowStart: { r: sel.focus.r, c: 0 },
    rowEnd: { r: sel.focus.r, c: b.cols - 1 },
    first: { r: 0, c: 0 },
    last: { r: b.rows - 1, c: b.cols - 1 },
  }[to];
  return extend ? { anchor: sel.anchor, focus } : at(focus);
}

/** Mouse: a click selects one cell; Shift+click or a drag extends from the anchor. */
export function pointerSelect(sel: Selection, p: Pos, extend: boolean): Selection {
  return extend ? { anchor: sel.anchor, focus: p } : at(p);
}

export function selectionRect(sel: Selection): Rect {
  return {
    top: Math.min(sel.anchor.r, sel.focus.r),
    bottom: Math.max(sel.anchor.r, sel.focus.r),
    left: Math.min(sel.anchor.c, sel.focus.c),
    right: Math.max(sel.anchor.c, sel.focus.c),
  };
}

export function inRect(rect: Rect, p: Pos): boolean {
  return p.r >= rect.top && p.r <= rect.bottom && p.c >= rect.left && p.c <= rect.right;
}

export function rectPositions(rect: Rect): Pos[] {
  const out: Pos[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) out.push({ r, c });
  return out;
}
