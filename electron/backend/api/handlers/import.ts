import { FINDINGS_SHOWN, type FilePlan, type ImportLogRow, type SealState } from '../../../../shared/api/methods/import';
import { unitKeyByCode } from '../../store/keys';
import { operatorName, resolveUnit, selfUnit, type BackendContext } from '../../context';
import { addUnitsFromFiles } from '../../import/addUnits';
import type { BatchFile } from '../../import/batch';
import { ImportSessions } from '../../import/session';
import { ImportTurnError } from '../../import/addTurns';
import { sharedReadPool } from '../../import/readPool';
import { readerContextOf } from '../../import/readerContext';
import { listImports } from '../../store/importLog';
import { findUnitById, listUnits } from '../../store/units';
import { formatPeriodLabel, parsePeriodKey } from '../../../../shared/values/period';
import { fail } from '../../failure';
import { ImportRefusal } from '../../workbook/problems';
import type { HandlerMap } from '../types';

/** Batches belong to the backend they were started on. */
const sessions = new WeakMap<BackendContext, ImportSessions>();
function sessionsOf(ctx: BackendContext): ImportSessions {
  let s = sessions.get(ctx);
  if (!s) sessions.set(ctx, (s = new ImportSessions()));
  return s;
}

/**
 * A plan as the page receives it: the first FINDINGS_SHOWN findings of each
 * kind and how many there are (a crafted file can carry thousands, and 500
 * files' full lists made the dry run's answer megabytes); import.findings has the rest.
 */
function capped(p: FilePlan): FilePlan {
  const over = p.problems.length > FINDINGS_SHOWN || p.differences.length > FINDINGS_SHOWN || p.violations.length > FINDINGS_SHOWN;
  if (!over) return p;
  return {
    ...p,
    problems: p.problems.slice(0, FINDINGS_SHOWN),
    differences: p.differences.slice(0, FINDINGS_SHOWN),
    violations: p.violations.slice(0, FINDINGS_SHOWN),
    findingCounts: { problems: p.problems.length, differences: p.differences.length, violations: p.violations.length },
  };
}

function batchOf(ctx: BackendContext, id: string) {
  return sessionsOf(ctx).get(id) ?? fail('not_found', '导入批次不存在或已过期，请重新选择文件', 'batchId');
}

export const importHandlers: HandlerMap<
  | 'import.begin'
  | 'import.add'
  | 'import.plan'
  | 'import.findings'
  | 'import.apply'
  | 'import.discard'
  | 'import.accept'
  | 'import.log'
  | 'import.addUnits'
