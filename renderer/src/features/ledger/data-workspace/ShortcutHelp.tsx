/** 快捷键: the grid's keys, opened with F1 or "?" (a modal dialog: Esc or 关闭 closes it). */
import { useEffect, useRef } from 'react';
import { t } from '../../../i18n/catalog';

/** Each entry names a message pair: `ledger.shortcuts.<name>.keys` and `ledger.shortcuts.<name>`. */
const SHORTCUTS = ['move', 'extend', 'tab', 'enter', 'home', 'ctrlHome', 'shiftJump', 'type', 'edit', 'cancel', 'clear', 'copy', 'undo', 'all', 'help'] as const;

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="shortcut-help" aria-labelledby="shortcut-help-title" data-testid="shortcut-help" onClose={onClose}>
      <h2 id="shortcut-help-title">{t('ledger.shortcuts.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('ledger.shortcuts.keyColumn')}</th>
            <th scope="col">{t('ledger.shortcuts.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((name) => (
            <tr key={name}>
              <td>
                <kbd>{t(`ledger.shortcuts.${name}.keys` as const)}</kbd>
              </td>
              <td>{t(`ledger.shortcuts.${name}` as const)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('ledger.shortcuts.hint')}</p>
      <form method="dialog">
        <button type="submit" className="primary" autoFocus>
          {t('ledger.shortcuts.close')}
        </button>
      </form>
    </dialog>
  );
}
