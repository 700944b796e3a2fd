/**
 * One import batch: files are read and planned as they are added (a dry run:
 * nothing written), then applied a chunk at a time, each file in a savepoint
 * of its own. Planning walks the files in order over an overlay of what
 * earlier files in the batch would store, so the preview says what applying
 * really does (a department's own file followed by its county's bundle with
 * the same figures: the second changes nothing).
 *
 * A batch keeps per file only what the dry run shows (its plan) and what
 * applying needs (its bytes, or the path to read them from again, and the
 * revision and fingerprint of each unit-month it carries): never every
 * file's values at once, so a province's 10,000 workbooks merge in the
 * memory of a few. A file is read again when it is applied, and when a later
 * file of the batch needs the figures it would have stored (the same
 * unit-month twice in one batch).
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { templateCells } from '../../../shared/template/cells';
import type { Template } from '../../../shared/template/schema';
import { currentMonth, formatPeriodKey, formatPeriodLabel, isAfterMonth, periodMonths, type Period } from '../../../shared/values/period';
import { sameFigure } from '../../../shared/values/precision';
import type { WorkbookValue } from '../../../shared/workbook/format';
import { FINDINGS_SHOWN, type FilePlan, type FileStatus } from '../../../shared/api/methods/import';
import type { ReceivedExplanation } from '../../../shared/api/methods/office';
import type { MonthContent } from '../../../shared/office/submissionStatus';
import { visibleFigures } from '../workbook/figures';
import { currentSubmission, currentSubmissions } from '../store/submissions';
import { findUnitByCode } from '../store/units';
import { decodeMonth, readUnitMonths } from '../store/monthValues';
import type { MonthReplacement } from '../store/values';
import { ImportRefusal, type ImportProblem } from '../workbook/problems';
import type { ReadWorkbook } from './readWorkbook';
import { type FileRead, readFileForBatch } from './readFile';
import type { ReaderContext } from './readPool';
import { unpackRead, type WireWorkbook } from './readWire';
import { unitViolations } from './fileRules';
import { factPlace, type FileFacts, monthsOf, printAt, samePrint, unitMonth, type UnitMonths } from './fileFacts';
import { type KeyOverlay, type MonthSeal, planSeal, verifiedSeal } from './sealPlan';
import { sha256 } from '../workbook/monthFingerprint';

export interface BatchOptions {
  templates: (id: string) => Template | undefined;
  takeVisible?: boolean;
  /** Files outside this period are refused. */
  period?: Period;
  /** The month the dry run takes as now (tests); the computer's clock otherwise. */
  today?: { year: number; month: number };
  /** The key the office registered for a unit (readWorkbook: only files sealed by it skip the visible sheets). */
  registeredKey?: (unitCode: string) => string | undefined;
  /** Findings of each kind a kept plan lists (keptPlan): FINDINGS_SHOWN, what the page shows; the command line prints 10. */
  findingsKept?: number;
  /** What reader threads need to read this batch's files (readPool.ts); without it, files are read on the caller's thread. */
  readerContext?: () => ReaderContext;
}

export interface BatchFile {
  index: number;
  name: string;
  /** The file's bytes when the batch holds them (files sent to the backend); else they are read again from `path`. */
  bytes?: Uint8Array;
  path?: string;
  size: number;
  sha256: string;
  /** The file as read, held only between reading and planning or applying it (tests hold one on purpose). */
  read?: ReadWorkbook;
  /** The file as read, packed (readWire.ts), kept by the batch within its budget until applied (session.ts keep). */
  kept?: WireWorkbook;
  /** Revision and per unit-month fingerprints: what batch conflicts and the overlay need once the values are gone. */
  facts?: FileFacts;
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
  /** The office accepted this file (import.accept): its new or changed key, or its being unsigned. */
  accepted?: boolean;
}

/** What applying a file writes: the unit-months whose figures change, and the submission of each unit-month. */
export interface FileWork {
  replace: MonthReplacement[];
  changedValues: number;
  months: { unitId: number; month: number; fingerprint: string; seal: MonthSeal; content: MonthContent; completed: boolean; explanations: ReceivedExplanation[] }[];
  /** A key the office accepted with this file, registered when it is applied. */
  register?: { unitId: number; publicKey: string; action: 'accepted' | 'changed' };
}

