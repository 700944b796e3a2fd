/**
 * Month completion: completing a month (all rules checked here, not trusted
 * from the UI) and reopening it with a reason. Completed months are locked
 * by the monthsOpen write policy (writePolicy.ts) of every handler that writes values.
 */
import { type AcceptedWarning, type CompletionRefusal, type CompletionViolation } from '../../../../shared/api/methods/months';
import { operatorName, resolveTemplate, resolveUnit, ruleAudience, type BackendContext } from '../../context';
import { localIsoDate, monthEnded } from '../../../../shared/office/dueDate';
import { completeMonth, isMonthCompleted, reopenMonth, yearStatus, type MonthKey } from '../../store/months';
import { readMonth } from '../../store/monthValues';
import { monthViolations, yearValues } from '../../store/monthChecks';
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

const numbered = (list: CompletionViolation[]) => list.map((v, i) => `${i + 1}. ${v.message}`).join('；');

export function monthKey(ctx: BackendContext, input: { templateId: string; year: number; month: number; unitCode?: string }) {
  const template = resolveTemplate(ctx, input.templateId);
  const unit = resolveUnit(ctx, input.unitCode);
  return { template, unit, key: { unitId: unit.id, templateId: template.id, year: input.year, month: input.month } };
}

/** A month whose last value was cleared has no row: no row, no figures. */
const hasFigures = (ctx: BackendContext, k: MonthKey) => readMonth(ctx.store.db, k.unitId, k.templateId, k.year, k.month) !== undefined;

export const monthHandlers: HandlerMap<'months.status' | 'months.complete' | 'months.declareNoData' | 'months.reopen'> = {
  'months.status': (ctx, { templateId, year, unitCode }) => {
    const template = resolveTemplate(ctx, templateId);
    const unit = resolveUnit(ctx, unitCode);
    return yearStatus(ctx.store.db, unit.id, template.id, year);
  },

  'months.complete': (ctx, input) => {
    const { template, unit, key } = monthKey(ctx, input);
    const label = `${input.year}年${input.month}月`;
    if (isMonthCompleted(ctx.store.db, key)) fail('conflict', `${label}已经标记完成`, `${input.month}月`);
    // An empty month marked complete would reach the office as nothing at all: saying so is what 本月无数据 is for.
    if (!hasFigures(ctx, key)) fail('conflict', `${label}还没有填写任何数据，不能标记完成；如本月确实没有需要统计的事项，请点“本月无数据”`, `${input.month}月`);
    // December completes the year when every other month is complete: the year's blanks are then zeros.
    const yearComplete = key.month === 12 && yearStatus(ctx.store.db, key.unitId, key.templateId, key.year).every((m) => m.month === 12 || m.completed);
    const found = monthViolations(template, yearValues(ctx.store.db, key), key.month, { audience: ruleAudience(ctx), unitKind: unit.kind, blanksAreZero: yearComplete });
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

  'months.declareNoData': (ctx, input) => {
    const { key } = monthKey(ctx, input);
    const label = `${input.year}年${input.month}月`;
    if (isMonthCompleted(ctx.store.db, key)) fail('conflict', `${label}已经标记完成`, `${input.month}月`);
    // Until the month is over, something may still happen in it.
    if (!monthEnded(input.year, input.month, localIsoDate(new Date()))) fail('conflict', `${label}尚未结束，月末之后才能声明本月无数据`, `${input.month}月`);
    if (hasFigures(ctx, key)) fail('conflict', `${label}已经填写了数据，不能声明本月无数据；如这些数据有误，请先清除`, `${input.month}月`);
    completeMonth(ctx.store.db, key, operatorName(ctx), [], { noData: true });
    return yearStatus(ctx.store.db, key.unitId, key.templateId, key.year)[input.month - 1];
  },

  'months.reopen': (ctx, input) => {
    const { key } = monthKey(ctx, input);
    if (!isMonthCompleted(ctx.store.db, key)) fail('conflict', `${input.year}年${input.month}月尚未标记完成，无需撤销`, `${input.month}月`);
    reopenMonth(ctx.store.db, key, operatorName(ctx), input.reason);
    return yearStatus(ctx.store.db, key.unitId, key.templateId, key.year)[input.month - 1];
  },
};
