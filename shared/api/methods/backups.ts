/** Backups of the data file: list, take one now, restore one. */
import { z } from 'zod';
import { emptyInput } from '../common';

export const backupInputs = {
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

export interface BackupSummary {
  name: string;
  reason: string;
  createdAt: string;
  bytes: number;
}

export interface BackupOutputs {
  'backups.list': BackupSummary[];
  'backups.create': BackupSummary;
  'backups.restore': { restored: string; safetyBackup: string };
}
