/** The submission workbook (or a blank template, or an office's bundle). */
import { prepareExport } from '../../export/exportService';
import type { HandlerMap } from '../types';

export const exportHandlers: HandlerMap<'export.workbook'> = {
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
