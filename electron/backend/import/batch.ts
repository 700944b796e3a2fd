/**
 * One import batch: files are read as they are added, then planned as a
 * whole (a dry run: nothing written) and applied one file at a time, each
 * file in one transaction. Planning walks the files in order over an
 * overlay of what earlier files in the batch would store, so the preview
 * says what applying really does (a department's own file followed by its
 * county's bundle with the same figures: the second changes nothing).
 */
import type Database from 'better-sqlite3';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { evaluateRules } from '../../../shared/rules/evaluate';
import { currentMonth, formatPeriodKey, formatPeriodLabel, isAfterMonth, isWholeYear, periodMonths, type Period } from '../../../shared/values/period';
import type { WorkbookUnit, WorkbookValue } from '../../../shared/workbook/format';
import type { FilePlan, FileStatus } from '../../../shared/api/methods/import';
import type { ReceivedExplanation } from '../../../shared/api/methods/office';
import type { MonthContent } from '../../../shared/office/submissionStatus';
import { packMonth } from '../../../shared/workbook/packedValues';
import { visibleFigures } from '../workbook/figures';
import { currentSubmission, currentSubmissions } from '../store/submissions';
import { periodFigures, type MonthlyFigures } from '../store/aggregate';
import { findUnitByCode } from '../store/units';
import { decodeMonth, readUnitMonths } from '../store/monthValues';
import type { MonthReplacement } from '../store/values';
import { monthFingerprint } from '../workbook/monthFingerprint';
import { ImportRefusal, type ImportProblem } from '../workbook/problems';
import { readWorkbook, type ReadWorkbook } from './readWorkbook';
import { sha256 } from '../workbook/monthFingerprint';

export interface BatchOptions {
  templates: (id: string) => Template | undefined;
  takeVisible?: boolean;
  /** Files outside this period are refused. */
  period?: Period;
  /** The month the dry run takes as now (tests); the computer's clock otherwise. */
  today?: { year: number; month: number };
}

export interface BatchFile {
  index: number;
  name: string;
  bytes: Uint8Array;
  sha256: string;
  read?: ReadWorkbook;
  /** Refused while reading (not an xlsx, zip bomb, …). */
  refusal?: ImportProblem;
  /** The dry run's plan, once there has been one. */
  preview?: FilePlan;
  /** Set once applied (or refused at apply time). */
  applied?: FilePlan;
  /** What a reader threw that was not a refusal (a bug the fuzzer looks for). */
  internalError?: unknown;
  /** Refused before it was read (a device, a pipe, too large): no bytes, nothing kept. */
  unread?: { size: number };
  /** Values and fingerprint per unit and month, worked out once. */
  months?: Map<string, { values: Map<string, number>; fingerprint: string }>;
}

const unitMonth = (unitCode: string, month: number) => `${unitCode}\t${month}`;

/** The file's values grouped by unit and month, each group with its fingerprint (what submissions compare). */
function monthsOf(f: BatchFile): Map<string, { values: Map<string, number>; fingerprint: string }> {
  if (f.months) return f.months;
  const r = f.read!;
  const groups = new Map<string, Map<string, number>>();
  for (const u of r.units) for (const m of periodMonths(r.meta.period)) groups.set(unitMonth(u.code, m), new Map());
  for (const m of r.months) {
    const k = unitMonth(m.unitCode, m.month);
    if (groups.has(k)) groups.set(k, m.values);
  }
  // Rows read from a checked data sheet are already packed; anything else is packed here.
  const read = new Map(r.rows?.map((row) => [unitMonth(row.unitCode, row.month), row.chunks]));
  const cells = templateCells(r.template);
  f.months = new Map(
    [...groups].map(([k, values]) => {
      const [unitCode, month] = k.split('\t');
      const chunks = r.rows ? (read.get(k) ?? []) : packMonth(cells, values);
      return [k, { values, fingerprint: monthFingerprint(r.template, r.meta.period.year, Number(month), unitCode, chunks) }];
    }),
  );
  return f.months;
}

/** What applying a file writes: the unit-months whose figures change, and the submission of each unit-month. */
export interface FileWork {
  replace: MonthReplacement[];
  changedValues: number;
  months: { unitId: number; month: number; fingerprint: string; content: MonthContent; completed: boolean; explanations: ReceivedExplanation[] }[];
}

interface MonthState {
  revision: number;
  fingerprint: string;
  /** ref → value within the month. */
  values: Map<string, number>;
}

