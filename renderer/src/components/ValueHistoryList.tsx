/** A value's history, newest first, as the grid's details panel and the office's read-only view show it. */
import type { HistoryEntry } from '../../../shared/domain';
import { messages, t, type MessageKey } from '../i18n/catalog';

const shown = (v: number | null) => (v === null ? t('ledger.details.empty') : String(v));

/** Sources other features write (导入, 演示…) have catalog names; anything else is shown as recorded. */
function sourceLabel(source: string): string {
  const key = `ledger.source.${source}`;
  return key in messages ? t(key as MessageKey) : source;
}

export function ValueHistoryList({ entries, testId }: { entries: readonly HistoryEntry[]; testId: string }) {
  if (entries.length === 0) return <p className="muted">{t('ledger.details.noHistory')}</p>;
  return (
    <ol className="history-list" data-testid={testId}>
      {entries.map((h) => (
        <li key={h.id}>
          <strong>{t('ledger.details.historyLine', { old: shown(h.oldValue), new: shown(h.newValue) })}</strong>
          <span className="muted">
            {' '}
            {new Date(h.changedAt).toLocaleString('zh-CN')} · {h.operator} · {sourceLabel(h.source)}
          </span>
        </li>
      ))}
    </ol>
  );
}
