/**
 * The grid's focus target when no cell is being edited: one invisible
 * input for the whole grid, so that text arriving without a key event
 * (Chinese IME, full-width digits, dictation) still starts an edit of the
 * active cell, as it does in Excel. Navigation keys bubble to the grid.
 *
 * It is one input that stays, not one per active cell: moving focus to a
 * newly made input forces the browser to lay out the whole table at once,
 * in the keydown of every Enter, which is the moment the save's answer is
 * due. The grid moves focus here before React changes the table (layout
 * is still clean then); where it sits — over the active cell, so an IME
 * opens its candidates there — is set after the frame's layout.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useWatch } from './useWorkspace';
import { topic, type WorkspaceStore } from './workspaceStore';

interface Props {
  store: WorkspaceStore;
  /** The active cell's name, for assistive technology. */
  label: (p: { r: number; c: number }) => string;
  sinkRef: RefObject<HTMLInputElement | null>;
  grid: RefObject<HTMLElement | null>;
  onText(text: string): void;
}

export function CellSink({ store, label, sinkRef, grid, onText }: Props) {
  const composing = useRef(false);
  const focus = useWatch(store, [topic.selection], (s) => s.selection.focus, store.selection.focus);

  // On the grid's first render, and whenever the cursor moves while nothing else outside the grid has focus.
  useLayoutEffect(() => {
    const sink = sinkRef.current;
    const el = document.activeElement;
    if (!sink || el === sink || store.editing) return;
    if (el === null || el === document.body || el === grid.current) sink.focus({ preventScroll: true });
  }, [focus, sinkRef, grid, store]);

  // After the frame's layout (a requestAnimationFrame runs just before it): the active cell comes into view, and the sink moves over it.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const container = grid.current;
      const td = container?.querySelector<HTMLElement>('td[data-active="true"]');
      const sink = sinkRef.current;
      if (!container || !td || !sink) return;
      td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const box = container.getBoundingClientRect();
      const cell = td.getBoundingClientRect();
      sink.style.transform = `translate(${cell.left - box.left + container.scrollLeft - container.clientLeft}px, ${cell.top - box.top + container.scrollTop - container.clientTop}px)`;
      sink.style.width = `${cell.width}px`;
      sink.style.height = `${cell.height}px`;
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, grid, sinkRef]);

  return (
    <input
      ref={sinkRef}
      className="cell-sink"
      aria-label={label(focus)}
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
