/**
 * Asks before something the user may not mean (saving an empty workbook,
 * mixing demo figures into a real data file), inside the page and in the
 * catalog's words: the browser's confirm() shows its buttons in the system's
 * language.
 */
import { useId, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The safe choice is the default button (Enter) unless the action is the usual one. */
  confirmIsDefault?: boolean;
  busy?: boolean;
}

export function ConfirmPanel({ children, confirmLabel, cancelLabel, onConfirm, onCancel, confirmIsDefault = false, busy = false }: Props) {
  const id = useId();
  return (
    <div role="alertdialog" aria-labelledby={id} className="confirm-panel card">
      <div id={id} className="confirm-text">
        {children}
      </div>
      <div className="confirm-actions">
        <button className={confirmIsDefault ? 'primary' : undefined} onClick={onConfirm} disabled={busy} autoFocus={confirmIsDefault}>
          {confirmLabel}
        </button>
        <button className={confirmIsDefault ? undefined : 'primary'} onClick={onCancel} disabled={busy} autoFocus={!confirmIsDefault}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
