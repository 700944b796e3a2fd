/**
 * Restoring a backup replaces the live database. A safety backup of the
 * current state is taken first, and the restored file must open cleanly
 * (same checks as any data file) before it replaces anything.
 */
import fs from 'node:fs';
import type { BackendContext } from '../context';
import { Store } from '../store/store';
import { openDatabase } from '../store/openDatabase';
import { registerTemplates } from '../templates/registry';

export async function restoreBackup(ctx: BackendContext, backupFile: string): Promise<{ safetyBackup: string }> {
  // Validate the candidate on a scratch copy so a bad backup never touches the live file.
  const scratch = `${ctx.store.file}.restore-check`;
  fs.copyFileSync(backupFile, scratch);
  try {
    const probe = await openDatabase(scratch);
    probe.db.close();
  } finally {
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
  }
  const safety = await ctx.store.backup('before-restore');
  const file = ctx.store.file;
  ctx.store.close();
  for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(backupFile, file);
  ctx.store = await Store.open(file);
  registerTemplates(ctx.store.db, ctx.templates.all());
  return { safetyBackup: safety.name };
}
