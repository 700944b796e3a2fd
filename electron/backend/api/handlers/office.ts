import type { UnitRef } from '../../../../shared/api/methods/office';
import type { Unit } from '../../../../shared/domain';
import { dueDate, localIsoDate } from '../../../../shared/office/dueDate';
import { formatPeriodLabel } from '../../../../shared/values/period';
import { resolveTemplate, resolveUnit, type BackendContext } from '../../context';
import { submissionMatrix } from '../../office/matrix';
import { reminders } from '../../office/reminders';
import { levelChecks } from '../../office/levelChecks';
import { levelTotals, shareOf } from '../../office/totals';
import { defaultTemplateId } from '../../templates/defaultTemplate';
import { subtreeUnitIds } from '../../store/aggregate';
import { findUnitById } from '../../store/units';
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

const ref = (u: Unit): UnitRef => ({ code: u.code, name: u.name, kind: u.kind });

const todayOf = (today: string | undefined) => today ?? localIsoDate(new Date());

function matrixFor(ctx: BackendContext, input: { templateId: string; year: number; unitCode?: string; today?: string }) {
  const template = resolveTemplate(ctx, input.templateId);
  const root = resolveUnit(ctx, input.unitCode);
  return submissionMatrix(ctx.store.db, root, template.id, input.year, todayOf(input.today));
}

function remindersFor(ctx: BackendContext, input: { templateId: string; year: number; unitCode?: string; today?: string; throughMonth?: number; replyBy?: string }) {
  const template = resolveTemplate(ctx, input.templateId);
  return reminders(matrixFor(ctx, input), { throughMonth: input.throughMonth, templateName: template.name, replyBy: input.replyBy });
}

export const officeHandlers: HandlerMap<
  'office.matrix' | 'office.reminders' | 'office.remindersXlsx' | 'office.totals' | 'office.totalsXlsx' | 'office.compare' | 'office.summary'
> = {
  'office.matrix': (ctx, input) => matrixFor(ctx, input),

  'office.reminders': (ctx, input) => remindersFor(ctx, input),

  'office.remindersXlsx': async (ctx, input) => {
    const list = remindersFor(ctx, input);
    const { remindersWorkbook } = await import('../../office/remindersXlsx');
    const bytes = await remindersWorkbook(list);
    return { fileName: `催报名单-${list.office.code}-${input.year}-${list.today}.xlsx`, base64: Buffer.from(bytes).toString('base64') };
  },

  'office.totals': (ctx, { templateId, period, unitCode }) => {
    const template = resolveTemplate(ctx, templateId);
    const unit = resolveUnit(ctx, unitCode);
    const db = ctx.store.db;
    const t = levelTotals(db, template, unit.id, period.year, period.fromMonth, period.toMonth, ctx.templates.family(template.id));
    const previous = levelTotals(db, template, unit.id, period.year - 1, period.fromMonth, period.toMonth, ctx.templates.family(template.id)).figures;
    return {
      unit: ref(unit),
      period,
      periodLabel: formatPeriodLabel(period),
      unitCount: t.unitCount,
      reportingUnits: t.reportingUnits,
      figures: Object.fromEntries(t.figures),
      violations: levelChecks(db, template, subtreeUnitIds(db, unit.id), period, { current: t.figures, previous }, unit.kind),
    };
  },

  'office.totalsXlsx': async (ctx, { templateId, period, unitCode }) => {
    const template = resolveTemplate(ctx, templateId);
    const root = resolveUnit(ctx, unitCode);
    const { mergedExport } = await import('../../office/mergedExport');
    const out = await mergedExport(ctx.store.db, { template, root, period, appVersion: ctx.appVersion, today: localIsoDate(new Date()) });
    return { fileName: out.fileName, base64: out.buffer.toString('base64'), unitCount: out.unitCount, reportingUnits: out.reportingUnits };
  },

  'office.compare': (ctx, { templateId, period, unitCode }) => {
    const template = resolveTemplate(ctx, templateId);
    const unit = resolveUnit(ctx, unitCode);
    const parent = unit.parentId === null ? undefined : findUnitById(ctx.store.db, unit.parentId);
    if (!parent) fail('invalid_value', `“${unit.name}”没有上级单位，无法与上级合计对比`, 'unitCode');
    const db = ctx.store.db;
    const mine = levelTotals(db, template, unit.id, period.year, period.fromMonth, period.toMonth, ctx.templates.family(template.id)).figures;
    const theirs = levelTotals(db, template, parent.id, period.year, period.fromMonth, period.toMonth, ctx.templates.family(template.id)).figures;
    const shares: Record<string, number> = {};
    for (const [cell, whole] of theirs) {
      const s = shareOf(mine.get(cell), whole);
      if (s !== undefined) shares[cell] = s;
    }
    return {
      unit: ref(unit),
      parent: ref(parent),
      periodLabel: formatPeriodLabel(period),
      unitFigures: Object.fromEntries(mine),
      parentFigures: Object.fromEntries(theirs),
      shares,
    };
  },

  'office.summary': (ctx, input) => {
    const templateId = input.templateId ?? defaultTemplateId(ctx);
    const today = todayOf(input.today);
    const [y, m] = today.split('-').map(Number);
    const year = m === 1 ? y - 1 : y;
    const month = m === 1 ? 12 : m - 1;
    const matrix = matrixFor(ctx, { templateId, year, today });
    const missing = matrix.rows
      .filter((r) => r.cells[month - 1].status === 'missing' || r.cells[month - 1].status === 'overdue')
      .map((r) => ({ code: r.code, name: r.name, kind: r.kind, overdue: r.cells[month - 1].status === 'overdue' }));
    return {
      templateId,
      year,
      month,
      dueDate: dueDate(year, month, null),
      expected: matrix.rows.length,
      received: matrix.months[month - 1].received,
      missing,
    };
  },
};