interface MonthState {
  revision: number;
  fingerprint: string;
  seal: MonthSeal;
  /** ref → value within the month: the store's, or (batch overlay) read again from the file that states it. */
  values: Map<string, number> | { file: number };
}

/**
 * Reads a file for the batch: its facts are kept, its values returned (and
 * not kept). `keep` says where the bytes stay for applying: in the batch, or
 * on disk at a path they are read from again.
 */
export function readBatchFile(index: number, name: string, bytes: Uint8Array, opts: BatchOptions, keep: { path?: string } = {}): { file: BatchFile; read: ReadWorkbook | undefined } {
  return batchFileOf(index, name, bytes, readFileForBatch(bytes, opts), keep);
}

/** The batch's entry for a file read already (here or on a reader thread, readPool.ts). */
export function batchFileOf(index: number, name: string, bytes: Uint8Array, fr: FileRead, keep: { path?: string } = {}): { file: BatchFile; read: ReadWorkbook | undefined } {
  const file: BatchFile = { index, name, size: bytes.length, sha256: fr.sha256, ...(keep.path === undefined ? { bytes } : { path: keep.path }) };
  noteRead(file, fr);
  if (fr.read) file.facts = fr.facts;
  return { file, read: fr.read };
}

/** Keeps why a read refused the file; a reader fault is logged with its cause (the log and the fuzzer). */
export function noteRead(file: BatchFile, fr: FileRead): ReadWorkbook | undefined {
  if (fr.internalError !== undefined) {
    console.error(`[import] reading ${file.name} failed`, fr.internalError);
    file.internalError = fr.internalError;
  }
  if (fr.refusal) file.refusal = fr.refusal;
  return fr.read;
}

/** Reads the file's bytes (a read again when it has facts), or says why it cannot be read (file.refusal). */
function readInto(file: BatchFile, bytes: Uint8Array, opts: BatchOptions): ReadWorkbook | undefined {
  return noteRead(file, readFileForBatch(bytes, opts, file.facts, file.sha256));
}

/**
 * A file's bytes again: held by the batch, or read from its path. Either way
 * they must hash as when the dry run read them (reading them again skips the
 * checks that run found passed), else the file is refused.
 */
export function bytesOf(f: BatchFile): Uint8Array {
  const bytes = f.bytes ?? (f.path === undefined ? new Uint8Array(0) : fs.readFileSync(f.path));
  if (bytes.length !== f.size || sha256(bytes) !== f.sha256) throw new ImportRefusal({ code: 'changed_since_planned', message: '文件在预演之后被改动或替换过，请重新导入' });
  return bytes;
}

/** The file read again for applying or for a later file's comparison (values are not kept between uses). */
export function readAgain(f: BatchFile, opts: BatchOptions, bytes?: Uint8Array): ReadWorkbook | undefined {
  if (f.read) return f.read;
  const template = f.kept && f.facts ? opts.templates(f.kept.templateId) : undefined;
  if (f.kept && f.facts && template) {
    // Kept by the batch from the dry run's read of these same bytes (applyNext checks they still hash so).
    const r = unpackRead(f.kept, template);
    monthsOf(r, f.facts);
    return r;
  }
  bytes ??= bytesOf(f);
  if (f.refusal || f.unread) return undefined;
  return readInto(f, bytes, opts);
}

/**
 * What a batch knows of each unit-month its files state, in one map: the
 * file later files are compared with (batch conflicts) and what the files
 * planned so far would store (the overlay). Each entry refers to files and
 * places in their facts instead of copying revision and fingerprint; keys
 * are numbers (a number per unit, template and year, times 13, plus the
 * month), so a unit-month costs a map slot and a small object (issue 19:
 * two maps keyed by strings were half of what a planned file kept).
 */
export class UnitMonthIndex {
  private readonly years = new Map<string, number>();
  private readonly entries = new Map<number, UnitMonthEntry>();

