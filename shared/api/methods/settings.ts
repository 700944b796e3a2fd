/** The data file's settings: who works on it, whom to call, which template opens first. */
import { z } from 'zod';
import type { Unit } from '../../domain';
import { templateIdSchema, unitCodeSchema, unitNameSchema } from '../common';

export const settingsInputs = {
  'settings.update': z.strictObject({
    operator: z.string().trim().max(40).optional(),
    contactPerson: z.string().trim().max(40).optional(),
    contactPhone: z.string().trim().max(40).optional(),
    defaultTemplateId: templateIdSchema.optional(),
  }),
  /** Corrects this data file's own unit (a typo in its name or code at first run); any role may. */
  'settings.ownUnit': z.strictObject({
    unitName: unitNameSchema,
    unitCode: unitCodeSchema,
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
  'settings.ownUnit': Unit;
}
