/** The active cell: what it is, its problems, its comment (editable) and its history. */
import { useEffect, useRef, useState } from 'react';
import { splitRef } from '../../../../../shared/template/cells';
import { t, type MessageKey } from '../../../i18n/catalog';
import { api } from '../../../api/client';
import { ValueHistoryList } from '../../../components/ValueHistoryList';
import { useApiQuery } from '../../../api/useApiQuery';
import type { EntryState } from '../shared/grid/cellStates';
import type { GridCell } from '../shared/grid/layout';
import type { WorkspaceStore } from '../data-workspace/workspaceStore';

interface Props {
  templateId: string;
  year: number;
  cell: GridCell | null;
  label: string;
  entry: EntryState | undefined;
  ruleMessages: string[];
  /** The workspace's stored figures and comments. */
  data: Pick<WorkspaceStore, 'values' | 'comments' | 'setComment'>;
  onNotice(text: string): void;
}


const HISTORY_DELAY_MS = 150;

/** The value once it has stayed the same for `ms`; until then the one before. */
function useResting<T>(value: T, ms: number): T {
  const [resting, setResting] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setResting(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return resting;
}

export function DetailsPanel({ templateId, year, cell, label, entry, ruleMessages, data, onNotice }: Props) {
  const month = cell && cell.period !== 'year' ? cell.period : null;
  const ref = cell?.def.ref ?? '';
  const key = month === null ? '' : `${ref}|${month}`;
  const stored = month === null ? undefined : data.values.get(key);
  const comment = month === null ? undefined : data.comments.get(key);
  const [text, setText] = useState(comment?.text ?? '');

  useEffect(() => setText(comment?.text ?? ''), [comment, key]);

  // Asked once the cursor rests on a cell: Enter moves it after every figure typed, and each answer would
  // otherwise be one more request and render competing with the save the clerk waits to see.
  const resting = useResting(key, HISTORY_DELAY_MS);
  const historyQuery = useApiQuery('values.history', month === null || resting !== key ? null : { templateId, year, month, ...splitRef(ref) });
  const history = month === null || resting !== key ? [] : (historyQuery.data ?? []);
  // A value saved in the cell on screen has a new history entry: ask again (moving to another cell asks anyway).
  const { reload } = historyQuery;
  const seen = useRef({ key, stored });
  useEffect(() => {
    if (seen.current.key === key && seen.current.stored !== stored) void reload();
    seen.current = { key, stored };
  }, [key, stored, reload]);

  if (!cell) {
    return (
      <section className="side-card">
        <h2>{t('ledger.details.title')}</h2>
        <p className="muted">{t('ledger.details.none')}</p>
      </section>
    );
  }

  async function saveComment() {
    if (month === null) return;
    const r = await api.call('comments.set', { templateId, year, month, ...splitRef(ref), text });
    if (!r.ok) return onNotice(r.error.message);
    data.setComment({ month, ref, comment: r.data });
    onNotice(t('ledger.details.commentSaved'));
  }

  return (
    <section className="side-card" aria-label={t('ledger.details.title')} data-testid="details-panel">
      <h2>{t('ledger.details.title')}</h2>
      <p className="details-label">
        {label}（{cell.def.measure}）
      </p>
      {entry?.kind === 'invalid' && (
        <p className="error" data-testid="details-invalid">
          {t('ledger.invalid', { message: entry.message })}
        </p>
      )}
      {ruleMessages.map((m) => (
        <p key={m} className="rule-note">
          {m}
        </p>
      ))}
      {month === null ? (
        <p className="muted">{t('ledger.details.rollup', { rule: t(`ledger.rollup.${cell.def.rollup}` as MessageKey) })}</p>
      ) : (
        <>
          <label className="comment-box">
            {t('ledger.details.comment')}
            <textarea aria-label={t('ledger.details.comment')} value={text} maxLength={1000} rows={3} onChange={(e) => setText(e.target.value)} />
          </label>
          <button type="button" onClick={() => void saveComment()} disabled={text === (comment?.text ?? '')}>
            {t('ledger.details.saveComment')}
          </button>
          <h3>{t('ledger.details.history')}</h3>
          <ValueHistoryList entries={history} precision={cell.def} testId="cell-history" />
        </>
      )}
    </section>
  );
}
