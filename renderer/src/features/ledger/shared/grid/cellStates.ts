/**
 * The visible states of a cell. Entry states come from saving (saving →
 * saved, or invalid: not saved, with the reason); rule marks, locks and
 * comments are layered on top and shown independently.
 */
export type EntryState =
  /** value: the parsed figure on its way (null clears the cell). */
  | { kind: 'saving'; raw: string; value: number | null }
  | { kind: 'saved' }
  | { kind: 'invalid'; raw: string; message: string };

export type RuleMark = 'error' | 'warning';

/** key of a cell value: "<ref>|<month>". */
export const valueKey = (ref: string, month: number) => `${ref}|${month}`;

export function splitValueKey(key: string): { ref: string; month: number } {
  const i = key.lastIndexOf('|');
  return { ref: key.slice(0, i), month: Number(key.slice(i + 1)) };
}

export interface EntryCounts {
  invalid: number;
  /** Saving or refused: typed but not (yet) in the data file. */
  unsaved: number;
}

export function countEntries(states: ReadonlyMap<string, EntryState>): EntryCounts {
  let invalid = 0;
  let saving = 0;
  for (const s of states.values()) {
    if (s.kind === 'invalid') invalid++;
    else if (s.kind === 'saving') saving++;
  }
  return { invalid, unsaved: invalid + saving };
}

/** The text a cell shows: what was typed while saving or refused, else the stored figure. */
export function shownText(entry: EntryState | undefined, stored: string): string {
  return entry && entry.kind !== 'saved' ? entry.raw : stored;
}
