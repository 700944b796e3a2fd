/**
 * What a submission's period looks like before it leaves: months not marked
 * complete, months still running or empty without a 本月无数据 declaration
 * (the office will not count them), 勾稽 errors still standing and warnings
 * without an explanation. Said in one line before saving (export.check) and
 * printed on the 封面 as 检查情况.
 */
import type Database from 'better-sqlite3';
import type { ExportCheck } from '../../../shared/api/methods/export';
import { formatMonthRuns, monthEnded } from '../../../shared/office/dueDate';
import type { RuleContext } from '../../../shared/rules/evaluate';
import type { Template } from '../../../shared/template/schema';
import { isWholeYear, periodMonths, type Period } from '../../../shared/values/period';
import { monthViolations, yearValues, yearViolations } from '../store/monthChecks';
import { yearStatus } from '../store/months';
import { readUnitMonths } from '../store/monthValues';

/**
 * context: who exports and the unit's kind, as completing a month passes them,
 * so that a kind-limited rule (规章 outside governments with rule-making power)
 * counts here exactly when it counted there.
 */
export function periodCheck(
  db: Database.Database,
  template: Template,
  unitId: number,
  period: Period,
  today: string,
  context: Pick<RuleContext, 'audience' | 'unitKind'>,
): ExportCheck {
  const status = yearStatus(db, unitId, template.id, period.year);
  // A completed year's blanks are zeros for its roll-up, as December's completion judged it.
  const yearContext: RuleContext = { ...context, blanksAreZero: status.every((s) => s.completed) };
  const filled = new Set(readUnitMonths(db, unitId, template.id, period.year, period.fromMonth, period.toMonth).map((r) => r.month));
  const year = yearValues(db, { unitId, templateId: template.id, year: period.year });
  const notEnded: number[] = [];
  const emptyUndeclared: number[] = [];
  const incomplete: number[] = [];
  let errors = 0;
  let unexplained = 0;
  for (const m of periodMonths(period)) {
    const s = status[m - 1];
    if (!monthEnded(period.year, m, today)) notEnded.push(m);
    else if (!filled.has(m) && !s.noData) emptyUndeclared.push(m);
    else if (!s.completed) incomplete.push(m);
    if (!filled.has(m)) continue;
    // December's completion checks the year too; the year is counted once below for a whole year.
    const checked = monthViolations(template, year, m, yearContext);
    const found = isWholeYear(period) && m === 12 ? checked.filter((v) => v.scope === 'month') : checked;
    errors += found.filter((v) => v.severity === 'error').length;
    if (!s.completed) unexplained += found.filter((v) => v.severity === 'warning').length;
  }
  if (isWholeYear(period) && filled.size > 0) {
    const found = yearViolations(template, year, yearContext);
    errors += found.filter((v) => v.severity === 'error').length;
    if (!status[11].completed) unexplained += found.filter((v) => v.severity === 'warning').length;
  }
  const problems = [
    ...(errors > 0 ? [`${errors}个勾稽错误未解决`] : []),
    ...(unexplained > 0 ? [`${unexplained}个提醒未填写说明`] : []),
    ...(incomplete.length > 0 ? [`${formatMonthRuns(incomplete)}未标记完成`] : []),
    ...(emptyUndeclared.length > 0 ? [`${formatMonthRuns(emptyUndeclared)}没有数据也未声明“本月无数据”，上级将视为未报`] : []),
    ...(notEnded.length > 0 ? [`${formatMonthRuns(notEnded)}尚未结束，上级不计为已报`] : []),
  ];
  const summary =
    problems.length === 0
      ? `${formatMonthRuns(periodMonths(period))}均已标记完成，勾稽检查没有未解决的错误`
      : problems.join('；');
  return { ok: problems.length === 0, errors, unexplained, incomplete, emptyUndeclared, notEnded, summary };
}
