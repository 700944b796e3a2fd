/**
 * Peak memory (process.resourceUsage().maxRSS) of a CLI merge of the 500
 * bench workbooks, in a process of its own: files are checked and read one
 * at a time (cli/commands/merge.ts), so the peak follows the batch's figures,
 * not the sum of its files. Beside it: the same merge with one 1 GiB sparse
 * file in the folder, which must be refused unread (the peak must not grow
 * by its size).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { tempBackend, tempDir } from '../../electron/backend/testing/tempBackend';
import { benchDir, ensureBenchWorkbooks, units } from './benchWorkbooks';

const { line } = await ensureBenchWorkbooks();
console.log(line);

async function dataFile(dir: string): Promise<string> {
  const b = await tempBackend({ role: 'aggregator', dir });
  const db = b.ctx.store.db;
  db.transaction(() => {
    const parent = (db.prepare("SELECT id FROM units WHERE code = 'TEST-01'").get() as { id: number }).id;
    const ins = db.prepare("INSERT INTO units (code, name, kind, parent_id, created_at, updated_at) VALUES (?, ?, '部门', ?, '', '')");
    for (const u of units) ins.run(u.code, u.name, parent);
  })();
  const file = b.ctx.store.file;
  b.close();
  return file;
}

function merge(label: string, args: string[]): void {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'cliMergeChild.ts'), 'merge', ...args], { encoding: 'utf8' });
  const m = /MAXRSS (\d+) (\d+)/.exec(r.stderr);
  if (!m) throw new Error(`merge failed: ${r.stderr.slice(0, 500)}`);
  console.log(`${label}：峰值内存 ${(Number(m[1]) / 1024).toFixed(0)} MB（maxRSS），${((performance.now() - t0) / 1000).toFixed(2)} s，退出码 ${m[2]}`);
}

const work = tempDir('ledger-cli-merge-bench-');
try {
  merge('CLI merge 500 个工作簿（导入）', [benchDir, '--db', await dataFile(path.join(work, 'a'))]);
  const withHuge = path.join(work, 'inbox');
  fs.mkdirSync(withHuge);
  for (const f of fs.readdirSync(benchDir).filter((n) => n.endsWith('.xlsx'))) fs.symlinkSync(path.join(benchDir, f), path.join(withHuge, f));
  fs.writeFileSync(path.join(withHuge, '巨大.xlsx'), '');
  fs.truncateSync(path.join(withHuge, '巨大.xlsx'), 1024 ** 3);
  merge('同上，另加一个 1 GiB 文件（未读取即拒绝）', [withHuge, '--db', await dataFile(path.join(work, 'b'))]);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