> = {
  'import.begin': (ctx, input) => {
    const b = sessionsOf(ctx).begin({
      templates: (id) => ctx.templates.get(id),
      takeVisible: input.takeVisible,
      period: input.period,
      registeredKey: (code) => unitKeyByCode(ctx.store.db, code)?.publicKey,
      readerContext: () => readerContextOf(ctx),
    });
    // The files come next: the reader threads load meanwhile.
    sharedReadPool().warm();
    return { batchId: b.id };
  },

  'import.add': async (ctx, input) => {
    const b = batchOf(ctx, input.batchId);
    // Read on the reader threads from now, while earlier chunks are still being planned (readPool.ts).
    const opts = sharedReadPool().threaded() ? b.poolOptions() : undefined;
    const reads = opts ? input.files.map((f) => sharedReadPool().read(f.bytes, opts)) : undefined;
    if (input.at !== undefined) {
      try {
        await b.turn(input.at);
      } catch (e) {
        if (e instanceof ImportTurnError) fail('conflict', e.message, 'at');
        throw e;
      }
    }
    // Read and planned here, file by file (the batch keeps plans and bytes, not values): import.plan then answers at once.
    const added: BatchFile[] = [];
    try {
      for (const [i, f] of input.files.entries()) added.push(reads ? b.addRead(f.name, f.bytes, await reads[i], ctx.store.db) : b.add(f.name, f.bytes, ctx.store.db));
    } finally {
      b.nextTurn();
    }
    // The page shows these while it sends the next chunk; import.plan({omitSent}) then sends only what changed.
    const plans = b.sendPreviews(added);
    return { added: added.map((f) => ({ index: f.index, name: f.name, refused: f.refusal?.message ?? null })), total: b.files.length, plans: plans.map(capped) };
  },

  'import.plan': (ctx, input) => {
    const b = batchOf(ctx, input.batchId);
    const files = b.plan(ctx.store.db);
    return { files: (input.omitSent ? files.filter((p) => !b.wasSent(p)) : files).map(capped), summary: b.summary(files) };
  },

  'import.findings': (ctx, input) => {
    const b = batchOf(ctx, input.batchId);
    if (!b.files[input.index]) fail('not_found', '导入批次中没有这个文件', 'index');
    try {
      return b.findings(input.index) ?? fail('not_found', '这个文件尚未预演', 'index');
    } catch (e) {
      // Worked out again from the file, which must be the one planned.
      if (e instanceof ImportRefusal) fail('conflict', e.problem.message, 'index');
      throw e;
    }
  },

  'import.apply': async (ctx, input) => {
    const b = batchOf(ctx, input.batchId);
    let backup: string | null = null;
    if (!b.backupDone && b.pending().length) {
      backup = (await ctx.store.backup('before-import')).file;
      b.backupDone = true;
    }
    // Files the batch did not keep as read are read again on the reader threads first (most are kept: session.ts).
    await b.readAhead(b.pending().slice(0, input.count), sharedReadPool());
    const applied = b.applyNext({ db: ctx.store.db, dataDir: ctx.store.dataDir, operator: operatorName(ctx) }, input.count);
    // The summary counts what has been applied so far (all files once remaining is 0).
    const done = b.files.flatMap((f) => (f.applied ? [f.applied] : []));
    return { applied: applied.map(capped), remaining: b.pending().length, backup, summary: b.summary(done) };
  },

  'import.discard': (ctx, input) => ({ discarded: sessionsOf(ctx).discard(input.batchId) }),

  'import.accept': (ctx, input) => {
    const b = batchOf(ctx, input.batchId);
    const marked = b.accept(input.indexes, input.allNewKeys);
    if (marked === 0) fail('bad_request', '所选文件中没有需要接受的密钥或未签名文件，请先预演', 'indexes');
    const files = b.plan(ctx.store.db);
    return { files, summary: b.summary(files) };
  },

  'import.log': (ctx, input) => {
    // Units as people know them: by name, looked up once for the page.
    const names = new Map(listUnits(ctx.store.db).map((u) => [u.code, u.name]));
    const entries = listImports(ctx.store.db, input).map((e): ImportLogRow => {
      const d = (e.details ?? {}) as { unitCode?: string; period?: string; revision?: number; changedValues?: number; seal?: SealState | null };
      const period = d.period ? parsePeriodKey(d.period) : null;
      return {
        id: e.id,
        fileName: e.fileName,
        sha256: e.sha256,
        storedPath: e.storedPath,
        importedAt: e.importedAt,
        operator: e.operator,
        outcome: e.outcome,
        message: e.message,
        unitCode: d.unitCode ?? null,
        unitName: d.unitCode ? (names.get(d.unitCode) ?? null) : null,
        period: d.period ?? null,
        periodLabel: period ? formatPeriodLabel(period) : null,
        revision: d.revision ?? null,
        changedValues: d.changedValues ?? null,
        seal: d.seal ?? null,
      };
    });
    return { entries };
  },

  'import.addUnits': (ctx, input) => {
    const fallback = input.fallbackParentCode ? resolveUnit(ctx, input.fallbackParentCode) : selfUnit(ctx);
    const added = addUnitsFromFiles(ctx.store.db, input.units, fallback);
    return {
      added: added.map((u) => ({ code: u.code, name: u.name, parentCode: u.parentId === null ? null : (findUnitById(ctx.store.db, u.parentId)?.code ?? null) })),
    };
  },

};
