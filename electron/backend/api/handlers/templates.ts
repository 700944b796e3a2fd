/** The report templates this app knows. */
import { fail } from '../../failure';
import type { HandlerMap } from '../types';

export const templateHandlers: HandlerMap<'templates.list' | 'templates.get'> = {
  'templates.list': (ctx) =>
    ctx.templates.all().map((t) => ({ id: t.id, version: t.version, name: t.name, description: t.description })),

  'templates.get': (ctx, { templateId }) =>
    ctx.templates.get(templateId) ?? fail('not_found', `没有编号为 ${templateId} 的报表模板`, 'templateId'),
};