export function readBatchFile(index: number, name: string, bytes: Uint8Array, opts: BatchOptions): BatchFile {
  const file: BatchFile = { index, name, bytes, sha256: sha256(bytes) };
  try {
    file.read = readWorkbook(bytes, opts);
  } catch (e) {
    if (!(e instanceof ImportRefusal)) {
      // A reader fault, not the file's: refused in Chinese all the same, the cause kept for the log and the fuzzer.
      console.error(`[import] reading ${name} failed`, e);
      file.internalError = e;
      file.refusal = { code: 'corrupt_zip', message: '无法读取此文件（文件可能已损坏，或是本软件无法识别的写法）' };
    } else file.refusal = e.problem;
  }
  return file;
}

const unitMonthKey = (unitCode: string, templateId: string, year: number, month: number) => `${unitCode}\t${templateId}\t${year}\t${month}`;

/** Files carrying the same unit and month with the same revision but different figures: neither can be trusted over the other. */
function batchConflicts(files: BatchFile[]): Map<number, string> {
  const seen = new Map<string, { index: number; revision: number; fingerprint: string; name: string }>();
  const out = new Map<number, string>();
  for (const f of files) {
    const r = f.read;
    if (!r) continue;
    for (const u of r.units) {
      for (const m of periodMonths(r.meta.period)) {
        const key = unitMonthKey(u.code, r.template.id, r.meta.period.year, m);
        const fp = monthsOf(f).get(unitMonth(u.code, m))!.fingerprint;
        const prev = seen.get(key);
        if (!prev) {
          seen.set(key, { index: f.index, revision: r.meta.revision, fingerprint: fp, name: f.name });
          continue;
        }
        if (prev.revision === r.meta.revision && prev.fingerprint !== fp) {
          const what = `${u.name || u.code} ${r.meta.period.year}年${m}月`;
          out.set(f.index, `与同批文件“${prev.name}”都是 ${what} 的第 ${r.meta.revision} 版，但数据不同，无法判断以哪份为准`);
          if (!out.has(prev.index)) out.set(prev.index, `与同批文件“${f.name}”都是 ${what} 的第 ${r.meta.revision} 版，但数据不同，无法判断以哪份为准`);
        } else if (r.meta.revision > prev.revision) seen.set(key, { index: f.index, revision: r.meta.revision, fingerprint: fp, name: f.name });
      }
    }
  }
  return out;
}

export function basePlan(f: BatchFile): FilePlan {
  const r = f.read;
  return {
    index: f.index,
    name: f.name,
    sha256: f.sha256,
    size: f.unread?.size ?? f.bytes.length,
    status: 'rejected',
    kind: r?.meta.kind ?? null,
    source: r?.source ?? null,
    unitCode: r?.meta.unitCode ?? null,
    unitName: r?.meta.unitName ?? null,
    templateId: r?.template.id ?? null,
    templateName: r?.template.name ?? null,
    period: r ? formatPeriodKey(r.meta.period) : null,
    periodLabel: r ? formatPeriodLabel(r.meta.period) : null,
    revision: r?.meta.revision ?? null,
    units: r?.units.map((u) => ({ code: u.code, name: u.name })) ?? [],
    changedValues: 0,
    problems: [],
    warnings: [],
    differences: r?.differences ?? [],
    violations: [],
    unknownUnits: [],
  };
}

/**
 * Plans one file against the store plus the overlay of earlier files in the
 * batch (updated in place when the file would apply). Returns the plan and,
 * unless rejected, the work that applying it does.
 */
