/**
 * What the import tests share: the templates, a city office with a
 * department, a county and the county's department, and the dry run / apply
 * calls through the API as the UI makes them.
 */
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { FilePlan } from '../../../shared/api/methods/import';
import type { WorkbookUnit, WorkbookValue } from '../../../shared/workbook/format';
import { defaultResourcesDir } from '../paths';
import { loadTemplates } from '../templates/registry';
import { fillEveryCell } from './seedValues';
import { tempBackend, type TempBackend } from './tempBackend';

export const templates = loadTemplates(path.join(defaultResourcesDir(), 'templates'));
export const suining = templates.get('suining-2017')!;
export const national = templates.get('national-2021')!;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export const D01: WorkbookUnit = { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' };
export const C01: WorkbookUnit = { code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' };
export const C01D: WorkbookUnit = { code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' };

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const codeOf = (plan: FilePlan) => plan.problems.map((p) => p.code);
export const valuesFor = (unit: string, salt = 0): WorkbookValue[] => fillEveryCell(suining, unit, MONTHS, salt);

export type ImportOptions = { takeVisible?: boolean; period?: { year: number; fromMonth: number; toMonth: number } };

export interface ImportHarness {
  /** This test's backend (a new one for each test). */
  readonly b: TempBackend;
  dryRun(files: [string, Uint8Array][], opts?: ImportOptions): Promise<{ batchId: string; plans: FilePlan[] }>;
  applyAll(batchId: string): Promise<FilePlan[]>;
  importFiles(files: [string, Uint8Array][], opts?: ImportOptions): Promise<{ plans: FilePlan[]; applied: FilePlan[] }>;
  /** Values, history and submissions: what an import must leave alone when it refuses a file. */
  figures(): string;
  storedYear(unitCode: string, templateId?: string): Promise<{ indicator: string; col: string; month: number; value: number }[]>;
}

/** Registers a fresh office backend for each test of the calling file. */
export function useImportBackend(): ImportHarness {
  let backend: TempBackend | undefined;
  beforeEach(async () => {
    backend = await tempBackend({ role: 'aggregator' });
    await backend.invoke('units.create', { code: 'D01', name: '市财政局', kind: '部门', parentCode: 'TEST-01' });
    await backend.invoke('units.create', { code: 'C01', name: '船山区', kind: '县区', parentCode: 'TEST-01' });
    await backend.invoke('units.create', { code: 'C01-D1', name: '船山区教育局', kind: '部门', parentCode: 'C01' });
  });
  afterEach(() => backend?.dispose());
  const b = () => backend!;
  const h: ImportHarness = {
    get b() {
      return b();
    },
    async dryRun(files, opts = {}) {
      const { batchId } = await b().invoke('import.begin', opts);
      await b().invoke('import.add', { batchId, files: files.map(([name, bytes]) => ({ name, bytes })) });
      const plan = await b().invoke('import.plan', { batchId });
      return { batchId, plans: plan.files };
    },
    async applyAll(batchId) {
      const out: FilePlan[] = [];
      for (;;) {
        const r = await b().invoke('import.apply', { batchId, count: 2 });
        out.push(...r.applied);
        if (r.remaining === 0) return out;
      }
    },
    async importFiles(files, opts = {}) {
      const { batchId, plans } = await h.dryRun(files, opts);
      return { plans, applied: await h.applyAll(batchId) };
    },
    figures() {
      const db = b().ctx.store.db;
      return JSON.stringify(['month_values', 'value_changes', 'submissions'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
    },
    storedYear: (unitCode, templateId = 'suining-2017') => b().invoke('values.getYear', { templateId, year: 2017, unitCode }).then((r) => r.values),
  };
  return h;
}
