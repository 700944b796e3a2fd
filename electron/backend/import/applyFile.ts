/**
 * Applies one planned file: all of it or nothing. One transaction writes its
 * values (value history keeps the old numbers), the submission of each
 * unit-month and the log, which names the original kept in the data folder
 * (originals.ts).
 */
import type Database from 'better-sqlite3';
import type { FilePlan } from '../../../shared/api/methods/import';
import { logImport, type ImportOutcome } from '../store/importLog';
import { setUnitKey } from '../store/keys';
import { recordSubmission } from '../store/submissions';
import { replaceMonths } from '../store/values';
import { basePlan, type BatchFile, type BatchOptions, keptPlan, planFile, readAgain, storeOnly } from './batch';
import { originalPath } from './originals';
import type { ImportProblem } from '../workbook/problems';

export interface ApplyTarget {
  db: Database.Database;
  dataDir: string;
  operator: string;
}

const OUTCOME: Record<FilePlan['status'], ImportOutcome> = {
  new: 'applied',
  updated: 'applied',
  unchanged: 'unchanged',
  superseded: 'superseded',
  rejected: 'rejected',
};

/**
 * Applies one file from its bytes (read again: the batch keeps no values);
 * its original is being kept at originalPath (session.ts waits for it
 * before committing). Without bytes (never read, or gone since the dry run)
 * it is logged as refused.
 */
export function applyFile(t: ApplyTarget, f: BatchFile, bytes: Uint8Array | undefined, opts: BatchOptions, conflict: string | undefined): FilePlan {
  const storedPath = bytes ? originalPath(t.dataDir, f.sha256).rel : null;
  const read = bytes ? readAgain(f, opts, bytes) : undefined;
  const run = t.db.transaction(() => {
    // Planned again inside the transaction: the store is the truth now, not the preview.
    // Rule checks only when no preview made them (they do not depend on the store).
    const checked = f.preview && f.preview.status !== 'rejected' ? f.preview : undefined;
    const { plan, work } = planFile(t.db, f, read, opts, conflict, storeOnly(), { rules: !checked });
    if (checked && plan.status !== 'rejected') {
      plan.violations = checked.violations;
      if (checked.findingCounts) plan.findingCounts = { problems: plan.problems.length, differences: plan.differences.length, violations: checked.findingCounts.violations };
    }
    const details = {
      unitCode: plan.unitCode,
      templateId: plan.templateId,
      period: plan.period,
      revision: plan.revision,
      kind: plan.kind,
      source: plan.source,
      units: plan.units.map((u) => u.code),
      changedValues: plan.changedValues,
      problems: plan.problems,
      differences: plan.differences.length,
      seal: plan.seal?.state ?? null,
      keyCode: plan.seal?.keyCode ?? null,
    };
    const message = plan.status === 'rejected' ? plan.problems.map((p) => p.message).join('；') : '';
    const importId = logImport(t.db, { fileName: f.name, sha256: f.sha256, storedPath, operator: t.operator, outcome: OUTCOME[plan.status], message, details });
    if (work?.register) {
      // The office checked this key (import.accept / --accept-new-keys): registered with the file that brought it.
      setUnitKey(t.db, {
        ...work.register,
        reason: work.register.action === 'changed' ? '导入时核对后接受变更的密钥' : '首次导入时核对后接受',
        operator: t.operator,
        importId,
        fileName: f.name,
      });
    }
    if (work && plan.status !== 'superseded') {
      replaceMonths(t.db, work.replace, { operator: t.operator, source: 'import' });
      for (const m of work.months) {
        recordSubmission(t.db, {
          unitId: m.unitId,
          templateId: plan.templateId!,
          year: read!.meta.period.year,
          month: m.month,
          revision: plan.revision ?? 0,
          fingerprint: m.fingerprint,
          importId,
          content: m.content,
          completed: m.completed,
          explanations: m.explanations,
          madeAt: read!.meta.exportedAt,
          force: true,
          seal: m.seal,
        });
      }
    }
    return keptPlan({ ...plan, importId }, opts.findingsKept);
  });
  const plan = run.immediate();
  f.applied = plan;
  f.read = undefined;
  return plan;
}

const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * A file whose writing failed after its dry run passed (the store refused a
 * value, say): its savepoint is rolled back, so nothing of it is stored; it
 * is logged as refused, naming the original kept for it, with the store's
 * Chinese reason (never a library's English one).
 */
export function refuseAtApply(t: ApplyTarget, f: BatchFile, e: unknown, kept: boolean): FilePlan {
  const reason = e instanceof Error && HAS_CHINESE.test(e.message) ? e.message : '写入时出现意外错误';
  if (!(e instanceof Error && HAS_CHINESE.test(e.message))) console.error(`[import] ${f.name} failed while applying`, e);
  const problem: ImportProblem = { code: 'apply_failed', message: `写入此文件时出错，已整体撤销，其余文件不受影响：${reason}` };
  const base = f.preview ?? f.applied;
  const plan: FilePlan = {
    ...(base ?? basePlan(f, undefined)),
    status: 'rejected',
    changedValues: 0,
    problems: [problem],
    violations: [],
  };
  const importId = logImport(t.db, {
    fileName: f.name,
    sha256: f.sha256,
    storedPath: kept ? originalPath(t.dataDir, f.sha256).rel : null,
    operator: t.operator,
    outcome: 'rejected',
    message: problem.message,
    details: { unitCode: plan.unitCode, templateId: plan.templateId, period: plan.period, revision: plan.revision, problems: plan.problems },
  });
  f.applied = keptPlan({ ...plan, importId });
  f.read = undefined;
  return f.applied;
}
