/**
 * The in-place editor of the active cell. It keeps its text to itself so
 * that typing re-renders one input, not the grid: fast typists outrun a
 * re-rendered grid, and nothing typed may be lost.
 */
import { useLayoutEffect, useRef } from 'react';
import { keyAction, type EditMode } from '../shared/grid/keyboard';

interface Props {
  initial: string;
  mode: EditMode;
  label: string;
  onCommit(text: string, move: { dr: number; dc: number; step: boolean } | null): void;
  onCancel(): void;
}

export function CellEditor({ initial, mode, label, onCommit, onCancel }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);

  useLayoutEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, []);

  return (
    <input
      ref={ref}
      className="cell-editor"
      aria-label={label}
      data-testid="cell-editor"
      defaultValue={initial}
      onKeyDown={(e) => {
        const action = keyAction(e, mode);
        if (action.kind === 'commitMove') {
          e.preventDefault();
          e.stopPropagation();
          done.current = true;
          onCommit(e.currentTarget.value, action);
        } else if (action.kind === 'cancel') {
          e.preventDefault();
          e.stopPropagation();
          done.current = true;
          onCancel();
        } else e.stopPropagation();
      }}
      onBlur={(e) => {
        if (!done.current) {
          done.current = true;
          onCommit(e.currentTarget.value, null);
        }
      }}
      onPaste={(e) => e.stopPropagation()}
      onCopy={(e) => e.stopPropagation()}
    />
  );
}
