/** Backups of the data file: list, take one now, restore one. */
import { z } from 'zod';
import { emptyInput } from '../common';

export const backupInputs = {
  'backups.list': emptyInput,
  'backups.create': emptyInput,
  'backups.restore': z.strictObject({ name: z.string().regex(/^ledger-[0-9-]+-[a-z0-9-]+\.sqlite$/, '备份文件名无效') }),
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
