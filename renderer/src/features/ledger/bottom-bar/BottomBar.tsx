/** The status line under the grid: what is not saved, what breaks a rule, and the last message. */
import type { ReactNode } from 'react';
import { t } from '../../../i18n/catalog';
import type { EntryCounts } from '../shared/grid/cellStates';

interface Props {
  counts: EntryCounts;
  errors: number;
  warnings: number;
  notice: string | null;
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  /** Opens the 快捷键 list. */
  onHelp?(): void;
  children?: ReactNode;
}

export function BottomBar({ counts, errors, warnings, notice, canUndo, canRedo, onUndo, onRedo, onHelp, children }: Props) {
  return (
    <div className="bottom-bar">
      <div className="grid-status" data-testid="grid-status" role="status">
        {counts.unsaved === 0 ? (
          <span className="ok">{t('ledger.status.allSaved')}</span>
        ) : (
          <span data-testid="count-unsaved" className="warn">
            {t('ledger.status.unsaved', { n: counts.unsaved })}
          </span>
        )}
        <span data-testid="count-invalid" className={counts.invalid ? 'error' : 'muted'}>
          {t('ledger.status.invalid', { n: counts.invalid })}
        </span>
        <span data-testid="count-errors" className={errors ? 'error' : 'muted'}>
          {t('ledger.status.errors', { n: errors })}
        </span>
        <span data-testid="count-warnings" className={warnings ? 'warn' : 'muted'}>
          {t('ledger.status.warnings', { n: warnings })}
        </span>
        <button type="button" onClick={onUndo} disabled={!canUndo} title="Ctrl+Z">
          {t('ledger.undo')}
        </button>
        <button type="button" onClick={onRedo} disabled={!canRedo} title="Ctrl+Y">
          {t('ledger.redo')}
        </button>
        {onHelp && (
          <button type="button" onClick={onHelp} aria-keyshortcuts="F1">
            {t('ledger.shortcuts.open')}
          </button>
        )}
      </div>
      {children}
      <div className="grid-notice" data-testid="grid-notice" aria-live="polite">
        {notice}
      </div>
    </div>
  );
}
