import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { FilePlan, FileSeal, FileStatus, SealState } from '../../../../shared/api/methods/import';
import { localIsoDate } from '../../../../shared/office/dueDate';
import { formatPeriodLabel, parsePeriodKey, type Period, yearPeriod } from '../../../../shared/values/period';
import { ApiFailure } from '../../failure';
import { operatorName, resolveTemplate, resolveUnit } from '../../context';
import { writeFileAtomic, WriteFailure } from '../../files/writeFileAtomic';
import type Database from 'better-sqlite3';
import type { ImportBatch as ImportBatchType } from '../../import/session';
import type { FileRead } from '../../import/readFile';
import type { ReadPool as ReadPoolType } from '../../import/readPool';
import { readerContextOf } from '../../import/readerContext';
import { type InputFile, osReason, readInputFile } from '../../import/inputFile';
import { unitKeyByCode } from '../../store/keys';
import { type CliCommand, dbOption, stringOption, UsageError, withBackend } from '../command';

const STATUS: Record<FileStatus, string> = { new: '新增', updated: '更新', unchanged: '无变化', superseded: '旧版本（已忽略）', rejected: '拒绝' };

const SEAL: Record<SealState, string> = {
  signed: '已签名',
  county: '经县区签名',
  new_key: '新密钥',
  key_changed: '密钥变更',
  accepted: '未签名（已接受）',
  unsigned: '未签名',
  invalid: '签名无效',
};

/** 已签名 / 新密钥 7K3M … as the file's second line says it. */
export function describeSeal(seal: FileSeal): string {
  const parts = [SEAL[seal.state]];
  if (seal.state === 'county' && seal.signer) parts.push(`由${seal.signer.name}（${seal.signer.code}）签名`);
  if (seal.keyCode && seal.state !== 'signed' && seal.state !== 'county') parts.push(`文件密钥 ${seal.keyCode}`);
  if (seal.state === 'key_changed' && seal.registeredKeyCode) parts.push(`登记的密钥 ${seal.registeredKeyCode}`);
  if (seal.state === 'new_key' && !seal.accepted) parts.push('未登记，未核验；核对后可用 --accept-new-keys 接受');
  if (seal.accepted && seal.state !== 'accepted') parts.push('已接受，导入时登记');
  return parts.join('，');
}

/**
 * Every file named, and every .xlsx found (recursively) in the folders named,
 * in a stable order. Only stat()s: what each entry is gets checked when it
 * is read (readInputFile). A folder reached twice (a link to a parent) is
 * walked once.
 */
export function collectFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = (p: string, named: boolean) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) {
      if (named) throw new UsageError(`找不到文件或文件夹：${p}`);
      return;
    }
    if (!st.isDirectory()) {
      out.push(p);
      return;
    }
    const real = fs.realpathSync(p);
    if (walked.has(real)) return;
    walked.add(real);
    let names: string[];
    try {
      names = fs.readdirSync(p).sort();
    } catch (e) {
      throw new UsageError(`无法读取文件夹“${p}”（${osReason(e)}）`);
    }
    for (const name of names) {
      const child = path.join(p, name);
      if (fs.statSync(child, { throwIfNoEntry: false })?.isDirectory() || (/\.xlsx$/i.test(name) && !name.startsWith('~$'))) walk(child, false);
    }
  };
  for (const i of inputs) walk(path.resolve(i), true);
  return out;
}

export function describePlan(p: FilePlan): string {
  const head = `${STATUS[p.status]}  ${p.name}`;
  const what = p.unitName ? `  ${p.unitName}（${p.unitCode}）${p.periodLabel ?? ''} 第 ${p.revision} 版${p.kind === 'bundle' ? `，含 ${p.units.length} 个单位` : ''}` : '';
  const changed = p.status === 'updated' || p.status === 'new' ? `，${p.changedValues} 个数值` : '';
  const lines = [head + what + changed];
  if (p.seal) lines.push(`    签名：${describeSeal(p.seal)}`);
  // A few of each per file, then how many more: a crafted file can carry thousands (--json has them all, worked out again).
  // The batch keeps the first of each kind with their counts (findingCounts).
  const n = p.findingCounts;
  capped(lines, p.problems, n?.problems, 10, (x) => `    ✗ [${x.code}] ${x.message}`);
  capped(lines, p.warnings, undefined, 10, (x) => `    ! ${x.message}`);
  capped(lines, p.differences, n?.differences, 20, (d) => `    ≠ ${d.sheet}!${d.cell} ${d.label}：隐藏数据 ${d.data ?? '空'}，表内 ${d.visible ?? '空'}`);
  capped(lines, p.violations, n?.violations, 10, (v) => `    ${v.severity === 'error' ? '勾稽错误' : '勾稽提示'}（${v.unitName}）：${v.message}`);
  return lines.join('\n');
}

