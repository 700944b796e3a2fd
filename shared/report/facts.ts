/**
 * Facts from the year's figures: the only way a number gets into the text.
 */
import { formatPercent, needsRoundingNote, statedShares } from '../charts/shares';
import { findCell } from '../template/cells';
import type { Template } from '../template/schema';
import { figureText } from '../values/numberFormat';
import { exactSum } from '../values/precision';
import type { Fact, Segment } from './model';

export type Figures = ReadonlyMap<string, number>;

export class FactSource {
  constructor(
    readonly template: Template,
    readonly figures: Figures,
    readonly year: number,
  ) {}

  yearFact(): Fact {
    return { kind: 'year', value: this.year, text: String(this.year) };
  }

  private format(ref: string, value: number): string {
    return figureText(value, findCell(this.template, ref) ?? 'count');
  }

  /** The cell's figure, or undefined when the template lacks it or nothing was entered. */
  cell(ref: string): Extract<Fact, { kind: 'cell' }> | undefined {
    if (!findCell(this.template, ref)) return undefined;
    const value = this.figures.get(ref);
    if (value === undefined) return undefined;
    return { kind: 'cell', ref, value, text: this.format(ref, value) };
  }

  /** Sum of the cells that have data; undefined when none has. */
  sum(refs: string[]): Extract<Fact, { kind: 'sum' | 'cell' }> | undefined {
    const present = refs.filter((r) => this.cell(r) !== undefined);
    if (present.length === 0) return undefined;
    if (refs.length === 1) return this.cell(refs[0]);
    // Cells summed in a sentence share a precision (不予公开's reasons, two lawsuit kinds); the widest is exact for all.
    const widest = present.reduce((w, r) => (findCell(this.template, r)!.decimals > findCell(this.template, w)!.decimals ? r : w));
    const value = exactSum(present.map((r) => this.figures.get(r)!), findCell(this.template, widest)!.decimals)!;
    return { kind: 'sum', refs: present, value, text: this.format(widest, value) };
  }

  /**
   * Shares of each group (a group's count is the sum of its cells), as
   * shares.ts prints them; null when the stated total (totalRef) has a figure
   * that disagrees with the groups' sum — no share is stated then.
   */
  shares(groups: string[][], totalRef?: string): { facts: Extract<Fact, { kind: 'share' }>[]; roundingNote: boolean } | null {
    const counts = groups.map((g) => g.reduce((s, r) => s + (this.figures.get(r) ?? 0), 0));
    const shares = statedShares(
      counts.map((count, i) => ({ key: String(i), count })),
      totalRef === undefined ? undefined : this.figures.get(totalRef),
    );
    if (!shares) return null;
    return {
      roundingNote: needsRoundingNote(shares),
      facts: shares.map((s, i) => ({
        kind: 'share',
        refs: groups[i],
        groups,
        basisPoints: s.basisPoints,
        value: s.percent,
        text: formatPercent(s),
      })),
    };
  }

  measure(ref: string): string {
    return findCell(this.template, ref)?.measure ?? '';
  }
}

/** Builds a paragraph's segments: strings stay text, facts become fact segments. */
export function seg(...parts: (string | Fact)[]): Segment[] {
  return parts.map((p) => (typeof p === 'string' ? p : { fact: p }));
}

/** Joins parts with a separator and a final one: 「a、b和c」. */
export function joinList(items: Segment[][], sep: string, last = sep): Segment[] {
  const out: Segment[] = [];
  items.forEach((it, i) => {
    if (i > 0) out.push(i === items.length - 1 ? last : sep);
    out.push(...it);
  });
  return out;
}

/** True when the figure is there and not zero. */
export function nonzero(f: Fact | undefined): f is Fact {
  return f !== undefined && f.value !== 0;
}