  key(unitCode: string, templateId: string, year: number, month: number): number {
    const k = `${unitCode}\t${templateId}\t${year}`;
    let id = this.years.get(k);
    if (id === undefined) this.years.set(k, (id = this.years.size));
    return id * 13 + month;
  }

  get(key: number): UnitMonthEntry | undefined {
    return this.entries.get(key);
  }

  add(key: number, seenFile: number, seenPlace: number): UnitMonthEntry {
    const e: UnitMonthEntry = { seenFile, seenPlace, stateFile: -1, statePlace: -1, stateRevision: 0, stateSeal: 'unsigned' };
    this.entries.set(key, e);
    return e;
  }

  /** The overlay starts again (a new dry run of the whole batch); what was seen stays. */
  clearStates(): void {
    for (const e of this.entries.values()) e.stateFile = -1;
  }
}

export interface UnitMonthEntry {
  /** The file later files of the batch are compared with (its revision and fingerprint), and the month's place in its facts. */
  seenFile: number;
  seenPlace: number;
  /** The file whose figures earlier files would store here (-1: none), the month's place in its facts, revision and seal. */
  stateFile: number;
  statePlace: number;
  stateRevision: number;
  stateSeal: MonthSeal;
}

/** Adds one file to the conflicts found so far; returns the earlier files it newly conflicts with (their previews are wrong now). */
export function noteConflicts(index: UnitMonthIndex, files: BatchFile[], out: Map<number, string>, f: BatchFile): number[] {
  const earlier: number[] = [];
  const r = f.facts;
  if (!r) return earlier;
  r.units.forEach(({ code: unitCode, name: unitName }, u) => {
    for (let m = r.fromMonth; m <= r.toMonth; m++) {
      const place = factPlace(r, u, m);
      const key = index.key(unitCode, r.templateId, r.year, m);
      const prev = index.get(key);
      if (!prev) {
        index.add(key, f.index, place);
        continue;
      }
      const before = files[prev.seenFile];
      const was = before.facts!;
      if (was.revision === r.revision && !samePrint(was, prev.seenPlace, r, place)) {
        const what = `${unitName || unitCode} ${r.year}年${m}月`;
        out.set(f.index, `与同批文件“${before.name}”都是 ${what} 的第 ${r.revision} 版，但数据不同，无法判断以哪份为准`);
        if (!out.has(before.index)) {
          out.set(before.index, `与同批文件“${f.name}”都是 ${what} 的第 ${r.revision} 版，但数据不同，无法判断以哪份为准`);
          earlier.push(before.index);
        }
      } else if (r.revision > was.revision) {
        prev.seenFile = f.index;
        prev.seenPlace = place;
      }
    }
  });
  return earlier;
}

