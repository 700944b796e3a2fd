/** The data file's settings: who works on it, whom to call, which template opens first. */
import { z } from 'zod';
import { templateIdSchema } from '../common';

export const settingsInputs = {
  'settings.update': z.strictObject({
    operator: z.string().trim().max(40).optional(),
    contactPerson: z.string().trim().max(40).optional(),
    contactPhone: z.string().trim().max(40).optional(),
    defaultTemplateId: templateIdSchema.optional(),
  }),
};

export interface AppSettings {
  operator: string;
  contactPerson: string;
  contactPhone: string;
  defaultTemplateId: string;
}

export interface SettingsOutputs {
  'settings.update': AppSettings;
}
