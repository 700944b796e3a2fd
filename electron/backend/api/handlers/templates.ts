/** The report templates this app knows. */
import { fail } from '../../failure';
import type { BackendContext } from '../../context';
import type { HandlerMap } from '../types';

/** Id, version, name and description of each template (also the CLI's `templates`, which skips the API's schemas to start at once). */
export const templateSummaries = (ctx: Pick<BackendContext, 'templates'>) => ctx.templates.all().map((t) => ({ id: t.id, version: t.version, name: t.name, description: t.description }));

export const templateHandlers: HandlerMap<'templates.list' | 'templates.get'> = {
  'templates.list': (ctx) => templateSummaries(ctx),

  'templates.get': (ctx, { templateId }) =>
    ctx.templates.get(templateId) ?? fail('not_found', `没有编号为 ${templateId} 的报表模板`, 'templateId'),
};
