import { draftDocx } from '../../report/docx';
import { draftFileName, loadDraft } from '../../report/loadDraft';
import type { HandlerMap } from '../types';

export const reportHandlers: HandlerMap<'report.draft' | 'report.docx'> = {
  'report.draft': (ctx, input) => loadDraft(ctx, input),

  'report.docx': async (ctx, input) => {
    const draft = loadDraft(ctx, input);
    const bytes = await draftDocx(draft);
    return { fileName: draftFileName(draft), base64: bytes.toString('base64') };
  },
};
