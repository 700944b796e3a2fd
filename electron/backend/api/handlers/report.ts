import { draftFileName, loadDraft } from '../../report/loadDraft';
import type { HandlerMap } from '../types';

export const reportHandlers: HandlerMap<'report.draft' | 'report.docx'> = {
  'report.draft': (ctx, input) => loadDraft(ctx, input),

  'report.docx': async (ctx, input) => {
    const draft = loadDraft(ctx, input);
    // docx is loaded when a draft is written, not when the backend starts (start-up, docs/import.md).
    const { draftDocx } = await import('../../report/docx');
    const bytes = await draftDocx(draft);
    return { fileName: draftFileName(draft), base64: bytes.toString('base64') };
  },
};
