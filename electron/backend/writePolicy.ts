/**
 * Write policies: checks a value write must pass, named where its handler is
 * registered (api/policy.ts `writes([monthsOpen], fn)`) instead of being
 * filled into a shared list by whichever file happens to be imported.
 * A writing handler gets a ValueWriter that runs its policies on the very
 * changes it is about to apply, so what is checked is what is written.
 */
import type Database from 'better-sqlite3';
import type { BackendContext } from './context';
import { fail } from './failure';
import { isMonthCompleted } from './store/months';
import { applyChanges, type AppliedChange, type ChangeAuthor, type ValueChange } from './store/values';

/** Refuses (with fail()) changes it does not allow; nothing has been written yet. */
export type WritePolicy = (db: Database.Database, changes: readonly ValueChange[]) => void;

export interface ValueWriter {
  /** Runs the handler's policies on the changes, then applies them (store/values.ts applyChanges). */
  apply(changes: ValueChange[], author: ChangeAuthor): AppliedChange[];
}

export function valueWriter(ctx: BackendContext, policies: readonly WritePolicy[]): ValueWriter {
  return {
    apply(changes, author) {
      const db = ctx.store.db;
      for (const policy of policies) policy(db, changes);
      return applyChanges(db, changes, author);
    },
  };
}

/** Completed months are locked: a write to one is refused until the month is reopened. */
export const monthsOpen: WritePolicy = (db, changes) => {
  const seen = new Set<string>();
  for (const c of changes) {
    const id = `${c.unitId}|${c.templateId}|${c.year}|${c.month}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (isMonthCompleted(db, c)) fail('locked', `${c.year}年${c.month}月已标记完成，数据已锁定；如需修改，请先撤销完成`, `${c.month}月`);
  }
};
