/** App status, first-run set-up, settings, templates, units, backups. */
import { z } from 'zod';
import { ROLES, UNIT_KINDS, type Role, type Unit } from '../../domain';
import type { Template } from '../../template/schema';
import { emptyInput, templateIdSchema, unitCodeSchema, unitNameSchema } from '../common';

export const coreInputs = {
  'app.status': emptyInput,
  'setup.init': z.strictObject({
    unitCode: unitCodeSchema,
    unitName: unitNameSchema,
    role: z.enum(ROLES),
    unitKind: z.enum(UNIT_KINDS).default('部门'),
    operator: z.string().trim().max(40).optional(),
  }),
  'settings.update': z.strictObject({
    operator: z.string().trim().max(40).optional(),
    contactPerson: z.string().trim().max(40).optional(),
    contactPhone: z.string().trim().max(40).optional(),
    defaultTemplateId: templateIdSchema.optional(),
  }),
  'templates.list': emptyInput,
  'templates.get': z.strictObject({ templateId: templateIdSchema }),
  'units.list': emptyInput,
  'backups.list': emptyInput,
  'backups.create': emptyInput,
  // A backup's own name (`<data file>~<time>-<reason>.sqlite`, or the older `ledger-<time>-<reason>.sqlite`), never a path.
  'backups.restore': z.strictObject({
    name: z
      .string()
      .max(255)
      .regex(/^(?:[^/\\\0]+~|ledger-)\d{8}-\d{6}-\d{3}-[a-z0-9-]+\.sqlite$/, '备份文件名无效'),
  }),
};

export interface AppSettings {
  operator: string;
  contactPerson: string;
  contactPhone: string;
  defaultTemplateId: string;
}

export interface AppStatus {
  appVersion: string;
  setupDone: boolean;
  /** The unit this data file belongs to (set at first run). */
  unit: Unit | null;
  role: Role | null;
  settings: AppSettings;
  dataFile: string;
  templateProblems: string[];
}

export interface TemplateSummary {
  id: string;
  version: number;
  name: string;
  description: string;
}

export interface BackupSummary {
  name: string;
  reason: string;
  createdAt: string;
  bytes: number;
}

export interface CoreOutputs {
  'app.status': AppStatus;
  'setup.init': AppStatus;
  'settings.update': AppSettings;
  'templates.list': TemplateSummary[];
  'templates.get': Template;
  'units.list': Unit[];
  'backups.list': BackupSummary[];
  'backups.create': BackupSummary;
  'backups.restore': { restored: string; safetyBackup: string };
}
