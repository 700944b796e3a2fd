/**
 * The focus target of the active cell when it is not being edited: an
 * invisible input, so that text arriving without a key event (Chinese IME,
 * full-width digits, dictation) still starts an edit, as it does in Excel.
 * Navigation keys bubble to the grid; text turns into an edit of this cell.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

interface Props {
  label: string;
  /** Take focus even if focus is elsewhere (the user clicked a cell). */
  claimFocus: RefObject<boolean>;
  grid: RefObject<HTMLElement | null>;
  onText(text: string): void;
}

export function CellSink({ label, claimFocus, grid, onText }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    const el = document.activeElement;
    if (claimFocus.current || el === null || el === document.body || grid.current?.contains(el)) {
      claimFocus.current = false;
      ref.current?.focus({ preventScroll: true });
    }
  });

  // The active cell comes into view when it becomes active (after paint, so a first render is not held up by a layout).
  useEffect(() => {
    ref.current?.closest('td')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, []);

  return (
    <input
      ref={ref}
      className="cell-sink"
      aria-label={label}
      data-testid="cell-sink"
      value=""
      autoComplete="off"
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={(e) => {
        composing.current = false;
        if (e.currentTarget.value) onText(e.currentTarget.value);
      }}
      onChange={(e) => {
        if (!composing.current && e.target.value) onText(e.target.value);
      }}
    />
  );
}
