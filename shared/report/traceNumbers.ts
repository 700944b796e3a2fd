/**
 * Traces every number printed in a draft's paragraphs back to its tables:
 * used by tests (and available to callers) to prove the text and the tables
 * agree. Returns the mismatches found; an empty list means every number is
 * a table cell, a sum of table cells, a share recomputed from table cells,
 * or the report year.
 */
import { computeShares } from '../charts/shares';
import { exactSum, MAX_PLACES } from '../values/precision';
import { factsOf, type Fact, type ReportDraft } from './model';

const NUMBER = /\d+(?:\.\d+)?/g;

export function numbersInText(text: string): number[] {
  return (text.match(NUMBER) ?? []).map(Number);
}

function tableValues(draft: ReportDraft): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of draft.tables) for (const row of t.rows) for (const c of row) if (c.ref && c.value !== null && c.value !== undefined) out.set(c.ref, c.value);
  return out;
}

function fromTables(f: Fact, cells: Map<string, number>, year: number): number | undefined {
  const sum = (refs: string[]) => exactSum(refs.map((r) => cells.get(r) ?? NaN), MAX_PLACES) ?? undefined;
  switch (f.kind) {
    case 'year':
      return year;
    case 'cell':
      return cells.get(f.ref);
    case 'sum':
      return sum(f.refs);
    case 'share': {
      const shares = computeShares(f.groups.map((g, i) => ({ key: String(i), count: g.reduce((s, r) => s + (cells.get(r) ?? 0), 0) })));
      const i = f.groups.findIndex((g) => g === f.refs || g.join() === f.refs.join());
      return shares[i]?.percent;
    }
  }
}

export interface NumberMismatch {
  paragraph: string;
  problem: string;
}

export function traceNumbers(draft: ReportDraft): NumberMismatch[] {
  const cells = tableValues(draft);
  const out: NumberMismatch[] = [];
  for (const p of draft.paragraphs) {
    const printed = numbersInText(p.text);
    const facts = factsOf(p);
    const factNumbers = facts.map((f) => Number(f.text.replace('%', '')));
    if (printed.join('|') !== factNumbers.join('|')) {
      out.push({ paragraph: p.id, problem: `文字中的数字 ${printed.join(',')} 与事实 ${factNumbers.join(',')} 不一致` });
      continue;
    }
    for (const f of facts) {
      const expected = fromTables(f, cells, draft.year);
      if (expected === undefined || Number.isNaN(expected) || expected !== Number(f.text.replace('%', ''))) {
        out.push({ paragraph: p.id, problem: `${f.text} 在表格中对应 ${String(expected)}` });
      }
    }
  }
  return out;
}
