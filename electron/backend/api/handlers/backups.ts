/** Backups of the data file. */
import path from 'node:path';
import type { BackupSummary } from '../../../../shared/api/methods/backups';
import { restoreBackup } from '../../backup/restore';
import { fail } from '../../failure';
import type { BackupInfo } from '../../store/backups';
import type { HandlerMap } from '../types';

const summary = (b: BackupInfo): BackupSummary => ({ name: b.name, reason: b.reason, createdAt: b.createdAt, bytes: b.bytes });

export const backupHandlers: HandlerMap<'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (ctx) => ctx.store.backups().map(summary),

  'backups.create': async (ctx) => summary(await ctx.store.backup('manual')),

  'backups.restore': async (ctx, { name }) => {
    const file = path.join(ctx.store.backupsDir, name);
    if (!ctx.store.backups().some((b) => b.name === name)) fail('not_found', `找不到备份 ${name}`, 'name');
    const result = await restoreBackup(ctx, file, name);
    return { restored: name, safetyBackup: result.safetyBackup };
  },
};