export function planFile(
  db: Database.Database,
  f: BatchFile,
  opts: BatchOptions,
  conflict: string | undefined,
  overlay: Map<string, MonthState>,
  /** Rule checks are for the preview; applying does not need them again. */
  check = { rules: true },
): { plan: FilePlan; work: FileWork | null } {
  const plan = basePlan(f);
  const reject = (p: ImportProblem | ImportProblem[]) => {
    plan.problems.push(...(Array.isArray(p) ? p : [p]));
    plan.status = 'rejected';
    return { plan, work: null };
  };
  if (f.refusal) return reject(f.refusal);
  const r = f.read!;
  if (r.problems.length) return reject(r.problems);
  if (r.differences.length) {
    return reject({
      code: 'tampered',
      message: `可见数据与隐藏数据不一致（${r.differences.length} 处，如 ${r.differences.slice(0, 3).map((d) => `${d.sheet}!${d.cell}`).join('、')}），文件在导出后被改动过。可让报送单位重新导出，或选择“以可见数据为准”导入`,
    });
  }
  if (r.meta.kind === 'blank' && r.values.length === 0) return reject({ code: 'empty', message: '空白模板尚未填写任何数据' });
  const p = r.meta.period;
  if (opts.period) {
    const o = opts.period;
    if (p.year !== o.year || p.fromMonth < o.fromMonth || p.toMonth > o.toMonth) {
      return reject({ code: 'period_out_of_range', message: `统计期间 ${formatPeriodLabel(p)} 不在本次导入的期间 ${formatPeriodLabel(o)} 之内` });
    }
  }
  if (conflict) return reject({ code: 'batch_conflict', message: conflict });

  const unitIds = new Map<string, number>();
  for (const u of r.units) {
    const unit = findUnitByCode(db, u.code);
    if (unit) unitIds.set(u.code, unit.id);
    else plan.unknownUnits.push({ code: u.code, name: u.name, kind: u.kind, parentCode: u.parentCode });
  }
  if (plan.unknownUnits.length) {
    return reject({
      code: 'unknown_unit',
      message: `单位名录中没有：${plan.unknownUnits.map((u) => `${u.name}（${u.code}）`).join('、')}。可先将其加入单位名录再导入`,
    });
  }

  const ahead = futureMonthsWithFigures(f, r, opts.today ?? currentMonth());
  if (ahead.length > 0) {
    plan.warnings.push({
      code: 'future_period',
      message: `文件中有尚未到来的月份的数据（${ahead.map((m) => `${p.year}年${m}月`).join('、')}），请确认统计期间或年份是否填错；如无误可照常导入`,
    });
  }

  // Worked out when needed: for a file with its data sheet only if a month would otherwise conflict.
  let shown: boolean | undefined;
  const shownSame = () => (shown ??= sameAsShown(db, r, unitIds, overlay));
  if (r.source === 'visible' && shownSame()) {
    plan.status = 'unchanged';
    return { plan, work: { replace: [], changedValues: 0, months: [] } };
  }
  // Hand-filled files, visible values taken on purpose, and the original export of figures already imported from its re-saved copy replace.
  const force = () => r.meta.revision === 0 || (opts.takeVisible ?? false) || shownSame();
  const work: FileWork = { replace: [], changedValues: 0, months: [] };
  let superseded = 0;
  let existing = 0;
  let total = 0;
  const newStates: [string, MonthState][] = [];
  const states = new Map(r.monthStates.map((s) => [unitMonth(s.unitCode, s.month), s]));
  for (const u of r.units) {
    const unitId = unitIds.get(u.code)!;
    const mine = periodMonths(p).map((m) => ({ month: m, values: monthsOf(f).get(unitMonth(u.code, m))!.values }));
    if (check.rules) plan.violations.push(...violationsOf(r.template, p, u, mine));
    const stored = new Map<number, Map<string, number>>();
    // The unit's current submissions of the year, in one query (a city's batch has 6,000 unit-months).
    const subs = new Map(currentSubmissions(db, r.template.id, p.year, [unitId]).map((s) => [s.month, s]));
    for (const m of periodMonths(p)) {
      total++;
      const key = unitMonthKey(u.code, r.template.id, p.year, m);
      const { values: monthValues, fingerprint } = monthsOf(f).get(unitMonth(u.code, m))!;
      let state = overlay.get(key);
      if (!state) {
        const sub = subs.get(m);
        if (sub) state = { revision: sub.revision, fingerprint: sub.fingerprint, values: storedMonth(db, stored, unitId, r.template.id, p, m) };
      }
      if (state) {
        existing++;
        if (r.meta.revision < state.revision) {
          superseded++;
          continue;
        }
        if (r.meta.revision === state.revision && state.fingerprint !== fingerprint && !force()) {
          return reject({
            code: 'revision_conflict',
            message: `${u.name || u.code} ${p.year}年${m}月 已导入过第 ${state.revision} 版，本文件也是第 ${r.meta.revision} 版但数据不同，请让报送单位重新导出`,
          });
        }
      }
      const before = state?.values ?? storedMonth(db, stored, unitId, r.template.id, p, m);
      const after = monthValues;
      // A month new to the store (most of a month-end batch) changes every figure it carries.
      let changed = 0;
      if (before.size === 0) changed = after.size;
      else {
        for (const [ref, value] of after) if (before.get(ref) !== value) changed++;
        for (const ref of before.keys()) if (!after.has(ref)) changed++;
      }
      if (changed > 0) work.replace.push({ unitId, templateId: r.template.id, year: p.year, month: m, values: after });
      work.changedValues += changed;
      const declared = states.get(unitMonth(u.code, m));
      work.months.push({
        unitId,
        month: m,
        fingerprint,
        content: declared?.state === 'noData' ? 'noData' : after.size > 0 ? 'figures' : 'empty',
        completed: declared !== undefined,
        explanations: declared?.explanations.map((e) => ({ message: e.message, explanation: e.explanation })) ?? [],
      });
      newStates.push([key, { revision: Math.max(r.meta.revision, state?.revision ?? 0), fingerprint, values: after }]);
    }
  }
  for (const [k, s] of newStates) overlay.set(k, s);
  plan.changedValues = work.changedValues;
  let status: FileStatus;
  if (superseded === total) status = 'superseded';
  else if (work.changedValues === 0 && existing > 0) status = 'unchanged';
  else if (existing === 0) status = 'new';
  else status = 'updated';
  plan.status = status;
  return { plan, work };
}

