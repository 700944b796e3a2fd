import { subtreeUnitIds, aggregatePeriodFigures, unitMonthlyFigures } from '../../store/aggregate';
import { breakdownPicture } from '../../charts/breakdown';
import { resolveTemplate, resolveUnit } from '../../context';
import { prepareExport } from '../../export/exportService';
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

export const exportHandlers: HandlerMap<'export.workbook' | 'charts.breakdownPng'> = {
  'export.workbook': async (ctx, input) => {
    const prepared = await prepareExport(ctx, input);
    prepared.record();
    return {
      fileName: prepared.fileName,
      base64: prepared.buffer.toString('base64'),
      revision: prepared.revision,
      fingerprint: prepared.fingerprint,
      empty: prepared.empty,
      notice: prepared.notice,
    };
  },

  'charts.breakdownPng': async (ctx, { templateId, period, unitCode, scope }) => {
    const template = resolveTemplate(ctx, templateId);
    const unit = resolveUnit(ctx, unitCode);
    const db = ctx.store.db;
    const ids = scope === 'subtree' ? subtreeUnitIds(db, unit.id) : [unit.id];
    const figures = aggregatePeriodFigures(template, unitMonthlyFigures(db, ids, template, period.year), period.fromMonth, period.toMonth);
    const picture = await breakdownPicture(template, figures, { unitName: unit.name, period });
    if (!picture) fail('not_found', `报表模板“${template.name}”没有分类指标，无法生成分类统计图`, 'templateId');
    return { base64: picture.png.toString('base64'), width: picture.width, height: picture.height };
  },
};
