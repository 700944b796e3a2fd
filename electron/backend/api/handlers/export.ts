/** The submission workbook (or a blank template, or an office's bundle). */
import { localIsoDate } from '../../../../shared/office/dueDate';
import { resolveTemplate, resolveUnit, ruleAudience } from '../../context';
import { prepareExport } from '../../export/exportService';
import { periodCheck } from '../../export/periodCheck';
import type { HandlerMap } from '../types';

export const exportHandlers: HandlerMap<'export.workbook' | 'export.check'> = {
  'export.check': (ctx, input) => {
    const template = resolveTemplate(ctx, input.templateId);
    const unit = resolveUnit(ctx, input.unitCode);
    return periodCheck(ctx.store.db, template, unit.id, input.period, localIsoDate(new Date()), { audience: ruleAudience(ctx), unitKind: unit.kind });
  },

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

};