export function basePlan(f: BatchFile, r: ReadWorkbook | undefined): FilePlan {
  return {
    index: f.index,
    name: f.name,
    sha256: f.sha256,
    size: f.unread?.size ?? f.size,
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
    seal: f.refusal?.code === 'bad_signature' ? { state: 'invalid', keyCode: null, registeredKeyCode: null, signer: null, acceptable: false, accepted: false } : null,
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
  read: ReadWorkbook | undefined,
  opts: BatchOptions,
  conflict: string | undefined,
  overlay: Overlay,
  /** Rule checks are for the preview; applying does not need them again. */
  check = { rules: true },
): { plan: FilePlan; work: FileWork | null } {
  const plan = basePlan(f, read);
  const reject = (p: ImportProblem | ImportProblem[]) => {
    plan.problems.push(...(Array.isArray(p) ? p : [p]));
    plan.status = 'rejected';
    return { plan, work: null };
  };
  if (f.refusal) return reject(f.refusal);
  const r = read!;
  if (r.problems.length) return reject(r.problems);
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

  const sealed = planSeal(db, r, unitIds, f.accepted ?? false, overlay.keys);
  plan.seal = sealed.info;
  if (sealed.problem) return reject(sealed.problem);
  if (r.differences.length) {
    return reject({
      code: 'tampered',
      message: `可见数据与隐藏数据不一致（${r.differences.length} 处，如 ${r.differences.slice(0, 3).map((d) => `${d.sheet}!${d.cell}`).join('、')}），文件在导出后被改动过。可让报送单位重新导出，或选择“以可见数据为准”导入`,
    });
  }

  const ahead = futureMonthsWithFigures(r, opts.today ?? currentMonth());
  if (ahead.length > 0) {
    plan.warnings.push({
      code: 'future_period',
      message: `文件中有尚未到来的月份的数据（${ahead.map((m) => `${p.year}年${m}月`).join('、')}），请确认统计期间或年份是否填错；如无误可照常导入`,
    });
  }

  // Worked out when needed: for a file with its data sheet only if a month would otherwise conflict.
  let shown: boolean | undefined;
  const shownSame = () => (shown ??= sameAsShown(db, r, unitIds, overlay));
  const months = monthsOf(r);
  if (r.source === 'visible' && shownSame()) {
    plan.status = 'unchanged';
    return { plan, work: { replace: [], changedValues: 0, months: [], register: sealed.register } };
  }
  // Hand-filled files, visible values taken on purpose, and the original export of figures already imported from its re-saved copy replace.
  const force = () => r.meta.revision === 0 || (opts.takeVisible ?? false) || shownSame();
  const work: FileWork = { replace: [], changedValues: 0, months: [], register: sealed.register };
  let superseded = 0;
  let existing = 0;
  let total = 0;
  const newStates: { unitCode: string; month: number; place: number; revision: number; seal: MonthSeal }[] = [];
  const states = new Map(r.monthStates.map((s) => [unitMonth(s.unitCode, s.month), s]));
  for (const [ui, u] of r.units.entries()) {
    const unitId = unitIds.get(u.code)!;
    const seal = sealed.units.get(u.code) ?? 'unsigned';
    const verified = verifiedSeal(seal);
    const mine = periodMonths(p).map((m) => ({ month: m, values: months.get(unitMonth(u.code, m))!.values }));
    if (check.rules) plan.violations.push(...unitViolations(r, u, mine));
    const stored = new Map<number, Map<string, number>>();
    // The unit's current submissions of the year, in one query (a city's batch has 6,000 unit-months).
    const subs = new Map(currentSubmissions(db, r.template.id, p.year, [unitId]).map((s) => [s.month, s]));
    for (const m of periodMonths(p)) {
      total++;
      const { values: monthValues, fingerprint } = months.get(unitMonth(u.code, m))!;
      let state = overlay.state(u.code, r.template.id, p.year, m);
      if (!state) {
        const sub = subs.get(m);
        if (sub) state = { revision: sub.revision, fingerprint: sub.fingerprint, seal: sub.seal as MonthSeal, values: storedMonth(db, stored, unitId, r.template.id, p, m) };
      }
      // A verified month outranks an unverified one whatever the revision numbers (anyone can write a revision into an unsigned file),
      // and an unverified file never replaces a verified month.
      const outranks = state !== undefined && verified && !verifiedSeal(state.seal);
      if (state) {
        existing++;
        if ((!verified && verifiedSeal(state.seal)) || (!outranks && r.meta.revision < state.revision)) {
          superseded++;
          continue;
        }
        if (!outranks && r.meta.revision === state.revision && state.fingerprint !== fingerprint && !force()) {
          return reject({
            code: 'revision_conflict',
            message: `${u.name || u.code} ${p.year}年${m}月 已导入过第 ${state.revision} 版，本文件也是第 ${r.meta.revision} 版但数据不同，请让报送单位重新导出`,
          });
        }
      }
      const before = state ? overlay.valuesOf(state, u.code, m) : storedMonth(db, stored, unitId, r.template.id, p, m);
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
        seal,
        content: declared?.state === 'noData' ? 'noData' : after.size > 0 ? 'figures' : 'empty',
        completed: declared !== undefined,
        explanations: declared?.explanations.map((e) => ({ message: e.message, explanation: e.explanation })) ?? [],
      });
      newStates.push({
        unitCode: u.code,
        month: m,
        place: ui * periodMonths(p).length + (m - p.fromMonth),
        revision: outranks ? r.meta.revision : Math.max(r.meta.revision, state?.revision ?? 0),
        seal: verified || !state ? seal : state.seal,
      });
    }
  }
  for (const n of newStates) overlay.put(n.unitCode, r.template.id, p.year, n.month, f, n.place, n.revision, n.seal);
  if (sealed.register) overlay.keys.set(sealed.register.unitId, sealed.register.publicKey);
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
function sameAsShown(db: Database.Database, r: ReadWorkbook, unitIds: Map<string, number>, overlay: Overlay): boolean {
  if (r.meta.revision === 0 || r.units.length !== 1) return false;
  const p = r.meta.period;
  const unitCode = r.units[0].code;
  const unitId = unitIds.get(unitCode)!;
  const stored: WorkbookValue[] = [];
  const cache = new Map<number, Map<string, number>>();
  for (const m of periodMonths(p)) {
    const state = overlay.state(unitCode, r.template.id, p.year, m);
    const revision = state?.revision ?? currentSubmission(db, unitId, r.template.id, p.year, m)?.revision;
    if (revision !== r.meta.revision) return false;
    const values = state ? overlay.valuesOf(state, unitCode, m) : storedMonth(db, cache, unitId, r.template.id, p, m);
    for (const [ref, value] of values) {
      const def = templateCells(r.template).get(ref);
      if (def) stored.push({ unitCode, indicator: def.indicator, col: def.col, month: m, value });
    }
  }
  const a = visibleFigures(r.template, p, stored);
  const b = visibleFigures(r.template, p, r.values);
  const same = (x: Map<string, number>, y: Map<string, number>) => x.size === y.size && [...x].every(([k, v]) => y.has(k) && sameFigure(v, y.get(k)!));
  const listRefs = [...a.monthly.keys(), ...b.monthly.keys()].filter((ref) => templateCells(r.template).get(ref)?.col === '');
  const monthlySame = listRefs.every((ref) => periodMonths(p).every((m) => (a.monthly.get(ref)?.[m] ?? null) === (b.monthly.get(ref)?.[m] ?? null)));
  return monthlySame && same(a.period, b.period);
}