function capped<T>(lines: string[], items: T[], count: number | undefined, max: number, line: (item: T) => string): void {
  const shown = items.slice(0, max);
  for (const item of shown) lines.push(line(item));
  const all = Math.max(count ?? 0, items.length);
  if (all > shown.length) lines.push(`    ……另有 ${all - shown.length} 条`);
}

/**
 * A province's merge in bounded memory: the batch keeps a few KiB per file,
 * but V8 lets the heap grow to several times what is live before it collects
 * (10,000 workbooks: a peak of 434 MiB for about 60 MiB live). A lower growth
 * factor (V8's heap-growing-percent, read at each collection) keeps the peak
 * near what is live for some more collections (docs/import.md, "Speed at
 * scale"). Set for this command's process only; the app never runs it.
 */
const HEAP_GROWING_PERCENT = 25;

function boundHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * Files as read the merge keeps for applying them (session.ts
 * KEPT_READS_BYTES, the page's is twice this): the bench's 500 fit (about
 * 14 MiB) and apply without being read again; a province's 10,000 keep their
 * first 600 or so, within the 300 MiB the whole merge may take.
 */
const CLI_KEPT_READS_BYTES = 16 * 1024 * 1024;

/** Files applied per transaction: their bytes and reads are held meanwhile (and the next chunk's, read ahead); one sync each. */
const APPLY_CHUNK = 100;

/** Files being read on the reader threads while the first of them is planned. */
const READ_AHEAD = 16;

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: '导入并合并各单位报送的工作簿（先预演，再逐个文件整体写入），可导出汇总表',
  usage:
    'merge <文件或文件夹…> --db <文件> [--dry-run] [--take-visible] [--accept-new-keys] [--add-units [--parent <单位代码>]] [--period <2017 | 2017-03 | 2017-01..2017-06>] [--out 汇总.xlsx] [--level <单位代码>] [--template <模板>] [--json]',
  options: {
    ...dbOption,
    'dry-run': { type: 'boolean' },
    'take-visible': { type: 'boolean' },
    'accept-new-keys': { type: 'boolean' },
    'add-units': { type: 'boolean' },
    parent: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
    level: { type: 'string' },
    template: { type: 'string' },
  },
  allowPositionals: true,
  async run(args, io) {
    if (args.positionals.length === 0 && !args.values.out) throw new UsageError('请给出要导入的文件或文件夹');
    const periodText = stringOption(args, 'period');
    const period: Period | undefined = periodText === undefined ? undefined : (parsePeriodKey(periodText) ?? undefined);
    if (periodText !== undefined && !period) throw new UsageError(`--period 格式应为 2017、2017-03 或 2017-01..2017-06：${periodText}`);
    const out = stringOption(args, 'out');
    if (out !== undefined && !out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out 应是 .xlsx 文件：${out}`);
    const files = collectFiles(args.positionals);
    const dryRun = args.values['dry-run'] === true;
    const addUnits = args.values['add-units'] === true;
    if (stringOption(args, 'parent') !== undefined && !addUnits) throw new UsageError('--parent 只与 --add-units 一起使用');

    boundHeapGrowth();
    return withBackend(args, async (b) => {
      const ctx = b.ctx;
      // The import engine is loaded by this command only: the others start without it (start-up, docs/import.md).
      const [{ ImportBatch }, { addUnitsFromFiles }, { ReadPool }] = await Promise.all([
        import('../../import/session'),
        import('../../import/addUnits'),
        import('../../import/readPool'),
      ]);
      const db = ctx.store.db;
      // Reader threads read the files while this thread plans and writes (readPool.ts).
      const readers = new ReadPool();
      const batch: ImportBatchType = new ImportBatch({
        templates: (id) => ctx.templates.get(id),
        takeVisible: args.values['take-visible'] === true,
        period,
        registeredKey: (code) => unitKeyByCode(ctx.store.db, code)?.publicKey,
        // What describePlan prints of each kind; --json works out the rest again.
        findingsKept: 10,
        readerContext: () => readerContextOf(ctx),
        // Files as read, packed, within a budget: the 500 of the bench all apply without being read again.
      }, CLI_KEPT_READS_BYTES);
      try {
        // Each file checked (kind, size) before it is read, read on a thread, and planned in order as its read comes
        // back: the batch keeps its plan and facts and, within its budget, its figures packed; not its bytes (a file
        // beyond the budget is read again from disk when applied).
        await addInOrder(batch, files, db, readers);
        let plans = batch.plan(db);
        // Units the files carry but the directory lacks, as the import page offers: under the parent each file
        // names, else --parent (else the office's own unit). A dry run only says which.
        const unknown = plans.flatMap((p) => p.unknownUnits);
        let unitsAdded: { code: string; name: string }[] = [];
        if (addUnits && unknown.length) {
          const fallback = resolveUnit(ctx, stringOption(args, 'parent'));
          if (dryRun) unitsAdded = unknown.map((u) => ({ code: u.code, name: u.name }));
          else {
            unitsAdded = addUnitsFromFiles(ctx.store.db, unknown, fallback).map((u) => ({ code: u.code, name: u.name }));
            plans = batch.plan(ctx.store.db);
          }
          if (!io.json && unitsAdded.length) io.print(`${dryRun ? '将加入' : '已加入'}单位名录 ${unitsAdded.length} 个单位：${unitsAdded.map((u) => `${u.name}（${u.code}）`).join('、')}`);
        }
        // First-seen keys the operator checked: registered with the file that brings each (a changed key is never taken here).
        if (args.values['accept-new-keys'] === true && batch.accept([], true) > 0) plans = batch.plan(ctx.store.db);
        if (!dryRun && files.length) {
          await ctx.store.backup('before-import');
          // In chunks, each committed when it returns (one disk sync per chunk); each file all or nothing within.
          // The threads read the next chunk again while this one is written.
          const target = { db, dataDir: ctx.store.dataDir, operator: operatorName(ctx) };
          plans = [];
          let ahead = batch.readAhead(batch.pending().slice(0, APPLY_CHUNK), readers);
          while (batch.pending().length) {
            await ahead;
            ahead = batch.readAhead(batch.pending().slice(APPLY_CHUNK, 2 * APPLY_CHUNK), readers);
            plans.push(...batch.applyNext(target, APPLY_CHUNK));
          }
          await ahead;
        }
        const summary = batch.summary(plans);
        let merged: { file: string; unitCount: number; reportingUnits: number } | undefined;
        let error: string | undefined;
        if (out && !dryRun) {
          try {
            const templateId = stringOption(args, 'template') ?? plans.find((p) => p.templateId)?.templateId ?? (await b.invoke('app.status', {})).settings.defaultTemplateId;
            const template = resolveTemplate(ctx, templateId);
            const root = resolveUnit(ctx, stringOption(args, 'level'));
            const year = plans.find((p) => p.period)?.period?.slice(0, 4);
            const p = period ?? yearPeriod(year ? Number(year) : new Date().getFullYear());
            const { mergedExport } = await import('../../office/mergedExport');
            const m = await mergedExport(ctx.store.db, { template, root, period: p, appVersion: ctx.appVersion, today: localIsoDate(new Date()) });
            writeFileAtomic(path.resolve(out), m.buffer);
            merged = { file: path.resolve(out), unitCount: m.unitCount, reportingUnits: m.reportingUnits };
            if (!io.json) io.print(`已导出汇总表（${root.name}，${formatPeriodLabel(p)}，${m.reportingUnits}/${m.unitCount} 个单位有数据）：${merged.file}`);
          } catch (e) {
            if (!(e instanceof ApiFailure) && !(e instanceof WriteFailure)) throw e;
            error = e.message;
          }
        }
        if (io.json) {
          // Every finding: the batch kept the first of each kind, the rest are worked out again from those files.
          const full = plans.map((p) => (p.findingCounts ? { ...p, ...batch.findings(p.index) } : p));
          io.printJson({ dryRun, files: full, summary, unitsAdded, merged: merged ?? null, error: error ?? null });
        }
        else {
          for (const p of plans) io.print(describePlan(p));
          const c = summary.counts;
          io.print(
            `${dryRun ? '预演（未写入）' : '已导入'}：共 ${files.length} 个文件，新增 ${c.new}，更新 ${c.updated}，无变化 ${c.unchanged}，旧版本 ${c.superseded}，拒绝 ${c.rejected}`,
          );
          if (error) io.error(`未导出汇总表：${error}`);
        }
        return summary.counts.rejected > 0 || error ? 1 : 0;
      } finally {
        await readers.close();
      }
    });
  },
};

/**
 * Adds the files to the batch in their order, each read on a reader thread:
 * up to READ_AHEAD files are being read while the first of them is planned.
 */
async function addInOrder(batch: ImportBatchType, files: string[], db: Database.Database, readers: ReadPoolType): Promise<void> {
  const opts = readers.threaded() ? batch.poolOptions() : undefined;
  const queue: { file: string; input: InputFile; read?: Promise<FileRead> }[] = [];
  const next = async () => {
    const { file, input, read } = queue.shift()!;
    if (!input.ok) batch.addUnread(path.basename(file), input.size, input.problem, db);
    else if (read) batch.addRead(path.basename(file), input.bytes, await read, db, { path: file });
    else batch.add(path.basename(file), input.bytes, db, { path: file });
  };
  for (const file of files) {
    const input = readInputFile(file);
    queue.push({ file, input, read: input.ok && opts ? readers.read(input.bytes, opts) : undefined });
    if (queue.length >= READ_AHEAD) await next();
  }
  while (queue.length) await next();
}
