/** The report templates this app knows (built in, and the user's). */
import { z } from 'zod';
import type { Template } from '../../template/schema';
import { emptyInput, templateIdSchema } from '../common';

export const templateInputs = {
  'templates.list': emptyInput,
  'templates.get': z.strictObject({ templateId: templateIdSchema }),
};

export interface TemplateSummary {
  id: string;
  version: number;
  name: string;
  description: string;
}

export interface TemplateOutputs {
  'templates.list': TemplateSummary[];
  'templates.get': Template;
}