/** The months of the file's period after today's in which any of its units has a figure. */
function futureMonthsWithFigures(r: ReadWorkbook, today: { year: number; month: number }): number[] {
  const p = r.meta.period;
  return periodMonths(p).filter((m) => isAfterMonth(p.year, m, today) && r.units.some((u) => (monthsOf(r).get(unitMonth(u.code, m))?.values.size ?? 0) > 0));
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

/**
 * What earlier files of a batch would store, by unit-month: revision and
 * fingerprint, the figures read again from the file when a later file needs
 * them (the store's own are read from the store).
 */
export interface Overlay {
  /** What the files planned before would store for this unit-month, if any of them states it. */
  state(unitCode: string, templateId: string, year: number, month: number): MonthState | undefined;
  /** File f would store this unit-month (at `place` in its facts) with this revision and seal. */
  put(unitCode: string, templateId: string, year: number, month: number, f: BatchFile, place: number, revision: number, seal: MonthSeal): void;
  /** Keys registered by earlier files of the batch (accepted by the office; applying registers them for real). */
  keys: KeyOverlay;
  valuesOf(state: MonthState, unitCode: string, month: number): Map<string, number>;
}

/**
 * An overlay kept in the batch's unit-month index (started afresh: a new dry
 * run of the whole batch), whose figures are read again from the batch's
 * files (one file at a time, the last one kept).
 */
export function batchOverlay(files: BatchFile[], opts: BatchOptions, index: UnitMonthIndex): Overlay {
  index.clearStates();
  let last: { index: number; months: UnitMonths } | undefined;
  return {
    state(unitCode, templateId, year, month) {
      const e = index.get(index.key(unitCode, templateId, year, month));
      if (!e || e.stateFile < 0) return undefined;
      return { revision: e.stateRevision, fingerprint: printAt(files[e.stateFile].facts!, e.statePlace), seal: e.stateSeal, values: { file: e.stateFile } };
    },
    put(unitCode, templateId, year, month, f, place, revision, seal) {
      const key = index.key(unitCode, templateId, year, month);
      const e = index.get(key) ?? index.add(key, f.index, place);
      e.stateFile = f.index;
      e.statePlace = place;
      e.stateRevision = revision;
      e.stateSeal = seal;
    },
    keys: new Map(),
    valuesOf(state, unitCode, month) {
      if (state.values instanceof Map) return state.values;
      const index = state.values.file;
      if (last?.index !== index) {
        const r = readAgain(files[index], opts);
        last = { index, months: r ? monthsOf(r) : new Map() };
      }
      return last.months.get(unitMonth(unitCode, month))?.values ?? new Map();
    },
  };
}

/** An overlay with nothing in it: applying plans each file against the store alone (what the file would store is not kept). */
export const storeOnly = (): Overlay => ({ state: () => undefined, put: () => {}, keys: new Map(), valuesOf: (s) => (s.values instanceof Map ? s.values : new Map()) });

/**
 * A plan as the batch keeps it: the first `max` findings of each
 * kind and how many there are in all (findingCounts). The national
 * template's rules find dozens in a file filled with made-up figures; kept
 * whole, a province's 10,000 dry runs held more findings than figures
 * (issue 19). The rest are worked out again on request (findingsOf).
 */
export function keptPlan(p: FilePlan, max: number = FINDINGS_SHOWN): FilePlan {
  const counts = {
    problems: Math.max(p.findingCounts?.problems ?? 0, p.problems.length),
    differences: Math.max(p.findingCounts?.differences ?? 0, p.differences.length),
    violations: Math.max(p.findingCounts?.violations ?? 0, p.violations.length),
  };
  if (counts.problems <= max && counts.differences <= max && counts.violations <= max) return p;
  return {
    ...p,
    problems: p.problems.slice(0, max),
    differences: p.differences.slice(0, max),
    violations: p.violations.slice(0, max),
    findingCounts: counts,
  };
}

/**
 * Every finding of a file whose kept plan lists only the first of a kind:
 * the problems and differences its read finds, the rule findings worked out
 * again from its figures (they depend on the file alone). The file is read
 * again (its bytes must hash as at the dry run).
 */
export function findingsOf(f: BatchFile, opts: BatchOptions): Pick<FilePlan, 'problems' | 'differences' | 'violations'> {
  const p = f.applied ?? f.preview;
  if (!p) return { problems: [], differences: [], violations: [] };
  const counts = p.findingCounts;
  if (!counts) return { problems: p.problems, differences: p.differences, violations: p.violations };
  const r = readAgain(f, opts);
  if (!r) return { problems: p.problems, differences: p.differences, violations: p.violations };
  const months = monthsOf(r);
  const violations =
    counts.violations > p.violations.length
      ? r.units.flatMap((u) => unitViolations(r, u, periodMonths(r.meta.period).map((m) => ({ month: m, values: months.get(unitMonth(u.code, m))!.values }))))
      : p.violations;
  return {
    problems: counts.problems > p.problems.length ? r.problems : p.problems,
    differences: counts.differences > p.differences.length ? r.differences : p.differences,
    violations,
  };
}

/**
 * Plans one file of a batch in order (the overlay holds the files before it),
 * keeping its plan as the preview. A file read earlier is read again.
 */
export function planInBatch(db: Database.Database, files: BatchFile[], f: BatchFile, opts: BatchOptions, conflicts: Map<number, string>, overlay: Overlay, read?: ReadWorkbook): FilePlan {
  if (f.applied) return f.applied;
  let r = read;
  if (!r && !f.refusal && !f.unread) {
    try {
      r = readAgain(f, opts);
    } catch (e) {
      if (!(e instanceof ImportRefusal)) throw e;
      f.refusal = e.problem;
    }
  }
  f.preview = keptPlan(planFile(db, f, r, opts, conflicts.get(f.index), overlay).plan, opts.findingsKept);
  return f.preview;
}

/** The dry run of a whole batch, in file order, each file read again one at a time. */
export function planBatch(db: Database.Database, files: BatchFile[], opts: BatchOptions): FilePlan[] {
  const index = new UnitMonthIndex();
  const conflicts = new Map<number, string>();
  for (const f of files) noteConflicts(index, files, conflicts, f);
  const overlay = batchOverlay(files, opts, index);
  return files.map((f) => planInBatch(db, files, f, opts, conflicts, overlay));
}
