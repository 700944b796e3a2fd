import type { CellRefusal, SetResult } from '../../../../shared/api/methods/values';
import { cellRef, findCell } from '../../../../shared/template/cells';
import type { Template } from '../../../../shared/template/schema';
import { cellLimit } from '../../../../shared/values/limits';
import { parseValue } from '../../../../shared/values/parse';
import { operatorName, resolveTemplate, resolveUnit } from '../../context';
import { getHistory, getValue, getValues, type ValueChange } from '../../store/values';
import { monthsOpen } from '../../writePolicy';
import { fail } from '../../failure';
import { writes } from '../policy';
import type { HandlerMap } from '../types';

interface RawCell {
  month: number;
  indicator: string;
  col: string;
  raw: string | number | null;
}

/** Parses one cell against its template definition; the message says what and where. */
function parseCell(template: Template, c: RawCell): { ok: true; value: number | null } | { ok: false; message: string } {
  const def = findCell(template, cellRef(c.indicator, c.col));
  if (!def) return { ok: false, message: `模板“${template.name}”中没有指标 ${cellRef(c.indicator, c.col)}` };
  const parsed = parseValue(c.raw, def.valueKind, cellLimit(def));
  if (!parsed.ok) return { ok: false, message: `${def.label}（${c.month}月）：${parsed.message}` };
  return parsed;
}

export const valueHandlers: HandlerMap<'values.getYear' | 'values.set' | 'values.setMany' | 'values.history'> = {
  'values.getYear': (ctx, { templateId, year, unitCode }) => {
    resolveTemplate(ctx, templateId);
    const unit = resolveUnit(ctx, unitCode);
    return { unitCode: unit.code, year, templateId, values: getValues(ctx.store.db, unit.id, templateId, year) };
  },

  'values.set': writes([monthsOpen], (ctx, input, values) => {
    const template = resolveTemplate(ctx, input.templateId);
    const unit = resolveUnit(ctx, input.unitCode);
    const parsed = parseCell(template, input);
    if (!parsed.ok) fail('invalid_value', parsed.message, cellRef(input.indicator, input.col));
    const key = { unitId: unit.id, templateId: template.id, year: input.year, month: input.month, indicator: input.indicator, col: input.col };
    const [applied] = values.apply([{ ...key, value: parsed.value }], { operator: operatorName(ctx), source: 'entry' });
    const stored = applied ? { value: applied.value, updatedAt: applied.updatedAt } : (getValue(ctx.store.db, key) ?? null);
    return {
      month: input.month,
      indicator: input.indicator,
      col: input.col,
      value: stored?.value ?? null,
      changed: applied !== undefined,
      updatedAt: stored?.updatedAt ?? null,
    };
  }),

  'values.setMany': writes([monthsOpen], (ctx, input, values) => {
    const template = resolveTemplate(ctx, input.templateId);
    const unit = resolveUnit(ctx, input.unitCode);
    const refused: CellRefusal[] = [];
    const changes: ValueChange[] = [];
    for (const c of input.cells) {
      const parsed = parseCell(template, c);
      if (!parsed.ok) {
        refused.push({ month: c.month, indicator: c.indicator, col: c.col, message: parsed.message });
        continue;
      }
      changes.push({ unitId: unit.id, templateId: template.id, year: input.year, month: c.month, indicator: c.indicator, col: c.col, value: parsed.value });
    }
    const applied = values.apply(changes, { operator: operatorName(ctx), source: input.source });
    const appliedAt = new Map(applied.map((a) => [`${a.month}|${a.indicator}|${a.col}`, a.updatedAt]));
    const saved: SetResult[] = changes.map((c) => {
      const at = appliedAt.get(`${c.month}|${c.indicator}|${c.col}`);
      return { month: c.month, indicator: c.indicator, col: c.col, value: c.value, changed: at !== undefined, updatedAt: at ?? null };
    });
    return { saved, refused };
  }),

  'values.history': (ctx, input) => {
    const template = resolveTemplate(ctx, input.templateId);
    const unit = resolveUnit(ctx, input.unitCode);
    return getHistory(ctx.store.db, { unitId: unit.id, templateId: template.id, year: input.year, month: input.month, indicator: input.indicator, col: input.col });
  },
};