/**
 * Whether the store holds the same revision of this unit's period showing the
 * same figures as this file. A re-saved copy (read from the visible sheets)
 * may have lost the monthly breakdown of table sheets: against its original
 * it changes nothing, and the original may replace it.
 */
function sameAsShown(db: Database.Database, r: ReadWorkbook, unitIds: Map<string, number>, overlay: Map<string, MonthState>): boolean {
  if (r.meta.revision === 0 || r.units.length !== 1) return false;
  const p = r.meta.period;
  const unitCode = r.units[0].code;
  const unitId = unitIds.get(unitCode)!;
  const stored: WorkbookValue[] = [];
  const cache = new Map<number, Map<string, number>>();
  for (const m of periodMonths(p)) {
    const key = unitMonthKey(unitCode, r.template.id, p.year, m);
    const state = overlay.get(key);
    const revision = state?.revision ?? currentSubmission(db, unitId, r.template.id, p.year, m)?.revision;
    if (revision !== r.meta.revision) return false;
    const values = state?.values ?? storedMonth(db, cache, unitId, r.template.id, p, m);
    for (const [ref, value] of values) {
      const def = templateCells(r.template).get(ref);
      if (def) stored.push({ unitCode, indicator: def.indicator, col: def.col, month: m, value });
    }
  }
  const a = visibleFigures(r.template, p, stored);
  const b = visibleFigures(r.template, p, r.values);
  const same = (x: Map<string, number>, y: Map<string, number>) => x.size === y.size && [...x].every(([k, v]) => Math.round(v * 100) === Math.round((y.get(k) ?? NaN) * 100));
  const listRefs = [...a.monthly.keys(), ...b.monthly.keys()].filter((ref) => templateCells(r.template).get(ref)?.col === '');
  const monthlySame = listRefs.every((ref) => periodMonths(p).every((m) => (a.monthly.get(ref)?.[m] ?? null) === (b.monthly.get(ref)?.[m] ?? null)));
  return monthlySame && same(a.period, b.period);
}

/** The months of the file's period after today's in which any of its units has a figure. */
function futureMonthsWithFigures(f: BatchFile, r: ReadWorkbook, today: { year: number; month: number }): number[] {
  const p = r.meta.period;
  return periodMonths(p).filter((m) => isAfterMonth(p.year, m, today) && r.units.some((u) => (monthsOf(f).get(unitMonth(u.code, m))?.values.size ?? 0) > 0));
}

function storedMonth(db: Database.Database, cache: Map<number, Map<string, number>>, unitId: number, templateId: string, p: Period, month: number): Map<string, number> {
  if (!cache.has(-1)) {
    for (const m of periodMonths(p)) cache.set(m, new Map());
    for (const row of readUnitMonths(db, unitId, templateId, p.year, p.fromMonth, p.toMonth)) {
      cache.set(row.month, decodeMonth(db, row));
    }
    cache.set(-1, new Map());
  }
  return cache.get(month)!;
}

function violationsOf(template: Template, p: Period, unit: WorkbookUnit, months: { month: number; values: Map<string, number> }[]) {
  if (months.every((m) => m.values.size === 0)) return [];
  const monthly: MonthlyFigures = new Map();
  for (const { month, values } of months) {
    for (const [ref, value] of values) {
      let arr = monthly.get(ref);
      if (!arr) monthly.set(ref, (arr = new Array<number | null>(13).fill(null)));
      arr[month] = value;
    }
  }
  const figures = periodFigures(template, monthly, p.fromMonth, p.toMonth);
  const scope = isWholeYear(p) ? 'year' : 'month';
  return evaluateRules(template, scope, (ref, year) => (year === 'current' ? figures.get(ref) : undefined)).map((v) => ({
    unitCode: unit.code,
    unitName: unit.name,
    severity: v.severity,
    message: v.message,
  }));
}

/** The dry run of a whole batch, in file order. */
export function planBatch(db: Database.Database, files: BatchFile[], opts: BatchOptions): FilePlan[] {
  const conflicts = batchConflicts(files);
  const overlay = new Map<string, MonthState>();
  return files.map((f) => f.applied ?? (f.preview = planFile(db, f, opts, conflicts.get(f.index), overlay).plan));
}

export { batchConflicts };
