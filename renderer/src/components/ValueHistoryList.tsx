/** A value's history, newest first, as the grid's details panel and the office's read-only view show it. */
import type { HistoryEntry } from '../../../shared/domain';
import { localDateTime } from '../../../shared/office/dueDate';
import { figureText } from '../../../shared/values/numberFormat';
import type { Precision } from '../../../shared/values/precision';
import { messages, t, type MessageKey } from '../i18n/catalog';

const shown = (v: number | null, precision: Precision) => (v === null ? t('ledger.details.empty') : figureText(v, precision));

/** Sources other features write (导入, 演示…) have catalog names; anything else is shown as recorded. */
function sourceLabel(source: string): string {
  const key = `ledger.source.${source}`;
  return key in messages ? t(key as MessageKey) : source;
}

/** precision: the cell's, so a history prints its figures as the grid does (12.3000, not 12.3). */
export function ValueHistoryList({ entries, precision, testId }: { entries: readonly HistoryEntry[]; precision: Precision; testId: string }) {
  if (entries.length === 0) return <p className="muted">{t('ledger.details.noHistory')}</p>;
  return (
    <ol className="history-list" data-testid={testId}>
      {entries.map((h) => (
        <li key={h.id}>
          <strong>{t('ledger.details.historyLine', { old: shown(h.oldValue, precision), new: shown(h.newValue, precision) })}</strong>
          <span className="muted">
            {' '}
            {localDateTime(new Date(h.changedAt))} · {h.operator} · {sourceLabel(h.source)}
          </span>
        </li>
      ))}
    </ol>
  );
}
