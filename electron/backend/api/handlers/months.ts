/**
 * Month completion: completing a month (all rules checked here, not trusted
 * from the UI) and reopening it with a reason. Completed months are locked
 * by the monthsOpen write policy (writePolicy.ts) of every handler that writes values.
 */
import {
  explanationKey,
  type AcceptedWarning,
  type CompletionRefusal,
  type CompletionViolation,
} from '../../../../shared/api/methods/months';
import { evaluateRules } from '../../../../shared/rules/evaluate';
import { byRefAndMonth, monthLookup, yearLookup } from '../../../../shared/rules/periodLookup';
import type { Template } from '../../../../shared/template/schema';
import type { Unit } from '../../../../shared/domain';
import { operatorName, resolveTemplate, resolveUnit, ruleAudience, type BackendContext } from '../../context';
import { completeMonth, isMonthCompleted, reopenMonth, yearStatus, type MonthKey } from '../../store/months';
import { getValues } from '../../store/values';
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

/** Month rules for the month; December also answers for the year's roll-up. */
function monthViolations(ctx: BackendContext, template: Template, unit: Unit, k: MonthKey): CompletionViolation[] {
  const current = byRefAndMonth(getValues(ctx.store.db, k.unitId, k.templateId, k.year));
  const previous = byRefAndMonth(getValues(ctx.store.db, k.unitId, k.templateId, k.year - 1));
  const context = { audience: ruleAudience(ctx), unitKind: unit.kind };
  const found: CompletionViolation[] = evaluateRules(template, 'month', monthLookup(template, current, previous, k.month), context).map((v) => ({
    ...v,
    scope: 'month',
    key: explanationKey('month', v.checkId),
  }));
  if (k.month === 12) {
    // December completes the year when every other month is complete: its blanks are then zeros.
    const yearComplete = yearStatus(ctx.store.db, k.unitId, k.templateId, k.year).every((m) => m.month === 12 || m.completed);
    for (const v of evaluateRules(template, 'year', yearLookup(template, current, previous), { ...context, blanksAreZero: yearComplete })) {
      found.push({ ...v, scope: 'year', message: `全年：${v.message}`, key: explanationKey('year', v.checkId) });
    }
  }
  return found;
}

const numbered = (list: CompletionViolation[]) => list.map((v, i) => `${i + 1}. ${v.message}`).join('；');

export function monthKey(ctx: BackendContext, input: { templateId: string; year: number; month: number; unitCode?: string }) {
  const template = resolveTemplate(ctx, input.templateId);
  const unit = resolveUnit(ctx, input.unitCode);
  return { template, unit, key: { unitId: unit.id, templateId: template.id, year: input.year, month: input.month } };
}

export const monthHandlers: HandlerMap<'months.status' | 'months.complete' | 'months.reopen'> = {
  'months.status': (ctx, { templateId, year, unitCode }) => {
    const template = resolveTemplate(ctx, templateId);
    const unit = resolveUnit(ctx, unitCode);
    return yearStatus(ctx.store.db, unit.id, template.id, year);
  },

  'months.complete': (ctx, input) => {
    const { template, unit, key } = monthKey(ctx, input);
    const label = `${input.year}年${input.month}月`;
    if (isMonthCompleted(ctx.store.db, key)) fail('conflict', `${label}已经标记完成`, `${input.month}月`);
    const found = monthViolations(ctx, template, unit, key);
    const errors = found.filter((v) => v.severity === 'error');
    const unexplained = found.filter((v) => v.severity === 'warning' && (input.explanations[v.key] ?? '').length < 2);
    if (errors.length > 0) {
      const details: CompletionRefusal = { errors, unexplained };
      fail('rule_errors', `${label}不能标记完成：还有 ${errors.length} 个错误未解决：${numbered(errors)}`, `${input.month}月`, details);
    }
    if (unexplained.length > 0) {
      const details: CompletionRefusal = { errors, unexplained };
      fail('rule_errors', `${label}不能标记完成：以下 ${unexplained.length} 个提醒需要填写说明（至少2个字）：${numbered(unexplained)}`, `${input.month}月`, details);
    }
    const warnings: AcceptedWarning[] = found.map((v) => ({ checkId: v.key, message: v.message, explanation: input.explanations[v.key] }));
    completeMonth(ctx.store.db, key, operatorName(ctx), warnings);
    return yearStatus(ctx.store.db, key.unitId, key.templateId, key.year)[input.month - 1];
  },

  'months.reopen': (ctx, input) => {
    const { key } = monthKey(ctx, input);
    if (!isMonthCompleted(ctx.store.db, key)) fail('conflict', `${input.year}年${input.month}月尚未标记完成，无需撤销`, `${input.month}月`);
    reopenMonth(ctx.store.db, key, operatorName(ctx), input.reason);
    return yearStatus(ctx.store.db, key.unitId, key.templateId, key.year)[input.month - 1];
  },
};
