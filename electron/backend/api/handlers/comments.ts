/** Cell comments: a note on one cell of one month. */
import { cellRef, findCell } from '../../../../shared/template/cells';
import { operatorName, resolveTemplate, resolveUnit } from '../../context';
import { fail } from '../../failure';
import { setComment, yearComments } from '../../store/comments';
import type { HandlerMap } from '../types';
import { monthKey } from './months';

export const commentHandlers: HandlerMap<'comments.get' | 'comments.set'> = {
  'comments.get': (ctx, { templateId, year, unitCode }) => {
    const template = resolveTemplate(ctx, templateId);
    const unit = resolveUnit(ctx, unitCode);
    return yearComments(ctx.store.db, unit.id, template.id, year);
  },

  'comments.set': (ctx, input) => {
    const { template, key } = monthKey(ctx, input);
    const ref = cellRef(input.indicator, input.col);
    if (!findCell(template, ref)) fail('not_found', `模板“${template.name}”中没有指标 ${ref}，无法添加备注`, ref);
    return setComment(ctx.store.db, { ...key, indicator: input.indicator, col: input.col }, input.text, operatorName(ctx));
  },
};
