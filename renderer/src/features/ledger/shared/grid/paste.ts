/**
 * Clipboard blocks: what Excel/WPS put on the clipboard (tab-separated
 * cells, CRLF rows, a trailing line break, quotes around cells containing
 * line breaks), mapped onto the grid from the active cell. A block that does
 * not fit, or that would land on a cell that cannot take a value, is refused
 * whole: half a paste is worse than none.
 */
import { toDelimited } from '../../../../../../shared/values/textSafety';
import { parseDelimited } from '../../../../../../shared/values/delimited';
import { rectPositions, type Bounds, type Pos, type Rect } from './selection';
import { t } from '../../../../i18n/catalog';

export function parseClipboard(text: string): string[][] {
  return parseDelimited(text, '\t');
}

export interface PasteTarget {
  pos: Pos;
  raw: string;
}

export type PastePlan = { ok: true; targets: PasteTarget[] } | { ok: false; message: string };

/** Says why a cell cannot take a pasted value, or null when it can. */
export type Blocker = (p: Pos) => string | null;

/**
 * From the active cell, or fills the selected range with a single value
 * (Excel's behaviour when one cell is pasted onto a range).
 */
export function planPaste(block: string[][], from: Pos, selected: Rect, bounds: Bounds, blocker: Blocker): PastePlan {
  const height = block.length;
  const width = height ? block[0].length : 0;
  if (height === 0 || width === 0) return { ok: false, message: t('ledger.paste.empty') };
  let targets: PasteTarget[];
  if (height === 1 && width === 1 && (selected.bottom > selected.top || selected.right > selected.left)) {
    targets = rectPositions(selected).map((pos) => ({ pos, raw: block[0][0] }));
  } else {
    const roomRows = bounds.rows - from.r;
    const roomCols = bounds.cols - from.c;
    if (height > roomRows || width > roomCols) {
      return {
        ok: false,
        message: t('ledger.paste.tooBig', { height, width, roomRows, roomCols }),
      };
    }
    targets = [];
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) targets.push({ pos: { r: from.r + i, c: from.c + j }, raw: block[i][j] });
  }
  for (const target of targets) {
    const why = blocker(target.pos);
    if (why) return { ok: false, message: t('ledger.paste.blocked', { why }) };
  }
  return { ok: true, targets };
}

/** Ctrl+C: the selection as Excel reads it back. */
export function toClipboardText(rows: string[][]): string {
  return toDelimited(rows);
}
