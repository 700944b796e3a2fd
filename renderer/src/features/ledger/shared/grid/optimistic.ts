/**
 * Optimistic entry states. A typed value shows, and counts in totals and
 * rules, from the moment it is entered; the data file's answer then settles
 * it: saved, or refused, which rolls the figure back to the one stored and
 * keeps what was typed, marked, for the clerk to correct. Each entry is an
 * attempt: an answer settles only the attempt it belongs to, so a value
 * typed again while an earlier one is saving is never overwritten by the
 * earlier answer.
 */
import { countEntries, type EntryCounts, type EntryState } from './cellStates';

export type Attempt = Extract<EntryState, { kind: 'saving' }>;

export class OptimisticEntries {
  private readonly states = new Map<string, EntryState>();
  private countsCache: EntryCounts | null = null;

  get(key: string): EntryState | undefined {
    return this.states.get(key);
  }

  /** The figure a cell counts with: the one being saved, else the one stored. */
  value(key: string, stored: ReadonlyMap<string, number>): number | undefined {
    const s = this.states.get(key);
    if (s?.kind === 'saving') return s.value ?? undefined;
    return stored.get(key);
  }

  isSaving(key: string): boolean {
    return this.states.get(key)?.kind === 'saving';
  }

  /** A value on its way to the data file. */
  begin(key: string, raw: string, value: number | null): Attempt {
    const attempt: Attempt = { kind: 'saving', raw, value };
    this.set(key, attempt);
    return attempt;
  }

  /** A state reached without saving: a value that did not parse, or one equal to the stored figure. */
  note(key: string, state: Exclude<EntryState, Attempt>): void {
    this.set(key, state);
  }

  /** The data file took the attempt. False when a newer entry has superseded it. */
  confirm(key: string, attempt: Attempt): boolean {
    if (this.states.get(key) !== attempt) return false;
    this.set(key, { kind: 'saved' });
    return true;
  }

  /** The data file refused the attempt: the figure rolls back, the typed text stays, marked with why. */
  refuse(key: string, attempt: Attempt, message: string): boolean {
    if (this.states.get(key) !== attempt) return false;
    this.set(key, { kind: 'invalid', raw: attempt.raw, message });
    return true;
  }

  counts(): EntryCounts {
    return (this.countsCache ??= countEntries(this.states));
  }

  private set(key: string, state: EntryState) {
    this.states.set(key, state);
    this.countsCache = null;
  }
}
